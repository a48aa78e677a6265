#!/usr/bin/env bash
# SMTP sink for Runner: GreenMail standalone on loopback. Accepts every sender and recipient over
# SMTP (SMTP_PORT), keeps the mails in memory, shows them over IMAP (IMAP_PORT) and a REST API
# (SMTP_API_PORT). Usage: smtp.sh <profile> start|stop|status|purge|messages [email]
set -euo pipefail
# shellcheck source=../payara/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../payara/lib.sh"

GREENMAIL_VERSION=2.1.13

usage() {
  cat >&2 <<'EOF'
usage: smtp.sh <profile> <command>
  start | stop | status | purge | messages [email]
profile: a name in server-config/profiles (run, test) or a path to an .env file
EOF
  exit 2
}

smtp_dir() { echo "$RUNNER_BASE/smtp"; }
pid_file() { echo "$(smtp_dir)/greenmail.pid"; }
api() { echo "http://127.0.0.1:$SMTP_API_PORT/api"; }

running() { [[ -f "$(pid_file)" ]] && kill -0 "$(cat "$(pid_file)")" 2>/dev/null; }
ready() { curl -fsS "$(api)/service/readiness" >/dev/null 2>&1; }

start() {
  if running; then say "smtp sink already running (pid $(cat "$(pid_file)"))"; return 0; fi
  local jar port
  for port in "$SMTP_PORT" "$IMAP_PORT" "$SMTP_API_PORT"; do
    port_open "$port" && die "port $port is taken by another process"
  done
  jar="$(maven_artifact com.icegreen greenmail-standalone "$GREENMAIL_VERSION" jar)"
  mkdir -p "$(smtp_dir)"
  say "starting smtp sink: smtp 127.0.0.1:$SMTP_PORT, imap $IMAP_PORT, api $(api)"
  # auth.disabled: any login and any recipient is accepted and gets a mailbox on first mail. No
  # greenmail.verbose: GreenMail turns verbose on when the property exists, whatever its value
  # ("false" included), and then logs every SMTP line (a 28 KB mail is ~400 lines) to its log file.
  # 1 GiB: the sink keeps every mail in memory, and a benchmark sends tens of thousands with their
  # PDFs (256 MiB ran out after about 20,000 and the sink died); the benchmarks purge it too.
  nohup java -Xmx1g \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$IMAP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$SMTP_API_PORT" \
    -Dgreenmail.auth.disabled \
    -jar "$jar" >"$(smtp_dir)/greenmail.log" 2>&1 </dev/null &
  echo $! >"$(pid_file)"
  await_started "smtp sink" 60 "$(smtp_dir)/greenmail.log"
  say "smtp sink ready (pid $(cat "$(pid_file)"))"
}

stop() { stop_pid "smtp sink" "$(pid_file)"; }

status() {
  if running && ready; then
    echo "smtp: running (pid $(cat "$(pid_file)"), smtp 127.0.0.1:$SMTP_PORT, imap $IMAP_PORT, api $(api))"
  else
    echo "smtp: stopped"
    return 3
  fi
}

purge() {
  ready || die "smtp sink is not running"
  curl -fsS -X POST "$(api)/mail/purge" >/dev/null
  say "all mails deleted"
}

# messages [email]: every mailbox (or one) with its mails as JSON lines:
# {"to":…,"uid":…,"Message-ID":…,"subject":…,"contentType":…,"mimeMessage":…} (raw JSON arrays without jq)
messages() {
  ready || die "smtp sink is not running"
  local users email
  if [[ $# -gt 0 ]]; then
    users="$1"
  else
    users="$(curl -fsS "$(api)/user" | grep -oE '"email" *: *"[^"]*"' | sed -E 's/.*"([^"]*)"$/\1/')"
  fi
  for email in $users; do
    curl -fsS "$(api)/user/$email/messages/INBOX" | to_lines "$email"
  done
}

# to_lines <email>: the API's JSON array as one object per line, each with the mailbox added.
to_lines() {
  if command -v jq >/dev/null; then
    jq -c --arg to "$1" '.[] | {to: $to} + .'
  else
    cat
    echo
  fi
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
    purge) purge ;;
    messages) messages "$@" ;;
    *) usage ;;
  esac
}

main "$@"
