#!/usr/bin/env bash
# Where the gateway's CPU goes on the data path: runs the everything-on gateway (OIDC token from an issuer in its own
# process that the gateway trusts through identity.oidc, as in production; masking both ways, the bench policy, durable audit) under wrk with the small chat request and then with an
# agent's 49 KB first request, traces each load with dotnet-trace (sampled thread time), converts the traces to
# speedscope JSON and sums the busy samples per method and namespace (bench/profile/cpu-by-method.js) and per layer of
# the data path (bench/profile/cpu-by-layer.js). Before tracing it measures bare YARP's CPU per request under the same
# loads, and the gateway's untraced, so the layer table has its reference from the same sitting.
# The figures are in docs/designs/data-path-profile.md.
#
#   bench/profile/run.sh [OUTPUT_FOLDER (default /tmp/gatehouse-profile)] [--duration 15] [--warmup 3] [--concurrency 32]
#
# Needs wrk and node; installs dotnet-trace 10.0.750501 into /tmp/tools when it is missing. Takes about 3 minutes.
set -euo pipefail
source "$(dirname "$0")/common.sh"
profile_help "${1:-}"
cd "$(dirname "$0")/../.."
out=${1:-/tmp/gatehouse-profile}
[ $# -gt 0 ] && shift
trace=$(profile_tool dotnet-trace)
profile_needs wrk "apt-get install wrk (or run bench/load/run.sh once)"

profile_build
mkdir -p "$out"
bench/Gatehouse.LoadBench/bin/Release/net10.0/Gatehouse.LoadBench profile "$out" "$trace" \
  --gatehouse src/Gatehouse/bin/Release/net10.0/gatehouse.dll --duration 15 --warmup 3 "$@" | tee "$out/loads.txt"

for name in small agent49; do
  "$trace" convert --format Speedscope -o "$out/$name" "$out/$name.nettrace" >/dev/null  # writes $name.speedscope.json
  node bench/profile/cpu-by-method.js "$out/$name.speedscope.json" --top 40 > "$out/$name.txt"
  node bench/profile/cpu-by-layer.js "$out/$name.speedscope.json" > "$out/$name-layers.txt"  # add --cpu/--reference from loads.txt for µs
  cat "$out/$name-layers.txt"
  echo "== $name: $out/$name.txt"
  head -n 25 "$out/$name.txt"
done
