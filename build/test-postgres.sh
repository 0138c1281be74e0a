#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the test suite. Sourced by ./test.sh; defines two functions:
#   pg_test_start  installs Debian's postgresql when missing, creates a cluster in a temporary directory owned by the
#                  postgres user, starts it on a free loopback port (its unix socket in the same directory), creates a
#                  database and a user, and exports GATEHOUSE_TEST_POSTGRES (an Npgsql connection string) and
#                  GATEHOUSE_TEST_POSTGRES_REQUIRED=1 (so tests that need it fail instead of skipping).
#   pg_test_stop   stops the cluster and removes the directory; safe to call twice (./test.sh calls it from a trap).
# Run as root (CI) the server runs as postgres via runuser; run as another user it runs as that user.

pg_test_dir=""
pg_test_bin=""

pg_test_as() {
  # From / : the postgres user may not be allowed into the caller's folder (a root-owned checkout).
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_test_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

pg_test_start() {
  if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    echo "==> installing postgresql (apt-get)" >&2
    if [ "$(id -u)" -eq 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }
    else
      sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
    fi || return 1
  fi
  pg_test_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_test_dir=$(mktemp -d /tmp/gatehouse-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$pg_test_dir"; fi
  chmod 700 "$pg_test_dir"
  pg_test_as "$pg_test_bin/initdb" -D "$pg_test_dir/data" -U postgres -A trust --no-sync -E UTF8 >/dev/null || return 1
  local port password attempt
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  for attempt in 1 2 3; do
    port=$(pg_test_free_port)
    # fsync stays on: the store's durability claims are tested against it; only the cluster is throwaway.
    if pg_test_as "$pg_test_bin/pg_ctl" -D "$pg_test_dir/data" -l "$pg_test_dir/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_test_dir -c max_connections=200" start >/dev/null; then
      break
    fi
    port=""
  done
  [ -n "$port" ] || { cat "$pg_test_dir/server.log" >&2; return 1; }
  pg_test_as "$pg_test_bin/psql" -h "$pg_test_dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE gatehouse LOGIN PASSWORD '$password' CREATEDB" \
    -c "CREATE DATABASE gatehouse_test OWNER gatehouse" >/dev/null || return 1
  export GATEHOUSE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Database=gatehouse_test;Username=gatehouse;Password=$password"
  export GATEHOUSE_TEST_POSTGRES_REQUIRED=1
  echo "==> postgresql test cluster on 127.0.0.1:$port ($pg_test_dir)" >&2
}

pg_test_stop() {
  [ -n "$pg_test_dir" ] || return 0
  if [ -f "$pg_test_dir/data/postmaster.pid" ]; then
    pg_test_as "$pg_test_bin/pg_ctl" -D "$pg_test_dir/data" -m immediate -w stop >/dev/null 2>&1
  fi
  rm -rf "$pg_test_dir"
  pg_test_dir=""
}
