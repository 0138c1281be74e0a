#!/usr/bin/env bash
# What one durable audit record costs the SQLite store on disk, whatever the machine's load: the audit bench
# (bench/Gatehouse.Audit.Benchmarks) run under strace, and per run (one commit per record, then group commit) the
# records, the commits (syncs of the WAL), and the bytes written to the WAL and to the database file per record. The
# WAL is written in frames of one page (4,096 bytes) and a 24-byte header, so WAL bytes / 4,120 are pages written.
# The figures are in docs/designs/data-path-profile.md.
#
#   bench/profile/append-io.sh [RECORDS (default 4000)] [PRODUCERS (default 1,8,64)] [DURABILITY (default fsync)] [BENCH_DLL]
#
# BENCH_DLL runs an already built bench (a build of another commit, for before/after); without it the bench is built
# here. Needs strace.
set -euo pipefail
source "$(dirname "$0")/common.sh"
profile_help "${1:-}"
cd "$(dirname "$0")/../.."
records=${1:-4000}
producers=${2:-1,8,64}
durability=${3:-fsync}
dll=${4:-}
profile_needs strace "apt-get install strace"
if [ -z "$dll" ]; then
  dotnet build -c Release -v quiet -nologo bench/Gatehouse.Audit.Benchmarks >/dev/null
  dll=bench/Gatehouse.Audit.Benchmarks/bin/Release/net10.0/Gatehouse.Audit.Benchmarks.dll
fi

trace=$(mktemp)
trap 'rm -f "$trace"' EXIT
for p in ${producers//,/ }; do
  baseline=$(( p * 2 > records / 20 ? p * 2 : records / 20 ))
  strace -f -y -qq -o "$trace" -e trace=write,pwrite64,fsync,fdatasync \
    dotnet "$dll" --records "$records" --producers "$p" --verify-entries 0 --durability "$durability" | sed 's/^/  /'
  # Each run appends to a file of its own (throughput-<id>.db): the first one created is the one-commit-per-record run.
  awk -v p="$p" -v baseline="$baseline" -v records="$records" '
    match($0, /<[^>]*throughput-[0-9a-f]+\.db(-wal)?>/) {
      path = substr($0, RSTART + 1, RLENGTH - 2)
      file = path; sub(/-wal$/, "", file)
      if (!(file in run)) { run[file] = ++runs }
      r = run[file]; wal = (path ~ /-wal$/)
      if ($0 ~ /fsync\(|fdatasync\(/) { syncs[r, wal]++ }
      else if (match($0, /= [0-9]+$/)) { bytes[r, wal] += substr($0, RSTART + 2) }
    }
    END {
      for (r = 1; r <= runs; r++) {
        n = (r == 1) ? baseline : records
        name = (r == 1) ? "one commit per record" : "group commit"
        printf "%d producers, %s: %d records, %.3f WAL syncs/record, %.0f WAL bytes/record (%.2f pages), %.0f db-file bytes/record, %.3f db-file syncs/record\n",
          p, name, n, syncs[r, 1] / n, bytes[r, 1] / n, bytes[r, 1] / n / 4120, bytes[r, 0] / n, syncs[r, 0] / n
      }
    }' "$trace"
done
