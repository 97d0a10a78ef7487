#!/usr/bin/env bash
# Applies roles.sql: creates the CMP database if missing, one LOGIN role and one schema per
# service, and the grants that keep services out of each other's schemas. Idempotent.
#
#   DATABASE_ADMIN_URL        superuser URL of the server
#                             (default postgresql://postgres@127.0.0.1:5432/postgres)
#   CMP_DB_NAME               database to set up (default cmp; tests use cmp_test)
#   CMP_DB_PASSWORD_<SERVICE> password of cmp_<service> (default: the role name)
set -euo pipefail

here="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
admin_url="${DATABASE_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
db="${CMP_DB_NAME:-cmp}"
services=(enrolment matching scheduling notifications evaluation gateway)

if ! command -v psql >/dev/null 2>&1; then
  echo "cmp-postgres: psql not found; install the PostgreSQL client (apt-get install postgresql-client)" >&2
  exit 1
fi

args=(-X -q -v ON_ERROR_STOP=1 -v "db=$db")
for s in "${services[@]}"; do
  var="CMP_DB_PASSWORD_${s^^}"
  args+=(-v "pw_$s=${!var:-cmp_$s}")
done

existed="$(psql "$admin_url" -X -q -At -v "db=$db" <<'SQL'
SELECT count(*) FROM pg_database WHERE datname = :'db';
SQL
)"

psql "$admin_url" "${args[@]}" -f "$here/roles.sql" >/dev/null

# Credentials are never printed: strip them from the URL.
where="$(sed -E 's#^(postgres(ql)?://)([^:@/]*):[^@/]*@#\1\3:***@#' <<<"$admin_url")"
if [[ "$existed" == "1" ]]; then state="existed"; else state="created"; fi
echo "cmp-postgres: database $db ($state) via $where; roles cmp_<service> and schemas applied for: ${services[*]}"
