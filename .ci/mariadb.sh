# Sourced by .ci/run: installs MariaDB from Debian's packages when missing, starts a throwaway
# server on 127.0.0.1 (root without a password, on a data directory of its own), exports
# FAYUAN_MYSQL_URL, and stops it on exit. Any failure here fails the run: the MySQL-family tests
# are never skipped in CI.

fayuan_mariadb_start() {
  local port user i
  if [ ! -x /usr/sbin/mariadbd ] || ! command -v mariadb-install-db >/dev/null 2>&1; then
    echo "ci: installing MariaDB from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends mariadb-server >/dev/null
  fi
  [ -x /usr/sbin/mariadbd ] || { echo "ci: MariaDB is not installed and could not be installed" >&2; return 1; }
  # The server refuses to run as root: as the mysql user the package creates (or this user).
  user="$(id -un)"
  if [ "$(id -u)" = "0" ]; then
    id mysql >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin" useradd --system --no-create-home --shell /bin/false mysql
    user=mysql
  fi
  FAYUAN_MARIADB_DATA="$(mktemp -d /tmp/fayuan-mariadb.XXXXXX)"
  chown "$user" "$FAYUAN_MARIADB_DATA"
  mariadb-install-db --user="$user" --datadir="$FAYUAN_MARIADB_DATA/data" --auth-root-authentication-method=normal --skip-test-db \
    >"$FAYUAN_MARIADB_DATA/install.log" 2>&1 || { cat "$FAYUAN_MARIADB_DATA/install.log" >&2; return 1; }
  port="${FAYUAN_MARIADB_PORT:-$(( 40000 + RANDOM % 20000 ))}"
  /usr/sbin/mariadbd --user="$user" --datadir="$FAYUAN_MARIADB_DATA/data" --socket="$FAYUAN_MARIADB_DATA/mysqld.sock" \
    --port="$port" --bind-address=127.0.0.1 --pid-file="$FAYUAN_MARIADB_DATA/mysqld.pid" --log-error="$FAYUAN_MARIADB_DATA/error.log" \
    --skip-log-bin --innodb-flush-log-at-trx-commit=0 --max-connections=300 >/dev/null 2>&1 &
  for i in $(seq 1 60); do
    if mariadb-admin --host=127.0.0.1 --port="$port" -uroot ping >/dev/null 2>&1; then break; fi
    sleep 1
  done
  mariadb-admin --host=127.0.0.1 --port="$port" -uroot ping >/dev/null 2>&1 || { cat "$FAYUAN_MARIADB_DATA/error.log" >&2; return 1; }
  export FAYUAN_MYSQL_URL="mysql://root@127.0.0.1:$port/mysql"
  echo "ci: MariaDB $(mariadb --host=127.0.0.1 --port="$port" -uroot -N -e 'select version()') running at 127.0.0.1:$port"
}

fayuan_mariadb_stop() {
  if [ -n "${FAYUAN_MARIADB_DATA:-}" ] && [ -f "$FAYUAN_MARIADB_DATA/mysqld.pid" ]; then
    kill "$(cat "$FAYUAN_MARIADB_DATA/mysqld.pid")" 2>/dev/null || true
    for _ in $(seq 1 30); do [ -f "$FAYUAN_MARIADB_DATA/mysqld.pid" ] || break; sleep 1; done
  fi
  [ -n "${FAYUAN_MARIADB_DATA:-}" ] && rm -rf "$FAYUAN_MARIADB_DATA"
  return 0
}
