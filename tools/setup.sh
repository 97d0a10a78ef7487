#!/usr/bin/env bash
# Installs what the project needs on a fresh machine of this kind: the pinned Node.js
# (tools/runtime.sh, from the npm registry when the machine's node is another version), the npm
# packages pinned by package-lock.json (again only when the lockfile or the runtime changed) and
# the Kafka jars (infra/kafka caches them on first start). Java 17, Maven, psql and Postgres come
# with the machine. Runs in a child process: every caller sources tools/runtime.sh itself too.
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

for tool in node npm java mvn psql; do
  command -v "$tool" >/dev/null 2>&1 || { echo "setup: $tool is missing" >&2; exit 1; }
done
# shellcheck source=tools/runtime.sh
source tools/runtime.sh

# Native add-ons are built for one runtime: a new Node.js reinstalls them like a new lockfile.
marker=node_modules/.cmp-lock-hash
wanted="$( (cat package-lock.json; node --version) | sha256sum | cut -d' ' -f1)"
if [[ ! -f "$marker" || "$(cat "$marker")" != "$wanted" ]]; then
  echo "setup: installing npm packages (npm ci, Node.js $(node --version), npm $(npm --version))"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$wanted" > "$marker"
fi
