# Sourced by .ci/run: installs PostgreSQL from Debian's packages when missing, starts a throwaway
# cluster on 127.0.0.1 as the postgres user, exports FAYUAN_PG_URL, and stops it on exit.
# Any failure here fails the run: the PostgreSQL tests are never skipped in CI.

fayuan_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# Runs a command as the postgres user (the server refuses to run as root).
fayuan_as_postgres() {
  if [ "$(id -u)" != "0" ]; then "$@"; return; fi
  local runuser
  runuser="$(PATH="$PATH:/usr/sbin:/sbin" command -v runuser || true)"
  if [ -n "$runuser" ]; then "$runuser" -u postgres -- "$@"
  else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

fayuan_pg_start() {
  local bin port
  bin="$(fayuan_pg_bin)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "ci: installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bin="$(fayuan_pg_bin)"
  fi
  [ -x "$bin/initdb" ] || { echo "ci: PostgreSQL is not installed and could not be installed" >&2; return 1; }
  id postgres >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin" useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
  FAYUAN_PG_DATA="$(mktemp -d /tmp/fayuan-pg.XXXXXX)"
  chown postgres "$FAYUAN_PG_DATA"
  port="${FAYUAN_PG_PORT:-$(( 40000 + RANDOM % 20000 ))}"
  fayuan_as_postgres "$bin/initdb" -D "$FAYUAN_PG_DATA/data" -A trust -U postgres --no-locale -E UTF8 >"$FAYUAN_PG_DATA/initdb.log" 2>&1 \
    || { cat "$FAYUAN_PG_DATA/initdb.log" >&2; return 1; }
  fayuan_as_postgres "$bin/pg_ctl" -D "$FAYUAN_PG_DATA/data" -l "$FAYUAN_PG_DATA/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $FAYUAN_PG_DATA -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$FAYUAN_PG_DATA/server.log" >&2; return 1; }
  FAYUAN_PG_BIN="$bin"
  export FAYUAN_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "ci: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running at 127.0.0.1:$port"
}

fayuan_pg_stop() {
  if [ -n "${FAYUAN_PG_DATA:-}" ] && [ -d "$FAYUAN_PG_DATA/data" ]; then
    fayuan_as_postgres "$FAYUAN_PG_BIN/pg_ctl" -D "$FAYUAN_PG_DATA/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$FAYUAN_PG_DATA"
  fi
}
