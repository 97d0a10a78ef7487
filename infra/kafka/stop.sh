#!/usr/bin/env bash
# Stops the broker started by start.sh from the same KAFKA_DATA_DIR:
# SIGTERM (controlled shutdown), then SIGKILL after KAFKA_STOP_TIMEOUT seconds.
# Idempotent: exits 0 when nothing is running.
set -euo pipefail

KAFKA_SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$KAFKA_SCRIPT_DIR/lib.sh"

# The pid file is the normal source; if it was lost, look for a broker whose
# command line names this data dir's server.properties (and nothing broader).
find_pids() {
  local pid p
  if pid="$(kafka_running_pid)"; then
    echo "$pid"
    return 0
  fi
  for p in /proc/[0-9]*; do
    p="${p#/proc/}"
    if kafka_pid_is_ours "$p"; then
      echo "$p"
    fi
  done
}

main() {
  local -a pids
  local pid deadline alive
  mapfile -t pids < <(find_pids)
  if ((${#pids[@]} == 0)); then
    rm -f -- "$KAFKA_PID_FILE"
    echo "kafka: not running (data: $KAFKA_DATA_DIR)"
    exit 0
  fi

  echo "kafka: stopping broker pid ${pids[*]} (data: $KAFKA_DATA_DIR)..."
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done

  deadline=$((SECONDS + KAFKA_STOP_TIMEOUT))
  while :; do
    alive=()
    for pid in "${pids[@]}"; do
      if kafka_pid_alive "$pid" && kafka_pid_is_ours "$pid"; then
        alive+=("$pid")
      fi
    done
    ((${#alive[@]} == 0)) && break
    if ((SECONDS >= deadline)); then
      echo "kafka: still running after ${KAFKA_STOP_TIMEOUT}s, sending SIGKILL to ${alive[*]}" >&2
      kill -KILL "${alive[@]}" 2>/dev/null || true
      # SIGKILL is not instant on a busy machine: return only once the process is gone, so
      # that a start right after this one does not find the ports still held.
      for _ in $(seq 1 50); do
        alive=()
        for pid in "${pids[@]}"; do
          if kafka_pid_alive "$pid" && kafka_pid_is_ours "$pid"; then alive+=("$pid"); fi
        done
        ((${#alive[@]} == 0)) && break
        sleep 0.2
      done
      if ((${#alive[@]} > 0)); then
        echo "kafka: broker ${alive[*]} survived SIGKILL" >&2
        exit 1
      fi
      break
    fi
    sleep 0.5
  done

  rm -f -- "$KAFKA_PID_FILE"
  echo "kafka: stopped"
}

main "$@"
