#!/usr/bin/env bash
# Run once by the postgres image on the primary's empty volume (after initdb, with a temporary
# server on the local socket). Mirrors ensure_roles and apply_config in server-config/postgres/pg.sh:
# the application role owning its database, the replication role, the pg_hba line for replication,
# and the include of the rendered Runner settings (see ../entrypoint.sh).
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_user="$PG_USER" -v app_pw="$PG_PASSWORD" -v db="$PG_DB" \
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

# The image's pg_hba.conf ends with "host all all all scram-sha-256", which does not cover
# replication connections; the replicas connect from other containers of the compose network.
printf '\n# Runner: streaming replication and pg_basebackup, replication role only\nhost    replication   %s   all   scram-sha-256\n' \
  "$PG_REPL_USER" >>"$PGDATA/pg_hba.conf"

# Runner settings, rendered on every start from server-config/postgres/primary.conf; they take
# effect when the image restarts the server after this script (wal_level, max_prepared_transactions…)
printf "\n# Runner settings (server-config/postgres/primary.conf, rendered by docker/postgres/entrypoint.sh)\ninclude_if_exists = '/etc/postgresql/runner.conf'\n" \
  >>"$PGDATA/postgresql.conf"
