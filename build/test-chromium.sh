#!/usr/bin/env bash
# Debian's chromium for the console's browser tests (test/Gatehouse.ConsoleTests drives it headless through Playwright,
# which never downloads a browser of its own). Sourced by ./test.sh; defines one function:
#   chromium_test_install  installs the chromium package when /usr/bin/chromium is missing (quiet, idempotent) and
#                          exports GATEHOUSE_TEST_CHROMIUM with its path.

chromium_test_install() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "==> installing chromium (apt-get)" >&2
    if [ "$(id -u)" -eq 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }
    else
      sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null
    fi || return 1
  fi
  export GATEHOUSE_TEST_CHROMIUM=/usr/bin/chromium
}
