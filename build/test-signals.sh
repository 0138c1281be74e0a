#!/usr/bin/env bash
# Default signal handling for the test run. Sourced by ./test.sh as its first step; defines one function:
#   signals_test_reset CMD...      when this shell's children would start with SIGINT or SIGTERM ignored, starts the
#                                  script again (exec CMD...) with SIGINT, SIGQUIT and SIGTERM at their default handling.
# Why: a non-interactive shell runs a background job (`./test.sh &` from a script or CI step) with SIGINT and SIGQUIT
# ignored, bash can neither trap nor reset a signal that was ignored when it started (`trap - INT` does nothing), and
# every child inherits the ignore: the .NET runtime then installs no Ctrl+C handler, so each process test that stops a
# gateway with SIGINT waits out its timeout. coreutils' `env --default-signal` resets the disposition before exec.

signals_test_ignored() {
  # What a child inherits, read by a child (sed's own /proc/self; bash's own mask differs from what it passes on).
  # SigIgn is a hex mask with bit (n - 1) set for an ignored signal n: SIGINT 2, SIGTERM 15.
  local mask
  mask=$(sed -n 's/^SigIgn:[[:space:]]*//p' /proc/self/status 2>/dev/null) || return 1
  [ -n "$mask" ] || return 1
  (( (16#$mask & ((1 << 1) | (1 << 14))) != 0 ))
}

signals_test_reset() {
  signals_test_ignored || return 0
  if [ -n "${GATEHOUSE_TEST_SIGNALS_RESET:-}" ]; then
    echo "==> SIGINT/SIGTERM are still ignored after a reset: the process tests that stop a gateway with SIGINT will fail" >&2
    return 0
  fi
  if ! env --default-signal=INT true 2>/dev/null; then
    echo "==> SIGINT is ignored and this env has no --default-signal (coreutils 8.31+): run the tests from a foreground shell" >&2
    return 0
  fi
  export GATEHOUSE_TEST_SIGNALS_RESET=1
  exec env --default-signal=INT,QUIT,TERM "$@"
}
