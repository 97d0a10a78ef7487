#!/usr/bin/env bash
# Reports whether the broker for KAFKA_DATA_DIR / KAFKA_PORT is running.
# Exit codes: 0 = a broker answers on the port,
#             1 = the broker process is alive but not answering (starting or hung),
#             3 = not running.
set -euo pipefail

KAFKA_SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$KAFKA_SCRIPT_DIR/lib.sh"

main() {
  local pid="" answering=no
  pid="$(kafka_running_pid)" || pid=""
  if kafka_probe "$KAFKA_PORT"; then
    answering=yes
  fi

  if [[ -n "$pid" ]]; then
    echo "kafka: running (pid $pid, port $KAFKA_HOST:$KAFKA_PORT, answering: $answering, data: $KAFKA_DATA_DIR, log: $KAFKA_LOG_FILE)"
  elif [[ "$answering" == yes ]]; then
    echo "kafka: a broker answers on $KAFKA_HOST:$KAFKA_PORT but was not started from $KAFKA_DATA_DIR"
  else
    echo "kafka: not running (port $KAFKA_HOST:$KAFKA_PORT, data: $KAFKA_DATA_DIR)"
  fi

  if [[ "$answering" == yes ]]; then
    exit 0
  elif [[ -n "$pid" ]]; then
    exit 1
  fi
  exit 3
}

main "$@"
