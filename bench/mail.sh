#!/usr/bin/env bash
# Mail throughput with QR + PDF (mails/s) against a running stack (server-config/stack.sh <profile>
# start, EAR deployed), the notification consumers alone: M order confirmations are written as
# notification rows and given their JMS messages by the notifications-recovery schedule while
# NotificationQueue is paused at the broker, then the queue is resumed and the time from the resume
# to the M-th SENT row is taken.
# Baselines in the same run:
#   - smtp_plain_new_connection / smtp_plain_reused_connection: the same mail (its raw MIME as the
#     sink received it, QR and PDF included) sent M times by a plain Jakarta Mail client from 8
#     threads, a new SMTP connection per mail (Transport.send) and one connection per thread: what
#     the SMTP sink alone allows, without rendering, database or JMS;
#   - with a baseline EAR (e.g. one built from main): the same measurement with that EAR deployed,
#     then the current one (ear/target/runner.ear) is deployed again and measured.
# Usage: bench/mail.sh <profile> [mails M, default 2000] [baseline.ear] [rounds, default 1]
# Needs the admin password in RUNNER_ADMIN_PASSWORD. Prints "name: value unit" lines beside the
# machine's load average: on a shared 2-core machine compare figures of one run only.
set -euo pipefail
# shellcheck source=../server-config/payara/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../server-config/payara/lib.sh"
load_profile "${1:?usage: bench/mail.sh <profile> [mails] [baseline.ear] [rounds]}"
M="${2:-2000}"
BASELINE_EAR="${3:-}"
ROUNDS="${4:-1}"
: "${RUNNER_ADMIN_PASSWORD:?set RUNNER_ADMIN_PASSWORD to the admin password}"
BASE="http://127.0.0.1:$PAYARA_HTTP_PORT/api"
CURRENT_EAR="$RUNNER_ROOT/ear/target/runner.ear"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

sql() { PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U "$PG_USER" -d "$PG_DB" -Atqc "$1"; }
mq() { "$RUNNER_ROOT/server-config/openmq/openmq.sh" "$RUNNER_PROFILE_FILE" "$@" >/dev/null 2>&1; }
load() { cut -d' ' -f1 /proc/loadavg; }
# The sink keeps every mail in memory (256 MB): emptied before each measurement, or it ends in
# garbage collection and refuses connections.
purge_sink() { "$RUNNER_ROOT/server-config/smtp/smtp.sh" "$RUNNER_PROFILE_FILE" purge >/dev/null; }
deploy() { "$RUNNER_ROOT/server-config/payara/payara.sh" "$RUNNER_PROFILE_FILE" deploy "$1" >/dev/null; }

await_ready() {
  local i
  for ((i = 0; i < 120; i++)); do
    curl -fsS "http://127.0.0.1:$PAYARA_HTTP_PORT/health/ready" >/dev/null 2>&1 && return 0
    sleep 1
  done
  die "the server is not ready after 120 s"
}

# queue_mails <tag>: M QUEUED order confirmations (an order of two lines, Romanian diacritics) with
# their messages held at the paused broker. The rows are written 'an hour ago' so that the
# notifications-recovery schedule, run by hand, gives each its message (1,000 per run).
queue_mails() {
  local tag="$1" left
  # the rows come after this id: every count below reads them through the primary key (a LIKE on the
  # key alone scanned the whole table, 1.4M rows after many runs, 0.36 s of CPU every half second)
  after="$(sql "SELECT coalesce(max(id), 0) FROM notifications")"
  sql "INSERT INTO notifications (idempotency_key, type, recipient, priority, status, model, queued_at)
       SELECT 'bench-$tag-' || i, 'order-confirmation', 'bench-$tag-' || i || '@example.ro', 'HIGH', 'QUEUED',
              jsonb_build_object('number', 'R-$tag-' || i, 'name', 'Ioana Mureșan', 'email', 'bench-$tag-' || i || '@example.ro',
                'total', 219.80, 'currency', 'RON', 'items', 3, 'trafficSource', 'bench', 'campaign', 'toamnă',
                'lines', jsonb_build_array(
                  jsonb_build_object('sku', 'BILET', 'name', 'Bilet concert „Țara lui Ștefan”', 'quantity', 2, 'unitPrice', 49.90, 'amount', 99.80),
                  jsonb_build_object('sku', 'CAZARE', 'name', 'Cazare în Brașov', 'quantity', 1, 'unitPrice', 120.00, 'amount', 120.00))),
              now() - interval '1 hour'
       FROM generate_series(1, $M) i" >/dev/null
  while :; do
    left="$(sql "SELECT count(*) FROM notifications WHERE id > $after AND idempotency_key LIKE 'bench-$tag-%' AND queued_at < now() - interval '5 minutes'")"
    [[ "$left" -eq 0 ]] && break
    curl -fsS -u "admin:$RUNNER_ADMIN_PASSWORD" -X POST "$BASE/schedules/notifications-recovery/run" >/dev/null \
      || { say "the recovery run failed (the application still starting?), again in 5 s"; sleep 5; }
  done
}

# domain_cpu: CPU seconds (user + system) the profile's Payara domain has used so far.
domain_cpu() {
  local pid
  for pid in $(pgrep -f com.sun.enterprise.glassfish.bootstrap.ASMain); do
    if tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$RUNNER_BASE/domains"; then
      awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$pid/stat"
      return 0
    fi
  done
  echo 0
}

# measure <label>: queues M confirmations, resumes the queue, prints the mails/s of the consumers.
measure() {
  local label="$1" tag t0 rate attempts cpu0 cpu
  tag="$label-$(date +%s)"
  purge_sink
  mq pause NotificationQueue
  queue_mails "$tag"
  local before
  before="$(load)"
  cpu0="$(domain_cpu)"
  t0="$(sql "SELECT extract(epoch FROM clock_timestamp())")"
  mq resume NotificationQueue
  until [[ "$(sql "SELECT count(*) FROM notifications WHERE id > $after AND idempotency_key LIKE 'bench-$tag-%' AND status = 'SENT'")" -ge "$M" ]]; do
    sleep 0.5
  done
  rate="$(sql "SELECT round($M / (extract(epoch FROM max(sent_at)) - $t0), 1) FROM notifications WHERE id > $after AND idempotency_key LIKE 'bench-$tag-%'")"
  cpu="$(awk -v a="$cpu0" -v b="$(domain_cpu)" -v m="$M" 'BEGIN {printf "%.1f", (b - a) * 1000 / m}')"
  attempts="$(sql "SELECT sum(attempts) FROM notifications WHERE id > $after AND idempotency_key LIKE 'bench-$tag-%'")"
  echo "mail_throughput_qr_pdf_$label: $rate mails/s ($M confirmations, $attempts attempts; server CPU $cpu ms per mail)   load_average: $before -> $(load)   goal: 100 mails/s"
  echo "$tag" >"$WORK/last.tag"
}

# plain <mode>: the baseline client with the raw MIME of one mail the server sent.
plain() {
  local repo="${MAVEN_REPO:-$HOME/.m2/repository}" cp before
  cp="$(maven_artifact jakarta.mail jakarta.mail-api 2.1.3):$(maven_artifact org.eclipse.angus angus-mail 2.0.3)"
  cp="$cp:$(maven_artifact jakarta.activation jakarta.activation-api 2.1.3):$(maven_artifact org.eclipse.angus angus-activation 2.0.2)"
  purge_sink
  before="$(load)"
  echo "smtp_plain_$1_connection: $(java -cp "$cp" "$RUNNER_ROOT/bench/mail/PlainSmtp.java" "$WORK/mail.eml" "$SMTP_PORT" "$M" 8 "$2") mails/s (same mail, 8 threads, no rendering/DB/JMS)   load_average: $before -> $(load)"
}

echo "load_average_at_start: $(load)"
await_ready
for ((round = 1; round <= ROUNDS; round++)); do
  if [[ -n "$BASELINE_EAR" ]]; then
    say "deploying the baseline $BASELINE_EAR"
    deploy "$BASELINE_EAR"
    await_ready
    measure baseline_ear
    say "deploying the current $CURRENT_EAR"
    deploy "$CURRENT_EAR"
    await_ready
  fi
  measure current
done
tag="$(cat "$WORK/last.tag")"
curl -fsS "http://127.0.0.1:$SMTP_API_PORT/api/user/bench-$tag-1@example.ro/messages/INBOX" \
  | python3 -c 'import json,sys; m=json.load(sys.stdin); assert len(m)==1, len(m); sys.stdout.write(m[0]["mimeMessage"])' >"$WORK/mail.eml"
echo "mail_size: $(wc -c <"$WORK/mail.eml") bytes"
plain new new
plain reused reuse
echo "load_average_at_end: $(load)"
