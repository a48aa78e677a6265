#!/usr/bin/env bash
# Orders benchmarks against a running stack (server-config/stack.sh <profile> start, EAR deployed):
#   payment latency p50/p99 at C concurrent clients, asynchronous tracking (the real path) beside
#   the same work done synchronously in the request (tracking=sync, the benchmark's baseline);
#   drain rate of the tracking queue (orders/s) and mail throughput with QR + PDF (mails/s).
#   The drain and mail phases pause the queues' consumers at the broker (openmq.sh pause) while D
#   orders are paid, then resume them and time the consumers alone.
# Usage: bench/orders.sh <profile> [orders per mode, default 500] [concurrency, default 32]
#        [drain orders D, default 10000] [mails M, default 2000]
# Needs the admin password in RUNNER_ADMIN_PASSWORD. Prints "name: value unit" lines.
# The machine's load average is printed too: on a shared 2-core machine compare the two modes of
# one run, not runs with each other.
set -euo pipefail
# shellcheck source=../server-config/payara/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../server-config/payara/lib.sh"
load_profile "${1:?usage: bench/orders.sh <profile> [orders] [concurrency]}"
N="${2:-500}"
C="${3:-32}"
D="${4:-10000}"
M="${5:-2000}"
: "${RUNNER_ADMIN_PASSWORD:?set RUNNER_ADMIN_PASSWORD to the admin password}"
BASE="http://127.0.0.1:$PAYARA_HTTP_PORT/api"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export BASE RUNNER_ADMIN_PASSWORD

sql() { PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U "$PG_USER" -d "$PG_DB" -Atqc "$1"; }

# checkout <tag> <i>: one PENDING order, its id on stdout (each from its own client address).
checkout() {
  curl -fsS -H 'Content-Type: application/json' -H "X-Forwarded-For: 10.$((RANDOM % 250)).$((RANDOM % 250)).$((RANDOM % 250 + 1))" \
    -d "{\"email\":\"bench-$1-$2@example.ro\",\"name\":\"Bench Ș\",\"currency\":\"RON\",\"trafficSource\":\"bench\",\"lines\":[{\"sku\":\"B\",\"name\":\"Bilet\",\"quantity\":2,\"unitPrice\":49.90}]}" \
    "$BASE/checkout" | grep -oE '"id":[0-9]+' | head -1 | cut -d: -f2
}
export -f checkout

# pay <mode> <id>: the payment's latency in seconds.
pay() {
  curl -fsS -o /dev/null -w '%{time_total}\n' -u "admin:$RUNNER_ADMIN_PASSWORD" -X POST "$BASE/orders/$2/payment?tracking=$1"
}
export -f pay

percentile() { sort -n "$1" | awk -v p="$2" '{a[NR]=$1} END {i=int(NR*p/100); if (i<1) i=1; printf "%.1f", a[i]*1000}'; }

run_mode() {
  local mode="$1" tag
  tag="$mode-$(date +%s)"
  seq "$N" | xargs -P 8 -I{} bash -c "checkout $tag {}" >"$WORK/$mode.ids"
  local start end
  start=$(date +%s.%N)
  xargs -P "$C" -I{} bash -c "pay $mode {}" <"$WORK/$mode.ids" >"$WORK/$mode.lat"
  end=$(date +%s.%N)
  echo "$start $end" >"$WORK/$mode.span"
}

echo "load_average_at_start: $(cut -d' ' -f1 /proc/loadavg)"
say "checking out and paying $N orders per mode at $C concurrent clients"
run_mode sync
run_mode async
read -r s0 s1 <"$WORK/sync.span"
read -r a0 a1 <"$WORK/async.span"
echo "payment_latency_p50_async: $(percentile "$WORK/async.lat" 50) ms   baseline_sync: $(percentile "$WORK/sync.lat" 50) ms"
echo "payment_latency_p99_async: $(percentile "$WORK/async.lat" 99) ms   baseline_sync: $(percentile "$WORK/sync.lat" 99) ms"

ids="$(paste -sd, "$WORK/async.ids")"
until [[ "$(sql "SELECT count(*) FROM order_tracking WHERE status = 'PAID' AND order_id IN ($ids)")" -ge "$N" ]]; do sleep 0.5; done
until [[ "$(sql "SELECT count(*) FROM notifications WHERE status <> 'SENT'")" -eq 0 ]]; do sleep 1; done
dupes="$(sql "SELECT count(*) FROM (SELECT order_id FROM order_tracking WHERE order_id IN ($ids) GROUP BY order_id, status HAVING count(*) > 1) d")"
echo "tracking_duplicates: $dupes"

# Drain rate: D paid orders wait in OrderTrackingQueue while its consumers are paused at the broker
# (mails wait too), then the queue is resumed and the consumers' rate measured from the resume to
# the last order tracked. The work per order: customer upsert, conversion, hourly counters, two
# notification rows and their two messages, all in one XA transaction with the message's receipt.
mq() { "$RUNNER_ROOT/server-config/openmq/openmq.sh" "$RUNNER_PROFILE_FILE" "$@" >/dev/null 2>&1; }
mq pause OrderTrackingQueue
mq pause NotificationQueue
tag="drain-$(date +%s)"
say "checking out and paying $D orders with tracking and mail paused"
seq "$D" | xargs -P 8 -I{} bash -c "checkout $tag {}" >"$WORK/drain.ids"
xargs -P "$C" -I{} bash -c "pay async {}" <"$WORK/drain.ids" >/dev/null
dids="$(paste -sd, "$WORK/drain.ids")"
echo "load_average_before_drain: $(cut -d' ' -f1 /proc/loadavg)"
t0="$(sql "SELECT extract(epoch FROM clock_timestamp())")"
mq resume OrderTrackingQueue
until [[ "$(sql "SELECT count(*) FROM order_tracking WHERE status = 'PAID' AND order_id IN ($dids)")" -ge "$D" ]]; do sleep 0.5; done
drain="$(sql "SELECT round($D / (extract(epoch FROM max(tracked_at)) - $t0)) FROM order_tracking WHERE status = 'PAID' AND order_id IN ($dids)")"
echo "tracking_drain_rate: $drain orders/s ($D orders queued, consumers resumed)   goal: 1000 orders/s"

# Mail throughput: the first M confirmations with QR + PDF after the mail queue is resumed. The sink
# is emptied first: GreenMail keeps every mail in its 256 MB heap and, full, spends its time in GC.
"$RUNNER_ROOT/server-config/smtp/smtp.sh" "$RUNNER_PROFILE_FILE" purge >/dev/null
t0="$(sql "SELECT extract(epoch FROM clock_timestamp())")"
mq resume NotificationQueue
until [[ "$(sql "SELECT count(*) FROM notifications WHERE status = 'SENT' AND sent_at > to_timestamp($t0)")" -ge "$M" ]]; do sleep 0.5; done
mails="$(sql "SELECT round($M / (extract(epoch FROM max(sent_at)) - $t0), 1) FROM (SELECT sent_at FROM notifications WHERE status = 'SENT' AND sent_at > to_timestamp($t0) ORDER BY sent_at LIMIT $M) m")"
echo "mail_throughput_qr_pdf: $mails mails/s (first $M of $((2 * D)) queued)   goal: 100 mails/s"
echo "load_average_at_end: $(cut -d' ' -f1 /proc/loadavg)"
# what is left of the queued mail is not part of the measurement
mq purge NotificationQueue
