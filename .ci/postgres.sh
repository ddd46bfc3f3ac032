#!/usr/bin/env bash
# Makes sure a PostgreSQL >= 14 answers on 127.0.0.1:5432 with the role `preflight`
# (password `preflight`) and the databases `preflight` and `preflight_test` it owns.
#
#   bash .ci/postgres.sh
#
# Order of attempts: a server already listening is used as it is; else the local Debian
# cluster is started; else Debian's `postgresql` package is installed and started.
# Creating the role and databases needs a superuser: the `postgres` OS user (as root,
# or through passwordless sudo), or a TCP login as `postgres` (trust auth).
# Safe to run any number of times. Debian/Ubuntu only for the start/install part.
set -euo pipefail

PG_HOST=127.0.0.1
PG_PORT=5432
PG_MIN_VERSION_NUM=140000
APP_ROLE=preflight
APP_PASSWORD=preflight
APP_DATABASES=(preflight preflight_test)

say() { printf '==> %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    die "need root (or passwordless sudo) to run: $*"
  fi
}

pg_ready() {
  if command -v pg_isready >/dev/null; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT"
  else
    (exec 3<>"/dev/tcp/$PG_HOST/$PG_PORT") 2>/dev/null
  fi
}

wait_ready() {
  for _ in $(seq 1 60); do
    pg_ready && return 0
    sleep 1
  done
  return 1
}

# Newest installed server version, e.g. "15"; empty when none is installed.
installed_server_version() {
  local d
  for d in /usr/lib/postgresql/*/bin/postgres; do
    [[ -x $d ]] && basename "$(dirname "$(dirname "$d")")"
  done | sort -V | tail -n 1
}

# "<version> <name>" of the cluster configured on our port, else the newest cluster.
pick_cluster() {
  command -v pg_lsclusters >/dev/null || return 0
  local c
  c=$(pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p {print $1, $2}' | sort -V | tail -n 1)
  [[ -n $c ]] || c=$(pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | sort -V | tail -n 1)
  printf '%s' "$c"
}

start_cluster() {
  local cluster version name
  cluster=$(pick_cluster)
  if [[ -z $cluster ]]; then
    version=$(installed_server_version)
    [[ -n $version ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
    say "Creating PostgreSQL $version cluster 'main' on port $PG_PORT"
    as_root pg_createcluster "$version" main --port "$PG_PORT" >/dev/null
    cluster="$version main"
  fi
  read -r version name <<<"$cluster"
  say "Starting PostgreSQL cluster $version/$name"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start \
    || say "pg_ctlcluster start returned non-zero (it may be starting already); waiting"
}

install_postgresql() {
  command -v apt-get >/dev/null || die "PostgreSQL is not installed and apt-get is unavailable: install PostgreSQL >= 14 and make it listen on $PG_HOST:$PG_PORT"
  say "Installing PostgreSQL from Debian packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

ensure_running() {
  if pg_ready; then
    say "PostgreSQL already listening on $PG_HOST:$PG_PORT"
    return
  fi
  if [[ -z $(installed_server_version) ]] || ! command -v pg_ctlcluster >/dev/null; then
    install_postgresql
  fi
  # The package's own start may already have brought it up.
  pg_ready || start_cluster
  wait_ready || die "PostgreSQL did not accept connections on $PG_HOST:$PG_PORT within 60 s (see /var/log/postgresql/)"
}

# Runs psql as a superuser; sets ADMIN_PSQL to the first way that works.
ADMIN_PSQL=()
find_admin() {
  local candidates=()
  if [[ $(id -u) -eq 0 ]] && id postgres >/dev/null 2>&1; then
    candidates+=("runuser -u postgres -- psql -p $PG_PORT")
  elif [[ $(id -un) == postgres ]]; then
    candidates+=("psql -p $PG_PORT")
  elif id postgres >/dev/null 2>&1 && command -v sudo >/dev/null && sudo -n -u postgres true 2>/dev/null; then
    candidates+=("sudo -n -u postgres psql -p $PG_PORT")
  fi
  candidates+=("psql -h $PG_HOST -p $PG_PORT -U postgres -w")
  local c
  for c in "${candidates[@]}"; do
    # shellcheck disable=SC2206
    local cmd=($c)
    if (cd / && "${cmd[@]}" -X -q -d postgres -tAc 'select 1') >/dev/null 2>&1; then
      ADMIN_PSQL=("${cmd[@]}" -X -q -v ON_ERROR_STOP=1 -d postgres)
      return 0
    fi
  done
  return 1
}

# From / so that psql run as the postgres user does not warn about an unreadable cwd.
admin_psql() { (cd / && "${ADMIN_PSQL[@]}" "$@"); }

app_psql() {
  PGPASSWORD=$APP_PASSWORD psql -X -q -w -h "$1" -p "$PG_PORT" -U "$APP_ROLE" -d "$2" -tAc 'select 1' >/dev/null 2>&1
}

app_login_works() {
  local db
  for db in "${APP_DATABASES[@]}"; do
    app_psql "$PG_HOST" "$db" || return 1
  done
}

# Lets the app role log in over TCP with its password when pg_hba.conf does not (peer,
# ident or reject rules for 127.0.0.1). Rules are read top-down, so ours go first.
allow_password_login() {
  local hba
  hba=$(admin_psql -tAc 'show hba_file') || return 1
  [[ -n $hba ]] || return 1
  if as_root grep -Eq "^host[[:space:]]+all[[:space:]]+${APP_ROLE}[[:space:]]+127\.0\.0\.1/32[[:space:]]+scram-sha-256" "$hba" 2>/dev/null; then
    return 1
  fi
  say "Adding password (scram-sha-256) login for $APP_ROLE on 127.0.0.1 and ::1 to $hba"
  local tmp
  tmp=$(mktemp)
  {
    printf '# added by preflight .ci/postgres.sh\n'
    printf 'host all %s 127.0.0.1/32 scram-sha-256\n' "$APP_ROLE"
    printf 'host all %s ::1/128 scram-sha-256\n' "$APP_ROLE"
    as_root cat "$hba"
  } >"$tmp"
  as_root cp "$tmp" "$hba"
  rm -f "$tmp"
  admin_psql -tAc 'select pg_reload_conf()' >/dev/null
}

create_role_and_databases() {
  admin_psql <<SQL
SET client_min_messages = warning;
DO \$\$
BEGIN
  -- An existing role is someone's: its password and rights are left as they are.
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$APP_ROLE') THEN
    CREATE ROLE $APP_ROLE LOGIN CREATEDB PASSWORD '$APP_PASSWORD';
  END IF;
END
\$\$;
SQL
  local db
  for db in "${APP_DATABASES[@]}"; do
    admin_psql <<SQL
SELECT 'CREATE DATABASE $db OWNER $APP_ROLE'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\gexec
ALTER DATABASE $db OWNER TO $APP_ROLE;
SQL
  done
}

main() {
  ensure_running
  if ! command -v psql >/dev/null; then
    say "Installing the psql client"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
  fi

  if find_admin; then
    local version_num
    version_num=$(admin_psql -tAc 'show server_version_num')
    ((version_num >= PG_MIN_VERSION_NUM)) \
      || die "PostgreSQL on $PG_HOST:$PG_PORT is version $version_num; 14 or newer is needed"
    say "PostgreSQL ready: $(admin_psql -tAc 'show server_version') on $PG_HOST:$PG_PORT"
    create_role_and_databases
    if ! app_login_works; then
      allow_password_login || true
    fi
  elif app_login_works; then
    say "PostgreSQL ready on $PG_HOST:$PG_PORT (no superuser access; role and databases already exist)"
  else
    die "PostgreSQL answers on $PG_HOST:$PG_PORT, but neither a superuser login (postgres OS user, or TCP as postgres) nor $APP_ROLE/$APP_PASSWORD works on databases ${APP_DATABASES[*]}. Create them by hand: CREATE ROLE $APP_ROLE LOGIN CREATEDB PASSWORD '$APP_PASSWORD'; CREATE DATABASE preflight OWNER $APP_ROLE; CREATE DATABASE preflight_test OWNER $APP_ROLE;"
  fi

  app_login_works \
    || die "role $APP_ROLE cannot log in with its password on $PG_HOST:$PG_PORT; check pg_hba.conf"
  if ! app_psql localhost preflight_test; then
    say "WARNING: 'localhost' does not reach PostgreSQL as $APP_ROLE (127.0.0.1 does); set SPRING_DATASOURCE_URL to jdbc:postgresql://127.0.0.1:5432/preflight_test if tests fail to connect"
  fi
  say "Databases ready: ${APP_DATABASES[*]} (role $APP_ROLE) on $PG_HOST:$PG_PORT"
}

main "$@"
