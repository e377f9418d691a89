#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the sync server's tests (tests/server, GRIDKEEPER_TEST_POSTGRES).
#   source .ci/postgres.sh start   -> exports GRIDKEEPER_TEST_POSTGRES, sets PG_THROWAWAY
#   .ci/postgres.sh stop DIR       -> stops the cluster in DIR and removes it
# Debian's postgresql package (initdb/pg_ctl under /usr/lib/postgresql/*/bin); initdb refuses to run as
# root, so as root the cluster belongs to the package's postgres user (runuser).
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
pg_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-}" in
  start)
    bin="$(pg_bin)"
    [ -n "$bin" ] || { echo "postgres.sh: no PostgreSQL under /usr/lib/postgresql" >&2; return 1 2>/dev/null || exit 1; }
    PG_THROWAWAY="$(mktemp -d /tmp/gk-pg.XXXXXX)"
    [ "$(id -u)" = 0 ] && chown postgres "$PG_THROWAWAY"
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    pg_as "$bin/initdb" -D "$PG_THROWAWAY/data" -A trust -U gk -E UTF8 --no-sync >/dev/null
    pg_as "$bin/pg_ctl" -D "$PG_THROWAWAY/data" -l "$PG_THROWAWAY/log" -w \
      -o "-k $PG_THROWAWAY -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" \
      start >/dev/null
    export PG_THROWAWAY
    export GRIDKEEPER_TEST_POSTGRES="postgresql://gk@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir="${2:-${PG_THROWAWAY:-}}"
    [ -n "$dir" ] && [ -d "$dir/data" ] || exit 0
    pg_as "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
  *) echo "usage: source .ci/postgres.sh start | .ci/postgres.sh stop DIR" >&2 ;;
esac
