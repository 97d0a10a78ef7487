#!/usr/bin/env bash
# Stops what `npm start` started: the services (SIGTERM, so they drain in-flight messages), then Kafka.
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# Every node, npm and npx below runs under the pinned Node.js (.node-version).
# shellcheck source=tools/runtime.sh
source tools/runtime.sh
for pid_file in tmp/pids/*.pid; do
  [[ -e "$pid_file" ]] || continue
  pid="$(cat "$pid_file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  echo "$(basename "$pid_file" .pid): stopped"
  rm -f "$pid_file"
done
KAFKA_PORT="${KAFKA_PORT:-9092}" infra/kafka/stop.sh
