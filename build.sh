#!/usr/bin/env bash
# Gatehouse's release build: the tool package, self-contained executables, checksums, SBOMs and the licence report,
# all into artifacts/. Needs only the .NET SDK (and the CycloneDX tool, restored from .config/dotnet-tools.json).
set -euo pipefail
cd "$(dirname "$0")"

project=src/Gatehouse/Gatehouse.csproj
artifacts=artifacts
all_runtimes=(linux-x64 linux-arm64 osx-arm64 win-x64)

usage() {
  cat <<'USAGE'
Usage: ./build.sh COMMAND [RUNTIME...]

Commands:
  release            Everything below, into a clean artifacts/: the tool package, an executable per runtime,
                     a CycloneDX SBOM per artifact, the licence report and SHA256SUMS.
  pack               The .NET tool package only: artifacts/gatehouse.VERSION.nupkg
                     (install: dotnet tool install --global gatehouse --add-source artifacts/).
  binaries [RID...]  Self-contained single-file ReadyToRun executables: artifacts/gatehouse-VERSION-RID[.exe],
                     for the given runtimes (default: linux-x64 linux-arm64 osx-arm64 win-x64).
  version            Print the version this commit builds as (from git tags, see CONTRIBUTING.md#versions).
  -h, --help         This help.

The version comes from the latest vX.Y.Z tag reachable from HEAD; without one it is 0.1.0-alpha.0.HEIGHT.
USAGE
}

log() { printf '==> %s\n' "$*" >&2; }

version() {
  dotnet msbuild "$project" -nologo -restore -target:MinVer -getProperty:MinVerVersion
}

sbom() { # sbom ARTIFACT-FILE [RID]: a CycloneDX JSON SBOM beside the artifact, from the project's restored graph.
  local file=$1 rid=${2:-} name
  name=$(basename "$file")
  dotnet tool run dotnet-CycloneDX "$project" --disable-package-restore --exclude-test-projects \
    --output "$artifacts" --filename "$name.cdx.json" --output-format Json \
    --set-name gatehouse --set-version "$ver" --set-type Application ${rid:+--runtime "$rid"} >/dev/null
  if [ -n "$rid" ]; then
    # A self-contained executable also carries the .NET and ASP.NET Core runtimes: list the runtime packs it was built with.
    dotnet run --file build/Sbom.cs -- add-runtime-packs "$artifacts/$name.cdx.json" \
      "src/Gatehouse/obj/Release/net10.0/$rid/gatehouse.deps.json"
  fi
}

pack() {
  log "packing the tool $ver"
  dotnet pack "$project" -c Release -nologo -v q -o "$artifacts"
  sbom "$artifacts/gatehouse.$ver.nupkg"
}

binaries() {
  local rid out exe
  for rid in "$@"; do
    log "publishing $rid"
    out="$artifacts/publish/$rid"
    dotnet publish "$project" -c Release -r "$rid" -nologo -v q -o "$out"
    exe=gatehouse; [[ $rid == win-* ]] && exe=gatehouse.exe
    cp "$out/$exe" "$artifacts/gatehouse-$ver-$rid${exe#gatehouse}"
    sbom "$artifacts/gatehouse-$ver-$rid${exe#gatehouse}" "$rid"
  done
  rm -rf "$artifacts/publish"
}

checksums() {
  log "checksums"
  (cd "$artifacts" && find . -maxdepth 1 -type f ! -name SHA256SUMS -printf '%f\n' | sort | xargs sha256sum > SHA256SUMS)
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  -h|--help|help) usage ;;
  version) version ;;
  pack|binaries|release)
    dotnet tool restore >/dev/null
    mkdir -p "$artifacts"
    ver=$(version)
    case "$command" in
      pack) pack ;;
      binaries)
        [ $# -gt 0 ] || set -- "${all_runtimes[@]}"
        binaries "$@"
        ;;
      release)
        rm -rf "${artifacts:?}"/*
        pack
        binaries "${all_runtimes[@]}"
        log "licence report"
        dotnet run --file build/Sbom.cs -- licences "$artifacts/licences.md" "$artifacts"/*.cdx.json
        checksums
        ls -l "$artifacts" >&2
        ;;
    esac
    ;;
  *) usage >&2; exit 2 ;;
esac
