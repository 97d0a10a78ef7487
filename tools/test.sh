#!/usr/bin/env bash
# The whole test suite, as CI runs it: install, lint (module boundaries included), type check,
# unit tests, then integration tests against a real Kafka broker and Postgres (the global set-up
# starts the broker from its jars and prepares the test database when none is given).
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash tools/setup.sh
export NX_DAEMON=false NX_NO_CLOUD=true LOG_LEVEL="${LOG_LEVEL:-silent}"

echo "== lint"
npx nx run-many -t lint --outputStyle=static
echo "== type check"
npx tsc -p tsconfig.json --noEmit
echo "== unit tests"
npx jest --config jest.config.js --ci
echo "== integration tests (real Kafka and Postgres)"
npx jest --config jest.int.config.js --ci --runInBand
