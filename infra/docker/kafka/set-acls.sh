#!/usr/bin/env bash
# One-shot set-up of the compose broker's ACLs (the kafka-acls service), as admin. Idempotent:
# adding an ACL that exists changes nothing. Each service, authenticated as the principal named
# like it (start-broker.sh creates the SCRAM credentials), may:
#   - write, create and describe its own topics (prefix cmp.<service>.) and its dead letters
#     (prefix <service>., e.g. enrolment.dlq);
#   - read (and create, if missing) the topics of the producers whose contracts it consumes,
#     and nothing else;
#   - use its own consumer group (prefix <service>).
# Anything else is refused: the broker runs with allow.everyone.if.no.acl.found=false.
set -euo pipefail

KAFKA_HOME="${KAFKA_HOME:-/opt/kafka}"
BOOTSTRAP="${CMP_KAFKA_BOOTSTRAP:-kafka:9092}"
: "${CMP_KAFKA_ADMIN_PASSWORD:?kafka-acls: CMP_KAFKA_ADMIN_PASSWORD must be set}"

# What each service consumes, by producer (apps/<service> @EventPattern handlers → libs/contracts).
declare -A READS=(
  [enrolment]="cmp.matching.events cmp.scheduling.events"
  [matching]="cmp.enrolment.events cmp.scheduling.events"
  [scheduling]="cmp.enrolment.events cmp.matching.events"
  [notifications]="cmp.enrolment.events cmp.enrolment.contacts cmp.evaluation.events cmp.gateway.events cmp.matching.events cmp.scheduling.events"
  [evaluation]="cmp.enrolment.events cmp.matching.events cmp.scheduling.events"
  [gateway]="cmp.enrolment.events cmp.matching.events"
)

config="$(mktemp)"
trap 'rm -f "$config"' EXIT
chmod 600 "$config"
cat >"$config" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$CMP_KAFKA_ADMIN_PASSWORD";
PROPS

acl() {
  "$KAFKA_HOME/bin/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$config" --add "$@" >/dev/null
}

# One kafka-acls.sh call per kind of grant (each starts a JVM), the services side by side.
grant() {
  local service="$1" principal="User:$1" reads=()
  for topic in ${READS[$service]}; do reads+=(--topic "$topic"); done
  acl --allow-principal "$principal" --operation Write --operation Create --operation Describe --operation DescribeConfigs \
    --resource-pattern-type prefixed --topic "cmp.$service." --topic "$service."
  # Create as well: a consumer provisions the topics it subscribes to when their producer has
  # not yet (libs/messaging's TopicProvisioner), so start-up order does not matter. It cannot write.
  acl --allow-principal "$principal" --operation Read --operation Describe --operation Create "${reads[@]}"
  acl --allow-principal "$principal" --operation Read --operation Describe --resource-pattern-type prefixed --group "$service"
  echo "kafka-acls: $principal may write cmp.$service.* and $service.*, read ${READS[$service]}"
}
pids=()
for service in "${!READS[@]}"; do
  grant "$service" &
  pids+=("$!")
done
for pid in "${pids[@]}"; do wait "$pid"; done
