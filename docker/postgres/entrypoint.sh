#!/usr/bin/env bash
# Entrypoint of the PostgreSQL containers (official postgres:15 image): entrypoint.sh <server>,
# <server> = primary | replica1 | replica2. Runs as root first, like the image's own entrypoint.
#
# Every start: renders server-config/postgres/primary.conf (+ replica.conf on a replica), mounted at
# /runner/server-config, into /etc/postgresql/runner.conf, the same way server-config/postgres/pg.sh
# renders it into <data>/runner.conf; postgresql.conf includes that file last (the include line is
# written by initdb/10-runner.sh on the primary and copied to the replicas by pg_basebackup).
# Differences from pg.sh: port 5432, socket /var/run/postgresql, and listen_addresses '*' because
# the other containers connect over the compose network (the host sees only loopback ports).
#
# primary:  hands over to the image's docker-entrypoint.sh (initdb + initdb/*.sh on an empty volume).
# replicaN: on an empty volume waits for the primary, runs pg_basebackup -R (standby.signal and
#           primary_conninfo with application_name=replicaN), then starts postgres as a hot standby.
set -euo pipefail

name="${1:?usage: entrypoint.sh primary|replica1|replica2}"
shift
: "${PGDATA:?PGDATA is not set}"
: "${PG_REPL_USER:?}" "${PG_REPL_PASSWORD:?}" "${PG_MAX_PREPARED_TRANSACTIONS:?}"
CONF_SRC=/runner/server-config
RUNNER_CONF=/etc/postgresql/runner.conf
# the replication password file: in the volume, outside PGDATA (pg_basebackup wants PGDATA empty)
REPL_PASSFILE="$(dirname "$PGDATA")/.pgpass-replication"

die() { echo "entrypoint.sh ($name): $*" >&2; exit 1; }

render() { # render <template>: pg.sh's @NAME@ placeholders, filled in for the container
  sed -e "s|@PORT@|5432|g" \
      -e "s|@SOCKET_DIR@|/var/run/postgresql|g" \
      -e "s|@CLUSTER_NAME@|runner-docker-$name|g" \
      -e "s|@MAX_PREPARED_TRANSACTIONS@|$PG_MAX_PREPARED_TRANSACTIONS|g" \
      -e "s|@PG_REPL_USER@|$PG_REPL_USER|g" \
      -e "s|^listen_addresses *=.*|listen_addresses = '*'  # container: reached over the compose network; the host publishes loopback ports only|" \
      "$CONF_SRC/$1"
}

if [[ "$(id -u)" == 0 ]]; then
  mkdir -p "$(dirname "$RUNNER_CONF")"
  { render primary.conf
    [[ "$name" == primary ]] || render replica.conf
  } >"$RUNNER_CONF"
  if grep -nE '^[^#]*@[A-Z_]+@' "$RUNNER_CONF" >&2; then die "unknown placeholder(s) above in $CONF_SRC"; fi
  chown postgres: "$RUNNER_CONF"
  chmod 644 "$RUNNER_CONF"
  if [[ "$name" == primary ]]; then
    exec docker-entrypoint.sh postgres "$@"
  fi
  mkdir -p "$PGDATA"
  chown postgres: "$(dirname "$PGDATA")" "$PGDATA"
  chmod 700 "$PGDATA"
  exec gosu postgres "$BASH" "${BASH_SOURCE[0]}" "$name" "$@"
fi

# --- replica, as the postgres user ---------------------------------------------------------------
[[ "$name" != primary ]] || die "the primary is started as root"
pw="$(printf '%s' "$PG_REPL_PASSWORD" | sed 's/[\\:]/\\&/g')"
(umask 077 && printf 'primary:5432:replication:%s:%s\n' "$PG_REPL_USER" "$pw" >"$REPL_PASSFILE")

if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  until pg_isready -q -h primary -p 5432; do
    echo "$name: waiting for the primary"
    sleep 2
  done
  # the primary answers pg_isready while its init scripts still run (and before the replication
  # role exists): retry until pg_basebackup succeeds, starting from an empty folder each time
  until PGPASSFILE="$REPL_PASSFILE" pg_basebackup -h primary -p 5432 -U "$PG_REPL_USER" \
      -D "$PGDATA" -R -X stream -c fast -d "application_name=$name"; do
    echo "$name: pg_basebackup failed; retrying in 5 s"
    find "$PGDATA" -mindepth 1 -delete
    sleep 5
  done
  echo "$name: base backup taken; starting as a hot standby"
fi
# hot_standby = on and max_prepared_transactions (>= the primary's) come from runner.conf
exec postgres "$@"
