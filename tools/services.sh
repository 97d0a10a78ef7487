# shellcheck shell=bash
# The services of the local system and their HTTP ports (sourced by start.sh).

cmp_service_port() {
  case "$1" in
    gateway) echo 3000 ;;
    enrolment) echo 3001 ;;
    matching) echo 3002 ;;
    scheduling) echo 3003 ;;
    notifications) echo 3004 ;;
    evaluation) echo 3005 ;;
    *) echo "unknown service $1" >&2; return 1 ;;
  esac
}

# Every app with an entry point, the gateway last so that it finds the others ready.
cmp_services() {
  local app
  for app in apps/*/src/main.ts; do
    [[ -e "$app" ]] || continue
    app="${app#apps/}"
    app="${app%%/*}"
    [[ "$app" == gateway ]] || echo "$app"
  done
  [[ -e apps/gateway/src/main.ts ]] && echo gateway
  return 0
}
