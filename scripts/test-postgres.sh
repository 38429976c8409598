#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store's tests and benchmarks: Debian's
# PostgreSQL, its cluster in DIR, listening on a Unix socket in DIR only (no
# TCP). As root, the server runs as the postgres user (it refuses root).
#
#   test-postgres.sh start DIR     make the cluster and start it; prints the connection string
#   test-postgres.sh stop DIR      stop it at once and remove DIR
#   test-postgres.sh kill DIR      stop it at once (-m immediate: as a crash), keeping its files
#   test-postgres.sh restart DIR   start a killed server again (it recovers from its WAL)
set -euo pipefail

cmd=${1:?usage: test-postgres.sh start|stop|kill|restart DIR}
dir=${2:?usage: test-postgres.sh start|stop|kill|restart DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "test-postgres.sh: PostgreSQL's server is not installed (Debian: apt-get install postgresql)" >&2
  exit 1
fi

as_server() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_server() {
  as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -c listen_addresses='' -c max_connections=100 -c unix_socket_permissions=0777" start >/dev/null
}

case $cmd in
start)
  if [ -f "$dir/data/postmaster.pid" ]; then as_server "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  as_server "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-instructions >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  start_server || { cat "$dir/server.log" >&2; exit 1; }
  as_server "$bin/createdb" -h "$dir" -U postgres sfcore_test
  echo "host=$dir dbname=sfcore_test user=postgres"
  ;;
stop)
  if [ -f "$dir/data/postmaster.pid" ]; then as_server "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
  ;;
kill)
  as_server "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null
  ;;
restart)
  start_server || { cat "$dir/server.log" >&2; exit 1; }
  ;;
*)
  echo "usage: test-postgres.sh start|stop|kill|restart DIR" >&2
  exit 2
  ;;
esac
