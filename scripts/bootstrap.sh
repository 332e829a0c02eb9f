#!/usr/bin/env bash
# Installs what CollabInsights needs, idempotently: Debian packages, the pinned npm tools
# (package-lock.json), and the .NET build. Safe to run again; it only does what is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

APT_PACKAGES=(postgresql postgresql-contrib chromium jupyter-nbconvert jupyter-client python3-nbclient python3-jupyter-client
  python3-nbformat python3-ipykernel python3-pandas python3-sklearn python3-lxml jupyter-notebook)

log() { printf '\033[1;34m[bootstrap]\033[0m %s\n' "$*" >&2; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  log "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v node >/dev/null || { echo "Node.js (>= 20) and npm are required: install them from Debian (apt-get install nodejs npm)" >&2; exit 1; }
command -v dotnet >/dev/null || { echo "The .NET SDK 10 is required: see environment.md" >&2; exit 1; }

# npm tools pinned by package-lock.json; reinstall only when the lock file changed.
stamp="node_modules/.collab-lock.sha256"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -x node_modules/.bin/anvil || ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  log "installing pinned npm tools (anvil, cast, solc, ethers, viem, puppeteer-core)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

log "building the solution"
dotnet build CollabInsights.sln -c "${CONFIGURATION:-Release}" -nologo -v:q -clp:ErrorsOnly
