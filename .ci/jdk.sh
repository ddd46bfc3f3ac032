#!/usr/bin/env bash
# Sourced by .ci/run and bin/preflight: picks a JDK >= 21 (JAVA_HOME, PATH, /usr/lib/jvm/*, else
# Debian's packages) and exports JAVA_HOME and PATH. Defines say/die for its callers.

MIN_JAVA=21

say() { printf '==> %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    return 1
  fi
}

# Major version of a java binary ("1.8.0_392" -> 8, "21.0.5" -> 21, "25-ea" -> 25); empty if it does not run.
java_major() {
  local v
  v=$("$1" -version 2>&1 | awk -F'"' '/version "/ {print $2; exit}') || true
  [[ -n $v ]] || return 0
  [[ $v == 1.* ]] && v=${v#1.}
  printf '%s' "${v%%[!0-9]*}"
}

# A JDK home (with javac) whose java is >= MIN_JAVA; prints "major home".
usable_jdk() {
  local home=$1 major
  [[ -x $home/bin/java && -x $home/bin/javac ]] || return 1
  major=$(java_major "$home/bin/java")
  [[ -n $major ]] && ((major >= MIN_JAVA)) || return 1
  printf '%s %s\n' "$major" "$home"
}

# The lowest JDK >= MIN_JAVA under /usr/lib/jvm (closest to the Java 21 the app targets).
find_installed_jdk() {
  local d
  for d in /usr/lib/jvm/*/; do
    usable_jdk "$(readlink -f "$d")" || true   # resolved: aliases such as java-1.17.0-openjdk-amd64
  done | sort -u | sort -n -k1,1 | head -n 1
}

install_jdk_from_apt() {
  command -v apt-get >/dev/null || return 1
  as_root true || { say "not root and no passwordless sudo: cannot install a JDK"; return 1; }
  say "No JDK >= $MIN_JAVA installed; looking in Debian's packages"
  as_root apt-get update -qq || return 1
  local pkg candidate
  for pkg in openjdk-21-jdk-headless openjdk-25-jdk-headless temurin-21-jdk temurin-25-jdk; do
    candidate=$(apt-cache policy "$pkg" 2>/dev/null | awk '/Candidate:/ {print $2; exit}')
    if [[ -n $candidate && $candidate != "(none)" ]]; then
      say "Installing $pkg ($candidate)"
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null
      return 0
    fi
  done
  say "apt has no JDK >= $MIN_JAVA (looked for openjdk-21/25-jdk-headless, temurin-21/25-jdk)"
  return 1
}

pick_jdk() {
  local found=""
  if [[ -n ${JAVA_HOME:-} ]]; then
    found=$(usable_jdk "$JAVA_HOME") || say "JAVA_HOME=$JAVA_HOME is not a JDK >= $MIN_JAVA; looking elsewhere"
  fi
  if [[ -z $found ]] && command -v javac >/dev/null; then
    found=$(usable_jdk "$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")") || true
  fi
  [[ -n $found ]] || found=$(find_installed_jdk)
  if [[ -z $found ]] && install_jdk_from_apt; then
    found=$(find_installed_jdk)
  fi
  [[ -n $found ]] || die "no JDK >= $MIN_JAVA found (JAVA_HOME, PATH, /usr/lib/jvm/*, Debian packages). Install one (e.g. Temurin 21) and set JAVA_HOME."
  JAVA_HOME=${found#* }
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
  say "JDK: $JAVA_HOME ($("$JAVA_HOME/bin/java" -version 2>&1 | grep -m 1 ' version "'))"
}

pick_jdk
