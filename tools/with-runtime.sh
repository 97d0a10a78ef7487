#!/usr/bin/env bash
# Runs a command under the project's pinned Node.js (tools/runtime.sh), for npm scripts:
# npm itself may have been started by the machine's older node, and its scripts inherit that PATH.
#   "catalogue": "bash tools/with-runtime.sh node -r @swc-node/register tools/catalogue/generate-catalogue.ts"
set -euo pipefail
# shellcheck source=tools/runtime.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/runtime.sh"
exec "$@"
