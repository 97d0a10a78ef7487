#!/usr/bin/env bash
# Run by the postgres image's entrypoint once, when it initialises an empty data volume.
# docker-compose.yml mounts infra/postgres at /opt/cmp/postgres; the same apply.sh as outside
# Docker sets up database cmp over the local socket of the initialisation server. The entrypoint
# may source this file instead of executing it, so no `set` options here: apply.sh has its own.
DATABASE_ADMIN_URL="postgresql://${POSTGRES_USER:-postgres}@/postgres" \
  CMP_DB_NAME="${CMP_DB_NAME:-cmp}" \
  bash /opt/cmp/postgres/apply.sh
