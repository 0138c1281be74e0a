#!/usr/bin/env bash
# The forward proxy against the same connection reached by base URL, same run, same fake upstream: requests/s and
# latency with keep-alive (the intercepted tunnel's TLS handshake amortised), in alternating rounds; then one request
# at a time, and one per new tunnel (CONNECT + proxy authentication + TLS handshake with a cached leaf), whose
# difference is the handshake cost. The gateway runs as `gatehouse serve` with an API key, audit and masking on.
#
#   bench/proxy/run.sh [SECONDS_PER_ROUND=8] [CONCURRENCY=16] [HANDSHAKES=200]
#
# NO_BUILD=1 skips building (when src/Gatehouse and bench/Gatehouse.ProxyBench are already built in Release).
# Prints a table; the figures are not written to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-8}
concurrency=${2:-16}
handshakes=${3:-200}
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

if [ "${NO_BUILD:-}" != 1 ]; then
  dotnet build -c Release -v quiet -nologo src/Gatehouse >/dev/null
  dotnet build -c Release -v quiet -nologo bench/Gatehouse.ProxyBench >/dev/null
fi
gatehouse=(dotnet src/Gatehouse/bin/Release/net10.0/gatehouse.dll)
bench=(dotnet bench/Gatehouse.ProxyBench/bin/Release/net10.0/Gatehouse.ProxyBench.dll)

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
upstream_port=$(port); gateway_port=$(port); proxy_port=$(port)

"${gatehouse[@]}" ca init --out "$work/ca" >/dev/null
cat > "$work/gatehouse.yaml" <<YAML
server: { urls: [http://127.0.0.1:$gateway_port] }
storage: { sqlite: $work/gatehouse.db }
connections:
  - name: openai
    kind: openai
    upstream: http://127.0.0.1:$upstream_port
    credential: { header: Authorization, prefix: "Bearer ", env: BENCH_UPSTREAM_KEY }
proxy:
  listen: http://127.0.0.1:$proxy_port
  intercept: [{ host: api.openai.com, connection: openai }]
  ca: { cert: $work/ca/gatehouse-proxy-ca.crt, key: $work/ca/gatehouse-proxy-ca.key }
YAML
export BENCH_UPSTREAM_KEY=sk-bench-upstream
key=$("${gatehouse[@]}" keys create --name bench --owner bench@example.com --config "$work/gatehouse.yaml" 2>/dev/null)

"${bench[@]}" upstream "$upstream_port" & pids+=($!)
"${gatehouse[@]}" serve --config "$work/gatehouse.yaml" >"$work/serve.log" 2>&1 & pids+=($!)
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$gateway_port/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$gateway_port/readyz" >/dev/null || { cat "$work/serve.log" >&2; exit 1; }

echo "bench/proxy/run.sh $seconds $concurrency $handshakes on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
"${bench[@]}" load "http://127.0.0.1:$gateway_port/" "http://127.0.0.1:$proxy_port" "$key" "$work/ca/gatehouse-proxy-ca.crt" "$seconds" "$concurrency" "$handshakes"
