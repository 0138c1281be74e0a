#!/usr/bin/env bash
# The PostgreSQL server's CPU per audit batch in the append function: schema step 10's gatehouse_audit_append (search
# tags parsed out of the payloads with jsonb, in the server, under the head lock) against step 12's
# gatehouse_audit_append_v12 (the tags derived by the client and passed in), on the same synthetic batches, in
# interleaved rounds. Prints the backend's CPU milliseconds per call for each, measured after the tables have
# statistics (ANALYZE a third of the way in, as autovacuum gives a live store). The server does this work while the
# chain's head row is locked, so it bounds how fast replicas can append together. Not a throughput figure: no
# client, no commit, no WAL flush. docs/benchmarks.md is written by the lead; this script does not edit it.
#
#   bench/postgres/function-cpu.sh [--batches 300] [--entries 16] [--rounds 3]
#
#   --batches N   calls per function per round (the first third warms the plans and is not counted)
#   --entries E   entries per batch, half intents and half outcomes (even)
#   --rounds R    repeat v10 then v12 R times, interleaved, so drift on a shared machine hits both alike
#
# The schema is this checkout's: the tables of step 1, step 5's tag index and the two functions, their SQL read
# from src/Gatehouse.Storage.Postgres. Starts its own throwaway PostgreSQL cluster (build/test-postgres.sh, Debian's
# postgresql installed when missing) and removes it at exit; reads /proc/self/schedstat of the backend, so Linux
# only. Takes well under a minute per round.
set -euo pipefail
cd "$(dirname "$0")/../.."

batches=300; entries=16; rounds=3
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --batches) batches=$2; shift 2 ;;
    --entries) entries=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if ! [[ "$batches" =~ ^[0-9]+$ && "$entries" =~ ^[0-9]+$ && "$rounds" =~ ^[0-9]+$ ]] || [ "$batches" -lt 3 ] \
  || [ "$entries" -lt 2 ] || [ $((entries % 2)) -ne 0 ] || [ "$rounds" -lt 1 ]; then
  echo "--batches must be at least 3, --entries an even number of at least 2, --rounds at least 1" >&2; exit 2
fi

# shellcheck source=build/test-postgres.sh
. build/test-postgres.sh
work=$(mktemp -d /tmp/gatehouse-function-cpu.XXXXXX)
trap 'pg_test_stop; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# The step SQL as the C# constants hold it (the raw string literal of each `Sql`, dedented).
python3 - "$work/schema.sql" <<'PY'
import re, sys
def sql(path, index=None):
    text = open(path).read()
    body = re.search(r'public const string Sql = \$?"""\n(.*?)\n\s*""";', text, re.S).group(1)
    lines = body.split('\n')
    indent = min(len(l) - len(l.lstrip()) for l in lines if l.strip())
    return '\n'.join(l[indent:] for l in lines) + ';\n'
root = 'src/Gatehouse.Storage.Postgres/'
parts = [sql(root + 'Audit/AuditSchema.cs'),
         'CREATE INDEX ix_audit_tags_seq ON audit_tags (seq);\n',
         sql(root + 'Audit/AppendFunctionSchema.cs'),
         sql(root + 'Audit/TaggedAppendFunctionSchema.cs')]
open(sys.argv[1], 'w').write('\n'.join(parts))
PY
cp bench/postgres/function-cpu.sql "$work/function-cpu.sql"
chmod 755 "$work"; chmod 644 "$work"/*.sql

pg_test_start
port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$GATEHOUSE_TEST_POSTGRES")
run() {
  pg_test_as "$pg_test_bin/psql" -h "$pg_test_dir" -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 2>&1 <<SQL |
SET client_min_messages = notice;
CREATE SCHEMA bench_$1; SET search_path = bench_$1;
\i $work/schema.sql
SET bench.fn = '$1'; SET bench.entries = '$entries'; SET bench.batches = '$batches';
\i $work/function-cpu.sql
RESET search_path; SET client_min_messages = warning; DROP SCHEMA bench_$1 CASCADE;
SQL
    sed -n 's/.*NOTICE:  result //p'
}

echo "server CPU per call of the append function, ms (batches of $entries entries, $batches calls per round, the last two thirds counted)"
for round in $(seq 1 "$rounds"); do
  for fn in v10 v12; do
    read -r name ms tags < <(run "$fn")
    echo "  round $round  $name  $ms ms per call  ($tags tags written)"
  done
done
