#!/usr/bin/env bash
# Gatehouse's release build: the tool package, self-contained executables, checksums, SBOMs and the licence report,
# all into artifacts/. Needs only the .NET SDK (and the CycloneDX tool, restored from .config/dotnet-tools.json).
set -euo pipefail
cd "$(dirname "$0")"

project=src/Gatehouse/Gatehouse.csproj
artifacts=${ARTIFACTS:-artifacts} # where everything goes; the package tests point it at a folder of their own
all_runtimes=(linux-x64 linux-arm64 osx-arm64 win-x64)

usage() {
  cat <<'USAGE'
Usage: ./build.sh COMMAND [RUNTIME...]

Commands:
  release            Everything below, into a clean artifacts/: pack, binaries for every runtime, then manifest.
  pack               The .NET tool package: artifacts/gatehouse.VERSION.nupkg
                     (install: dotnet tool install --global gatehouse --add-source artifacts/).
  binaries [RID...]  Self-contained single-file ReadyToRun executables: artifacts/gatehouse-VERSION-RID[.exe],
                     for the given runtimes (default: linux-x64 linux-arm64 osx-arm64 win-x64).
  manifest           For the package and executables already in artifacts/: a CycloneDX SBOM beside each
                     (ARTIFACT.cdx.json), the licence report (licences.md; fails if a dependency's licence is
                     not compatible with Apache-2.0) and SHA256SUMS (check with: sha256sum -c SHA256SUMS).
  container [VERSION]  Check artifacts/gatehouse-VERSION-linux-x64 against SHA256SUMS and print the command that
                     builds the container image from it (deploy/container/Dockerfile); no engine runs here.
                     VERSION defaults to this commit's.
  version            Print the version this commit builds as (from git tags, see CONTRIBUTING.md#versions).
  -h, --help         This help.

The version comes from the latest vX.Y.Z tag reachable from HEAD; without one it is 0.1.0-alpha.0.HEIGHT.
ARTIFACTS=DIR writes to (and manifest reads from) DIR instead of artifacts/.
USAGE
}

log() { printf '==> %s\n' "$*" >&2; }

version() {
  dotnet msbuild "$project" -nologo -restore -target:MinVer -getProperty:MinVerVersion
}

sbom() { # sbom ARTIFACT-FILE VERSION [RID]: a CycloneDX JSON SBOM beside the artifact, from the project's restored graph.
  local file=$1 version=$2 rid=${3:-} name
  name=$(basename "$file")
  dotnet tool run dotnet-CycloneDX "$project" --disable-package-restore --exclude-test-projects \
    --output "$artifacts" --filename "$name.cdx.json" --output-format Json \
    --set-name gatehouse --set-version "$version" --set-type Application ${rid:+--runtime "$rid"} >/dev/null
  if [ -n "$rid" ]; then
    # A self-contained executable also carries the .NET and ASP.NET Core runtimes: list the runtime packs it was built with.
    dotnet run --file build/Sbom.cs -- add-runtime-packs "$artifacts/$name.cdx.json" \
      "src/Gatehouse/obj/Release/net10.0/$rid/gatehouse.deps.json"
  fi
}

pack() {
  log "packing the tool $ver"
  dotnet pack "$project" -c Release -nologo -v q -o "$artifacts"
}

binaries() {
  local rid out exe
  for rid in "$@"; do
    log "publishing $rid"
    out="$artifacts/publish/$rid"
    dotnet publish "$project" -c Release -r "$rid" -nologo -v q -o "$out"
    exe=gatehouse; [[ $rid == win-* ]] && exe=gatehouse.exe
    cp "$out/$exe" "$artifacts/gatehouse-$ver-$rid${exe#gatehouse}"
  done
  rm -rf "$artifacts/publish"
}

manifest() {
  local file name version rid r sboms=()
  for file in "$artifacts"/gatehouse*; do
    name=$(basename "$file")
    case "$name" in
      *.cdx.json) continue ;;
      gatehouse.*.nupkg) version=${name#gatehouse.}; version=${version%.nupkg}; rid= ;;
      gatehouse-*)
        rid=
        for r in "${all_runtimes[@]}"; do
          if [[ ${name%.exe} == *-"$r" ]]; then rid=$r; fi
        done
        [ -n "$rid" ] || { echo "build.sh: $name names no known runtime (${all_runtimes[*]})" >&2; exit 1; }
        version=${name#gatehouse-}; version=${version%.exe}; version=${version%-"$rid"}
        ;;
      *) continue ;;
    esac
    log "SBOM of $name"
    sbom "$file" "$version" $rid
    sboms+=("$file.cdx.json")
  done
  [ ${#sboms[@]} -gt 0 ] || { echo "build.sh: no package or executable in $artifacts/: run ./build.sh pack or binaries first" >&2; exit 1; }
  log "licence report"
  dotnet run --file build/Sbom.cs -- licences "$artifacts/licences.md" "${sboms[@]}"
  log "checksums"
  (cd "$artifacts" && find . -maxdepth 1 -type f ! -name SHA256SUMS -printf '%f\n' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)
}

container() { # prints the image build command for the linux-x64 executable already in artifacts/
  local exe="gatehouse-$ver-linux-x64"
  # The build context is the checkout, and deploy/container/Dockerfile.dockerignore lets in only artifacts/.
  [ "$artifacts" = artifacts ] || { echo "build.sh: the image is built from artifacts/, not $artifacts/" >&2; exit 1; }
  [ -f "$artifacts/$exe" ] || { echo "build.sh: no $artifacts/$exe: run ./build.sh binaries linux-x64 and ./build.sh manifest first" >&2; exit 1; }
  [ -f "$artifacts/SHA256SUMS" ] || { echo "build.sh: no $artifacts/SHA256SUMS: run ./build.sh manifest first" >&2; exit 1; }
  # The image must hold the bytes the checksum file names, not whatever was built since.
  (cd "$artifacts" && awk -v f="$exe" '$2 == f' SHA256SUMS | sha256sum -c --status -) ||
    { echo "build.sh: $artifacts/$exe does not match SHA256SUMS: run ./build.sh manifest again" >&2; exit 1; }
  printf 'docker build --file deploy/container/Dockerfile --build-arg SOURCE=release --build-arg VERSION=%s --tag gatehouse:%s .\n' "$ver" "$ver"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  -h|--help|help) usage ;;
  version) version ;;
  container)
    ver=${1:-$(version)}
    container
    ;;
  pack|binaries|release|manifest)
    dotnet tool restore >/dev/null
    mkdir -p "$artifacts"
    [ "$command" = manifest ] || ver=$(version)
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
        manifest
        ls -l "$artifacts" >&2
        ;;
      manifest) manifest ;;
    esac
    ;;
  *) usage >&2; exit 2 ;;
esac
