#!/usr/bin/env bash
# Payara Server for Runner: install, create the `runner` domain, start/stop it and configure it with
# the *.asadmin scripts beside this file. Usage: payara.sh <profile> <command> [args]; see README.md.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

POSTGRESQL_JDBC_VERSION=42.7.5 # the one pin of the JDBC driver the domain uses (parent pom pins it too)
DOMAIN=runner
SCRIPTS_DIR="$RUNNER_ROOT/server-config/payara"

usage() {
  cat >&2 <<'EOF'
usage: payara.sh <profile> <command>
  install | create | start | stop | restart | status | configure | kill (or crash)
  deploy <ear-file> [name] | undeploy [name] | asadmin <args...> | log
profile: a name in server-config/profiles (run, test) or a path to an .env file
EOF
  exit 2
}

domains_dir() { echo "$RUNNER_BASE/domains"; }
domain_dir() { echo "$RUNNER_BASE/domains/$DOMAIN"; }
asadmin_bin() { echo "$PAYARA_HOME/bin/asadmin"; }

# Local commands (create/start/stop-domain) name the domain folder; remote ones the admin port.
# TERM=dumb: without terminfo, asadmin's console library prints a warning on every call
local_asadmin() { TERM=dumb "$(asadmin_bin)" --interactive=false "$@"; }
remote_asadmin() {
  TERM=dumb "$(asadmin_bin)" --interactive=false --host 127.0.0.1 --port "$PAYARA_ADMIN_PORT" --user admin "$@"
}

install() {
  if [[ -x "$(asadmin_bin)" ]]; then return 0; fi
  local zip parent unpack
  zip="$(maven_artifact fish.payara.distributions payara "$PAYARA_VERSION" zip)"
  parent="$(dirname "$PAYARA_HOME")"
  mkdir -p "$parent"
  unpack="$(mktemp -d "$parent/.payara-unzip.XXXXXX")"
  say "unzipping Payara $PAYARA_VERSION into $PAYARA_HOME"
  unzip -q "$zip" -d "$unpack"
  # the zip holds one top folder (payara6); a rename makes a half-finished unzip invisible, and
  # a profile that installed meanwhile (PAYARA_HOME is shared) wins
  if [[ -e "$PAYARA_HOME" ]]; then rm -rf "$unpack"; return 0; fi
  mv "$unpack"/payara* "$PAYARA_HOME"
  rmdir "$unpack"
  # the stock domain1 is never used; removing it avoids confusion with the runner domain
  rm -rf "$PAYARA_HOME/glassfish/domains/domain1"
}

jdbc_driver() { maven_artifact org.postgresql postgresql "$POSTGRESQL_JDBC_VERSION" jar; }

# server_config_port <pattern>: the port="N" or value="N" of the first line of the server-config
# section of domain.xml that matches <pattern>.
server_config_port() {
  awk '/<config name="server-config">/,/<\/config>/' "$(domain_dir)/config/domain.xml" \
    | grep -m1 -E "$1" | grep -oE '(port|value)="[0-9]+"' | grep -oE '[0-9]+' || true
}

check_ports() {
  local admin http jms
  admin="$(server_config_port '<network-listener .*name="admin-listener"')"
  http="$(server_config_port '<network-listener .*name="http-listener-1"')"
  jms="$(server_config_port '<system-property name="JMS_PROVIDER_PORT"')"
  [[ "$admin" == "$PAYARA_ADMIN_PORT" && "$http" == "$PAYARA_HTTP_PORT" && "$jms" == "$PAYARA_JMS_PORT" ]] \
    || die "domain ports admin=$admin http=$http jms=$jms differ from the profile's $PAYARA_ADMIN_PORT/$PAYARA_HTTP_PORT/$PAYARA_JMS_PORT (PAYARA_PORTBASE=$PAYARA_PORTBASE)"
}

create() {
  install
  if [[ ! -f "$(domain_dir)/config/domain.xml" ]]; then
    say "creating domain $DOMAIN in $(domains_dir) (portbase $PAYARA_PORTBASE)"
    mkdir -p "$(domains_dir)"
    local_asadmin create-domain --domaindir "$(domains_dir)" --portbase "$PAYARA_PORTBASE" \
      --nopassword=true "$DOMAIN" >"$RUNNER_BASE/create-domain.log" 2>&1 \
      || { cat "$RUNNER_BASE/create-domain.log" >&2; die "create-domain failed"; }
    remote_jms_service
  fi
  check_ports
  mkdir -p "$RUNNER_BASE/tmp" # the domain's java.io.tmpdir (40-runtime.asadmin)
  cp -u "$(jdbc_driver)" "$(domain_dir)/lib/"
}

running() { port_open "$PAYARA_ADMIN_PORT" && local_asadmin list-domains --domaindir "$(domains_dir)" 2>/dev/null | grep -q "^$DOMAIN running"; }

# remote_jms_service: JMS goes to the broker openmq.sh runs (REMOTE). Written into the new domain's
# server-config before its first start, because with the implicit EMBEDDED default the server binds
# the JMS port itself at start (a lazy broker listener) and collides with that broker. 20-jms.asadmin
# sets the same values on domains made before.
remote_jms_service() {
  local xml
  xml="$(domain_dir)/config/domain.xml"
  awk '
    /<config name="server-config">/ { inside = 1 }
    inside && /<jms-service/ { present = 1 }
    inside && /^ *<\/config>/ {
      if (!present) {
        print "      <jms-service addresslist-behavior=\"priority\" default-jms-host=\"default_JMS_host\" type=\"REMOTE\">"
        print "        <jms-host port=\"${JMS_PROVIDER_PORT}\" host=\"127.0.0.1\" name=\"default_JMS_host\"></jms-host>"
        print "      </jms-service>"
      }
      inside = 0
    }
    { print }
  ' "$xml" >"$xml.new"
  mv "$xml.new" "$xml"
}

start_domain() {
  if running; then say "domain $DOMAIN already running"; return 0; fi
  say "starting domain $DOMAIN (admin $PAYARA_ADMIN_PORT, http $PAYARA_HTTP_PORT)"
  # output to a file: the server inherits it, and a pipe reader would wait for the server to end
  local_asadmin start-domain --domaindir "$(domains_dir)" "$DOMAIN" >"$RUNNER_BASE/start-domain.log" 2>&1 \
    || { cat "$RUNNER_BASE/start-domain.log" >&2; die "start-domain failed; see $(domain_dir)/logs/server.log"; }
  remember_started_config
}

stop() {
  if [[ ! -f "$(domain_dir)/config/domain.xml" ]] || ! running; then
    say "domain $DOMAIN not running"
  else
    say "stopping domain $DOMAIN"
    local_asadmin stop-domain --domaindir "$(domains_dir)" "$DOMAIN" >/dev/null
  fi
  # a server whose start failed half-way can be alive without answering asadmin: end it too
  local leftover
  leftover="$(pgrep -f -- "-Dcom.sun.aas.instanceRoot=$(domain_dir)( |$)" || true)"
  if [[ -n "$leftover" ]]; then
    say "killing a domain JVM that did not stop (pid $(echo $leftover))"
    # shellcheck disable=SC2086
    kill -9 $leftover 2>/dev/null || true
  fi
}

status() {
  if [[ -f "$(domain_dir)/config/domain.xml" ]] && running; then
    echo "payara: running (domain $(domain_dir), admin http://127.0.0.1:$PAYARA_ADMIN_PORT, http http://127.0.0.1:$PAYARA_HTTP_PORT)"
  else
    echo "payara: stopped"
    return 3
  fi
}

# Variables the *.asadmin files may use: those the profile files define, plus RUNNER_ROOT.
known_variables() {
  { echo RUNNER_ROOT
    grep -hoE '^[A-Z_][A-Z0-9_]*=' "$RUNNER_ROOT/server-config/profiles/common.env" "$RUNNER_PROFILE_FILE" | tr -d '='
  } | sort -u | sed 's/.*/${&}/' | tr '\n' ' '
}

render() { # render <file.asadmin> <out>: substitutes ${VAR} from the profile; unknown ones are errors
  envsubst "$(known_variables)" <"$1" >"$2"
  if grep -nE '\$\{[A-Za-z_]+\}' "$2" >&2; then die "$1: unknown variable(s) above"; fi
}

# apply_script <file.asadmin>: runs the rendered file in one multimode session. create-* commands
# fail when their object exists; those failures are expected on a second run and are accepted.
# Any other failure fails the configure step.
apply_script() {
  local file="$1" rendered out
  rendered="$RUNNER_BASE/asadmin/$(basename "$file")"
  out="$rendered.out"
  mkdir -p "$RUNNER_BASE/asadmin"
  render "$file" "$rendered"
  drop_existing_jmsdests "$rendered"
  say "applying $(basename "$file")"
  remote_asadmin multimode --printprompt=false --file "$rendered" >"$out" 2>&1 || true
  check_output "$out" || die "$(basename "$file") failed; full output in $out"
}

# drop_existing_jmsdests <rendered>: create-jmsdest on an existing destination fails with a message
# that does not say why ("Unable to create JMS Destination"), so such lines are left out instead.
drop_existing_jmsdests() {
  grep -q '^create-jmsdest ' "$1" || return 0
  local existing
  existing="$(remote_asadmin list-jmsdest 2>/dev/null | grep -v '^Command \|^Unable to retrieve infocmp' || true)"
  awk -v existing="$existing" '
    BEGIN { n = split(existing, names, "\n"); for (i = 1; i <= n; i++) have[names[i]] = 1 }
    /^create-jmsdest / && ($NF in have) { next }
    { print }
  ' "$1" >"$1.tmp"
  mv "$1.tmp" "$1"
}

# check_output <out>: multimode prints each command's messages, then "Command <name> executed
# successfully." or "Command <name> failed."; a failure passes only if its messages say the object
# already exists. Also fails when no command ran at all (a multimode usage error).
check_output() {
  awk '
    /^Command multimode /                 { next }
    /^Unable to retrieve infocmp/          { next }
    /^Command [^ ]+ executed successfully/ { block = ""; done++; next }
    /^Command [^ ]+ failed/ {
      done++
      if (block !~ /already exists|already present|already defined|is already used/) {
        printf "%s%s\n", block, $0 > "/dev/stderr"; bad = 1
      }
      block = ""; next
    }
    { block = block $0 "\n" }
    END { if (!done) { printf "%s", block > "/dev/stderr"; bad = 1 } exit bad }
  ' "$1"
}

# domain_xml_sum: a checksum of domain.xml with each element's attributes sorted, because Payara
# rewrites the file on every `set` with the attributes in a different order.
domain_xml_sum() {
  perl -pe 's{<([\w-]+)((?:\s+[\w.:-]+="[^"]*")+)(\s*/?>)}{"<$1 " . join(" ", sort($2 =~ /([\w.:-]+="[^"]*")/g)) . $3}ge' \
    "$(domain_dir)/config/domain.xml" | md5sum | cut -d' ' -f1
}
started_sum_file() { echo "$RUNNER_BASE/asadmin/started-domain.sum"; }
remember_started_config() { mkdir -p "$RUNNER_BASE/asadmin"; domain_xml_sum >"$(started_sum_file)"; }

restart_required() { remote_asadmin _get-restart-required 2>/dev/null | grep -qi true; }

configure() {
  running || die "domain $DOMAIN is not running (payara.sh <profile> start)"
  local before file
  before="$(domain_xml_sum)"
  for file in "$SCRIPTS_DIR"/*.asadmin; do
    apply_script "$file"
  done
  if [[ "$(domain_xml_sum)" == "$before" ]]; then say "configuration unchanged"; else say "configuration changed"; fi
}

start() {
  create
  start_domain
  configure
  # Some set-* commands say "restart required" even when they change nothing, so a restart also
  # needs the configuration to differ from the one the server started with.
  if [[ "$(domain_xml_sum)" != "$(cat "$(started_sum_file)" 2>/dev/null)" ]] && restart_required; then
    say "restarting: a configuration change needs it"
    restart
  fi
  ping_pools
  say "payara ready: http://127.0.0.1:$PAYARA_HTTP_PORT (admin http://127.0.0.1:$PAYARA_ADMIN_PORT)"
}

# ping_pools: a warning, not a failure, when PostgreSQL is not up (payara.sh can run without it).
ping_pools() {
  local pool
  for pool in runner-primary runner-replica; do
    if remote_asadmin ping-connection-pool "$pool" >/dev/null 2>&1; then
      say "pool $pool: ping ok"
    else
      say "WARNING: pool $pool does not answer a ping (is PostgreSQL running on $PG_PRIMARY_PORT/$PG_REPLICA_PORT?)"
    fi
  done
}

restart() {
  running || { start_domain; return 0; }
  say "restarting domain $DOMAIN"
  local_asadmin restart-domain --domaindir "$(domains_dir)" "$DOMAIN" >"$RUNNER_BASE/start-domain.log" 2>&1 \
    || { cat "$RUNNER_BASE/start-domain.log" >&2; die "restart-domain failed; see $(domain_dir)/logs/server.log"; }
  remember_started_config
}

# kill: ends the server's JVM with SIGKILL, as a crash would (crash drills and tests). The next
# `start` brings it back; the transaction service recovers in-doubt transactions at start
# (automatic-recovery, 40-runtime.asadmin).
crash() {
  local pid_file pid
  pid_file="$(domain_dir)/config/pid"
  [[ -f "$pid_file" ]] || die "no pid file $pid_file: domain $DOMAIN is not running"
  pid="$(cat "$pid_file")"
  kill -0 "$pid" 2>/dev/null || die "domain $DOMAIN (pid $pid) is not running"
  say "killing domain $DOMAIN (pid $pid) with SIGKILL"
  kill -9 "$pid"
  local i
  for ((i = 0; i < 40; i++)); do
    kill -0 "$pid" 2>/dev/null || { say "domain $DOMAIN killed"; return 0; }
    sleep 0.25
  done
  die "pid $pid still alive after SIGKILL"
}

deploy() {
  local ear="${1:-}" name="${2:-$DOMAIN}"
  [[ -f "$ear" ]] || die "deploy: no such file '$ear'"
  running || die "domain $DOMAIN is not running"
  say "deploying $ear as $name"
  remote_asadmin deploy --force=true --name "$name" "$ear"
}

undeploy() {
  local name="${1:-$DOMAIN}"
  running || die "domain $DOMAIN is not running"
  if remote_asadmin list-applications --long=false 2>/dev/null | grep -q "^$name "; then
    remote_asadmin undeploy "$name"
  else
    say "$name is not deployed"
  fi
}

# held <strict|lenient> <command...>: runs the command with the application's queues held back
# from their consumers at the project's broker once no delivery is in flight (openmq.sh hold), and
# releases them after it, also when it fails. An undeploy or a stop in the middle of deliveries
# breaks them (README, known issues). strict: a deploy or undeploy does not start while deliveries
# are still in flight after HOLD_SECONDS; lenient: a stop or restart goes on anyway. Without a
# running domain or the project's broker (a domain of its own, README) the command just runs.
held() {
  local mode="$1"
  shift
  if ! running || ! openmq status >/dev/null 2>&1; then
    "$@"
    return
  fi
  trap 'openmq release' EXIT
  if ! openmq hold; then
    [[ "$mode" == strict ]] && die "not going on while deliveries are in flight: try again, or raise HOLD_SECONDS"
    say "WARNING: going on; the deliveries still in flight may be cut short"
  fi
  "$@"
}

openmq() { "$RUNNER_ROOT/server-config/openmq/openmq.sh" "$RUNNER_PROFILE_FILE" "$@"; }

main() {
  [[ $# -ge 2 ]] || usage
  load_profile "$1"
  local command="$2"
  shift 2
  case "$command" in
    install) install; jdbc_driver >/dev/null ;;
    create) create ;;
    start) start ;;
    stop) held lenient stop ;;
    restart) create; held lenient restart ;;
    crash) crash ;;
    status) status ;;
    configure) configure ;;
    kill) crash ;;
    deploy) held strict deploy "$@" ;;
    undeploy) held strict undeploy "$@" ;;
    asadmin) remote_asadmin "$@" ;;
    log) echo "$(domain_dir)/logs/server.log" ;;
    *) usage ;;
  esac
}

main "$@"
