#!/usr/bin/env bash
# Build-time step of docker/payara/Dockerfile: applies server-config/payara/*.asadmin (copied to
# $RUNNER_BASE/asadmin) to the image's domain, the way `payara.sh <profile> configure` applies them to
# a local domain: start the domain, run each rendered script with `asadmin multimode`, stop it.
# Settings that need a restart (JVM options, timer data source, Hazelcast) are thus in domain.xml
# before the container's first boot.
#
# Rendering = payara.sh's envsubst of ${VAR} (values from the Dockerfile's ENV), plus, for the
# compose network, before it:
#   - 127.0.0.1 of the primary pool          -> primary
#   - 127.0.0.1\\:${PG_REPLICA_PORT} / ${PG_REPLICA2_PORT} / ${PG_PRIMARY_PORT} (replica pool URL)
#     -> replica1 / replica2 / primary
#   - --mailhost 127.0.0.1                    -> --mailhost smtp
#   - delete-jvm-options -Xmx/-Xms lines are dropped: the image has no -Xmx512m (it sizes the heap
#     with -XX:MaxRAMPercentage); create-jvm-options -Xmx1g is kept and takes precedence.
# Any 127.0.0.1 or ${VAR} left after rendering fails the build, so a change in the scripts that
# this step does not know about is seen at once instead of pointing the container at itself.
set -euo pipefail

SRC="$RUNNER_BASE/asadmin"
OUT="$(mktemp -d)"
asadmin() { "$PAYARA_DIR/bin/asadmin" --interactive=false --user="$ADMIN_USER" --passwordfile="$PASSWORD_FILE" "$@"; }
die() { echo "configure.sh: $*" >&2; exit 1; }

render() { # render <file.asadmin> <out>
  local vars
  vars="$(compgen -e | sed 's/.*/${&}/' | tr '\n' ' ')" # only exported variables are substituted
  sed -e 's/127\.0\.0\.1\(\\\\:\)\${PG_REPLICA_PORT}/replica1\1${PG_REPLICA_PORT}/g' \
      -e 's/127\.0\.0\.1\(\\\\:\)\${PG_REPLICA2_PORT}/replica2\1${PG_REPLICA2_PORT}/g' \
      -e 's/127\.0\.0\.1\(\\\\:\)\${PG_PRIMARY_PORT}/primary\1${PG_PRIMARY_PORT}/g' \
      -e 's/serverName=127\.0\.0\.1:portNumber=/serverName=primary:portNumber=/g' \
      -e 's/--mailhost 127\.0\.0\.1/--mailhost smtp/g' \
      -e '/^delete-jvm-options -Xm[sx]/d' \
      "$1" | envsubst "$vars" >"$2"
  if grep -nE '\$\{[A-Za-z_][A-Za-z0-9_]*\}|127\.0\.0\.1|localhost:' "$2" | grep -v '^[0-9]*:#' >&2; then
    die "$(basename "$1"): unknown variable or loopback host left above (update docker/payara/configure.sh)"
  fi
}

# check <output>: every command of the multimode session succeeded
check() {
  if grep -E '^Command [^ ]+ failed' "$1" >/dev/null || ! grep -qE '^Command [^ ]+ executed successfully' "$1"; then
    cat "$1" >&2
    return 1
  fi
}

asadmin start-domain "$DOMAIN_NAME"
status=0
for file in "$SRC"/*.asadmin; do
  name="$(basename "$file")"
  render "$file" "$OUT/$name" || { status=1; break; }
  echo "configure.sh: applying $name"
  asadmin multimode --printprompt=false --file "$OUT/$name" >"$OUT/$name.out" 2>&1 || true
  check "$OUT/$name.out" || { echo "configure.sh: $name failed" >&2; status=1; break; }
done
asadmin stop-domain "$DOMAIN_NAME"
# as the image's own Dockerfile does after configuring the domain
rm -rf "$OUT" "$PAYARA_DIR/glassfish/domains/$DOMAIN_NAME/osgi-cache" "$PAYARA_DIR/glassfish/domains/$DOMAIN_NAME/logs"
exit "$status"
