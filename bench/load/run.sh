#!/usr/bin/env bash
# The gateway benchmark: direct vs bare YARP vs Gatehouse (API-key auth, durable audit) on one fake upstream, side by
# side in one run, plus the audit store's own throughput benchmark. Writes its section of docs/benchmarks.md.
#
#   bench/load/run.sh [--duration 20] [--warmup 5] [--concurrency 32] [--threads 2] [--body-size 1024] [--stream]
#
# Takes about 2.5 minutes with the defaults (3 targets x (5 s warm-up + 20 s) plus builds and the audit benchmark).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (the load generator)" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi

dotnet build -c Release -v quiet -nologo src/Gatehouse >/dev/null
dotnet build -c Release -v quiet -nologo bench/Gatehouse.LoadBench >/dev/null
dotnet build -c Release -v quiet -nologo bench/Gatehouse.Audit.Benchmarks >/dev/null

audit=$(dotnet run -c Release --no-build --project bench/Gatehouse.Audit.Benchmarks -- --records 200000 --producers 64 | grep '^durable appends')
echo "$audit" >&2

command="bench/load/run.sh${*:+ $*}"
bench/Gatehouse.LoadBench/bin/Release/net10.0/Gatehouse.LoadBench \
  --gatehouse src/Gatehouse/bin/Release/net10.0/gatehouse.dll \
  --doc docs/benchmarks.md --command "$command" --audit-benchmark "$audit" "$@"
