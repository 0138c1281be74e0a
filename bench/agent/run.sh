#!/usr/bin/env bash
# The agent tunnel benchmark: one gateway, one agent, one upstream; the same connection kind reached directly and via
# the agent, in the same run, under wrk load. Prints requests/s and latency (p50, p99) for both, the throughput ratio
# and the latency the tunnel adds. docs/benchmarks.md is written by the lead from one run; this script does not edit it.
#
#   bench/agent/run.sh [--duration 15] [--concurrency 16] [--threads 2]
#
# Needs wrk (installed with apt-get if missing) and python3 (the upstream). Takes about a minute plus the build.
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=15; concurrency=16; threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (the load generator)" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi

dotnet build -c Release -v quiet -nologo src/Gatehouse >/dev/null
gatehouse=(dotnet "$PWD/src/Gatehouse/bin/Release/net10.0/gatehouse.dll")
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
upstream_port=$(free_port); gateway_port=$(free_port)

python3 bench/agent/upstream.py "$upstream_port" & pids+=($!)
cat > "$work/gatehouse.yaml" <<YAML
storage:
  sqlite: $work/gatehouse.db
identity:
  apiKeys: true
connections:
  - name: direct
    kind: http
    upstream: http://127.0.0.1:$upstream_port
  - name: tunnel
    kind: http
    via: bench
    upstream: up
YAML
printf 'upstreams:\n  up: http://127.0.0.1:%s\n' "$upstream_port" > "$work/agent.yaml"
key=$("${gatehouse[@]}" keys create --name bench --owner bench@example.com --expires never --db "$work/gatehouse.db" 2>/dev/null)
"${gatehouse[@]}" agents create --name bench --expires 1d --db "$work/gatehouse.db" > "$work/agent.token" 2>/dev/null
(cd "$work" && exec "${gatehouse[@]}" serve --config gatehouse.yaml --urls "http://127.0.0.1:$gateway_port" > gateway.log 2>&1) & pids+=($!)
base="http://127.0.0.1:$gateway_port"
for _ in $(seq 1 120); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.5; done
"${gatehouse[@]}" agent --gateway "$base" --token-file "$work/agent.token" --config "$work/agent.yaml" > "$work/agent.log" 2>&1 & pids+=($!)
for _ in $(seq 1 120); do
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/tunnel/v1/x" -H "Authorization: Bearer $key" -d '{}')
  [ "$status" = 200 ] && break; sleep 0.5
done

cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"model":"bench","messages":[{"role":"user","content":"hello from the benchmark"}]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $key"
LUA

measure() { # path -> "rps p50_ms p99_ms"
  wrk -t2 -c4 -d3s -s "$work/post.lua" "$base/$1" >/dev/null 2>&1 || true
  local out; out=$(wrk -t"$threads" -c"$concurrency" -d"${duration}s" --latency -s "$work/post.lua" "$base/$1")
  local rps p50 p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  echo "$rps $(to_ms "$p50") $(to_ms "$p99") ${non2xx:-0}"
}
to_ms() { python3 -c "import sys,re; v=sys.argv[1]; m=re.match(r'([0-9.]+)(us|ms|s)',v); n=float(m.group(1)); print(round(n/1000 if m.group(2)=='us' else n*1000 if m.group(2)=='s' else n,3))" "$1"; }

read -r d_rps d_p50 d_p99 d_err <<<"$(measure direct/v1/x)"
read -r t_rps t_p50 t_p99 t_err <<<"$(measure tunnel/v1/x)"
python3 - "$d_rps" "$d_p50" "$d_p99" "$d_err" "$t_rps" "$t_p50" "$t_p99" "$t_err" "$duration" "$concurrency" <<'PY'
import sys
d_rps, d_p50, d_p99, d_err, t_rps, t_p50, t_p99, t_err, duration, conc = sys.argv[1:]
d_rps, t_rps = float(d_rps), float(t_rps)
print(f"agent tunnel benchmark: wrk {conc} connections, {duration}s each, same gateway, same upstream, same run")
print(f"  direct: {d_rps:,.0f} req/s  p50 {d_p50} ms  p99 {d_p99} ms  non-2xx {d_err}")
print(f"  tunnel: {t_rps:,.0f} req/s  p50 {t_p50} ms  p99 {t_p99} ms  non-2xx {t_err}")
print(f"  tunnel/direct throughput: {t_rps / d_rps:.2f}x (target >= 0.7x)")
print(f"  added latency: p50 {float(t_p50) - float(d_p50):+.3f} ms, p99 {float(t_p99) - float(d_p99):+.3f} ms (target <= 1 ms at p99)")
PY
