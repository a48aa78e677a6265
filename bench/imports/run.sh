#!/usr/bin/env bash
# Catalogue import benchmark: a generated products CSV (default 1,000,000 rows) imported end to end
# through POST /api/imports and the catalog-import job (first import, then re-import of the same
# file), beside two baselines measured in the same run on the same PostgreSQL primary:
#   (a) psql \copy of the file into a plain table without indexes (the raw load ceiling);
#   (b) psql \copy into a staging table, then one INSERT … ON CONFLICT DO UPDATE into a table with
#       the same keys and indexes as products (the ceiling for the job's semantics).
# Also the peak heap of the server while importing 100k and 1M rows: used (sampled from /metrics) and
# live (what a full GC, forced every 2 s, leaves), in imports of their own after the timed ones.
# Every measured phase starts from the same state: the tables the earlier phases wrote are vacuumed
# and analyzed and a CHECKPOINT is taken first (pg.sh superuser-psql), so no phase pays for the WAL,
# checkpoint or autovacuum work another one left behind.
# Beside every timed phase it prints the CPU seconds the PostgreSQL primary (postmaster, its live
# processes and the ended ones it reaped) and the replica used during it, and for the job the
# server's JVM: on a shared machine the wall time of a phase depends on the others' load, its CPU
# time much less, so these tell which side's work grew.
# Usage: bench/imports/run.sh <profile> [rows]   (<profile>: a name under server-config/profiles or a
#        path to an .env file, e.g. /work/profiles/h5.env; the stack of <profile> running with the EAR
#        deployed; RUNNER_ADMIN_PASSWORD set to its admin password). Prints `name: value unit` lines.
set -euo pipefail
PROFILE="${1:?usage: run.sh <profile> [rows]}"
ROWS="${2:-1000000}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../server-config/postgres/lib.sh
source "$HERE/../../server-config/postgres/lib.sh"
load_profile "$PROFILE"
find_pg_bin
: "${RUNNER_ADMIN_PASSWORD:?set RUNNER_ADMIN_PASSWORD to the admin password of the stack}"

export PGPASSWORD="$PG_PASSWORD"
PSQL=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U "$PG_USER" -d "$PG_DB")
API="http://127.0.0.1:$PAYARA_HTTP_PORT/api"
AUTH=(-u "admin:$RUNNER_ADMIN_PASSWORD")
WORK="$RUNNER_BASE/bench"
mkdir -p "$WORK"

now() { date +%s.%N; }
settle() { # settle <tables...>: vacuum and analyze them, then a checkpoint
  local t
  for t in "$@"; do "${PSQL[@]}" -c "VACUUM ANALYZE $t"; done
  bash "$HERE/../../server-config/postgres/pg.sh" "$PROFILE" superuser-psql primary -X -q -c CHECKPOINT >/dev/null
}
cpu_of() { # cpu_of <pid file>: CPU seconds of that process, the children it reaped and its live children
  local pid
  pid=$(head -1 "$1" 2>/dev/null || true)
  [[ -n "$pid" && -r /proc/$pid/stat ]] || { echo 0; return; }
  cat /proc/[0-9]*/stat 2>/dev/null | awk -v root="$pid" -v hz="$(getconf CLK_TCK)" '
    { i = index($0, ") "); split(substr($0, i + 2), f, " ")
      if ($1 == root) t += f[12] + f[13] + f[14] + f[15]; else if (f[2] == root) t += f[12] + f[13] }
    END { printf "%.1f", t / hz }'
}
cpu() { # the CPU seconds so far of: primary, replica1, server JVM (after a second, in which a
  # backend whose session just ended is reaped and added to the postmaster's children's time)
  sleep 1
  echo "$(cpu_of "$PG_HOME/primary/postmaster.pid") $(cpu_of "$PG_HOME/replica1/postmaster.pid") $(cpu_of "$RUNNER_BASE/domains/runner/config/pid")"
}
cpu_used() { # cpu_used "<before>" "<after>": what each used between the two
  awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " ")
    printf "primary %.1f s, replica %.1f s, server JVM %.1f s", y[1] - x[1], y[2] - x[2], y[3] - x[3] }'
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

generate() { # generate <rows> <file>: products with every column filled, prices with ',' decimals
  awk -v n="$1" 'BEGIN {
    print "sku,name,brand,category,price,sale_price,stock,vat,ean"
    for (i = 1; i <= n; i++)
      printf "BENCH-%07d,\"Product %d, size %d\",Brand %d,Category %d,\"%d,%02d\",,%d,19,594%010d\n",
        i, i, i % 10, i % 50, i % 300, i % 1000 + 1, i % 100, i % 500, i
  }' > "$2"
}

peak_heap_sampler() { # writes the highest used heap seen to $1 until killed
  local peak=0 v
  while true; do
    v=$(curl -s "http://127.0.0.1:$PAYARA_HTTP_PORT/metrics" | awk '/^memory_usedHeap_bytes/ && !seen { printf "%.0f", $2; seen = 1 }' || true)
    if [[ -n "$v" ]] && (( v > peak )); then peak=$v; echo "$peak" > "$1"; fi
    sleep 0.5
  done
}
# Used heap counts garbage not yet collected, so its peak grows with how long the JVM ran before
# G1 chose to collect its old generation, not only with what the job keeps. The live heap is what a
# full collection leaves: every 2 s a full GC (jcmd GC.run), then the used heap (GC.heap_info).
live_heap_sampler() { # writes the highest live heap seen to $1 until killed
  local peak=0 v pid
  pid=$(head -1 "$RUNNER_BASE/domains/runner/config/pid")
  while true; do
    jcmd "$pid" GC.run >/dev/null 2>&1 || true
    v=$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/heap.*used/ { for (i = 1; i < NF; i++) if ($i == "used") { sub(/K,?$/, "", $(i + 1)); print $(i + 1) * 1024; exit } }' || true)
    if [[ -n "$v" ]] && (( v > peak )); then peak=$v; echo "$peak" > "$1"; fi
    sleep 2
  done
}

import() { # import <file>: prints the seconds from the upload's first byte to COMPLETED, and the import id
  local file="$1" start id status
  start=$(now)
  id=$(curl -sf "${AUTH[@]}" -H 'Content-Type: text/csv' --data-binary "@$file" \
    "$API/imports?profile=products&fileName=$(basename "$file")" | sed -E 's/.*"id":([0-9]+).*/\1/')
  while true; do
    status=$(curl -sf "${AUTH[@]}" "$API/imports/$id" | sed -E 's/.*"status":"([A-Z]+)".*/\1/')
    [[ "$status" == COMPLETED || "$status" == FAILED || "$status" == STOPPED ]] && break
    sleep 0.2
  done
  [[ "$status" == COMPLETED ]] || die "import $id ended $status"
  echo "$(secs "$start" "$(now)") $id"
}

FILE="$WORK/products-$ROWS.csv"
SMALL="$WORK/products-100000.csv"
[[ -f "$FILE" ]] || generate "$ROWS" "$FILE"
[[ -f "$SMALL" ]] || generate 100000 "$SMALL"
echo "load_average_at_start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rows: $ROWS rows"
echo "file_size: $(( $(stat -c %s "$FILE") / 1024 / 1024 )) MiB"

"${PSQL[@]}" <<'SQL'
DROP TABLE IF EXISTS bench_raw, bench_staging, bench_products, bench_changes;
DELETE FROM catalog_changes WHERE key LIKE 'BENCH-%';
DELETE FROM products WHERE sku LIKE 'BENCH-%';
CREATE TABLE bench_raw (sku text, name text, brand text, category text, price text, sale_price text,
  stock text, vat text, ean text);
CREATE UNLOGGED TABLE bench_staging (LIKE bench_raw);
CREATE TABLE bench_products (LIKE products INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
CREATE TABLE bench_changes (LIKE catalog_changes INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
VACUUM ANALYZE products;
SQL

settle products
t=$(now); "${PSQL[@]}" -c "\\copy bench_raw FROM '$FILE' WITH (FORMAT csv, HEADER true)"; a=$(secs "$t" "$(now)")

UPSERT="INSERT INTO bench_products (sku, name, brand, category, price, sale_price, stock, vat, ean, attributes, updated_at)
  SELECT sku, name, brand, category, replace(price, ',', '.')::numeric, nullif(sale_price, '')::numeric,
         stock::integer, vat::numeric, ean, '{}', now() FROM bench_staging
  ON CONFLICT (sku) DO UPDATE SET name = excluded.name, brand = excluded.brand, category = excluded.category,
    price = excluded.price, sale_price = excluded.sale_price, stock = excluded.stock, vat = excluded.vat,
    ean = excluded.ean, attributes = excluded.attributes, updated_at = excluded.updated_at"
# (b2) is (b) doing all the job does to a row besides parsing and validating it: it also sets import_id
# and import_line (guarded as the job's partitions guard it) and records the price/stock changes of the rows that existed into a copy of catalog_changes, with the
# lookup the job made until it looked up only the rows it updated (the old values by key, one index
# probe per row, before the upsert; a first import's rows are all new, so the job now does none), then
# compares them with the new ones (the job compares them with the upserted row). One statement; the
# looked-up rows are materialized first (work_mem raised so the million of them stay in memory, as
# the job's one chunk does), then upserted, then the changed ones inserted. (The job's former statement
# form, a lookup CTE joined to the upsert's rows, run on a million rows at once, got a plan that
# probed after the upsert and ran for minutes.)
UPSERT_SAME="WITH staged AS MATERIALIZED (SELECT i.*, c.price AS old_price, c.sale_price AS old_sale_price,
      c.stock AS old_stock, c.sku IS NOT NULL AS existed
    FROM bench_staging i LEFT JOIN LATERAL (SELECT c.sku, c.price, c.sale_price, c.stock FROM bench_products c
      WHERE c.sku = i.sku LIMIT 1) c ON true),
  upserted AS (INSERT INTO bench_products AS c (sku, name, brand, category, price, sale_price, stock, vat, ean,
      attributes, import_id, import_line, updated_at)
    SELECT sku, name, brand, category, replace(price, ',', '.')::numeric, nullif(sale_price, '')::numeric,
           stock::integer, vat::numeric, ean, '{}', 0, 0, now() FROM staged
    ON CONFLICT (sku) DO UPDATE SET name = excluded.name, brand = excluded.brand, category = excluded.category,
      price = excluded.price, sale_price = excluded.sale_price, stock = excluded.stock, vat = excluded.vat,
      ean = excluded.ean, attributes = excluded.attributes, import_id = excluded.import_id,
      import_line = excluded.import_line, updated_at = excluded.updated_at
      WHERE c.import_id IS DISTINCT FROM excluded.import_id OR c.import_line <= excluded.import_line)
  INSERT INTO bench_changes (import_id, target, key, old_price, new_price, old_sale_price, new_sale_price, old_stock,
    new_stock)
  SELECT 0, 'PRODUCTS', sku, old_price, replace(price, ',', '.')::numeric(12,2), old_sale_price,
    nullif(sale_price, '')::numeric(12,2), old_stock, stock::integer FROM staged
  WHERE existed AND (old_price, old_sale_price, old_stock) IS DISTINCT FROM
    (replace(price, ',', '.')::numeric(12,2), nullif(sale_price, '')::numeric(12,2), stock::integer)"
baseline_b() { # baseline_b <statement> [work_mem]: prints the seconds, then the CPU used
  local t c
  settle bench_raw bench_staging bench_products bench_changes
  c=$(cpu); t=$(now)
  "${PSQL[@]}" -c "SET work_mem = '${2:-4MB}'" -c "TRUNCATE bench_staging" \
    -c "\\copy bench_staging FROM '$FILE' WITH (FORMAT csv, HEADER true)" -c "$1"
  echo "$(secs "$t" "$(now)") $(cpu_used "$c" "$(cpu)")"
}
read -r b1 b1_cpu < <(baseline_b "$UPSERT"); read -r b2 b2_cpu < <(baseline_b "$UPSERT")
"${PSQL[@]}" -c "TRUNCATE bench_products, bench_changes"
read -r s1 s1_cpu < <(baseline_b "$UPSERT_SAME" 256MB); read -r s2 s2_cpu < <(baseline_b "$UPSERT_SAME" 256MB)
echo "baseline_a_copy_plain_table: $(rate "$ROWS" "$a") rows/s ($a s)"
echo "baseline_b_copy_staging_upsert_first: $(rate "$ROWS" "$b1") rows/s ($b1 s; CPU $b1_cpu)"
echo "baseline_b_copy_staging_upsert_again: $(rate "$ROWS" "$b2") rows/s ($b2 s; CPU $b2_cpu)"
echo "baseline_b2_same_writes_as_job_first: $(rate "$ROWS" "$s1") rows/s ($s1 s; CPU $s1_cpu)"
echo "baseline_b2_same_writes_as_job_again: $(rate "$ROWS" "$s2") rows/s ($s2 s; CPU $s2_cpu)"

# One untimed import of the 100k file first: the timed imports measure a server whose JIT has
# compiled the import's code, as it has after its first import (the baselines have no JIT to warm).
import "$SMALL" >/dev/null
"${PSQL[@]}" -c "DELETE FROM catalog_changes WHERE key LIKE 'BENCH-%'" -c "DELETE FROM products WHERE sku LIKE 'BENCH-%'"
settle bench_raw bench_staging bench_products products catalog_changes
c=$(cpu); read -r j1 first_id < <(import "$FILE"); j1_cpu=$(cpu_used "$c" "$(cpu)")
settle products catalog_changes
c=$(cpu); read -r j2 second_id < <(import "$FILE"); j2_cpu=$(cpu_used "$c" "$(cpu)")

# Heap, in imports of their own (the samplers cost the server CPU, so they stay out of the timed
# runs): the 100k file, then the 1M file again, each time a peak of the used heap (/metrics every
# 0.5 s) and, in another import of the same file, a peak of the live heap.
heap_peaks() { # heap_peaks <file>: prints the peak used and the peak live heap in MiB of importing it
  local used live sampler
  "${PSQL[@]}" -c "DELETE FROM products WHERE sku LIKE 'BENCH-%'" -c "VACUUM ANALYZE products"
  rm -f "$WORK/heap"; peak_heap_sampler "$WORK/heap" & sampler=$!
  import "$1" >/dev/null; kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  used=$(cat "$WORK/heap" 2>/dev/null || echo 0)
  rm -f "$WORK/heap"; live_heap_sampler "$WORK/heap" & sampler=$!
  import "$1" >/dev/null; kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  live=$(cat "$WORK/heap" 2>/dev/null || echo 0)
  echo "$(( used / 1024 / 1024 )) $(( live / 1024 / 1024 ))"
}
read -r small_used small_live < <(heap_peaks "$SMALL")
read -r large_used large_live < <(heap_peaks "$FILE")
count=$("${PSQL[@]}" -At -c "SELECT count(*) FROM products WHERE sku LIKE 'BENCH-%'")
[[ "$count" == "$ROWS" ]] || die "expected $ROWS products after the imports, found $count"

echo "job_import_first: $(rate "$ROWS" "$j1") rows/s ($j1 s, upload included; import $first_id; CPU $j1_cpu)"
echo "job_import_again: $(rate "$ROWS" "$j2") rows/s ($j2 s, upload included; import $second_id; CPU $j2_cpu)"
echo "job_first_vs_baseline_b: $(awk -v j="$j1" -v b="$b1" 'BEGIN { printf "%.0f", 100 * b / j }') %"
echo "job_again_vs_baseline_b: $(awk -v j="$j2" -v b="$b2" 'BEGIN { printf "%.0f", 100 * b / j }') %"
echo "job_first_vs_baseline_b2: $(awk -v j="$j1" -v b="$s1" 'BEGIN { printf "%.0f", 100 * b / j }') %"
echo "job_again_vs_baseline_b2: $(awk -v j="$j2" -v b="$s2" 'BEGIN { printf "%.0f", 100 * b / j }') %"
echo "peak_used_heap_100k: $small_used MiB   peak_live_heap_100k: $small_live MiB"
echo "peak_used_heap_${ROWS}: $large_used MiB   peak_live_heap_${ROWS}: $large_live MiB"
echo "products_after_the_imports: $count rows"
echo "load_average_at_end: $(cut -d' ' -f1-3 /proc/loadavg)"
"${PSQL[@]}" -c "DROP TABLE bench_raw, bench_staging, bench_products, bench_changes"
