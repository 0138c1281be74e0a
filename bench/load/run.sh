#!/usr/bin/env bash
# The gateway benchmark, side by side in one run on one fake upstream: direct, bare YARP, Portkey's open-source gateway
# and Gatehouse layer by layer with an API key (auth + audit, + masking, + policy), then everything on with an OIDC token
# (and again with audit.durability: process) under wrk load, over one connection, and
# streamed (time to first byte, with either durability); 1,000 concurrent streams through Gatehouse (peak memory); an agent's 49 KB first
# request under load and over one connection; four 20-turn agent sessions (OpenAI chat and Anthropic messages,
# streamed and not) through a fresh gateway, whose store growth is measured; plus the audit store's own throughput
# benchmark. Writes its section of docs/benchmarks.md, with the targets of issues 12 and 18 marked met or missed.
#
# The OIDC token is issued as a production gateway's clients get theirs: by an issuer in a process of its own (a
# development issuer, `gatehouse serve --dev` on its own port and store, token from `gatehouse dev token`), which the
# gateway under test trusts through identity.oidc (discovery document and JWKS over HTTP); that gateway runs without --dev.
#
#   bench/load/run.sh [--duration 12] [--warmup 3] [--concurrency 32] [--threads 2] [--body-size 1024]
#                     [--stream-concurrency 8] [--pace-ms 5] [--streams 1000] [--hold 10] [--targets NAME[,NAME]]
#
# --targets runs only the named targets and passes (keys: direct, yarp, portkey, audit, masking, policy, oidc, process,
# sessions, oidc-dev; passes: load, one, stream, held, agent-load, agent-one; or a row's name as the report prints it),
# for measuring one row quickly: it prints the tables but does not rewrite docs/benchmarks.md, and skips the audit
# store benchmark. Example: bench/load/run.sh --targets policy,oidc,load (the API-key and OIDC all-on rows).
# `bench/Gatehouse.LoadBench/bin/Release/net10.0/Gatehouse.LoadBench --help` says more.
#
# Takes about 8 minutes with the defaults. Needs wrk (installed with apt-get if missing) and node with npm (Portkey's
# gateway is installed from npm into bench/load/portkey; without node the peer is left out and the report says so).
set -euo pipefail
if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
  exit 0
fi
cd "$(dirname "$0")/../.."

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (the load generator)" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi

portkey=()
if command -v npm >/dev/null 2>&1; then
  if [ ! -f bench/load/portkey/node_modules/@portkey-ai/gateway/build/start-server.js ]; then
    echo "installing Portkey's gateway (the peer) from npm" >&2
    npm ci --prefix bench/load/portkey --no-audit --no-fund --ignore-scripts >/dev/null
  fi
  portkey=(--portkey bench/load/portkey/node_modules/@portkey-ai/gateway/build/start-server.js)
else
  echo "node/npm not found: Portkey's gateway will not be measured" >&2
fi

dotnet build -c Release -v quiet -nologo src/Gatehouse >/dev/null
dotnet build -c Release -v quiet -nologo bench/Gatehouse.LoadBench >/dev/null
dotnet build -c Release -v quiet -nologo bench/Gatehouse.Audit.Benchmarks >/dev/null

filtered=
for arg in "$@"; do [ "$arg" = "--targets" ] && filtered=1; done
audit=
if [ -z "$filtered" ]; then
  audit=$(dotnet run -c Release --no-build --project bench/Gatehouse.Audit.Benchmarks -- --records 200000 --producers 64 | grep '^durable appends')
  echo "$audit" >&2
fi

command="bench/load/run.sh${*:+ $*}"
bench/Gatehouse.LoadBench/bin/Release/net10.0/Gatehouse.LoadBench \
  --gatehouse src/Gatehouse/bin/Release/net10.0/gatehouse.dll \
  --doc docs/benchmarks.md --command "$command" ${audit:+--audit-benchmark "$audit"} "${portkey[@]}" "$@"
