#!/usr/bin/env bash
# Start-up of CLI verbs: milliseconds from launch to the first line of output, for
#   dotnet run            from a checkout (what the README's from-source commands cost; --no-build, so no compile)
#   tool                  the .NET tool package installed with dotnet tool install: framework-dependent, JIT
#   single-file           the release executable of ./build.sh binaries: self-contained, ReadyToRun
#   single-file, no R2R   the same executable published without ReadyToRun (built here, to show what R2R buys)
#   single-file, composite  the same, with the app and the runtime compiled into one composite ReadyToRun image
#   single-file + KNOB    the release executable under a runtime setting (TieredPGO off, TieredCompilation off,
#                         workstation GC), set through its DOTNET_ variable, which is what the runtimeconfig option sets
# on `--version` and on `audit verify` of a small store (one API key sealed into a fresh chain).
#
# The machine is shared, so the alternatives are interleaved: each round runs every variant once, in an order rotated
# from round to round, and the table gives the median of the rounds with the ratio to `dotnet run` and to the release
# executable. Ratios are the figures to compare across runs; absolute figures move with the load (printed too).
#
# Usage: bench/startup/run.sh [ROUNDS]   (default 15; needs ./build.sh pack and ./build.sh binaries linux-x64 first)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-15}
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

version=$(find artifacts -maxdepth 1 -name 'gatehouse.*.nupkg' -printf '%f\n' | sed -E 's/^gatehouse\.(.+)\.nupkg$/\1/' | sort | tail -n 1)
single="$root/artifacts/gatehouse-$version-linux-x64"
[ -n "$version" ] && [ -x "$single" ] || { echo "missing the package or $single: run ./build.sh pack && ./build.sh binaries linux-x64" >&2; exit 2; }

log() { printf '==> %s\n' "$*" >&2; }

# The tool, installed from the package alone into a tool path of its own.
log "installing the tool $version"
printf '<configuration><packageSources><clear /><add key="a" value="%s" /></packageSources></configuration>' "$root/artifacts" > "$work/nuget.config"
NUGET_PACKAGES="$work/packages" dotnet tool install gatehouse --tool-path "$work/tools" --configfile "$work/nuget.config" --version "$version" >/dev/null

# `dotnet run --no-build` runs the Release build of this checkout.
log "building the checkout for dotnet run"
dotnet build src/Gatehouse -c Release -nologo -v q >/dev/null

# The comparison executables, from a copy of the same sources, so that their builds neither disturb nor reuse the
# release build's intermediate files. The copy has no git history, so it builds as 0.1.0-alpha.0: the version string
# is the only difference.
log "copying the sources"
mkdir -p "$work/src"
cp -r Directory.Build.props Directory.Packages.props global.json BannedSymbols.txt .editorconfig "$work/src/"
tar -C "$root" --exclude=bin --exclude=obj -cf - src | tar -C "$work/src" -xf -
publish() { # publish NAME MSBUILD-PROPERTY...
  local name=$1; shift
  log "publishing linux-x64 $name"
  dotnet publish "$work/src/src/Gatehouse/Gatehouse.csproj" -c Release -r linux-x64 -nologo -v q -o "$work/$name" "$@" >/dev/null
}
publish no-r2r -p:PublishReadyToRun=false
publish composite -p:PublishReadyToRunComposite=true

# A small store: creating an API key seals it into a new audit chain.
store="$work/store/gatehouse.db"
mkdir -p "$work/store"
"$single" keys create --db "$store" --name bench --owner bench@example.com --groups dev >/dev/null 2>&1

labels=(
  "dotnet run"
  "tool"
  "single-file"
  "single-file, no R2R"
  "single-file, composite R2R"
  "single-file, TieredPGO off"
  "single-file, TieredCompilation off"
  "single-file, workstation GC"
)
commands=(
  "dotnet run --project $root/src/Gatehouse -c Release --no-build --"
  "$work/tools/gatehouse"
  "$single"
  "$work/no-r2r/gatehouse"
  "$work/composite/gatehouse"
  "env DOTNET_TieredPGO=0 $single"
  "env DOTNET_TieredCompilation=0 $single"
  "env DOTNET_gcServer=0 $single"
)
verbs=("--version" "audit verify --db $store")
verb_names=("--version" "audit verify")

first_line_ms() { # first_line_ms CMD...: milliseconds until CMD prints its first line (stdout or stderr)
  local start end
  start=$(date +%s%N)
  end=$("$@" 2>&1 | { IFS= read -r _; date +%s%N; cat >/dev/null; })
  echo $(((end - start) / 1000000))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

# Every command must work before it is timed: a failing variant would otherwise look fast.
for v in "${!verbs[@]}"; do
  for c in "${!commands[@]}"; do
    # shellcheck disable=SC2086 # the command and verb strings are word lists by design
    ${commands[$c]} ${verbs[$v]} >/dev/null 2>"$work/err" || { echo "${labels[$c]} ${verb_names[$v]} failed:" >&2; cat "$work/err" >&2; exit 1; }
  done
done

load_before=$(cut -d' ' -f1 /proc/loadavg)
log "timing ${#commands[@]} variants x ${#verbs[@]} verbs, $rounds interleaved rounds"
for round in $(seq "$rounds"); do
  for v in "${!verbs[@]}"; do
    for i in "${!commands[@]}"; do
      c=$(((i + round) % ${#commands[@]})) # rotate the order, so no variant always runs right after the same one
      # shellcheck disable=SC2086
      first_line_ms ${commands[$c]} ${verbs[$v]} >> "$work/times-$v-$c"
    done
  done
done
load_after=$(cut -d' ' -f1 /proc/loadavg)

printf 'gatehouse %s, linux-x64, %s cores, load average %s before and %s after; %s interleaved rounds\n' \
  "$version" "$(nproc)" "$load_before" "$load_after" "$rounds"
printf 'median ms from launch to the first line of output (min-max), and the ratio of the medians\n\n'
printf '| verb | variant | median ms | min-max ms | vs dotnet run | vs single-file |\n|---|---|---:|---:|---:|---:|\n'
for v in "${!verbs[@]}"; do
  base_run=$(median < "$work/times-$v-0")
  base_single=$(median < "$work/times-$v-2")
  for c in "${!commands[@]}"; do
    m=$(median < "$work/times-$v-$c")
    range=$(sort -n "$work/times-$v-$c" | sed -n '1p;$p' | paste -sd-)
    awk -v verb="${verb_names[$v]}" -v label="${labels[$c]}" -v m="$m" -v r="$range" -v a="$base_run" -v b="$base_single" \
      'BEGIN { printf "| %s | %s | %d | %s | %.2f | %.2f |\n", verb, label, m, r, m / a, m / b }'
  done
done
