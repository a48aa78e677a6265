#!/usr/bin/env bash
# promote.sh <profile> [replica1|replica2]: failover. Promotes the replica to a read-write
# primary, waits until pg_is_in_recovery() is false, and prints how to repoint Payara.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ $# -ge 1 && $# -le 2 ]] || { echo "Usage: $0 <profile> [replica1|replica2]" >&2; exit 2; }
load_profile "$1"
find_pg_bin
name="${2:-replica1}"
[[ "$name" == replica1 || "$name" == replica2 ]] || die "can only promote replica1 or replica2 (got '$name')"
port="$(server_port "$name")"
lock_pg

server_running "$name" || die "$name is not running (start it: pg.sh <profile> start --replicas N)"
if [[ "$(sql_value "$port" 'SELECT pg_is_in_recovery()')" == f ]]; then
  info "$name is already a primary (not in recovery); nothing to promote"
else
  info "promoting $name (127.0.0.1:$port)"
  as_pg "$PG_BIN/pg_ctl" promote -D "$(server_dir "$name")" -w -t "$PG_WAIT_SECONDS" >/dev/null ||
    fail_with_log "$name" "pg_ctl promote failed"
  for ((i = 0; i < PG_WAIT_SECONDS * 2; i++)); do
    [[ "$(sql_value "$port" 'SELECT pg_is_in_recovery()')" == f ]] && break
    sleep 0.5
  done
  [[ "$(sql_value "$port" 'SELECT pg_is_in_recovery()')" == f ]] ||
    fail_with_log "$name" "$name is still in recovery ${PG_WAIT_SECONDS}s after promote"
  info "$name is now a read-write primary"
fi

asadmin="${PAYARA_HOME:-<payara>}/bin/asadmin --port ${PAYARA_ADMIN_PORT:-4848}"
cat <<TXT

$name (127.0.0.1:$port) is the new primary. Repoint the application:
  1. Make sure the old primary takes no more writes (split brain): if it is still up,
       $PG_BIN/pg_ctl stop -D $(server_dir primary) -m fast   (as the postgres user when root)
  2. Point the write pool at the new primary and drop its old connections:
       $asadmin set resources.jdbc-connection-pool.runner-primary.property.serverName=127.0.0.1
       $asadmin set resources.jdbc-connection-pool.runner-primary.property.portNumber=$port
       $asadmin flush-connection-pool runner-primary
  3. Check:  $PG_BIN/psql -h 127.0.0.1 -p $port -U $PG_USER -d $PG_DB -c 'SELECT pg_is_in_recovery()'   (expect f)
  4. The replica pool may still list $name and the old primary; reads fall back per its URL
     (targetServerType=preferSecondary). Other replicas still follow the old primary: rebuild them
     from the new one (pg_basebackup), or, for a development instance, back up, 'pg.sh <profile> wipe',
     start and restore.
TXT
