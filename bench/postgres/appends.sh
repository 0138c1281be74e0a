#!/usr/bin/env bash
# Durable audit appends per second on PostgreSQL: group commit (the audit writer's batches, one transaction each)
# against one commit per record (the writer with a batch of one), beside the embedded SQLite store, in the same run.
# The figures come from the audit store benchmark (bench/Gatehouse.Audit.Benchmarks) with --provider; each PostgreSQL
# run appends into a fresh schema, dropped afterwards. docs/benchmarks.md is written by the lead from one quiet run;
# this script does not edit it.
#
#   bench/postgres/appends.sh [--records 200000] [--producers 64] [--rounds 1]
#
#   --records N     records per group-commit run (each exchange is two: intent and outcome); the one-commit-per-record
#                   baseline appends N/20 (at least 2 per producer), as the embedded benchmark does
#   --producers P   concurrent producers (exchanges in flight) feeding the one writer
#   --rounds R      repeat SQLite then PostgreSQL R times, interleaved, so drift on a shared machine hits both alike
#
# Starts its own throwaway PostgreSQL cluster (Debian's postgresql, installed with apt-get when missing) in a temporary
# directory on a free loopback port, with the server's defaults (fsync on, synchronous_commit on), and removes it at
# exit: build/test-postgres.sh, the suite's script. The server shares the machine with the benchmark; on 2 cores that
# is part of what is measured (a managed PostgreSQL on its own host would commit faster). Takes about a minute per round
# with the defaults, plus the build.
set -euo pipefail
cd "$(dirname "$0")/../.."

records=200000; producers=64; rounds=1
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --records) records=$2; shift 2 ;;
    --producers) producers=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

# shellcheck source=build/test-postgres.sh
. build/test-postgres.sh
trap pg_test_stop EXIT
trap 'pg_test_stop; exit 130' INT TERM
pg_test_start
export GATEHOUSE_BENCH_POSTGRES="$GATEHOUSE_TEST_POSTGRES"

dotnet build -c Release -v quiet -nologo bench/Gatehouse.Audit.Benchmarks >/dev/null
bench=(dotnet run -c Release --no-build --project bench/Gatehouse.Audit.Benchmarks --)
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds" >&2
  "${bench[@]}" --provider sqlite --records "$records" --producers "$producers" --verify-entries 0 | grep '^durable appends'
  "${bench[@]}" --provider postgres --records "$records" --producers "$producers" | grep '^durable appends'
done
