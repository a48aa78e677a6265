#!/usr/bin/env bash
# eMAG Marketplace simulator for Runner: simulator/target/simulator.war on Payara Micro, loopback
# only, state in memory. API base URL http://127.0.0.1:$SIMULATOR_PORT/simulator/api-3, controls
# (faults, report, settings, new orders) under /simulator/admin. Settings come from the profile's
# SIM_* variables (see simulator/src/main/java/ro/runner/simulator/Settings.java).
# Usage: simulator.sh <profile> start|stop|status|report
set -euo pipefail
# shellcheck source=../payara/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../payara/lib.sh"

usage() {
  cat >&2 <<'EOF2'
usage: simulator.sh <profile> <command>
  start | stop | status | report
profile: a name in server-config/profiles (run, test) or a path to an .env file
EOF2
  exit 2
}

sim_dir() { echo "$RUNNER_BASE/simulator"; }
pid_file() { echo "$(sim_dir)/simulator.pid"; }
base() { echo "http://127.0.0.1:$SIMULATOR_PORT/simulator"; }
war() { echo "$RUNNER_ROOT/simulator/target/simulator.war"; }

running() { [[ -f "$(pid_file)" ]] && kill -0 "$(cat "$(pid_file)")" 2>/dev/null; }
ready() { curl -fsS "$(base)/admin/health" >/dev/null 2>&1; }

start() {
  if running; then say "simulator already running (pid $(cat "$(pid_file)"))"; return 0; fi
  [[ -f "$(war)" ]] || die "$(war) missing: build first (./mvnw -o package -DskipTests)"
  port_open "$SIMULATOR_PORT" && die "port $SIMULATOR_PORT is taken by another process"
  local jar
  jar="$(maven_artifact fish.payara.extras payara-micro "$PAYARA_VERSION" jar)"
  mkdir -p "$(sim_dir)"
  say "starting eMAG simulator: $(base)/api-3"
  # --nocluster: no Hazelcast, so it never joins the Payara server's cluster on the same machine
  nohup java -Xmx384m -jar "$jar" --deploy "$(war)" --port "$SIMULATOR_PORT" --nocluster \
    --rootdir "$(sim_dir)/micro" >"$(sim_dir)/simulator.log" 2>&1 </dev/null &
  echo $! >"$(pid_file)"
  await_started "simulator" 120 "$(sim_dir)/simulator.log"
  say "simulator ready (pid $(cat "$(pid_file)"))"
}

stop() { stop_pid simulator "$(pid_file)"; }

status() {
  if running && ready; then
    echo "simulator: running (pid $(cat "$(pid_file)"), api $(base)/api-3)"
  else
    echo "simulator: stopped"
    return 3
  fi
}

report() {
  ready || die "simulator is not running"
  curl -fsS "$(base)/admin/report"
  echo
}

main() {
  [[ $# -ge 2 ]] || usage
  load_profile "$1"
  case "$2" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    report) report ;;
    *) usage ;;
  esac
}

main "$@"
