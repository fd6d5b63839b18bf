#!/usr/bin/env bash
# Runs OneStop's whole test suite. On a fresh Debian machine it first installs what the tests need and is
# missing: PostgreSQL server binaries (the tests start their own throwaway servers, no service is used),
# Debian's Chromium for the browser tests (never a downloaded browser), Node.js and npm for the client bundles.
set -euo pipefail
cd "$(dirname "$0")"

packages=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || packages+=(postgresql)
[ -x /usr/bin/chromium ] || packages+=(chromium)
command -v npm >/dev/null || packages+=(nodejs npm)

if ((${#packages[@]})); then
  echo "test.sh: installing ${packages[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${packages[@]}"
fi

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test OneStop.sln "$@" 2>&1 | tee "$log" || status=$?

# One closing line for the whole suite, summed over the test projects.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         v = $(i + 1); gsub(",", "", v)
         if ($i == "Failed:") f += v; else if ($i == "Passed:") p += v; else if ($i == "Skipped:") s += v
       }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
