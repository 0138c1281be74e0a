#!/usr/bin/env bash
# Replicas benchmark (issue 14): throughput of one gateway on SQLite, one gateway on PostgreSQL, and two gateways on
# one PostgreSQL behind a round-robin, in the same run, in interleaved rounds (sqlite, pg x1, pg x2, then again), so
# drift on a shared machine hits every variant alike. Prints requests/s, latency, the gateways' and PostgreSQL's CPU
# per round, the PostgreSQL backends' wait events, the median of each variant, and the ratios: PostgreSQL x1 / SQLite,
# and PostgreSQL x2 / PostgreSQL x1 (target >= 1.5x when the replicas are the bottleneck). Ends with
# `gatehouse audit verify` on every store used. docs/benchmarks.md is written by the lead from one quiet run; this
# script does not edit it.
#
#   bench/replicas/run.sh [--duration 15] [--warmup 5] [--rounds 3] [--concurrency 32] [--threads 2]
#                         [--replica-cpu 0.4] [--pin] [--replica-cpus "0 1"] [--support-cpus 1] [--stats]
#                         [--bin DIR]
#
#   --duration S      seconds of load per variant per round
#   --warmup S        seconds of load per variant before the first round (JIT, pools, caches), not counted
#   --rounds N        interleaved rounds; the summary takes each variant's median
#   --concurrency C   wrk's keep-alive connections, split evenly between wrk's threads
#   --threads T       wrk's threads (even: with two replicas, thread i connects to replica i mod 2, the round-robin)
#   --replica-cpu Q   the CPU quota of each replica, in cores (default 0.4): each gateway runs in its own cgroup
#                     capped at Q cores (cgroup v2 cpu.max, or the v1 cpu controller's CFS quota), created under
#                     /sys/fs/cgroup and removed at exit; needs root
#   --stats           also count PostgreSQL's work per request for each PostgreSQL variant and round: transactions
#                     (xact_commit of the variant's database), rows inserted and updated, WAL records, WAL bytes and
#                     WAL syncs (pg_stat_wal, the whole cluster: the idle variants' lease renewals are included), and
#                     the statements by total time (pg_stat_statements, loaded by restarting the throwaway cluster),
#                     printed at the end for the last round
#   --bin DIR         run the gateway from DIR (a copy of src/Gatehouse/bin/Release/net10.0) instead of building this
#                     checkout: to compare two builds in one sitting, run the script once per build, one after the other
#   --pin             instead of quotas, pin the replicas to cores with taskset (the arrangement before quotas):
#                     --replica-cpus gives their cores, --support-cpus the cores of wrk, the upstream and PostgreSQL
#
# How the run is arranged, and why. The target (two replicas >= 1.5x one) is about the replicas being the bottleneck:
# each replica must be short of CPU while everything it talks to has room. A gateway exchange costs far more CPU (auth,
# masking, the response pipeline, the audit) than wrk's request, the fake upstream's canned answer
# (bench/agent/upstream.py, asyncio, no parsing) or PostgreSQL's group-committed append. By default every replica gets
# a CPU quota of --replica-cpu cores (0.4): one replica has 0.4 core, two have 0.8 between them, and wrk, the upstream
# and PostgreSQL share whatever is left of the machine (on 2 cores, at least 1.2 cores). Nothing is pinned, so the
# scheduler places everything. The printed CPU per replica (% of a core, per round) shows whether each replica used
# its quota, i.e. whether it was the bottleneck; a replica below its quota was waiting on something else (the
# database's head lock, PostgreSQL's CPU, wrk). If the replicas stay below their quota while PostgreSQL is busy, lower
# --replica-cpu (0.25, 0.2) until one replica saturates its quota with PostgreSQL well below a core, and state the
# quota with the figures; --stats shows whether PostgreSQL's work per request changed between the variants. A .NET process under a quota sizes itself for it (one processor below
# one core), as it would in a container with the same limit. With --pin, on 3 or more cores the replicas get cores 0
# and 1 and everything else the rest (the clean arrangement); on 2 cores there is no third core, so wrk, the upstream
# and PostgreSQL share core 1 with the second replica, and the x2 ratio understates what a second replica adds.
# Every gateway runs everything on (API key, masking with a configured fingerprint key, audit fail-closed); the idle
# gateways of the other variants stay up between rounds (the same processes are measured every round).
#
# Starts its own throwaway PostgreSQL cluster (Debian's postgresql, installed with apt-get when missing; fsync and
# synchronous_commit on) in a temporary directory on a free loopback port and removes it at exit (build/test-postgres.sh,
# the suite's script); the one- and two-replica variants each have their own database in it. Needs wrk (installed with
# apt-get when missing), python3, and taskset (util-linux) with --pin. Takes about rounds x 3 x duration plus a minute.
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=15; warmup=5; rounds=3; concurrency=32; threads=2; replica_cpu=0.4; pin=0; stats=0; bin=""
cores=$(nproc)
if [ "$cores" -ge 3 ]; then replica_cpus="0 1"; support_cpus="2-$((cores - 1))"; else replica_cpus="0 1"; support_cpus="$((cores - 1))"; fi
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --replica-cpu) replica_cpu=$2; shift 2 ;;
    --pin) pin=1; shift ;;
    --stats) stats=1; shift ;;
    --bin) bin=$2; shift 2 ;;
    --replica-cpus) replica_cpus=$2; pin=1; shift 2 ;;
    --support-cpus) support_cpus=$2; pin=1; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
read -r cpu_a cpu_b _ <<<"$replica_cpus"
cpu_b=${cpu_b:-$cpu_a}
all_cpus="0-$((cores - 1))"
if [ "$pin" -eq 0 ]; then
  # Quotas: nothing is pinned (taskset to every core is a no-op), each replica is capped by its cgroup instead.
  cpu_a=$all_cpus; cpu_b=$all_cpus; support_cpus=$all_cpus
  if ! python3 -c 'import sys; q=float(sys.argv[1]); sys.exit(0 if 0.05 <= q <= 64 else 1)' "$replica_cpu" 2>/dev/null; then
    echo "--replica-cpu must be a number of cores between 0.05 and 64, not '$replica_cpu'" >&2; exit 2
  fi
  quota_us=$(python3 -c 'import sys; print(int(float(sys.argv[1]) * 100000))' "$replica_cpu")
  if [ -f /sys/fs/cgroup/cgroup.controllers ] && grep -qw cpu /sys/fs/cgroup/cgroup.controllers; then
    cgroup_kind=v2; cgroup_root=/sys/fs/cgroup
  elif [ -f /sys/fs/cgroup/cpu/cpu.cfs_quota_us ]; then
    cgroup_kind=v1; cgroup_root=/sys/fs/cgroup/cpu
  else
    echo "no cgroup cpu controller under /sys/fs/cgroup (needed for --replica-cpu); use --pin" >&2; exit 2
  fi
  if [ ! -w "$cgroup_root" ]; then echo "cannot create cgroups under $cgroup_root (run as root, or use --pin)" >&2; exit 2; fi
fi
if [ $((threads % 2)) -ne 0 ] || [ "$concurrency" -lt "$threads" ]; then
  echo "--threads must be even (one half per replica) and at most --concurrency" >&2; exit 2
fi

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (the load generator)" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi

# shellcheck source=build/test-postgres.sh
. build/test-postgres.sh
work=$(mktemp -d /tmp/gatehouse-replicas.XXXXXX)
pids=()
cgroups=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  # A cgroup can be removed once its processes have exited; give the last ones a moment.
  local cg attempt
  for cg in "${cgroups[@]}"; do
    for attempt in 1 2 3 4 5 6 7 8 9 10; do rmdir "$cg" 2>/dev/null && break; sleep 0.2; done
    [ -d "$cg" ] && echo "could not remove cgroup $cg" >&2
  done
  pg_test_stop
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "$bin" ]; then
  dotnet build -c Release -v quiet -nologo src/Gatehouse >/dev/null
  bin="$PWD/src/Gatehouse/bin/Release/net10.0"
fi
[ -f "$bin/gatehouse.dll" ] || { echo "no gatehouse.dll in $bin" >&2; exit 2; }
gatehouse=(dotnet "$(cd "$bin" && pwd)/gatehouse.dll")

echo "starting a throwaway postgresql cluster" >&2
pg_test_start
pg_port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$GATEHOUSE_TEST_POSTGRES")
pg_sql() { pg_test_as "$pg_test_bin/psql" -h "$pg_test_dir" -p "$pg_port" -U postgres -d "${2:-postgres}" -Atq -F ' ' -v ON_ERROR_STOP=1 -c "$1"; }
if [ "$stats" -eq 1 ]; then
  # pg_stat_statements must be preloaded: restart the throwaway cluster once (pg_ctl restart keeps its options).
  pg_sql "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" >/dev/null
  pg_test_as "$pg_test_bin/pg_ctl" -D "$pg_test_dir/data" -w -t 60 restart >/dev/null
  # Statements inside the append function too, each on its own line.
  pg_sql "ALTER SYSTEM SET pg_stat_statements.track = 'all'" >/dev/null
  pg_sql "SELECT pg_reload_conf()" >/dev/null
  pg_sql "CREATE EXTENSION pg_stat_statements" >/dev/null
fi
# The postmaster and the processes it has forked so far; backends forked later inherit its affinity.
postmaster=$(head -n 1 "$pg_test_dir/data/postmaster.pid")
for pid in "$postmaster" $(pgrep -P "$postmaster"); do taskset -acp "$support_cpus" "$pid" >/dev/null; done
for database in bench_one bench_two; do
  pg_test_as "$pg_test_bin/psql" -h "$pg_test_dir" -p "$pg_port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE $database OWNER gatehouse" >/dev/null
done
store_one="${GATEHOUSE_TEST_POSTGRES/Database=gatehouse_test/Database=bench_one}"
store_two="${GATEHOUSE_TEST_POSTGRES/Database=gatehouse_test/Database=bench_two}"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
upstream_port=$(free_port)
taskset -c "$support_cpus" python3 bench/agent/upstream.py "$upstream_port" & pids+=($!)

export BENCH_UPSTREAM_KEY=sk-upstream-bench
export BENCH_FINGERPRINT_KEY=replicas-benchmark-fingerprint-key
write_config() { # file, storage yaml
  cat > "$1" <<YAML
$2
masking:
  fingerprintKey: { env: BENCH_FINGERPRINT_KEY }
connections:
  - name: bench
    kind: openai
    upstream: http://127.0.0.1:$upstream_port
    credential: { header: Authorization, prefix: "Bearer ", env: BENCH_UPSTREAM_KEY }
audit:
  failureMode: closed
YAML
}
write_config "$work/sqlite.yaml" "storage:
  sqlite: $work/sqlite/gatehouse.db"
write_config "$work/postgres.yaml" "storage:
  postgres: { env: BENCH_STORE_URL }"
mkdir -p "$work/sqlite"

create_key() { # config, store url
  BENCH_STORE_URL="$2" "${gatehouse[@]}" keys create --name bench --owner bench@example.com --expires never --config "$1" 2>/dev/null
}
key_sqlite=$(create_key "$work/sqlite.yaml" "")
key_one=$(create_key "$work/postgres.yaml" "$store_one")
key_two=$(create_key "$work/postgres.yaml" "$store_two")

make_cgroup() { # name -> sets cgroup (a directory capped at --replica-cpu cores), or empty with --pin
  cgroup=""
  [ "$pin" -eq 0 ] || return 0
  cgroup="$cgroup_root/gatehouse-replicas-$$-$1"
  mkdir "$cgroup"; cgroups+=("$cgroup")
  if [ "$cgroup_kind" = v2 ]; then
    grep -qw cpu "$cgroup_root/cgroup.subtree_control" || echo +cpu > "$cgroup_root/cgroup.subtree_control"
    echo "$quota_us 100000" > "$cgroup/cpu.max"
  else
    echo 100000 > "$cgroup/cpu.cfs_period_us"; echo "$quota_us" > "$cgroup/cpu.cfs_quota_us"
  fi
}
start_gateway() { # name, cpu, config, store url -> sets gateway_pid and gateway_port
  gateway_port=$(free_port)
  make_cgroup "$1"
  # The subshell joins the cgroup before it becomes the gateway (exec), so every thread the gateway starts is in it.
  (cd "$work" && { [ -z "$cgroup" ] || echo "$BASHPID" > "$cgroup/cgroup.procs"; } \
    && BENCH_STORE_URL="$4" exec taskset -c "$2" "${gatehouse[@]}" serve --config "$3" --urls "http://127.0.0.1:$gateway_port" > "$work/$1.log" 2>&1) &
  gateway_pid=$!; pids+=("$gateway_pid")
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$gateway_port/readyz" >/dev/null && return 0; sleep 0.5; done
  echo "gateway $1 did not become ready:" >&2; tail -n 20 "$work/$1.log" >&2; return 1
}
start_gateway sqlite "$cpu_a" "$work/sqlite.yaml" ""; sqlite_pid=$gateway_pid; sqlite_port=$gateway_port
start_gateway pg-one "$cpu_a" "$work/postgres.yaml" "$store_one"; one_pid=$gateway_pid; one_port=$gateway_port
start_gateway pg-two-a "$cpu_a" "$work/postgres.yaml" "$store_two"; two_a_pid=$gateway_pid; two_a_port=$gateway_port
start_gateway pg-two-b "$cpu_b" "$work/postgres.yaml" "$store_two"; two_b_pid=$gateway_pid; two_b_port=$gateway_port

write_script() { # file, key, ports...
  local file=$1 key=$2; shift 2
  local targets=""; for port in "$@"; do targets+="\"$port\", "; done
  cat > "$file" <<LUA
wrk.method = "POST"
wrk.body = '{"model":"bench","messages":[{"role":"user","content":"Summarise the retry loop in the billing worker and suggest a fix."}]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $key"
-- Round-robin by thread: thread i connects to replica i mod n (each thread keeps its share of the connections).
local ports = { $targets }
local next = 0
function setup(thread)
  thread.addr = wrk.lookup("127.0.0.1", ports[(next % #ports) + 1])[1]
  next = next + 1
end
LUA
}
write_script "$work/sqlite.lua" "$key_sqlite" "$sqlite_port"
write_script "$work/pg1.lua" "$key_one" "$one_port"
write_script "$work/pg2.lua" "$key_two" "$two_a_port" "$two_b_port"

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# PostgreSQL's CPU: the postmaster with the children it has reaped (cutime, cstime: a backend that closed during the
# round still counts) and its live children.
pg_ticks() {
  local pid total; total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")
  for pid in $(pgrep -P "$postmaster"); do total=$((total + $(ticks "$pid" 2>/dev/null || echo 0))); done; echo "$total"
}
# What the PostgreSQL variants' backends are doing, sampled 4 times a second while the load runs: the wait event of
# every active backend of the variant's database ("CPU" when it waits on nothing), to tell the head lock from the
# server's own work. Written to $work/waits-<variant>.txt, summarised at the end.
sample_waits() { # database, file; runs until killed
  while :; do
    pg_test_as "$pg_test_bin/psql" -h "$pg_test_dir" -p "$pg_port" -U postgres -d postgres -Atq -c \
      "SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') FROM pg_stat_activity WHERE datname = '$1' AND state = 'active' AND pid <> pg_backend_pid()" \
      >> "$2" 2>/dev/null || true
    sleep 0.25
  done
}
pg_counters() { # database -> "commits rollbacks inserted updated wal_records wal_bytes wal_syncs"
  pg_sql "SELECT d.xact_commit, d.xact_rollback, d.tup_inserted, d.tup_updated, w.wal_records, w.wal_bytes::bigint, w.wal_sync
          FROM pg_stat_database d, pg_stat_wal w WHERE d.datname = '$1'"
}
to_ms() { python3 -c "import sys,re; m=re.match(r'([0-9.]+)(us|ms|s)',sys.argv[1]); n=float(m.group(1)); print(round(n/1000 if m.group(2)=='us' else n*1000 if m.group(2)=='s' else n,3))" "$1"; }
load() { # seconds, script, url -> wrk's output
  taskset -c "$support_cpus" wrk -t"$threads" -c"$concurrency" -d"$1s" --timeout 10s --latency -s "$2" "$3"
}
measure() { # variant, script, url, pids... -> "variant rps p50 p99 errors cpu%..."
  local variant=$1 script=$2 url=$3; shift 3
  local before=() after=() pid i out sampler="" database=""
  case "$variant" in pg-x1) database=bench_one ;; pg-x2) database=bench_two ;; esac
  if [ -n "$database" ]; then sample_waits "$database" "$work/waits-$variant.txt" & sampler=$!; fi
  for pid in "$@"; do before+=("$(ticks "$pid")"); done
  local pg_before; pg_before=$(pg_ticks)
  local counters=""
  if [ "$stats" -eq 1 ] && [ -n "$database" ]; then
    pg_sql "SELECT pg_stat_statements_reset()" >/dev/null; pg_sql "SELECT pg_stat_clear_snapshot()" >/dev/null
    counters=$(pg_counters "$database")
  fi
  local started; started=$(date +%s.%N)
  out=$(load "$duration" "$script" "$url")
  local elapsed; elapsed=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$started" "$(date +%s.%N)")
  for pid in "$@"; do after+=("$(ticks "$pid")"); done
  local pg_after; pg_after=$(pg_ticks)
  if [ -n "$sampler" ]; then kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true; fi
  if [ -n "$counters" ]; then
    local requests; requests=$(awk '/requests in/ {print $1}' <<<"$out")
    python3 - "$requests" "$counters" "$(pg_counters "$database")" > "$work/stats-$variant.txt" <<'PY'
import sys
n = int(sys.argv[1]); before = [int(x) for x in sys.argv[2].split()]; after = [int(x) for x in sys.argv[3].split()]
names = ["transactions", "rolled back", "rows inserted", "rows updated", "WAL records", "WAL bytes", "WAL syncs"]
print(f"{n} requests; per request: " + ", ".join(f"{name} {(a - b) / max(n, 1):.2f}" for name, b, a in zip(names, before, after)))
PY
    pg_sql "SELECT s.calls, round(s.total_exec_time::numeric, 0), s.rows, left(regexp_replace(s.query, '\s+', ' ', 'g'), 90)
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '$database'
            ORDER BY s.total_exec_time DESC LIMIT 12" >> "$work/stats-$variant.txt"
  fi
  local rps p50 p99 non2xx sockets cpu=""
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  sockets=$(awk -F'[ ,]+' '/Socket errors/ {print $4 + $6 + $8 + $10}' <<<"$out")
  for i in "${!before[@]}"; do
    cpu+=" $(python3 -c "import os,sys; print(round(100 * (int(sys.argv[2]) - int(sys.argv[1])) / os.sysconf('SC_CLK_TCK') / float(sys.argv[3])))" "${before[$i]}" "${after[$i]}" "$elapsed")"
  done
  local pg_cpu; pg_cpu=$(python3 -c "import os,sys; print(round(100 * (int(sys.argv[2]) - int(sys.argv[1])) / os.sysconf('SC_CLK_TCK') / float(sys.argv[3])))" "$pg_before" "$pg_after" "$elapsed")
  echo "$variant $rps $p50 $p99 $(( ${non2xx:-0} + ${sockets:-0} )) $pg_cpu$cpu"
}

url_sqlite="http://127.0.0.1:$sqlite_port/bench/v1/chat/completions"
url_one="http://127.0.0.1:$one_port/bench/v1/chat/completions"
url_two="http://127.0.0.1:$two_a_port/bench/v1/chat/completions"
echo "warming up each variant for ${warmup}s" >&2
for pair in "sqlite.lua $url_sqlite" "pg1.lua $url_one" "pg2.lua $url_two"; do
  read -r script url <<<"$pair"; load "$warmup" "$work/$script" "$url" >/dev/null
done
# Autovacuum analyzes a live store's tables within its first minute or so; the warm-up is shorter, so analyze them now,
# or the rounds would measure the append function's plans made for empty tables (docs/designs/postgres-store.md).
for database in bench_one bench_two; do pg_sql "ANALYZE" "$database" >/dev/null; done

results="$work/results.txt"
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds" >&2
  { measure sqlite "$work/sqlite.lua" "$url_sqlite" "$sqlite_pid"
    measure pg-x1 "$work/pg1.lua" "$url_one" "$one_pid"
    measure pg-x2 "$work/pg2.lua" "$url_two" "$two_a_pid" "$two_b_pid"; } | sed "s/^/$round /" | tee -a "$results" >&2
done

verify() { # name, config, store url
  local out; out=$(BENCH_STORE_URL="$3" "${gatehouse[@]}" audit verify --config "$2" 2>&1) && echo "  $1: $(head -n 1 <<<"$out")" \
    || { echo "  $1: FAILED: $out"; return 1; }
}
status=0
arrangement="replicas pinned to cores '$replica_cpus', wrk + upstream + PostgreSQL to '$support_cpus'"
[ "$pin" -eq 1 ] || arrangement="each replica capped at $replica_cpu core (cgroup $cgroup_kind CPU quota), nothing pinned, wrk + upstream + PostgreSQL unconstrained"
python3 - "$results" "$duration" "$concurrency" "$threads" "$cores" "$arrangement" <<'PY' || status=1
import statistics, sys
path, duration, conc, threads, cores, arrangement = sys.argv[1:]
rows = {}
for line in open(path):
    parts = line.split()
    rnd, variant, rps, p50, p99, errors, pg, cpus = parts[0], parts[1], float(parts[2]), parts[3], parts[4], int(parts[5]), parts[6], parts[7:]
    rows.setdefault(variant, []).append((rps, p50, p99, errors, cpus, pg))
print(f"replicas benchmark: wrk {conc} connections over {threads} threads, {duration}s per variant per round, "
      f"{len(rows['sqlite'])} interleaved rounds, same run; {cores} cores: {arrangement}")
names = {"sqlite": "1 gateway, SQLite", "pg-x1": "1 gateway, PostgreSQL", "pg-x2": "2 gateways, one PostgreSQL"}
median = {}
for variant in ("sqlite", "pg-x1", "pg-x2"):
    runs = rows[variant]
    median[variant] = statistics.median(r[0] for r in runs)
    mid = sorted(runs, key=lambda r: r[0])[len(runs) // 2]
    errors = sum(r[3] for r in runs)
    print(f"  {names[variant]:<28} median {median[variant]:>9,.0f} req/s  (rounds: {', '.join(f'{r[0]:,.0f}' for r in runs)})  "
          f"p50 {mid[1]} ms  p99 {mid[2]} ms  errors {errors}  gateway CPU % of a core: {'/'.join(mid[4])}  "
          f"PostgreSQL CPU %: {mid[5]}")
print(f"  PostgreSQL x1 / SQLite x1: {median['pg-x1'] / median['sqlite']:.2f}x")
print(f"  PostgreSQL x2 / PostgreSQL x1: {median['pg-x2'] / median['pg-x1']:.2f}x (target >= 1.5x when the replicas are the bottleneck)")
if any(r[3] for runs in rows.values() for r in runs):
    print("  some requests failed (non-2xx or socket errors): see the rounds above")
    sys.exit(1)
PY
echo "PostgreSQL backends' wait events while loaded (share of active-backend samples; CPU = waiting on nothing):"
for variant in pg-x1 pg-x2; do
  [ -s "$work/waits-$variant.txt" ] || { echo "  $variant: no active backend sampled"; continue; }
  echo "  $variant: $(sort "$work/waits-$variant.txt" | uniq -c | sort -rn | head -n 5 \
    | awk -v n="$(wc -l < "$work/waits-$variant.txt")" '{printf "%s%s %d%%", sep, $2, 100 * $1 / n; sep=", "}')"
done
if [ "$stats" -eq 1 ]; then
  echo "PostgreSQL's work per request, last round (statements: calls, total ms, rows, text):"
  for variant in pg-x1 pg-x2; do echo "  $variant:"; sed 's/^/    /' "$work/stats-$variant.txt"; done
fi
echo "audit verify on every store used:"
verify sqlite "$work/sqlite.yaml" "" || status=1
verify "postgres x1" "$work/postgres.yaml" "$store_one" || status=1
verify "postgres x2" "$work/postgres.yaml" "$store_two" || status=1
exit "$status"
