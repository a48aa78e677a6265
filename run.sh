#!/usr/bin/env bash
# Runner on this machine, from a fresh clone:
#   ./run.sh [--replicas N] [--detach]   build, start PostgreSQL primary + N streaming replicas
#                                        (default 1), the SMTP sink and Payara, deploy the EAR, print
#                                        the console URL and the admin login, then follow the server
#                                        log until Ctrl-C (which stops everything) or return at once
#                                        with --detach.
#   ./run.sh stop                        stop everything it started (data is kept for the next start)
#   ./run.sh status                      what runs, on which ports
# Ports and folders: server-config/profiles/run.env (data under .runner/run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$PWD"
STACK="$ROOT/server-config/stack.sh"
PAYARA="$ROOT/server-config/payara/payara.sh"

RUNNER_ROOT="$ROOT"
# shellcheck source=server-config/profiles/common.env
source server-config/profiles/common.env
# shellcheck source=server-config/profiles/run.env
source server-config/profiles/run.env

replicas=1
detach=false
command=start
while (($#)); do
  case "$1" in
    stop | status) command="$1" ;;
    start) ;;
    --replicas) replicas="${2:?--replicas needs a number}"; shift ;;
    --detach) detach=true ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

case "$command" in
  stop) exec bash "$STACK" run stop ;;
  status) exec bash "$STACK" run status ;;
esac

seconds() { date +%s; }
began=$(seconds)

echo "==> building the EAR (./mvnw package, tests skipped)"
./mvnw -q -B package -DskipTests -DskipITs

echo "==> starting PostgreSQL primary + $replicas replica(s), the SMTP sink and Payara"
bash "$STACK" run start --replicas "$replicas"

echo "==> deploying ear/target/runner.ear"
deploy_began=$(seconds)
bash "$PAYARA" run deploy "$ROOT/ear/target/runner.ear" runner
deployed_in=$(($(seconds) - deploy_began))

echo "==> waiting for /health/ready"
ready_url="http://127.0.0.1:$PAYARA_HTTP_PORT/health/ready"
for _ in $(seq 1 120); do
  if curl -fsS "$ready_url" 2>/dev/null | grep -q '"status":"UP"'; then break; fi
  sleep 1
done
curl -fsS "$ready_url" >/dev/null || { echo "run.sh: $ready_url is not UP; see $(bash "$PAYARA" run log)" >&2; exit 1; }

# The first admin's password is printed once by the server; keep it (owner-readable only) so a
# later ./run.sh can still say it.
password_file="$RUNNER_BASE/admin-password"
if [[ -n "${RUNNER_ADMIN_PASSWORD:-}" ]]; then
  admin_password="$RUNNER_ADMIN_PASSWORD (from RUNNER_ADMIN_PASSWORD)"
else
  printed=$(grep -ho "Runner first admin created: user 'admin', password '[^']*'" "$(dirname "$(bash "$PAYARA" run log)")"/server.log* 2>/dev/null \
    | tail -1 | sed -E "s/.*password '([^']*)'/\1/" || true)
  if [[ -n "$printed" ]]; then
    (umask 077; printf '%s\n' "$printed" >"$password_file")
  fi
  if [[ -s "$password_file" ]]; then
    admin_password="$(cat "$password_file")"
  else
    admin_password="(set before this database was created; not known to run.sh)"
  fi
fi

# First start: both eMAG accounts point at the simulator (its default users), so orders arrive.
simulator_api="http://127.0.0.1:$SIMULATOR_PORT/simulator/api-3"
admin_secret="${RUNNER_ADMIN_PASSWORD:-$(cat "$password_file" 2>/dev/null || true)}"
if [[ -n "$admin_secret" ]] && curl -fsS -u "admin:$admin_secret" "http://127.0.0.1:$PAYARA_HTTP_PORT/api/marketplace/accounts" | grep -q '^\[\]$'; then
  for account in main:MAIN:runner-main:main-secret fbe:FBE:runner-fbe:fbe-secret; do
    IFS=: read -r name type user secret <<<"$account"
    curl -fsS -o /dev/null -u "admin:$admin_secret" -X PUT -H 'Content-Type: application/json' \
      -d "{\"type\":\"$type\",\"baseUrl\":\"$simulator_api\",\"username\":\"$user\",\"password\":\"$secret\",\"enabled\":true}" \
      "http://127.0.0.1:$PAYARA_HTTP_PORT/api/marketplace/accounts/$name" || echo "run.sh: could not create marketplace account $name" >&2
  done
  echo "==> eMAG accounts main and fbe point at the simulator ($simulator_api)"
fi

cat <<MSG

Runner is up ($(($(seconds) - began)) s from start to ready; EAR deployed in ${deployed_in} s).
  Console   http://127.0.0.1:$PAYARA_HTTP_PORT/console/
  Login     admin / $admin_password
  API       http://127.0.0.1:$PAYARA_HTTP_PORT/api/runs   (HTTP Basic)   OpenAPI: /openapi
  Health    $ready_url    Metrics: http://127.0.0.1:$PAYARA_HTTP_PORT/metrics
  eMAG      simulator $simulator_api, report: server-config/simulator/simulator.sh run report
  Mail sink SMTP 127.0.0.1:$SMTP_PORT, received mail: server-config/smtp/smtp.sh run messages
  Admin     http://127.0.0.1:$PAYARA_ADMIN_PORT/ (Payara admin console)
  Stop      ./run.sh stop
MSG

if $detach; then exit 0; fi
trap 'echo; echo "==> stopping"; bash "$STACK" run stop; exit 0' INT TERM
echo "Following the server log (Ctrl-C stops everything)."
tail -n 0 -F "$(bash "$PAYARA" run log)" &
wait $!
