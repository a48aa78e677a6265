#!/usr/bin/env bash
# Runner's local infrastructure in one command: PostgreSQL primary + replicas, the SMTP sink, the
# eMAG simulator, the OpenMQ broker and the configured Payara domain, started in that order and
# stopped in reverse.
# Usage: stack.sh <profile> start|stop|status [--replicas N] [--fresh]
#   A profile with RUNNER_WIPE_AT_START=true (the test profile) always starts fresh: whatever runs from its RUNNER_BASE is stopped and the
#   folder deleted, so tests begin from nothing. --fresh does the same for any profile.
set -euo pipefail
# shellcheck source=payara/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/payara/lib.sh"

HERE="$RUNNER_ROOT/server-config"

usage() {
  echo "usage: stack.sh <profile> start|stop|status [--replicas N] [--fresh]" >&2
  exit 2
}

pg() { "$HERE/postgres/pg.sh" "$PROFILE" "$@"; }
smtp() { "$HERE/smtp/smtp.sh" "$PROFILE" "$@"; }
simulator() { "$HERE/simulator/simulator.sh" "$PROFILE" "$@"; }
payara() { "$HERE/payara/payara.sh" "$PROFILE" "$@"; }
openmq() { "$HERE/openmq/openmq.sh" "$PROFILE" "$@"; }

stop() {
  payara stop
  openmq stop
  simulator stop
  smtp stop
  pg stop
}

wipe() {
  # guard against a profile that points RUNNER_BASE somewhere it must never delete
  case "$RUNNER_BASE" in
    "" | / | "$HOME" | "$RUNNER_ROOT" | "$RUNNER_ROOT/" | "$PAYARA_HOME"*) die "refusing to delete RUNNER_BASE='$RUNNER_BASE'" ;;
  esac
  stop
  say "deleting $RUNNER_BASE"
  rm -rf "$RUNNER_BASE"
}

start() {
  local replicas="$1" fresh="$2"
  if [[ "$fresh" == true || "${RUNNER_WIPE_AT_START:-false}" == true ]]; then wipe; fi
  mkdir -p "$RUNNER_BASE"
  pg start --replicas "$replicas"
  smtp start
  simulator start
  # the domain is created before the broker takes the JMS port (create-domain checks every port)
  payara create
  openmq start
  payara start
  summary
}

summary() {
  cat <<EOF

Runner stack ($RUNNER_PROFILE, $RUNNER_BASE):
  PostgreSQL primary   127.0.0.1:$PG_PRIMARY_PORT   replica 127.0.0.1:$PG_REPLICA_PORT   database $PG_DB (user $PG_USER)
  SMTP sink            smtp 127.0.0.1:$SMTP_PORT   imap $IMAP_PORT   api http://127.0.0.1:$SMTP_API_PORT/api
  eMAG simulator       http://127.0.0.1:$SIMULATOR_PORT/simulator/api-3   report http://127.0.0.1:$SIMULATOR_PORT/simulator/admin/report
  OpenMQ broker        127.0.0.1:$PAYARA_JMS_PORT   store $RUNNER_BASE/openmq
  Payara               http://127.0.0.1:$PAYARA_HTTP_PORT   admin http://127.0.0.1:$PAYARA_ADMIN_PORT   jms $PAYARA_JMS_PORT
  server log           $("$HERE/payara/payara.sh" "$PROFILE" log)
EOF
}

status() {
  local rc=0
  pg status || rc=$?
  smtp status || rc=$?
  simulator status || rc=$?
  openmq status || rc=$?
  payara status || rc=$?
  return "$rc"
}

main() {
  [[ $# -ge 2 ]] || usage
  PROFILE="$1"
  load_profile "$PROFILE"
  local command="$2" replicas=1 fresh=false
  shift 2
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --replicas) [[ $# -ge 2 ]] || usage; replicas="$2"; shift 2 ;;
      --replicas=*) replicas="${1#*=}"; shift ;;
      --fresh) fresh=true; shift ;;
      *) usage ;;
    esac
  done
  case "$command" in
    start) start "$replicas" "$fresh" ;;
    stop) stop ;;
    status) status ;;
    *) usage ;;
  esac
}

main "$@"
