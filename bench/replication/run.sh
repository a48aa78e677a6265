#!/usr/bin/env bash
# Read routing benchmark: a read-heavy workload (list queries over the API) beside a write workload
# (pgbench inserting ledger rows on the primary), once with routing on and once with every read
# routed to the primary (the same run, the same data). Prints, per phase, the share of read
# statements each server executed (from PostgreSQL's own pg_stat_user_tables scan counters) and
# the read latency p50/p95 seen by the clients.
# Usage: bench/replication/run.sh [profile] [seconds-per-phase] [reader-threads]
#   The profile's stack must be up with the EAR deployed (./run.sh --detach for the run profile);
#   the admin password comes from RUNNER_ADMIN_PASSWORD or .runner/<profile>/admin-password.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
HERE="$PWD"
ROOT="$(cd ../.. && pwd)"
profile="${1:-run}"
seconds="${2:-30}"
threads="${3:-8}"

RUNNER_ROOT="$ROOT"
source "$ROOT/server-config/profiles/common.env"
if [[ "$profile" == *.env ]]; then source "$profile"; else source "$ROOT/server-config/profiles/$profile.env"; fi
password="${RUNNER_ADMIN_PASSWORD:-$(cat "$RUNNER_BASE/admin-password" 2>/dev/null || true)}"
[[ -n "$password" ]] || { echo "set RUNNER_ADMIN_PASSWORD (the admin's password)" >&2; exit 2; }
base="http://127.0.0.1:$PAYARA_HTTP_PORT"
export PGPASSWORD="$PG_PASSWORD"

scans() { # scans <port>: sequential + index scans of the runs table on that server
  psql -h 127.0.0.1 -p "$1" -U "$PG_USER" -d "$PG_DB" -Atc \
    "SELECT COALESCE(seq_scan, 0) + COALESCE(idx_scan, 0) FROM pg_stat_user_tables WHERE relname = 'runs'"
}
routing() {
  curl -fsS -u "admin:$password" -H 'Content-Type: application/json' -X PUT \
    -d "{\"enabled\":$1}" "$base/api/replication/routing" >/dev/null
}

phase() { # phase <name>
  local p0 r0 p1 r1 result
  sleep 11 # PostgreSQL publishes a backend's statistics at most every 10 s when idle
  p0=$(scans "$PG_PRIMARY_PORT"); r0=$(scans "$PG_REPLICA_PORT")
  pgbench -n -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U "$PG_USER" -c 2 -T "$seconds" -R 50 \
    -f "$HERE/write.sql" "$PG_DB" >/dev/null 2>&1 &
  local writer=$!
  result=$(java "$HERE/ReadLoad.java" "$base" admin "$password" "$seconds" "$threads")
  wait "$writer"
  sleep 11
  p1=$(scans "$PG_PRIMARY_PORT"); r1=$(scans "$PG_REPLICA_PORT")
  local on_primary=$((p1 - p0)) on_replica=$((r1 - r0))
  local total=$((on_primary + on_replica))
  echo "$1.read_scans_on_replica: $on_replica scans"
  echo "$1.read_scans_on_primary: $on_primary scans"
  echo "$1.replica_share: $(awk -v r="$on_replica" -v t="$total" 'BEGIN { printf "%.1f", t ? 100 * r / t : 0 }') %"
  local requests errors p50 p95
  read -r requests errors p50 p95 <<<"$(sed -E 's/[a-z0-9_]+=//g' <<<"$result")"
  echo "$1.read_requests: $requests requests ($errors errors)"
  echo "$1.read_p50: $p50 ms"
  echo "$1.read_p95: $p95 ms"
}

echo "# read routing benchmark: $threads reader threads, writes at 50/s on the primary, $seconds s per phase"
routing true
phase routed
routing false
phase all_primary
routing true
