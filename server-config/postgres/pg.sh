#!/usr/bin/env bash
# PostgreSQL primary + streaming replicas for Runner, in project-local folders.
# Usage: see usage() below or server-config/postgres/README.md.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat >&2 <<EOF
Usage: $0 <profile> <command> [options]
  <profile>             run | test (server-config/profiles/<name>.env) or a path to an .env file
Commands:
  start [--replicas N]  start the primary and N streaming replicas (0-2, default 1); creates what is missing
  stop [server]         stop replicas, then the primary (fast shutdown); or only the named one
                        (primary, replica1, replica2), e.g. to test a replica failure
  status                running or not, port, in recovery, pg_stat_replication (exit 3: primary not running)
  psql [args...]        psql on the primary as \$PG_USER, database \$PG_DB
  psql-replica [args...] the same on replica1
  superuser-psql <server> [args]  psql as the superuser on primary, replica1 or replica2 (e.g. to
                        set recovery_min_apply_delay on a replica with ALTER SYSTEM)
  wipe                  stop, then delete \$RUNNER_BASE/pg
EOF
  exit 2
}

SERVERS=(primary replica1 replica2)

# Configuration -------------------------------------------------------------------------------

# render <template> <server>: the template with its @NAME@ placeholders filled in.
render() {
  local template="$1" name="$2" esc k v
  local -A values=(
    [PORT]="$(server_port "$name")"
    [SOCKET_DIR]="$PG_SOCKET_DIR"
    [CLUSTER_NAME]="runner-${RUNNER_PROFILE:-custom}-$name"
    [MAX_PREPARED_TRANSACTIONS]="$PG_MAX_PREPARED_TRANSACTIONS"
    [PG_REPL_USER]="$PG_REPL_USER"
  )
  local args=()
  for k in "${!values[@]}"; do
    v="${values[$k]}"
    esc="$(printf '%s' "$v" | sed 's/[\\&|]/\\&/g')"
    args+=(-e "s|@${k}@|${esc}|g")
  done
  sed "${args[@]}" "$PG_CONFIG_DIR/$template"
}

# apply_config <server>: (re)write runner.conf and pg_hba.conf in its data folder.
apply_config() {
  local name="$1" dir
  dir="$(server_dir "$name")"
  {
    render primary.conf "$name"
    [[ "$name" == primary ]] || render replica.conf "$name"
  } >"$dir/runner.conf"
  render pg_hba.conf "$name" >"$dir/pg_hba.conf"
  if ! grep -q "^include_if_exists = 'runner.conf'" "$dir/postgresql.conf"; then
    printf "\n# Runner settings (server-config/postgres/primary.conf, rendered by pg.sh)\ninclude_if_exists = 'runner.conf'\n" >>"$dir/postgresql.conf"
  fi
  chmod 600 "$dir/runner.conf" "$dir/pg_hba.conf"
  if is_root; then chown "$PG_OS_USER:" "$dir/runner.conf" "$dir/pg_hba.conf"; fi
}

# ensure_log <server>: a log file the server's OS user can append to.
ensure_log() {
  local log
  log="$(server_log "$1")"
  touch "$log"
  if is_root; then chown "$PG_OS_USER:" "$log"; fi
}

# Creating servers ----------------------------------------------------------------------------

remove_partial() {
  local dir
  dir="$(server_dir "$1")"
  if [[ -e "$dir" ]]; then
    info "removing incomplete $dir (no PG_VERSION)"
    rm -rf "$dir"
  fi
}

init_primary() {
  local dir locale=C
  dir="$(server_dir primary)"
  remove_partial primary
  locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$' && locale=C.UTF-8
  info "initdb $dir (UTF8, locale $locale)"
  ensure_log primary
  as_pg "$PG_BIN/initdb" -D "$dir" -U "$PG_SUPERUSER" -E UTF8 --locale="$locale" \
    --auth-local=trust --auth-host=scram-sha-256 >>"$(server_log primary)" 2>&1 ||
    fail_with_log primary "initdb failed"
}

# ensure_roles: the application role owning its database, and the replication role. Passwords
# are (re)set from the profile on every start, so a changed profile takes effect.
ensure_roles() {
  admin_psql "$PG_PRIMARY_PORT" -v app_user="$PG_USER" -v app_pw="$PG_PASSWORD" -v db="$PG_DB" \
    -v repl_user="$PG_REPL_USER" -v repl_pw="$PG_REPL_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'app_user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_user') \gexec
ALTER ROLE :"app_user" LOGIN PASSWORD :'app_pw';
-- pg_monitor: the application reads pg_stat_replication's positions and lag (replication health).
GRANT pg_monitor TO :"app_user";
SELECT format('CREATE ROLE %I REPLICATION LOGIN', :'repl_user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'repl_user') \gexec
ALTER ROLE :"repl_user" REPLICATION LOGIN PASSWORD :'repl_pw';
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8''', :'db', :'app_user')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
}

# write_repl_passfile: a libpq password file for the replication role (used by pg_basebackup and
# then by the replicas' primary_conninfo).
repl_passfile() { echo "$PG_HOME/.pgpass-replication"; }
write_repl_passfile() {
  local file pw
  file="$(repl_passfile)"
  pw="$(printf '%s' "$PG_REPL_PASSWORD" | sed 's/[\\:]/\\&/g')"
  (umask 077 && printf '127.0.0.1:%s:replication:%s:%s\n' "$PG_PRIMARY_PORT" "$PG_REPL_USER" "$pw" >"$file")
  if is_root; then chown "$PG_OS_USER:" "$file"; fi
}

create_replica() {
  local name="$1" dir
  dir="$(server_dir "$name")"
  remove_partial "$name"
  ensure_log "$name"
  info "pg_basebackup from the primary into $dir"
  # -R writes standby.signal and primary_conninfo; application_name names it in pg_stat_replication.
  if ! as_pg env PGPASSFILE="$(repl_passfile)" "$PG_BIN/pg_basebackup" \
      -d "host=127.0.0.1 port=$PG_PRIMARY_PORT user=$PG_REPL_USER application_name=$name" \
      -D "$dir" -R -X stream -c fast >>"$(server_log "$name")" 2>&1; then
    rm -rf "$dir"
    fail_with_log "$name" "pg_basebackup for $name failed"
  fi
}

# Running servers -----------------------------------------------------------------------------

start_server() {
  local name="$1" dir port
  dir="$(server_dir "$name")"
  port="$(server_port "$name")"
  if server_running "$name"; then
    info "$name already running (port $port)"
  else
    # pg_isready: 0 accepting, 1 rejecting; both mean some other server already has the port.
    local rc=0
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -t 2 || rc=$?
    ((rc >= 2)) || die "port $port (for $name) is already used by another PostgreSQL server; stop it or change the ports in the profile"
    ensure_log "$name"
    apply_config "$name"
    info "starting $name on 127.0.0.1:$port (log $(server_log "$name"))"
    as_pg "$PG_BIN/pg_ctl" start -D "$dir" -l "$(server_log "$name")" -w -t "$PG_WAIT_SECONDS" >/dev/null 2>&1 ||
      fail_with_log "$name" "$name did not start on 127.0.0.1:$port"
  fi
  wait_ready "$name"
}

# wait_streaming <replica>: until the primary's pg_stat_replication shows it streaming.
wait_streaming() {
  local name="$1" i state=""
  for ((i = 0; i < PG_WAIT_SECONDS * 2; i++)); do
    state="$(sql_value "$PG_PRIMARY_PORT" \
      "SELECT state FROM pg_stat_replication WHERE application_name = '$name' ORDER BY state = 'streaming' DESC LIMIT 1")"
    [[ "$state" == streaming ]] && { info "$name is streaming from the primary"; return 0; }
    sleep 0.5
  done
  fail_with_log "$name" "$name is not streaming from the primary after ${PG_WAIT_SECONDS}s (state: '${state:-no row in pg_stat_replication}')"
}

stop_server() {
  local name="$1"
  server_running "$name" || return 0
  info "stopping $name"
  as_pg "$PG_BIN/pg_ctl" stop -D "$(server_dir "$name")" -m fast -w -t 60 >/dev/null ||
    fail_with_log "$name" "$name did not stop"
}

# Commands ------------------------------------------------------------------------------------

cmd_start() {
  local replicas=1
  while (($#)); do
    case "$1" in
      --replicas) [[ $# -ge 2 ]] || usage; replicas="$2"; shift 2 ;;
      --replicas=*) replicas="${1#*=}"; shift ;;
      *) echo "unknown option for start: $1" >&2; usage ;;
    esac
  done
  [[ "$replicas" =~ ^[0-2]$ ]] || die "--replicas must be 0, 1 or 2 (got '$replicas')"

  ensure_pg_home
  write_repl_passfile   # every start: a changed PG_REPL_PASSWORD reaches existing replicas too
  server_exists primary || init_primary
  start_server primary
  ensure_roles

  local i name
  for ((i = 1; i <= replicas; i++)); do
    name="replica$i"
    server_exists "$name" || create_replica "$name"
    start_server "$name"
    if [[ -f "$(server_dir "$name")/standby.signal" ]]; then
      wait_streaming "$name"
    else
      info "WARNING: $name has no standby.signal (it was promoted): it runs as an independent primary; 'wipe' to rebuild"
    fi
  done
  cmd_status
}

cmd_stop() { # stop [server]: one server (primary, replica1, replica2), or all, replicas first
  [[ -d "$PG_HOME" ]] || return 0
  if (($#)); then
    [[ " ${SERVERS[*]} " == *" $1 "* ]] || die "unknown server '$1' (one of: ${SERVERS[*]})"
    stop_server "$1"
    return 0
  fi
  local i
  for ((i = ${#SERVERS[@]} - 1; i >= 0; i--)); do stop_server "${SERVERS[$i]}"; done
}

cmd_superuser_psql() { # superuser-psql <server> [psql args]: the superuser on one server's socket
  [[ $# -ge 1 ]] || die "superuser-psql needs a server: ${SERVERS[*]}"
  local port
  case "$1" in
    primary) port="$PG_PRIMARY_PORT" ;;
    replica1) port="$PG_REPLICA_PORT" ;;
    replica2) port="$PG_REPLICA2_PORT" ;;
    *) die "unknown server '$1' (one of: ${SERVERS[*]})" ;;
  esac
  shift
  admin_psql "$port" "$@"
}

cmd_status() {
  local name port rc=0
  for name in "${SERVERS[@]}"; do
    [[ "$name" == primary ]] || server_exists "$name" || continue
    port="$(server_port "$name")"
    if server_running "$name"; then
      printf '%-9s running  127.0.0.1:%-5s  in_recovery=%s\n' "$name" "$port" \
        "$(sql_value "$port" 'SELECT pg_is_in_recovery()')"
    else
      printf '%-9s stopped  127.0.0.1:%-5s  %s\n' "$name" "$port" \
        "$(server_exists "$name" || echo '(not created)')"
      [[ "$name" == primary ]] && rc=3
    fi
  done
  if [[ "$rc" -eq 0 ]]; then
    echo "replication (pg_stat_replication on the primary):"
    admin_psql "$PG_PRIMARY_PORT" -c \
      "SELECT application_name, client_addr, state, sent_lsn, replay_lsn, replay_lag, sync_state
         FROM pg_stat_replication ORDER BY application_name"
  fi
  return "$rc"
}

cmd_wipe() {
  cmd_stop
  [[ -n "$RUNNER_BASE" && "$PG_HOME" == */pg ]] || die "refusing to delete '$PG_HOME'"
  if [[ -d "$PG_HOME" ]]; then
    info "deleting $PG_HOME"
    rm -rf "$PG_HOME"
  fi
}

main() {
  [[ $# -ge 2 ]] || usage
  load_profile "$1"
  find_pg_bin
  local cmd="$2"
  shift 2
  case "$cmd" in
    start)        lock_pg; cmd_start "$@" ;;
    stop)         [[ -d "$PG_HOME" ]] || exit 0; lock_pg; cmd_stop "$@" ;;
    wipe)         [[ -d "$PG_HOME" ]] || exit 0; lock_pg; cmd_wipe ;;
    status)       cmd_status ;;
    psql)         app_psql "$PG_PRIMARY_PORT" "$@" ;;
    psql-replica) app_psql "$PG_REPLICA_PORT" "$@" ;;
    superuser-psql) cmd_superuser_psql "$@" ;;
    -h|--help|help) usage ;;
    *) echo "unknown command: $cmd" >&2; usage ;;
  esac
}

main "$@"
