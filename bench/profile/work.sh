#!/usr/bin/env bash
# What one exchange costs the everything-on gateway, in measures the machine's load does not change: bytes allocated,
# thread-pool work items, lock contentions and GCs per exchange (dotnet-counters), and syncs and bytes written to the
# store per exchange (strace), for audit.durability fsync and process, the small chat request and the agent's 49 KB
# first request, at 1 and 32 concurrent clients. The figures are in docs/designs/data-path-profile.md.
#
#   bench/profile/work.sh [OUTPUT_FOLDER (default /tmp/gatehouse-work)] [EXCHANGES (default 2000)] [MODES (default fsync,process)]
#
# MODES, comma-separated: fsync and process (everything on, OIDC token from an issuer in its own process, trusted
# through identity.oidc), apikey (everything on, API key, fsync), dev (everything on in serve --dev, its own token).
#
# Needs strace; installs dotnet-counters 10.0.750501 into /tmp/tools when it is missing.
set -euo pipefail
source "$(dirname "$0")/common.sh"
profile_help "${1:-}"
cd "$(dirname "$0")/../.."
out=${1:-/tmp/gatehouse-work}
exchanges=${2:-2000}
modes=${3:-fsync,process}
counters=$(profile_tool dotnet-counters)
profile_needs strace "apt-get install strace"

profile_build
mkdir -p "$out"
bench/Gatehouse.LoadBench/bin/Release/net10.0/Gatehouse.LoadBench work "$out" "$counters" "$exchanges" "$modes" \
  --gatehouse src/Gatehouse/bin/Release/net10.0/gatehouse.dll
