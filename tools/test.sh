#!/usr/bin/env bash
# The whole test suite, as CI runs it: install, lint (module boundaries included), type check,
# unit tests, then integration tests against a real Kafka broker and Postgres (the global set-up
# starts the broker from its jars and prepares the test database when none is given).
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# Every node, npm and npx below runs under the pinned Node.js (.node-version).
# shellcheck source=tools/runtime.sh
source tools/runtime.sh

bash tools/setup.sh
export NX_DAEMON=false NX_NO_CLOUD=true LOG_LEVEL="${LOG_LEVEL:-silent}"

echo "== lint"
npx nx run-many -t lint --outputStyle=static
echo "== type check"
npx tsc -p tsconfig.json --noEmit
mkdir -p tmp
echo "== unit tests"
npx jest --config jest.config.js --ci --json --outputFile=tmp/unit-results.json
echo "== integration tests (real Kafka and Postgres)"
# --forceExit: the suites start real Kafka and Postgres clients; a reconnect timer that outlives
# a test's teardown must not keep CI waiting. Open handles are hunted with --detectOpenHandles.
npx jest --config jest.int.config.js --ci --runInBand --forceExit --json --outputFile=tmp/integration-results.json

# One closing line over both runs (set -e has already stopped a failing run above).
node -e '
  const runs = process.argv.slice(1).map((file) => require(require("node:path").resolve(file)));
  const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
  console.log(`tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
' tmp/unit-results.json tmp/integration-results.json
