#!/usr/bin/env bash
# The tool the agent's isolated-network test (test/Gatehouse.FunctionalTests/AgentIsolatedNetworkProcessTests.cs)
# builds a network namespace with. Sourced by ./test.sh; defines netns_tools_install, which installs Debian's iproute2
# (`ip`) when it is missing, quietly, and does nothing when it is there. The test needs root as well: as another user
# it falls back to the host's loopback, or fails when GATEHOUSE_TEST_REQUIRE_TOOLS=1.

netns_tools_install() {
  command -v ip >/dev/null 2>&1 && return 0
  echo "==> installing iproute2 (apt-get)" >&2
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q iproute2 >/dev/null 2>&1 ||
      { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q iproute2 >/dev/null; }
  else
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q iproute2 >/dev/null
  fi
}
