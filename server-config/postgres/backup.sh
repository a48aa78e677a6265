#!/usr/bin/env bash
# backup.sh <profile> [dest-dir]: pg_dump -Fc of $PG_DB from the primary into dest-dir
# (default $RUNNER_BASE/backups) as runner-YYYYmmdd-HHMMSS.dump; keeps the newest $KEEP (30).
# Prints the path of the new dump on stdout.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KEEP="${KEEP:-30}"

[[ $# -ge 1 && $# -le 2 ]] || { echo "Usage: $0 <profile> [dest-dir]" >&2; exit 2; }
load_profile "$1"
find_pg_bin
dest="${2:-$RUNNER_BASE/backups}"
require_primary_running

umask 077   # dumps hold all the data: readable by their owner only
mkdir -p "$dest"
dest="$(cd "$dest" && pwd)"
file="$dest/runner-$(date +%Y%m%d-%H%M%S).dump"
[[ ! -e "$file" ]] || die "$file already exists (two backups in the same second?)"

# Dump into a temporary name first: an interrupted dump never looks like a complete backup.
PGPASSWORD="$PG_PASSWORD" "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U "$PG_USER" \
  -d "$PG_DB" -Fc -f "$file.partial" || { rm -f "$file.partial"; die "pg_dump of $PG_DB failed"; }
mv "$file.partial" "$file"

# Rotation: names sort by time; delete all but the newest $KEEP.
mapfile -t old < <(ls -1 "$dest"/runner-????????-??????.dump | sort | head -n "-$KEEP")
if ((${#old[@]})); then
  info "removing ${#old[@]} old backup(s), keeping the newest $KEEP"
  rm -f -- "${old[@]}"
fi
info "backup of database $PG_DB: $(du -h "$file" | cut -f1)"
echo "$file"
