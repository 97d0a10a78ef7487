#!/usr/bin/env bash
# `npm run bench -- <name> [options]`: one benchmark, with the broker and database set up as the
# integration tests set them up (started here when not given by KAFKA_BROKERS / DATABASE_URL).
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# Every node, npm and npx below runs under the pinned Node.js (.node-version).
# shellcheck source=tools/runtime.sh
source tools/runtime.sh
bash tools/setup.sh
SWC_NODE_PROJECT="$root/tsconfig.json" exec node -r @swc-node/register tools/bench/run-benchmark.ts "$@"
