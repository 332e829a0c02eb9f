#!/usr/bin/env bash
# Runs the kit's main job on embedded defaults: a generated scenario, SQLite, a local Anvil.
# Installs what is missing first. Outputs go to out/demo (override with --out DIR).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CONFIGURATION="${CONFIGURATION:-Release}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash scripts/bootstrap.sh
exec dotnet "src/CollabInsights.Cli/bin/$CONFIGURATION/net10.0/collab.dll" demo "$@"   # collab demo writes to out/demo unless --out says otherwise
