#!/usr/bin/env bash
# Benchmark: sync and acknowledge N new orders per eMAG account (default 1000) against the
# simulator at the real limits, on a running stack. Prints the wall time beside the bound the
# budget sets ((pages + acknowledgements) / 12 per second, accounts in parallel), the order-route
# requests per second achieved beside the budget, and the 429s the simulator sent.
# Usage: bench/marketplace.sh <profile> [orders-per-account]   (RUNNER_ADMIN_PASSWORD must be set)
set -euo pipefail
# shellcheck source=../server-config/payara/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../server-config/payara/lib.sh"
load_profile "${1:?profile}"
orders="${2:-1000}"
: "${RUNNER_ADMIN_PASSWORD:?set RUNNER_ADMIN_PASSWORD to the stack admin password}"
api="http://127.0.0.1:$PAYARA_HTTP_PORT/api"
sim="http://127.0.0.1:$SIMULATOR_PORT/simulator"
auth=(-u "admin:$RUNNER_ADMIN_PASSWORD")

call() { curl -fsS --http1.1 --max-time 900 "${auth[@]}" "$@"; }
now() { date +%s.%N; }

for spec in main:MAIN:runner-main:main-secret fbe:FBE:runner-fbe:fbe-secret; do
  IFS=: read -r name type user secret <<<"$spec"
  call -o /dev/null -X PUT -H 'Content-Type: application/json' \
    -d "{\"type\":\"$type\",\"baseUrl\":\"$sim/api-3\",\"username\":\"$user\",\"password\":\"$secret\",\"enabled\":true}" \
    "$api/marketplace/accounts/$name"
done
for s in marketplace-order-sync marketplace-order-acknowledge; do
  call -o /dev/null -X PUT -H 'Content-Type: application/json' -d '{"enabled":false}' "$api/schedules/$s"
done
say "draining what is there (not measured)"
call -o /dev/null -X POST "$api/marketplace/main/sync"
call -o /dev/null -X POST "$api/marketplace/fbe/sync"
call -o /dev/null -X POST "$api/marketplace/main/acknowledge"

say "adding $orders new orders to each account"
curl -fsS -o /dev/null -X POST "$sim/admin/accounts/main/orders?count=$orders"
curl -fsS -o /dev/null -X POST "$sim/admin/accounts/fbe/orders?count=$orders"
curl -fsS -o /dev/null -X DELETE "$sim/admin/report"

began=$(now)
(call -X POST "$api/marketplace/main/sync" && call -X POST "$api/marketplace/main/acknowledge") >/tmp/bench-main.$$ &
main_pid=$!
(call -X POST "$api/marketplace/fbe/sync") >/tmp/bench-fbe.$$ &
fbe_pid=$!
wait "$main_pid" "$fbe_pid"
ended=$(now)
say "main: $(cat /tmp/bench-main.$$)"
say "fbe:  $(cat /tmp/bench-fbe.$$)"
rm -f /tmp/bench-main.$$ /tmp/bench-fbe.$$

curl -fsS "$sim/admin/report" | jq -r --arg wall "$(echo "$ended - $began" | bc)" --argjson orders "$orders" '
  .accounts as $a
  | ($wall | tonumber) as $w
  | ($a.main.routes.order.accepted // 0) as $req
  | ($a.fbe.routes.order.accepted // 0) as $fbe
  | ([$req, $fbe] | max / 12) as $bound
  | "wall time            \($w * 10 | round / 10) s   (bound set by the budget: \($bound * 10 | round / 10) s = \($req) main requests (count + pages + \($orders) acknowledgements) / 12 per s; fbe \($fbe) requests in parallel)",
    "main order requests  \($req) in \($w * 10 | round / 10) s = \($req / $w * 100 | round / 100)/s   (budget 12/s, \($req / $w / 12 * 100 | round) % used)",
    "peak per second      main \($a.main.routes.order.peakPerSecond)   fbe \($a.fbe.routes.order.peakPerSecond // 0)   (limit 12)",
    "429s received        main \($a.main.routes.order.rateLimited)   fbe \($a.fbe.routes.order.rateLimited // 0)",
    "acknowledgements     \($a.main.counts.acknowledgements // 0)   duplicates \($a.main.counts.duplicateAcknowledgements // 0)"'
