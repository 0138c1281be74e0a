#!/usr/bin/env bash
# Runs every Gatehouse test project and ends with one line: "N passed, N failed[, N skipped]".
# Installs what the tests need first (idempotent). Usage: ./test.sh [extra dotnet test arguments]
set -uo pipefail
cd "$(dirname "$0")"

# 0. Children must be stoppable with SIGINT (the process tests stop gateways as Ctrl+C does): a background job of a
#    non-interactive shell starts with it ignored, and then this script starts again with default signal handling.
# shellcheck source=build/test-signals.sh
. build/test-signals.sh
signals_test_reset "$BASH" "$(pwd)/$(basename "$0")" "$@"

log() { printf '==> %s\n' "$*" >&2; }

# 1. What the tests need from outside the repo: NuGet packages (SQLite ships inside its package; the OIDC server, the
#    SDKs and the upstreams the tests use run in-process on loopback; `dotnet build` restores them) and a PostgreSQL
#    server for the store contract suite: Debian's postgresql, installed when missing, run as a throwaway cluster in a
#    temporary directory on a free loopback port and removed at exit (build/test-postgres.sh). Tests that need it read
#    GATEHOUSE_TEST_POSTGRES and fail, never skip, when GATEHOUSE_TEST_POSTGRES_REQUIRED is set. The deployment tests
#    render the Compose file and the Kubernetes manifests with Debian's docker-compose and kubernetes-client, installed
#    when missing (build/test-deploy-tools.sh); with GATEHOUSE_TEST_REQUIRE_TOOLS=1 they fail when a tool is missing.
#    The console's browser tests drive Debian's chromium headless (build/test-chromium.sh installs it when missing).
#    The agent's isolated-network test builds a network namespace with iproute2's `ip` (build/test-netns-tools.sh).
if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet is not installed: install the .NET 10 SDK"
  echo "0 passed, 1 failed"
  exit 1
fi

# Tests that need a tool from outside the repo fail, never skip, when it is missing.
export GATEHOUSE_TEST_REQUIRE_TOOLS=1

# shellcheck source=build/test-chromium.sh
. build/test-chromium.sh
chromium_test_install || log "could not install chromium: the console's browser tests will fail"

# shellcheck source=build/test-postgres.sh
. build/test-postgres.sh
trap pg_test_stop EXIT
trap 'pg_test_stop; exit 130' INT TERM
log "starting a throwaway postgresql cluster"
if ! pg_test_start; then
  echo "could not start a postgresql test cluster"
  echo "0 passed, 1 failed"
  exit 1
fi

# shellcheck source=build/test-deploy-tools.sh
. build/test-deploy-tools.sh
deploy_tools_install || log "could not install docker-compose/kubernetes-client: the deployment tests will fail"

# shellcheck source=build/test-netns-tools.sh
. build/test-netns-tools.sh
netns_tools_install || log "could not install iproute2: the agent's isolated-network test will fail"

# 2. Restore and build once, so that a compile error is reported as such.
results=TestResults
rm -rf "$results"
log "restoring and building"
if ! dotnet build Gatehouse.slnx -c Release -nologo -v q; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# 3. Run every test project, one after another: the crash, fuzz and process tests each load both cores, and run side
#    by side they starve each other's child gateways. Each writes a TRX file whose counters we add up.
status=0
for project in test/*/*.csproj; do
  log "running $(basename "$project" .csproj)"
  # One result file per project, named after it: default names carry only the second, and two projects that end in
  # the same second would overwrite each other's counts.
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$(basename "$project" .csproj).trx" --results-directory "$results" \
    --logger "console;verbosity=minimal" "$@" || status=$?
done

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done

if [ "$files" -eq 0 ] || { [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
  # The runner failed without reporting a failed test (a crash or a missing result): count it as a failure.
  failed=$((failed + 1))
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
