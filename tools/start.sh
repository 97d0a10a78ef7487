#!/usr/bin/env bash
# Brings the CMP system up as local processes, without Docker: installs what is missing, starts
# the Kafka broker from its jars (infra/kafka), prepares Postgres (infra/postgres: database cmp,
# one role and schema per service), then starts every service in apps/ and waits until each one
# reports ready. Idempotent: what already runs is left running. `npm run stop` stops it all.
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# Every node, npm and npx below runs under the pinned Node.js (.node-version).
# shellcheck source=tools/runtime.sh
source tools/runtime.sh
# shellcheck source=tools/services.sh
source tools/services.sh

bash tools/setup.sh
KAFKA_PORT="${KAFKA_PORT:-9092}" infra/kafka/start.sh
# The broker requires SASL/SCRAM: its passwords were made with its storage (0600, in its data
# dir). As the admin, create every topic and each service's ACLs; each service then connects as
# its own principal, allowed only its own topics and what it consumes.
kafka_credentials="${KAFKA_DATA_DIR:-$root/infra/kafka/.data}/credentials.properties"
kafka_password() { sed -n "s/^$1=//p" "$kafka_credentials"; }
KAFKA_BROKERS="127.0.0.1:${KAFKA_PORT:-9092}" KAFKA_SASL_MECHANISM=scram-sha-512 \
KAFKA_SASL_USERNAME=cmp-admin KAFKA_SASL_PASSWORD="$(kafka_password cmp-admin)" \
SWC_NODE_PROJECT="$root/tsconfig.json" \
  node -r @swc-node/register tools/kafka/provision-kafka.ts
CMP_DB_NAME=cmp infra/postgres/apply.sh

mkdir -p tmp/logs tmp/pids
# No mail leaves this machine: a capture server stands in for SMTP (notifications' default
# 127.0.0.1:2525) and keeps every message in tmp/mail, listed at http://127.0.0.1:1080/messages.
if [[ -f tmp/pids/mail-capture.pid ]] && kill -0 "$(cat tmp/pids/mail-capture.pid)" 2>/dev/null; then
  echo "mail-capture: already running (pid $(cat tmp/pids/mail-capture.pid))"
else
  MAIL_CAPTURE_SMTP_PORT=2525 MAIL_CAPTURE_HTTP_PORT=1080 MAIL_CAPTURE_DIR="$root/tmp/mail" \
  SWC_NODE_PROJECT="$root/tsconfig.json" \
    setsid nohup node -r @swc-node/register apps/notifications/dev/mail-capture.ts >tmp/logs/mail-capture.log 2>&1 &
  echo $! >tmp/pids/mail-capture.pid
  for _ in $(seq 1 60); do curl -fsS http://127.0.0.1:1080/messages >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS http://127.0.0.1:1080/messages >/dev/null || { echo "mail-capture: not ready (tmp/logs/mail-capture.log)" >&2; exit 1; }
  echo "mail-capture: SMTP on 127.0.0.1:2525, captured mail at http://127.0.0.1:1080/messages and in tmp/mail/"
fi

# The gateway signs tokens with a secret of this installation, made once and kept in tmp/, and
# bootstraps a demo admin (shown at the end).
[[ -s tmp/gateway-jwt-secret ]] || node -e "process.stdout.write(require('crypto').randomBytes(48).toString('base64url'))" >tmp/gateway-jwt-secret
export GATEWAY_JWT_SECRET="${GATEWAY_JWT_SECRET:-$(cat tmp/gateway-jwt-secret)}"
# The key that hashes typed emails in the lock-out counters, made the same way.
[[ -s tmp/gateway-sign-in-failure-secret ]] || node -e "process.stdout.write(require('crypto').randomBytes(48).toString('base64url'))" >tmp/gateway-sign-in-failure-secret
export GATEWAY_SIGN_IN_FAILURE_SECRET="${GATEWAY_SIGN_IN_FAILURE_SECRET:-$(cat tmp/gateway-sign-in-failure-secret)}"
export GATEWAY_BOOTSTRAP_ADMIN_EMAIL="${GATEWAY_BOOTSTRAP_ADMIN_EMAIL:-admin@cmp.localhost}"
export GATEWAY_BOOTSTRAP_ADMIN_PASSWORD="${GATEWAY_BOOTSTRAP_ADMIN_PASSWORD:-demo-admin-password}"

# Requests reach a service only signed by the gateway (hop tokens, Ed25519): a key pair of this
# installation, made once in tmp/. The private key goes to the gateway (and the seed, which
# calls enrolment directly) only; every service gets the public key set. CMP_HOP_PUBLIC_KEYS
# set by hand (old + new key during a rotation) wins over the file.
if [[ ! -s tmp/hop-signing-key.json || ! -s tmp/hop-public-keys.json ]]; then
  node -e "
    const { generateKeyPairSync, randomUUID } = require('node:crypto');
    const { writeFileSync } = require('node:fs');
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const kid = 'hop-' + randomUUID();
    writeFileSync('tmp/hop-signing-key.json', JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid }), { mode: 0o600 });
    writeFileSync('tmp/hop-public-keys.json', JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid }] }));
  "
fi
hop_signing_key="${GATEWAY_HOP_SIGNING_KEY:-$(cat tmp/hop-signing-key.json)}"
hop_public_keys="${CMP_HOP_PUBLIC_KEYS:-$(cat tmp/hop-public-keys.json)}"

started=()
for service in $(cmp_services); do
  port="$(cmp_service_port "$service")"
  pid_file="tmp/pids/$service.pid"
  if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "$service: already running (pid $(cat "$pid_file"))"
  else
    password_var="CMP_DB_PASSWORD_${service^^}"
    hop_env=(CMP_HOP_PUBLIC_KEYS="$hop_public_keys")
    [[ "$service" != gateway ]] || hop_env+=(GATEWAY_HOP_SIGNING_KEY="$hop_signing_key")
    PORT="$port" \
    DATABASE_URL="postgresql://cmp_$service:${!password_var:-cmp_$service}@127.0.0.1:5432/cmp" \
    KAFKA_BROKERS="127.0.0.1:${KAFKA_PORT:-9092}" \
    KAFKA_SASL_MECHANISM=scram-sha-512 KAFKA_SASL_USERNAME="cmp-$service" \
    KAFKA_SASL_PASSWORD="$(kafka_password "cmp-$service")" \
    SWC_NODE_PROJECT="$root/tsconfig.json" \
      env "${hop_env[@]}" setsid nohup node -r @swc-node/register "apps/$service/src/main.ts" >"tmp/logs/$service.log" 2>&1 &
    echo $! >"$pid_file"
  fi
  started+=("$service")
done

for service in "${started[@]}"; do
  port="$(cmp_service_port "$service")"
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    if ! kill -0 "$(cat "tmp/pids/$service.pid")" 2>/dev/null; then
      echo "$service: exited during start; last lines of tmp/logs/$service.log:" >&2
      tail -n 30 "tmp/logs/$service.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "$service: not ready after 60 s (tmp/logs/$service.log)" >&2; exit 1; }
  echo "$service: ready on http://127.0.0.1:$port (logs: tmp/logs/$service.log)"
done
[[ ${#started[@]} -gt 0 ]] || echo "no services in apps/ yet: Kafka and Postgres are up"

# Demo data (tools/seed/seed-demo.ts), loaded through the enrolment API once the services are
# ready. It loads only into a system without it, so running start.sh again is harmless;
# CMP_SEED=false skips it.
if [[ "${CMP_SEED:-true}" != false && " ${started[*]} " == *" enrolment "* ]]; then
  echo "seed: loading demo data"
  ENROLMENT_URL="http://127.0.0.1:$(cmp_service_port enrolment)" \
  GATEWAY_HOP_SIGNING_KEY="$hop_signing_key" \
  SWC_NODE_PROJECT="$root/tsconfig.json" \
    node -r @swc-node/register tools/seed/seed-demo.ts \
    || { echo "seed: failed (the services are up; CMP_SEED=false skips the seed)" >&2; exit 1; }
  # One sign-in per role, made through the gateway as users would, then printed.
  if [[ " ${started[*]} " == *" gateway "* ]]; then
    GATEWAY_URL="http://127.0.0.1:$(cmp_service_port gateway)" \
    SWC_NODE_PROJECT="$root/tsconfig.json" \
      node -r @swc-node/register tools/seed/seed-sign-ins.ts \
      || { echo "seed: demo sign-ins failed (the services are up)" >&2; exit 1; }
  fi
fi
