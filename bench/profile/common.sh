# Sourced by bench/profile/run.sh and work.sh: the set-up both share.

# --help/-h prints the calling script's header comment (from line 2 to `set -euo`) and exits.
profile_help() {
  if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    exit 0
  fi
}

# profile_tool NAME: the path of a dotnet diagnostics tool, installed into /tmp/tools at the pinned version if missing.
profile_tool() {
  local tool=/tmp/tools/$1
  if [ ! -x "$tool" ]; then
    dotnet tool install --tool-path /tmp/tools "$1" --version 10.0.750501 >/dev/null
  fi
  echo "$tool"
}

# profile_needs COMMAND HINT: stops with HINT when COMMAND is not on the path.
profile_needs() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "$1 is needed: $2" >&2
    exit 1
  fi
}

# Builds the gateway and the load bench in Release.
profile_build() {
  dotnet build -c Release -v quiet -nologo src/Gatehouse >/dev/null
  dotnet build -c Release -v quiet -nologo bench/Gatehouse.LoadBench >/dev/null
}
