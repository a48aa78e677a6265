#!/usr/bin/env bash
# Benchmark: push N price/stock changes (default 5000) of one eMAG account to the simulator at the
# real limits, on a running stack, through the marketplace-offer-push batch job. Prints the wall time
# beside the bound the budget sets (ceil(N / 50) save requests at 3 requests/s), the requests per
# second achieved beside the budget, the peak per second, the 429s received and the largest save,
# and checks that the simulator ends with every pushed price and stock.
# Usage: bench/marketplace-offer-push.sh <profile> [changes]   (RUNNER_ADMIN_PASSWORD must be set)
set -euo pipefail
# shellcheck source=../server-config/payara/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../server-config/payara/lib.sh"
load_profile "${1:?profile}"
changes="${2:-5000}"
: "${RUNNER_ADMIN_PASSWORD:?set RUNNER_ADMIN_PASSWORD to the stack admin password}"
api="http://127.0.0.1:$PAYARA_HTTP_PORT/api"
sim="http://127.0.0.1:$SIMULATOR_PORT/simulator"
auth=(-u "admin:$RUNNER_ADMIN_PASSWORD")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

call() { curl -fsS --http1.1 --max-time 900 "${auth[@]}" "$@"; }
now() { date +%s.%N; }
await_execution() {
  local id="$1" status
  while true; do
    status="$(call "$api/batch/jobs/executions/$id" | jq -r .batchStatus)"
    case "$status" in COMPLETED) return 0 ;; FAILED | STOPPED | ABANDONED) die "execution $id ended $status" ;; esac
    sleep 0.1
  done
}

call -o /dev/null -X PUT -H 'Content-Type: application/json' \
  -d "{\"type\":\"MAIN\",\"baseUrl\":\"$sim/api-3\",\"username\":\"runner-main\",\"password\":\"main-secret\",\"enabled\":true}" \
  "$api/marketplace/accounts/main"
for s in marketplace-order-sync marketplace-order-acknowledge marketplace-product-sync marketplace-offer-push; do
  call -o /dev/null -X PUT -H 'Content-Type: application/json' -d '{"enabled":false}' "$api/schedules/$s"
done

have="$(curl -fsS "$sim/admin/accounts/main" | jq .offers)"
if ((have < changes)); then
  say "adding $((changes - have)) offers to the simulator's account main"
  curl -fsS -o /dev/null -X POST "$sim/admin/accounts/main/offers?count=$((changes - have))"
fi
say "product sync of main (reads every offer; timed, not the benchmark)"
began=$(now)
id="$(call -X POST "$api/marketplace/main/offers/sync" | jq .executionId)"
await_execution "$id"
say "product sync: $(echo "$(now) - $began" | bc | cut -c1-6) s; $(call "$api/batch/jobs/executions/$id" | jq -r .exitStatus)"

say "queueing $changes changes (price 1.3 x min_sale_price + a run-specific cent, stock 1..200)"
salt=$((RANDOM % 90 + 1))
curl -fsS "$sim/admin/accounts/main/offers" | jq --argjson n "$changes" --argjson salt "$salt" '
  [.[:$n][] | {offerId: .id,
               price: ((((.min_sale_price | tonumber) * 1.3 * 100 | floor) + $salt) / 100),
               stock: ((.id * 7 + $salt) % 200 + 1)}]' >"$work/changes.json"
call -o /dev/null -X POST -H 'Content-Type: application/json' --data-binary "@$work/changes.json" \
  "$api/marketplace/main/offers/changes"
curl -fsS -o /dev/null -X DELETE "$sim/admin/report"

began=$(now)
id="$(call -X POST "$api/marketplace/main/offers/push" | jq .executionId)"
await_execution "$id"
ended=$(now)
say "push: $(call "$api/batch/jobs/executions/$id" | jq -r .exitStatus)"

curl -fsS "$sim/admin/accounts/main/offers" >"$work/after.json"
mismatches="$(jq -n --slurpfile want "$work/changes.json" --slurpfile got "$work/after.json" '
  ($got[0] | map({key: (.id | tostring), value: .}) | from_entries) as $g
  | [$want[0][] | select(($g[.offerId | tostring].sale_price | tonumber) != .price
                          or $g[.offerId | tostring].general_stock != .stock)] | length')"
curl -fsS "$sim/admin/requests?account=main" >"$work/requests.json"
curl -fsS "$sim/admin/report" | jq -r --slurpfile log "$work/requests.json" \
  --arg wall "$(echo "$ended - $began" | bc)" --argjson n "$changes" --arg mismatches "$mismatches" '
  .accounts.main.routes.other as $o
  | ($wall | tonumber) as $w
  | ([$log[0][] | select(.route == "product_offer/save")]) as $saves
  | ($saves | length) as $req
  | ((($n + 49) / 50 | floor) / 3) as $bound
  | ((($saves | map(.at) | max) - ($saves | map(.at) | min)) / 1000) as $span
  | "wall time (push now -> COMPLETED)  \($w * 10 | round / 10) s   (bound: \(($n + 49) / 50 | floor) requests at 3/s = \($bound * 10 | round / 10) s)",
    "save requests                      \($req)   first to last \($span * 10 | round / 10) s   items per save max \($saves | map(.items) | max)   (cap 50)",
    "requests/s achieved                \($req / $w * 100 | round / 100)/s over the wall time, \(if $span > 0 then (($req - 1) / $span * 100 | round / 100) else 0 end)/s first to last   (budget 3/s, \($req / $w / 3 * 100 | round) % used)",
    "peak per second                    \($o.peakPerSecond)   (limit \($o.limitPerSecond))   seconds over budget \($o.secondsOverBudget)",
    "429s received                      \($o.rateLimited)",
    "prices/stock not as pushed         \($mismatches) of \($n)"'
