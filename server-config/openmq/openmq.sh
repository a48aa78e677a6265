#!/usr/bin/env bash
# OpenMQ broker for Runner: the imqbrokerd that ships in the Payara zip, run as its own process on
# loopback (port mapper on PAYARA_JMS_PORT), messages kept in its file store under RUNNER_BASE/openmq.
# Payara's JMS service is REMOTE (20-jms.asadmin) and reaches it over TCP. Why not the EMBEDDED
# default: its in-process "direct mode" XA resource was seen failing to start transaction branches
# (`Unknown XID`, JTS5041; OpenMQ #385, Payara #380) when one transaction wrote PostgreSQL and sent
# a message, and messages were lost; the LOCAL type (Payara starts the broker) did not come up here.
# A broker of its own also outlives a crash of the server, as a real deployment's would.
# Usage: openmq.sh <profile> start|stop|status|log|queues|pause <queue>|resume <queue>|purge <queue>|
#        hold|release
set -euo pipefail
# shellcheck source=../payara/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../payara/lib.sh"

BROKER_NAME=runner
# The queues (physical destinations) the application uses; 20-jms.asadmin names them in the JMS
# resources. Created here because Payara's create-jmsdest cannot reach a REMOTE broker's JMX
# (ClassNotFoundException MQRMIClientSocketFactory).
#   OrderTrackingQueue  order status changes → OrderTrackingConsumer
#   NotificationQueue   mails to render and send → NotificationConsumer
#   MarketplaceQueue    marketplace work taken off the request path
#   RunsProbeQueue      the tests of the retry groundwork
QUEUES=(OrderTrackingQueue NotificationQueue MarketplaceQueue RunsProbeQueue)
# The broker's stock administrator; the broker listens on loopback only.
MQ_ADMIN_USER=admin
MQ_ADMIN_PASSWORD=admin

usage() {
  cat >&2 <<'EOF'
usage: openmq.sh <profile> <command>
  start | stop | status | log
  queues                 the queues with their message counts
  pause <queue>          holds the queue's messages back from its consumers (benchmarks, drills)
  resume <queue>         delivers them again
  purge <queue>          deletes the queue's messages
  hold                   holds every running application queue back from its consumers and waits
                         until no delivery is in flight (HOLD_SECONDS, default 120; exit 1 if some
                         still are): payara.sh does this around deploy, undeploy, stop and restart;
                         a queue already paused is left as it is
  release                delivers the queues hold held again (a paused one stays paused)
profile: a name in server-config/profiles (run, test) or a path to an .env file
EOF
  exit 2
}

mq_dir() { echo "$RUNNER_BASE/openmq"; }
held_file() { echo "$(mq_dir)/held-queues"; }
pid_file() { echo "$(mq_dir)/broker.pid"; }
broker_log() { echo "$(mq_dir)/instances/$BROKER_NAME/log/log.txt"; }
imqbrokerd() { echo "$PAYARA_HOME/mq/bin/imqbrokerd"; }
imqcmd() {
  local passfile="$(mq_dir)/admin.pass"
  [[ -f "$passfile" ]] || (umask 077 && echo "imq.imqcmd.password=$MQ_ADMIN_PASSWORD" >"$passfile")
  "$PAYARA_HOME/mq/bin/imqcmd" "$@" -b "127.0.0.1:$PAYARA_JMS_PORT" -u "$MQ_ADMIN_USER" \
    -passfile "$passfile" -f -javahome "$(java_home)"
}
# imq <what> <imqcmd arguments>: runs imqcmd quietly; on failure prints its output and dies with
# "could not <what>"
imq() {
  local what="$1"
  shift
  imqcmd "$@" >"$(mq_dir)/imqcmd.out" 2>&1 || { cat "$(mq_dir)/imqcmd.out" >&2; die "could not $what"; }
}

# ensure_queues: creates the queues the broker does not have yet (unlimited consumers each, so
# every MDB instance takes messages), and sets how many messages the broker hands each consumer
# ahead of its use (consumerFlowLimit, OpenMQ's default 1000). OrderTrackingQueue's consumer takes
# a backlog in batches through a receiver of its own (Redelivery.handleAll); a small limit leaves
# the backlog at the broker for that receiver instead of in the MDBs' buffers.
ensure_queues() {
  local existing queue
  existing="$(imqcmd list dst -t q 2>&1)" || die "imqcmd list dst failed: $existing"
  for queue in "${QUEUES[@]}"; do
    if ! grep -qE "^$queue +Queue" <<<"$existing"; then
      say "creating queue $queue"
      imq "create queue $queue" create dst -t q -n "$queue" -o maxNumActiveConsumers=-1
    fi
    imq "set the flow limit of queue $queue" update dst -t q -n "$queue" -o consumerFlowLimit="$(flow_limit "$queue")"
  done
}

flow_limit() { if [[ "$1" == OrderTrackingQueue ]]; then echo 10; else echo 1000; fi; }

running() { [[ -f "$(pid_file)" ]] && kill -0 "$(cat "$(pid_file)")" 2>/dev/null; }
# ready: the broker logs B1039 "Broker ... ready" once every service listens
ready() { port_open "$PAYARA_JMS_PORT" && grep -q 'B1039' "$(broker_log)" 2>/dev/null; }

java_home() {
  if [[ -n "${JAVA_HOME:-}" ]]; then echo "$JAVA_HOME"; else dirname "$(dirname "$(readlink -f "$(command -v java)")")"; fi
}

start() {
  if running; then ensure_queues; say "openmq broker already running (pid $(cat "$(pid_file)"))"; return 0; fi
  port_open "$PAYARA_JMS_PORT" && die "port $PAYARA_JMS_PORT is taken by another process"
  # the broker comes with Payara (stack.sh creates the domain first: create-domain checks the port)
  "$RUNNER_ROOT/server-config/payara/payara.sh" "$RUNNER_PROFILE_FILE" install
  mkdir -p "$(mq_dir)"
  # a fresh "ready" line must be the one we wait for
  [[ -f "$(broker_log)" ]] && mv -f "$(broker_log)" "$(broker_log).previous"
  say "starting openmq broker on 127.0.0.1:$PAYARA_JMS_PORT (store $(mq_dir))"
  # -Dimq.cluster.enabled=false: a single broker; its cluster service only warns about loopback
  nohup "$(imqbrokerd)" -varhome "$(mq_dir)" -name "$BROKER_NAME" -port "$PAYARA_JMS_PORT" \
    -javahome "$(java_home)" -silent -Dimq.cluster.enabled=false \
    -Dimq.hostname=127.0.0.1 -vmargs "-Xms128m -Xmx512m" >"$(mq_dir)/console.log" 2>&1 </dev/null &
  echo $! >"$(pid_file)"
  await_started "openmq broker" 90 "$(mq_dir)/console.log"
  ensure_queues
  say "openmq broker ready (pid $(cat "$(pid_file)"))"
}

# the wrapper script and the broker's JVM both carry "-varhome <dir>" on their command lines
broker_pids() { pgrep -f -- "-varhome $(mq_dir) " || true; }

stop() {
  local pids i
  pids="$(broker_pids)"
  if [[ -z "$pids" ]]; then say "openmq broker not running"; rm -f "$(pid_file)"; return 0; fi
  say "stopping openmq broker (pids $(echo $pids))"
  # shellcheck disable=SC2086
  kill $pids 2>/dev/null || true
  for ((i = 0; i < 40; i++)); do
    [[ -z "$(broker_pids)" ]] && break
    sleep 0.5
  done
  pids="$(broker_pids)"
  # shellcheck disable=SC2086
  [[ -n "$pids" ]] && kill -9 $pids 2>/dev/null
  rm -f "$(pid_file)"
}

status() {
  if running && ready; then
    echo "openmq: running (pid $(cat "$(pid_file)"), 127.0.0.1:$PAYARA_JMS_PORT, store $(mq_dir))"
  else
    echo "openmq: stopped"
    return 3
  fi
}

# unacknowledged: how many messages of the application's queues are out to consumers and not yet
# acknowledged: being handled, or waiting in a consumer's prefetch buffer (the UnAck column)
unacknowledged() {
  imqcmd list dst -t q 2>/dev/null | awk -v queues="${QUEUES[*]}" '
    BEGIN { n = split(queues, q, " "); for (i = 1; i <= n; i++) ours[q[i]] = 1 }
    ($1 in ours) && $2 == "Queue" { sum += $9; seen++ }
    END { if (seen == 0) exit 1; print sum + 0 }'
}

# hold: an undeploy or a stop that cuts deliveries short breaks them (the resource adapter keeps
# delivering to the stopping container, the redeliveries run out and the messages go to mq.sys.dmq,
# which keeps its newest 1,000; one of Payara's MDB threads can stay broken until a restart; see
# README, known issues). Held queues keep their messages, and producers can still send. A held
# queue's consumers take no new message, also none of those already in their prefetch buffers (they
# stay unacknowledged and go back to the queue when the consumer closes), so the deliveries in
# flight are over once the unacknowledged count stops falling: unchanged for 3 s. A delivery that
# takes longer than that with no other one ending (a mail server that does not answer) can still
# be cut short.
# Only running queues are held, and release resumes only those (their names in held-queues): a
# queue somebody paused on purpose (a benchmark, mail held during SMTP maintenance) stays paused
# through a payara.sh restart or deploy.
hold() {
  local queue state states ours left last=-1 same=0 seconds="${HOLD_SECONDS:-120}" start=$SECONDS
  states="$(imqcmd list dst -t q 2>/dev/null)" || die "could not read the queues' states"
  touch "$(held_file)"
  for queue in "${QUEUES[@]}"; do
    # a name already in the file was held by an earlier hold that was not released (its process
    # killed): that queue is still ours to release, and to pause again if somebody resumed it
    ours=false
    grep -qxF "$queue" "$(held_file)" && ours=true
    state="$(awk -v q="$queue" '$1 == q && $2 == "Queue" { print $3 }' <<<"$states")"
    if [[ "$state" != RUNNING ]]; then
      [[ "$ours" == true ]] || say "queue $queue is ${state:-missing}: left as it is"
      continue
    fi
    imq "hold queue $queue" pause dst -t q -n "$queue" -pst CONSUMERS
    [[ "$ours" == true ]] || echo "$queue" >>"$(held_file)"
  done
  while true; do
    left="$(unacknowledged)" || die "could not read the queues' counts"
    if [[ "$left" == "$last" ]]; then same=$((same + 1)); else same=0 last="$left"; fi
    if [[ "$left" == 0 || "$same" -ge 3 ]]; then
      say "queues held; no delivery in flight ($left messages back in the queues at the consumers' close)"
      return 0
    fi
    if ((SECONDS - start >= seconds)); then
      say "queues held, but deliveries are still ending after $seconds s (HOLD_SECONDS)"
      return 1
    fi
    say "queues held; waiting for the deliveries in flight ($left messages out to consumers)"
    sleep 1
  done
}

release() {
  local queue released=()
  [[ -f "$(held_file)" ]] || { say "no queue held"; return 0; }
  while read -r queue; do
    [[ -n "$queue" ]] || continue
    imq "release queue $queue" resume dst -t q -n "$queue"
    released+=("$queue")
  done <"$(held_file)"
  rm -f "$(held_file)"
  say "queues released: ${released[*]:-none}"
}

main() {
  [[ $# -ge 2 ]] || usage
  load_profile "$1"
  local command="$2"
  shift 2
  case "$command" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    log) cat "$(broker_log)" ;;
    queues) imqcmd list dst -t q ;;
    pause) [[ $# -eq 1 ]] || usage; imqcmd pause dst -t q -n "$1" -pst CONSUMERS ;;
    resume) [[ $# -eq 1 ]] || usage; imqcmd resume dst -t q -n "$1" ;;
    purge) [[ $# -eq 1 ]] || usage; imqcmd purge dst -t q -n "$1" ;;
    hold) hold ;;
    release) release ;;
    *) usage ;;
  esac
}

main "$@"
