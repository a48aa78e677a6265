#!/usr/bin/env bash
# Orders benchmarks against a running stack (server-config/stack.sh <profile> start, EAR deployed):
#   payment latency p50/p99 at C concurrent clients, asynchronous tracking (the real path) beside
#   the same work done synchronously in the request (tracking=sync, the benchmark's baseline): a
#   warm-up round of each mode, not counted (a just-started domain is still compiling its code),
#   then R rounds of N payments per mode, the modes alternated, their latencies pooled;
#   drain rate of the tracking queue (orders/s) and mail throughput with QR + PDF (mails/s).
#   The drain and mail phases pause the queues' consumers at the broker (openmq.sh pause) while D
#   orders are paid, then resume them and time the consumers alone.
# Usage: bench/orders.sh <profile> [orders per mode, default 500] [concurrency, default 32]
#        [drain orders D, default 10000] [mails M, default 2000] [baseline drain orders B, default 2000]
#        [rounds R, default 3]
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
B="${6:-2000}"
R="${7:-3}"
: "${RUNNER_ADMIN_PASSWORD:?set RUNNER_ADMIN_PASSWORD to the admin password}"
BASE="http://127.0.0.1:$PAYARA_HTTP_PORT/api"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"; "$RUNNER_ROOT/server-config/payara/payara.sh" "$RUNNER_PROFILE_FILE" asadmin delete-system-property runner.tracking.batch-size >/dev/null 2>&1 || true' EXIT
export BASE RUNNER_ADMIN_PASSWORD

sql() { PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U "$PG_USER" -d "$PG_DB" -Atqc "$1"; }

# The client is one JVM (bench/orders/OrdersLoad.java) with a thread per concurrent client: a bash
# and a curl per request took the server's CPU on a 2-core machine.
load() { java "$RUNNER_ROOT/bench/orders/OrdersLoad.java" "$@"; }
# failed_payments <tag> <count> <errors>: stops the bench when a payment failed, which leaves its
# order untracked for settled or drain to wait on forever (seen with RUNNER_ADMIN_PASSWORD set to
# asadmin's password, not the console admin's)
failed_payments() {
  [[ "$3" == 0 ]] && return
  echo "bench/orders.sh: $3 of $2 $1 payments failed (all 401: RUNNER_ADMIN_PASSWORD is not the console admin's password; else see the server log)" >&2
  exit 1
}
# paid_orders <tag> <count> <mode> <ids-file> [latencies-file]: count orders checked out and paid;
# prints the payments' figures (and appends their latencies to the file)
paid_orders() {
  load checkout "$BASE" "$1" "$2" 8 "$4"
  load pay "$BASE" "$RUNNER_ADMIN_PASSWORD" "$3" "$C" "$4" ${5:+"$5"}
}
# ready: the health checks pass and the application answers. /health/ready alone says UP for a
# moment while a restarting domain is still loading the EAR (no check registered yet), which would
# start the drain's clock before its consumers exist. A 401 stops the bench: it would never be ready.
ready() {
  local code
  until curl -sf "http://127.0.0.1:$PAYARA_HTTP_PORT/health/ready" >/dev/null &&
    code="$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$RUNNER_ADMIN_PASSWORD" "$BASE/orders?size=1")" &&
    [[ "$code" == 200 ]]; do
    if [[ "${code:-}" == 401 ]]; then
      echo "bench/orders.sh: 401 from $BASE/orders: RUNNER_ADMIN_PASSWORD is not the console admin's password" >&2
      exit 1
    fi
    sleep 1
  done
}

# The SMTP sink keeps every mail in memory: emptied before and after the run.
purge_sink() { curl -fsS -X POST "http://127.0.0.1:$SMTP_API_PORT/api/mail/purge" >/dev/null; }
purge_sink
echo "load_average_at_start: $(cut -d' ' -f1 /proc/loadavg)"
# settled <ids-file>: waits until the orders are tracked and their mails sent, so the next mode
# starts on a server that is not still working off the one before
settled() {
  local in n
  in="$(paste -sd, "$1")"
  n="$(wc -l <"$1")"
  until [[ "$(sql "SELECT count(*) FROM order_tracking WHERE status = 'PAID' AND order_id IN ($in)")" -ge "$n" ]]; do sleep 0.5; done
  until [[ "$(sql "SELECT count(*) FROM notifications WHERE status <> 'SENT' AND order_id IN ($in)")" -eq 0 ]]; do sleep 1; done
}
# pay_round <mode> <tag> [latencies-file]: N orders checked out and paid in that mode, then waited for
# until tracked and mailed; sets round_p99 and round_s (not printed: failed_payments must be able to
# stop the bench, which it cannot from a subshell)
pay_round() {
  local err
  read -r _ round_p99 round_s err < <(paid_orders "$2-$(date +%s)" "$N" "$1" "$WORK/$2.ids" ${3:+"$3"})
  failed_payments "$2" "$N" "$err"
  settled "$WORK/$2.ids"
}
ready
say "warming up with $N orders per mode (not counted), then $R rounds of $N orders per mode, alternated, at $C concurrent clients"
pay_round sync warm-sync
warm_sync_p99="$round_p99"
pay_round async warm-async
warm_async_p99="$round_p99"
sync_s=0 async_s=0 ratios=""
for ((round = 1; round <= R; round++)); do
  pay_round sync "sync-$round" "$WORK/sync.ms"
  sync_s="$(awk -v a="$sync_s" -v b="$round_s" 'BEGIN { print a + b }')"
  round_sync_p99="$round_p99"
  pay_round async "async-$round" "$WORK/async.ms"
  async_s="$(awk -v a="$async_s" -v b="$round_s" 'BEGIN { print a + b }')"
  ratios="$ratios $(awk -v a="$round_p99" -v s="$round_sync_p99" 'BEGIN { printf "%.2f", a / s }')"
done
read -r sync_p50 sync_p99 sync_n < <(load percentiles "$WORK/sync.ms")
read -r async_p50 async_p99 async_n < <(load percentiles "$WORK/async.ms")
echo "payment_latency_p50_async: $async_p50 ms   baseline_sync: $sync_p50 ms   ($async_n and $sync_n payments, $R rounds pooled)"
echo "payment_latency_p99_async: $async_p99 ms   baseline_sync: $sync_p99 ms   ratio: $(awk -v a="$async_p99" -v s="$sync_p99" 'BEGIN { printf "%.2f", a / s }')   goal: async <= 1/3 of sync"
echo "payment_p99_ratio_per_round:$ratios   warm-up round (not counted): $warm_async_p99 / $warm_sync_p99 ms"
echo "payments_per_second_async: $(awk -v n="$async_n" -v s="$async_s" 'BEGIN { printf "%.1f", n / s }')   baseline_sync: $(awk -v n="$sync_n" -v s="$sync_s" 'BEGIN { printf "%.1f", n / s }')"
ids="$(cat "$WORK"/*async*.ids | paste -sd,)" # the warm-up round's too
dupes="$(sql "SELECT count(*) FROM (SELECT order_id FROM order_tracking WHERE order_id IN ($ids) GROUP BY order_id, status HAVING count(*) > 1) d")"
echo "tracking_duplicates: $dupes"

# Drain rate: paid orders wait in OrderTrackingQueue while its consumers are paused at the broker
# (mails wait too), then the queue is resumed and the consumers' rate measured from the resume to
# the last order tracked. The work per order: customer upsert, conversion, hourly counters, two
# notification rows and their two messages, in XA transactions with the messages' receipt.
# Baseline, same run: B orders drained one message per transaction (runner.tracking.batch-size=1,
# the consumer before batching), then D orders with the default batches. The domain is restarted
# with the setting, the queue still paused, before each drain.
mq() { "$RUNNER_ROOT/server-config/openmq/openmq.sh" "$RUNNER_PROFILE_FILE" "$@" >/dev/null 2>&1; }
asadmin() { "$RUNNER_ROOT/server-config/payara/payara.sh" "$RUNNER_PROFILE_FILE" asadmin "$@" >/dev/null 2>&1; }
restart() { "$RUNNER_ROOT/server-config/payara/payara.sh" "$RUNNER_PROFILE_FILE" restart >/dev/null 2>&1; ready; }
# drain <tag> <count>: pays count orders with tracking paused, resumes it; prints orders/s
drain() {
  mq pause OrderTrackingQueue
  local errors
  read -r _ _ _ errors < <(paid_orders "$1" "$2" async "$WORK/$1.ids")
  failed_payments "$1" "$2" "$errors"
  local in t0
  in="$(paste -sd, "$WORK/$1.ids")"
  [[ "$1" == baseline ]] && asadmin create-system-properties runner.tracking.batch-size=1
  [[ "$1" == batched ]] && asadmin delete-system-property runner.tracking.batch-size
  restart
  t0="$(sql "SELECT extract(epoch FROM clock_timestamp())")"
  mq resume OrderTrackingQueue
  until [[ "$(sql "SELECT count(*) FROM order_tracking WHERE status = 'PAID' AND order_id IN ($in)")" -ge "$2" ]]; do sleep 0.5; done
  # two rates: from the resume command (includes starting imqcmd and the consumers' first receive)
  # and from the first order tracked to the last (the consumers' pace once going)
  sql "SELECT round($2 / (extract(epoch FROM max(tracked_at)) - $t0)) || ' ' || round(($2 - 1) / extract(epoch FROM max(tracked_at) - min(tracked_at))) FROM order_tracking WHERE status = 'PAID' AND order_id IN ($in)"
}
# the mails of the drain's orders come after this id; the mail phase counts only those, through the
# primary key (a count over the whole table by status and sent_at, 1.4M rows after many runs, took
# 0.36 s of CPU every half second, CPU the consumers it measured lost)
mails_after="$(sql "SELECT coalesce(max(id), 0) FROM notifications")"
mq pause NotificationQueue
say "draining $B orders one per transaction (baseline), then $D in batches"
read -r base_rate base_pace < <(drain baseline "$B")
echo "load_average_before_drain: $(cut -d' ' -f1 /proc/loadavg)"
read -r rate pace < <(drain batched "$D")
echo "tracking_drain_rate: $rate orders/s from the resume, $pace orders/s first to last tracked ($D orders queued)   baseline_one_per_transaction: $base_rate from the resume, $base_pace first to last ($B orders)   goal: 1000 orders/s"
mails_queued="$(sql "SELECT count(*) FROM notifications WHERE id > $mails_after AND status = 'QUEUED'")"

# Mail throughput: the first M confirmations with QR + PDF after the mail queue is resumed. The sink
# is emptied first: GreenMail keeps every mail in its 256 MB heap and, full, spends its time in GC.
"$RUNNER_ROOT/server-config/smtp/smtp.sh" "$RUNNER_PROFILE_FILE" purge >/dev/null
t0="$(sql "SELECT extract(epoch FROM clock_timestamp())")"
mq resume NotificationQueue
until [[ "$(sql "SELECT count(*) FROM notifications WHERE id > $mails_after AND status = 'SENT' AND sent_at > to_timestamp($t0)")" -ge "$M" ]]; do sleep 0.5; done
mails="$(sql "SELECT round($M / (extract(epoch FROM max(sent_at)) - $t0), 1) FROM (SELECT sent_at FROM notifications WHERE id > $mails_after AND status = 'SENT' AND sent_at > to_timestamp($t0) ORDER BY sent_at LIMIT $M) m")"
echo "mail_throughput_qr_pdf: $mails mails/s (first $M of $mails_queued queued)   goal: 100 mails/s"
echo "load_average_at_end: $(cut -d' ' -f1 /proc/loadavg)"
# what is left of the queued mail is not part of the measurement: its messages are purged and its
# rows ended (else the recovery schedule would queue them again later)
mq purge NotificationQueue
sql "UPDATE notifications SET status = 'DEAD', last_error = 'left unsent by bench/orders.sh' WHERE status = 'QUEUED'" >/dev/null
purge_sink
