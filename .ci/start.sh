#!/usr/bin/env bash
# Starts a built Preflight jar the way bin/preflight runs it (the benchmark times this step too):
#
#   JAVA_HOME=… .ci/start.sh target/preflight-….jar [args…]
#
# - memory that fits a 512 MiB container (heap, metaspace, code cache, thread stacks);
#   PREFLIGHT_JAVA_OPTS replaces these flags (and may add -Dspring.aot.enabled=false, see below);
# - the jar extracted next to it (classes load from plain jars, which a class cache needs);
# - Spring's AOT bean definitions, generated when the jar was built (-Dspring.aot.enabled=true):
#   which beans exist was decided then, from application.yaml, so settings that add or remove
#   beans (management.server.port, spring.*.enabled …) take effect only without it;
# - a class cache recorded once per jar by a training run that creates every bean and stops
#   before anything starts (Spring's spring.context.exit=onRefresh): JDK 25 and later keep an
#   AOT cache, older ones a CDS archive. The training run connects to PostgreSQL (and migrates
#   it) as the bot would; when it fails, the bot starts without the cache.
set -euo pipefail
jar=$(realpath "$1")
shift
java=${JAVA_HOME:?JAVA_HOME must be set}/bin/java
java_opts=(-Dspring.aot.enabled=true
  ${PREFLIGHT_JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx256m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k})

app=$(dirname "$jar")/app
if [[ ! -f $app/preflight.jar || $jar -nt $app/preflight.jar ]]; then
  rm -rf "$app"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
  mv "$app/$(basename "$jar")" "$app/preflight.jar"
fi
# the JDK's major version from its release file, without starting a JVM for it
java_major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release" 2>/dev/null || true)
[[ -n $java_major ]] || java_major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if (( java_major >= 25 )); then
  cache=$app/preflight.aot; record=(-XX:AOTCacheOutput="$cache"); use=(-XX:AOTCache="$cache")
else
  cache=$app/preflight.jsa; record=(-XX:ArchiveClassesAtExit="$cache"); use=(-XX:SharedArchiveFile="$cache")
fi
if [[ ! -f $cache ]]; then
  printf '==> %s\n' "Recording the class cache for a faster start (once per build)"
  "$java" "${java_opts[@]}" "${record[@]}" -Dspring.context.exit=onRefresh -jar "$app/preflight.jar" \
    >"$app/training.log" 2>&1 \
    || { printf '==> %s\n' "No class cache (see $app/training.log); starting without it"; rm -f "$cache"; }
fi
[[ -f $cache ]] || use=()
exec "$java" "${java_opts[@]}" "${use[@]}" -jar "$app/preflight.jar" "$@"
