#!/usr/bin/env bash
# Installs what the project needs on a fresh machine of this kind: the npm packages pinned by
# package-lock.json (again only when the lockfile changed) and the Kafka jars (infra/kafka caches
# them on first start). Java 17, Maven, psql and Postgres come with the machine.
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

for tool in node npm java mvn psql; do
  command -v "$tool" >/dev/null 2>&1 || { echo "setup: $tool is missing" >&2; exit 1; }
done

marker=node_modules/.cmp-lock-hash
wanted="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f "$marker" || "$(cat "$marker")" != "$wanted" ]]; then
  echo "setup: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$wanted" > "$marker"
fi
