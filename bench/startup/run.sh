#!/usr/bin/env bash
# Start-up of CLI verbs: milliseconds from launch to the first line of output, median of N runs, for
#   dotnet run     (from a checkout: what the README's from-source commands cost),
#   tool           (the .NET tool package installed with dotnet tool install: framework-dependent, JIT),
#   single-file    (the self-contained ReadyToRun executable of ./build.sh binaries),
# on `--version` and on `audit verify` of a small store (one API key sealed into a fresh chain).
# Usage: bench/startup/run.sh [RUNS]   (needs ./build.sh pack and ./build.sh binaries linux-x64 first)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

version=$(ls artifacts/gatehouse.*.nupkg | sed -E 's/.*gatehouse\.(.+)\.nupkg/\1/' | tail -n 1)
single="$root/artifacts/gatehouse-$version-linux-x64"
[ -x "$single" ] || { echo "missing $single: run ./build.sh pack && ./build.sh binaries linux-x64" >&2; exit 2; }

# The tool, installed from the package alone into a tool path of its own.
printf '<configuration><packageSources><clear /><add key="a" value="%s" /></packageSources></configuration>' "$root/artifacts" > "$work/nuget.config"
NUGET_PACKAGES="$work/packages" dotnet tool install gatehouse --tool-path "$work/tools" --configfile "$work/nuget.config" --version "$version" >/dev/null
tool="$work/tools/gatehouse"

# A small store: creating an API key seals it into a new audit chain.
mkdir -p "$work/store" && cd "$work/store"
"$single" keys create --name bench --owner bench@example.com --groups dev >/dev/null

first_line_ms() { # first_line_ms CMD...: milliseconds until CMD prints its first line
  local start end
  start=$(date +%s%N)
  end=$("$@" 2>&1 | { IFS= read -r _; date +%s%N; cat >/dev/null; })
  echo $(((end - start) / 1000000))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

measure() { # measure LABEL CMD...
  local label=$1 i; shift
  "$@" >/dev/null 2>&1 || true # warm the file cache
  for i in $(seq "$runs"); do first_line_ms "$@"; done | median | xargs printf '%-40s %6s ms\n' "$label"
}

printf 'gatehouse %s, %s runs each, median ms to the first line of output\n' "$version" "$runs"
measure "dotnet run -- --version" dotnet run --project "$root/src/Gatehouse" -c Release --no-build -- --version
measure "tool --version" "$tool" --version
measure "single-file --version" "$single" --version
measure "dotnet run -- audit verify" dotnet run --project "$root/src/Gatehouse" -c Release --no-build -- audit verify
measure "tool audit verify" "$tool" audit verify
measure "single-file audit verify" "$single" audit verify
