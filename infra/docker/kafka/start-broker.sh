#!/usr/bin/env bash
# Entry point of the compose Kafka broker (apache/kafka image): one KRaft node that admits only
# authenticated clients and authorises every request against ACLs.
#
#   - Listener INTERNAL (kafka:9092, the services and the broker itself): SASL_PLAINTEXT with
#     SCRAM-SHA-512. The credentials (`admin` and one principal per service, named like the
#     service) are written into the metadata log when the empty volume is formatted
#     (kafka-storage format --add-scram), so they exist before anyone connects.
#   - Listener CONTROLLER (kafka:9093): SASL_PLAINTEXT with PLAIN and one static user; SCRAM
#     cannot authenticate the controller, whose own log holds the SCRAM credentials.
#   - StandardAuthorizer with allow.everyone.if.no.acl.found=false: what no ACL allows is refused.
#     admin and the controller user are super users; the services get ACLs from kafka-acls.sh.
#
# The rest of the broker configuration comes from KAFKA_* variables, converted as the apache/kafka
# image does (KAFKA_LOG_DIRS → log.dirs; `__` → `-`, `___` → `_`). Changing a service's password
# on an existing volume: kafka-configs.sh --alter --add-config 'SCRAM-SHA-512=[password=…]'
# --entity-type users --entity-name <service>, as admin; the format step only runs once.
set -euo pipefail

KAFKA_HOME="${KAFKA_HOME:-/opt/kafka}"
CONFIG_DIR="${CMP_KAFKA_CONFIG_DIR:-/tmp/cmp-kafka}"
# Where the broker is reached; compose's defaults (overridable to try the script outside Docker).
HOST="${CMP_KAFKA_ADVERTISED_HOST:-kafka}"
PORT="${CMP_KAFKA_PORT:-9092}"
CONTROLLER_PORT="${CMP_KAFKA_CONTROLLER_PORT:-9093}"
SERVICES=(enrolment matching scheduling notifications evaluation gateway)

require() {
  local name="$1"
  [[ -n "${!name:-}" ]] || { echo "kafka: $name must be set" >&2; exit 64; }
  # --add-scram and the JAAS lines quote the value; keep it to characters that need no escaping.
  [[ "${!name}" =~ ^[A-Za-z0-9._~+-]{16,}$ ]] || {
    echo "kafka: $name must be at least 16 characters from A-Z a-z 0-9 . _ ~ + - (e.g. openssl rand -hex 32)" >&2
    exit 64
  }
}
require CMP_KAFKA_ADMIN_PASSWORD
require CMP_KAFKA_CONTROLLER_PASSWORD
for service in "${SERVICES[@]}"; do require "CMP_KAFKA_PASSWORD_${service^^}"; done
: "${CLUSTER_ID:?kafka: CLUSTER_ID must be set}"

mkdir -p "$CONFIG_DIR"
chmod 700 "$CONFIG_DIR"
props="$CONFIG_DIR/server.properties"
umask 077
{
  echo "# Written by infra/docker/kafka/start-broker.sh on every start."
  for name in $(compgen -e | grep -E '^KAFKA_[A-Z0-9_]+$' | sort); do
    case "$name" in
      KAFKA_HOME | KAFKA_OPTS | KAFKA_HEAP_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | KAFKA_LOG4J_OPTS | KAFKA_JMX_OPTS | KAFKA_GC_LOG_OPTS) continue ;;
    esac
    key="${name#KAFKA_}"
    key="${key,,}"
    key="${key//___/@}"
    key="${key//__/-}"
    key="${key//_/.}"
    key="${key//@/_}"
    echo "$key=${!name}"
  done
  cat <<PROPS
listeners=INTERNAL://:$PORT,CONTROLLER://:$CONTROLLER_PORT
advertised.listeners=INTERNAL://$HOST:$PORT
listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
inter.broker.listener.name=INTERNAL
controller.listener.names=CONTROLLER
listener.name.internal.sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.internal.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$CMP_KAFKA_ADMIN_PASSWORD";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="$CMP_KAFKA_CONTROLLER_PASSWORD" user_controller="$CMP_KAFKA_CONTROLLER_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin;User:controller
PROPS
} >"$props"

# What the health check and the ACL set-up connect with (admin, inside this container only).
cat >"$CONFIG_DIR/admin.properties" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$CMP_KAFKA_ADMIN_PASSWORD";
PROPS

scram=(--add-scram "SCRAM-SHA-512=[name=admin,password=$CMP_KAFKA_ADMIN_PASSWORD]")
for service in "${SERVICES[@]}"; do
  password_var="CMP_KAFKA_PASSWORD_${service^^}"
  scram+=(--add-scram "SCRAM-SHA-512=[name=$service,password=${!password_var}]")
done
"$KAFKA_HOME/bin/kafka-storage.sh" format --cluster-id "$CLUSTER_ID" --config "$props" --ignore-formatted "${scram[@]}"

exec "$KAFKA_HOME/bin/kafka-server-start.sh" "$props"
