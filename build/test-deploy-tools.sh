#!/usr/bin/env bash
# Tools the deployment tests (test/Gatehouse.DeployTests) render the shipped files with. Sourced by ./test.sh;
# defines deploy_tools_install, which installs what is missing, quietly, and does nothing when all are there:
#   docker-compose   Debian's docker-compose: `docker-compose config` renders deploy/compose/docker-compose.yaml
#   kubectl          Debian's kubernetes-client: `kubectl kustomize` renders deploy/kubernetes/{base,overlays/*}
#   systemd-analyze  Debian's systemd: `systemd-analyze verify` checks deploy/agent/gatehouse-agent.service
# No container engine, cluster or init system is needed or started: these commands only read and render files.

deploy_tools_install() {
  local missing=()
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
  command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> installing ${missing[*]} (apt-get)" >&2
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 ||
      { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; }
  else
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
  fi
}
