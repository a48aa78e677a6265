# Shared by payara.sh, smtp/smtp.sh and stack.sh: profile loading, logging, Maven artifacts.
# Sourced, never run. Callers use `set -euo pipefail`.

RUNNER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export RUNNER_ROOT

die() { echo "ERROR: $*" >&2; exit 1; }
say() { echo "[$(date +%H:%M:%S)] $*"; }

# load_profile NAME|PATH: common.env, then the profile (a name in server-config/profiles or a path
# to an .env file); every variable is exported so envsubst and child scripts see it.
load_profile() {
  local profile="${1:-}" file
  [[ -n "$profile" ]] || die "profile missing: give a name in server-config/profiles (run, test) or a path to an .env file"
  if [[ -f "$profile" ]]; then
    file="$(cd "$(dirname "$profile")" && pwd)/$(basename "$profile")"
  else
    file="$RUNNER_ROOT/server-config/profiles/$profile.env"
    [[ -f "$file" ]] || die "no profile '$profile' (neither a file nor $file)"
  fi
  set -a
  # shellcheck disable=SC1091
  source "$RUNNER_ROOT/server-config/profiles/common.env"
  # shellcheck disable=SC1090
  source "$file"
  set +a
  RUNNER_PROFILE_FILE="$file"
  export RUNNER_PROFILE_FILE
}

# maven_artifact GROUP ARTIFACT VERSION [TYPE]: prints the path of the artifact in the local Maven
# repository (MAVEN_REPO, default ~/.m2/repository), fetching it from Maven Central when missing.
maven_artifact() {
  local group="$1" artifact="$2" version="$3" type="${4:-jar}" repo file empty
  repo="${MAVEN_REPO:-$HOME/.m2/repository}"
  file="$repo/${group//.//}/$artifact/$version/$artifact-$version.$type"
  if [[ ! -f "$file" ]]; then
    say "fetching $group:$artifact:$version:$type into $repo" >&2
    # from an empty folder, so Maven does not load the project's poms for a plain download
    empty="$(mktemp -d)"
    (cd "$empty" && "$RUNNER_ROOT/mvnw" -q -Dmaven.repo.local="$repo" \
      dependency:get -Dartifact="$group:$artifact:$version:$type" -Dtransitive=false) >&2 \
      || { rmdir "$empty"; die "could not fetch $group:$artifact:$version:$type"; }
    rmdir "$empty"
    [[ -f "$file" ]] || die "fetched $group:$artifact:$version but $file is not there"
  fi
  echo "$file"
}

# port_open PORT: true when something listens on 127.0.0.1:PORT.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# await_started WHAT SECONDS LOG: after a background start, polls the caller's ready() every second
# until it answers; fails at once, with the end of LOG, when the caller's running() says the process
# has exited.
await_started() {
  local what="$1" seconds="$2" log="$3" i
  for ((i = 0; i < seconds; i++)); do
    ready && return 0
    running || { tail -20 "$log" >&2; die "$what exited; log: $log"; }
    sleep 1
  done
  die "$what not ready after ${seconds}s; log: $log"
}

# stop_pid WHAT PID_FILE: SIGTERM to the process the file names, SIGKILL if it is still there after
# 10 s; the file is removed either way.
stop_pid() {
  local what="$1" pid_file="$2" pid i
  if [[ ! -f "$pid_file" ]] || ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    say "$what not running"
    rm -f "$pid_file"
    return 0
  fi
  pid="$(cat "$pid_file")"
  say "stopping $what (pid $pid)"
  kill "$pid"
  for ((i = 0; i < 20; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$pid_file"
}
