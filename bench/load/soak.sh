#!/usr/bin/env bash
# The soak: everything-on Gatehouse under a steady mix of plain and streamed requests, minute by minute (requests/s,
# errors, memory), then an audit check. Writes its section of docs/reliability.md.
#
#   bench/load/soak.sh [--minutes 30] [--concurrency 8] [--stream-concurrency 4] [--pace-ms 5] [--body-size 1024]
#
# Takes the minutes asked for plus about a minute of builds and checks. Needs wrk (installed with apt-get if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (the load generator)" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi

dotnet build -c Release -v quiet -nologo src/Gatehouse >/dev/null
dotnet build -c Release -v quiet -nologo bench/Gatehouse.LoadBench >/dev/null

command="bench/load/soak.sh${*:+ $*}"
bench/Gatehouse.LoadBench/bin/Release/net10.0/Gatehouse.LoadBench soak \
  --gatehouse src/Gatehouse/bin/Release/net10.0/gatehouse.dll \
  --doc docs/reliability.md --command "$command" "$@"
