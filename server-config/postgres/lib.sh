# Shared helpers for pg.sh, backup.sh, restore.sh and promote.sh. Sourced, never run.
#
# After `load_profile <profile>` and `find_pg_bin` these are set:
#   RUNNER_ROOT, the profile variables (RUNNER_BASE, PG_*), PG_BIN,
#   PG_HOME=$RUNNER_BASE/pg (data folders, logs, unix sockets), PG_SOCKET_DIR.
# Servers are named primary, replica1, replica2; each has $PG_HOME/<name> (data) and
# $PG_HOME/<name>.log.

PG_CONFIG_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PG_SUPERUSER=postgres          # initdb --username; reachable only over the local socket (trust)
PG_OS_USER=postgres            # the OS user the server runs as when the scripts run as root
PG_WAIT_SECONDS="${PG_WAIT_SECONDS:-30}"

die()  { echo "ERROR: $*" >&2; exit 1; }
info() { echo "[pg] $*" >&2; }

# load_profile <name|path>: RUNNER_ROOT, then common.env, then the profile.
load_profile() {
  local profile="${1:-}"
  [[ -n "$profile" ]] || die "missing profile: give a name from server-config/profiles/ (run, test) or a path to an .env file"
  RUNNER_ROOT="$(cd "$PG_CONFIG_DIR/../.." && pwd)"
  local profiles="$RUNNER_ROOT/server-config/profiles" file
  if [[ -f "$profile" ]]; then
    file="$profile"
  elif [[ -f "$profiles/$profile.env" ]]; then
    file="$profiles/$profile.env"
  else
    die "unknown profile '$profile': not a file and not one of: $(cd "$profiles" && ls -- *.env | grep -vx common.env | sed 's/\.env$//' | tr '\n' ' ')"
  fi
  # shellcheck disable=SC1091
  source "$profiles/common.env"
  # shellcheck disable=SC1090
  source "$file"
  local v
  for v in RUNNER_BASE PG_PRIMARY_PORT PG_REPLICA_PORT PG_DB PG_USER PG_PASSWORD \
           PG_REPL_USER PG_REPL_PASSWORD PG_MAX_PREPARED_TRANSACTIONS; do
    [[ -n "${!v:-}" ]] || die "profile $file (with common.env) does not set $v"
  done
  PG_HOME="$RUNNER_BASE/pg"
  # A unix socket path is limited to 107 bytes; ".s.PGSQL.NNNNN" needs 15 of them.
  PG_SOCKET_DIR="${PG_SOCKET_DIR:-$PG_HOME}"
  (( ${#PG_SOCKET_DIR} <= 90 )) ||
    die "socket folder '$PG_SOCKET_DIR' is too long for a unix socket; set PG_SOCKET_DIR to a shorter folder"
}

# find_pg_bin: PG_BIN (env or profile), else the folder of pg_ctl in PATH, else the newest
# /usr/lib/postgresql/*/bin. All binaries come from one folder so client and server versions match.
PG_REQUIRED_BINS=(initdb pg_ctl postgres pg_basebackup pg_isready psql pg_dump pg_restore)
pg_bin_ok() {
  local dir="$1" b
  for b in "${PG_REQUIRED_BINS[@]}"; do [[ -x "$dir/$b" ]] || return 1; done
}
find_pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    pg_bin_ok "$PG_BIN" || die "PG_BIN=$PG_BIN does not contain all of: ${PG_REQUIRED_BINS[*]}"
    return 0
  fi
  local candidates=() found
  if found="$(command -v pg_ctl 2>/dev/null)"; then
    candidates+=("$(dirname "$(readlink -f "$found")")")
  fi
  local d
  while IFS= read -r d; do candidates+=("$d"); done < <(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV)
  for d in "${candidates[@]}"; do
    if pg_bin_ok "$d"; then PG_BIN="$d"; return 0; fi
  done
  cat >&2 <<EOF
ERROR: PostgreSQL server binaries not found (looked for ${PG_REQUIRED_BINS[*]}
in PATH and in /usr/lib/postgresql/*/bin).
Install PostgreSQL (version 15 or newer), e.g. on Debian/Ubuntu:  apt-get install postgresql
or point PG_BIN at the folder that holds them:                    PG_BIN=/path/to/pgsql/bin $0 ...
EOF
  exit 1
}

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# RUNUSER: runuser(1) from util-linux; /usr/sbin is often not in a non-login root's PATH.
RUNUSER=""
find_runuser() {
  [[ -z "$RUNUSER" ]] || return 0
  local c
  for c in "$(command -v runuser 2>/dev/null || true)" /usr/sbin/runuser /sbin/runuser; do
    if [[ -n "$c" && -x "$c" ]]; then RUNUSER="$c"; return 0; fi
  done
  die "running as root needs runuser (Debian: apt-get install util-linux) to start PostgreSQL as '$PG_OS_USER'"
}

# as_pg <cmd...>: run a server-side command; as root it runs as the postgres OS user
# (PostgreSQL refuses to run as root). Runs from $PG_HOME so the user never needs root's cwd, and
# without fd 9 (the lock_pg lock), which a started postmaster would otherwise hold forever.
as_pg() {
  if is_root; then
    find_runuser
    (cd "$PG_HOME" && "$RUNUSER" -u "$PG_OS_USER" -- "$@" 9>&-)
  else
    (cd "$PG_HOME" && "$@" 9>&-)
  fi
}

# ensure_pg_home: create $PG_HOME, owned by the server's OS user; as root also make every parent
# folder traversable (o+x) for that user.
ensure_pg_home() {
  mkdir -p "$PG_HOME"
  if is_root; then
    id "$PG_OS_USER" >/dev/null 2>&1 ||
      die "running as root needs the '$PG_OS_USER' OS user (it comes with the Debian postgresql packages; or: useradd --system $PG_OS_USER)"
    chown "$PG_OS_USER:" "$PG_HOME"
    find_runuser
    local d="$PG_HOME"
    while [[ "$d" != "/" ]]; do
      d="$(dirname "$d")"
      "$RUNUSER" -u "$PG_OS_USER" -- test -x "$d" || { info "chmod o+x $d (so $PG_OS_USER can reach $PG_HOME)"; chmod o+x "$d"; }
    done
  elif [[ ! -O "$PG_HOME" ]]; then
    die "$PG_HOME belongs to $(stat -c %U "$PG_HOME"), not to you: run as root (as before) or wipe it"
  fi
  chmod 755 "$PG_HOME"
}

# Server naming ---------------------------------------------------------------------------------
server_dir()  { echo "$PG_HOME/$1"; }
server_log()  { echo "$PG_HOME/$1.log"; }
server_port() {
  case "$1" in
    primary)  echo "$PG_PRIMARY_PORT" ;;
    replica1) echo "$PG_REPLICA_PORT" ;;
    replica2) [[ -n "${PG_REPLICA2_PORT:-}" ]] || die "profile does not set PG_REPLICA2_PORT"; echo "$PG_REPLICA2_PORT" ;;
    *) die "unknown server '$1' (primary, replica1, replica2)" ;;
  esac
}
server_exists()  { [[ -f "$(server_dir "$1")/PG_VERSION" ]]; }
server_running() { server_exists "$1" && as_pg "$PG_BIN/pg_ctl" status -D "$(server_dir "$1")" >/dev/null 2>&1; }

# wait_ready <server>: until it accepts connections, or die with its log.
wait_ready() {
  local name="$1" port i
  port="$(server_port "$name")"
  for ((i = 0; i < PG_WAIT_SECONDS * 2; i++)); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -t 1 && return 0
    sleep 0.5
  done
  fail_with_log "$name" "$name does not accept connections on 127.0.0.1:$port after ${PG_WAIT_SECONDS}s"
}

fail_with_log() {
  local name="$1"; shift
  echo "ERROR: $*" >&2
  echo "---- last lines of $(server_log "$name") ----" >&2
  tail -n 30 "$(server_log "$name")" >&2 2>/dev/null || true
  exit 1
}

# SQL access ------------------------------------------------------------------------------------
# admin_psql <port> [psql args]: superuser over the local socket (trust), scripted mode.
admin_psql() {
  local port="$1"; shift
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$port" -U "$PG_SUPERUSER" -d postgres "$@"
}
# app_psql <port> [psql args]: the application role over TCP with its password, like the app.
app_psql() {
  local port="$1"; shift
  PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U "$PG_USER" -d "$PG_DB" "$@"
}
# sql_value <port> <sql>: one value, or empty when the server cannot be reached.
sql_value() {
  admin_psql "$1" -At -c "$2" 2>/dev/null || true
}

require_primary_running() {
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -t 2 ||
    die "the primary is not accepting connections on 127.0.0.1:$PG_PRIMARY_PORT; start it: server-config/postgres/pg.sh <profile> start"
}

# lock_pg: serialise start/stop/wipe/promote for one RUNNER_BASE (held until the script exits).
lock_pg() {
  mkdir -p "$RUNNER_BASE"
  exec 9>"$RUNNER_BASE/.pg.lock"
  flock -w 120 9 || die "another pg.sh is busy with $RUNNER_BASE (lock $RUNNER_BASE/.pg.lock)"
}
