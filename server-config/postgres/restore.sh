#!/usr/bin/env bash
# restore.sh <profile> <dump> <new-db-name>: creates database <new-db-name> (owned by $PG_USER)
# on the primary and restores a backup.sh dump into it. Never touches an existing database.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ $# -eq 3 ]] || { echo "Usage: $0 <profile> <dump-file> <new-db-name>" >&2; exit 2; }
load_profile "$1"
find_pg_bin
dump="$2" db="$3"
[[ -f "$dump" && -r "$dump" ]] || die "dump file '$dump' not found or not readable"
require_primary_running
"$PG_BIN/pg_restore" --list "$dump" >/dev/null 2>&1 || die "'$dump' is not a pg_dump custom-format (-Fc) archive"

exists="$(admin_psql "$PG_PRIMARY_PORT" -At -v db="$db" <<'SQL'
SELECT count(*) FROM pg_database WHERE datname = :'db';
SQL
)"
[[ "$exists" == 0 ]] || die "database '$db' already exists; choose a new name (or DROP DATABASE it first)"

info "creating database $db (owner $PG_USER)"
admin_psql "$PG_PRIMARY_PORT" -v db="$db" -v owner="$PG_USER" <<'SQL'
CREATE DATABASE :"db" OWNER :"owner" ENCODING 'UTF8';
SQL

info "restoring $dump into $db"
# --no-owner: everything belongs to $PG_USER, whichever role owned it where the dump was taken.
if ! PGPASSWORD="$PG_PASSWORD" "$PG_BIN/pg_restore" -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U "$PG_USER" \
    -d "$db" --no-owner --exit-on-error "$dump"; then
  die "pg_restore into '$db' failed; the partly restored database is left for inspection (DROP DATABASE \"$db\" to retry)"
fi
info "restored into database $db on 127.0.0.1:$PG_PRIMARY_PORT"
