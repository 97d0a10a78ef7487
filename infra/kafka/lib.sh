#!/usr/bin/env bash
# Shared configuration and helpers for start.sh / stop.sh / status.sh.
# Sourced, not executed. Expects KAFKA_SCRIPT_DIR to be set by the caller.
# shellcheck shell=bash
# Variables defined here are used by the scripts that source this file.
# shellcheck disable=SC2034

: "${KAFKA_SCRIPT_DIR:?KAFKA_SCRIPT_DIR must be set before sourcing lib.sh}"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
# How often the log cleaner looks for work; tests lower it to see compaction in seconds.
KAFKA_LOG_CLEANER_BACKOFF_MS="${KAFKA_LOG_CLEANER_BACKOFF_MS:-15000}"
KAFKA_HOST=127.0.0.1

# Principals. The admin is the only super user of the client listener (provisioning, tests,
# tooling); every service has its own, allowed only what infra/kafka's ACLs grant it. The
# controller principal authenticates the KRaft controller listener (PLAIN: SCRAM credentials
# live in the metadata log, which the controller must read before it can check them).
KAFKA_ADMIN_USER=cmp-admin
KAFKA_CONTROLLER_USER=cmp-controller
KAFKA_SERVICE_USERS=(cmp-enrolment cmp-matching cmp-scheduling cmp-notifications cmp-evaluation cmp-gateway)

for _var in KAFKA_PORT KAFKA_CONTROLLER_PORT KAFKA_START_TIMEOUT KAFKA_STOP_TIMEOUT KAFKA_LOG_CLEANER_BACKOFF_MS; do
  if ! [[ "${!_var}" =~ ^[0-9]+$ ]]; then
    echo "kafka: $_var must be a number, got '${!_var}'" >&2
    exit 2
  fi
done
unset _var
if [[ "$KAFKA_PORT" == "$KAFKA_CONTROLLER_PORT" ]]; then
  echo "kafka: KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ" >&2
  exit 2
fi

# Absolute paths (relative env values are taken from the current directory).
KAFKA_DATA_DIR="$(realpath -m -- "${KAFKA_DATA_DIR:-$KAFKA_SCRIPT_DIR/.data}")"
KAFKA_CACHE_DIR="$(realpath -m -- "${KAFKA_CACHE_DIR:-$KAFKA_SCRIPT_DIR/.cache/lib}")"

KAFKA_PROPS_FILE="$KAFKA_DATA_DIR/server.properties"
KAFKA_PID_FILE="$KAFKA_DATA_DIR/kafka.pid"
KAFKA_LOGS_DIR="$KAFKA_DATA_DIR/logs"
KAFKA_LOG_FILE="$KAFKA_LOGS_DIR/server.log"
KAFKA_STDOUT_FILE="$KAFKA_LOGS_DIR/stdout.log"
KAFKA_CLUSTER_ID_FILE="$KAFKA_DATA_DIR/cluster.id"
KAFKA_CLIENT_PROPS_FILE="$KAFKA_DATA_DIR/client.properties"
# One SCRAM-SHA-512 password per principal, made when the storage is formatted (0600).
KAFKA_CREDENTIALS_FILE="$KAFKA_DATA_DIR/credentials.properties"
KAFKA_CACHE_MARKER="$KAFKA_CACHE_DIR/.complete"

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  KAFKA_JAVA="$JAVA_HOME/bin/java"
else
  KAFKA_JAVA="java"
fi

# Command prefix to run a Kafka command line tool class from the cached jars
# (small, fast-starting JVM; log output WARN and above, to stderr).
KAFKA_TOOL_CMD=(
  "$KAFKA_JAVA" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1
  -Dlog4j.configuration="file:$KAFKA_SCRIPT_DIR/tools-log4j.properties"
  -cp "$KAFKA_CACHE_DIR/*"
)

kafka_tool() {
  "${KAFKA_TOOL_CMD[@]}" "$@"
}

# Fast, JVM-free check that a Kafka broker answers on 127.0.0.1:$1:
# sends an ApiVersions v0 request over bash's /dev/tcp and expects a
# response with correlation id 1 and error code 0.
kafka_probe() {
  local port="$1"
  # shellcheck disable=SC2016 # expanded by the inner bash
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    # size=10 | api_key=18 (ApiVersions) | api_version=0 | correlation_id=1 | client_id=""
    printf "\x00\x00\x00\x0a\x00\x12\x00\x00\x00\x00\x00\x01\x00\x00" >&3
    reply="$(head -c 10 <&3 | od -An -tx1 | tr -d " \n")"
    exec 3>&-
    # 4 bytes size, then correlation id 00000001, then error code 0000
    [[ "${reply:8:12}" == "000000010000" ]]
  ' _ "$port" 2>/dev/null
}

# Is something listening on 127.0.0.1:$1 at all?
kafka_port_open() {
  # shellcheck disable=SC2016 # expanded by the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# Prints the pid of the broker started from this data dir, if it is alive.
# Checks the command line so that a reused pid is not mistaken for the broker.
kafka_running_pid() {
  local pid
  [[ -f "$KAFKA_PID_FILE" ]] || return 1
  pid="$(tr -dc '0-9' <"$KAFKA_PID_FILE")"
  [[ -n "$pid" ]] || return 1
  kafka_pid_is_ours "$pid" || return 1
  echo "$pid"
}

# Is the process alive (a zombie is not: it exited and waits for its parent to notice)?
kafka_pid_alive() {
  local pid="$1" stat
  stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  # the state is the first field after the parenthesised command name
  stat="${stat##*) }"
  [[ "${stat:0:1}" != Z ]]
}

kafka_pid_is_ours() {
  local pid="$1" cmdline
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *" kafka.Kafka $KAFKA_PROPS_FILE"* ]]
}

# Is the broker we are waiting for still there? A broker start.sh launched is its own child:
# until the child has exec'd java its command line is the launching shell's, so only "alive" can be
# asked of it, and its pid cannot be reused while unreaped. A broker another start.sh launched
# (found through the pid file) is judged by its command line.
kafka_broker_alive() {
  local pid="$1" launched_here="$2"
  if [[ "$launched_here" == yes ]]; then
    kafka_pid_alive "$pid"
  else
    kafka_pid_alive "$pid" && kafka_pid_is_ours "$pid"
  fi
}

# Prints the password of principal $1 from the credentials file.
kafka_password_of() {
  local user="$1" line
  [[ -f "$KAFKA_CREDENTIALS_FILE" ]] || return 1
  while IFS= read -r line; do
    if [[ "$line" == "$user="* ]]; then
      echo "${line#*=}"
      return 0
    fi
  done <"$KAFKA_CREDENTIALS_FILE"
  return 1
}

# Prints the last lines of the broker's logs to stderr. With LOG_OFFSETS set
# ("<stdout bytes> <server.log bytes>", taken at launch) only what the
# current launch wrote is shown.
kafka_log_tail() {
  local lines="${1:-40}" offsets="${2:-0 0}" f off i text
  local -a offs
  read -r -a offs <<<"$offsets"
  local -a files=("$KAFKA_STDOUT_FILE" "$KAFKA_LOG_FILE")
  for i in 0 1; do
    f="${files[$i]}"
    off="${offs[$i]:-0}"
    [[ -s "$f" ]] || continue
    # the file may have been rotated since the launch
    if (($(stat -c %s -- "$f") < off)); then off=0; fi
    text="$(tail -c "+$((off + 1))" -- "$f" | tail -n "$lines")"
    [[ -n "$text" ]] || continue
    echo "----- last lines of $f -----" >&2
    printf '%s\n' "$text" >&2
  done
}
