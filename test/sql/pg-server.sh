#!/usr/bin/env bash
# A throwaway PostgreSQL server for the SQL tests and benchmarks, on loopback only.
#
#   eval "$(bash test/sql/pg-server.sh start DIR)"   # prints `export CCHC_TEST_PG_URL=...`
#   bash test/sql/pg-server.sh stop DIR
#
# start: installs Debian's postgresql package when no initdb is found and apt-get is there (CI
# machines are fresh and run as root), initdb's a cluster into DIR/data (as the postgres user when
# run as root: the server refuses root), starts it on 127.0.0.1 on a free port with its unix socket
# in DIR, creates the database `cchc_test`, and prints the connection URL as an export line.
# Progress goes to stderr. stop: stops that server (fast shutdown); DIR can then be removed.
set -euo pipefail

cmd="${1:?usage: pg-server.sh start|stop DIR}"
dir="${2:?usage: pg-server.sh start|stop DIR}"

find_bin() {
  local name="$1" found
  if found="$(command -v "$name" 2>/dev/null)"; then echo "$found"; return 0; fi
  found="$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$found" ]]; then echo "$found"; return 0; fi
  return 1
}

# as_pg CMD...: runs a command as the server's owner (postgres when we are root).
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
  else
    "$@"
  fi
}

case "$cmd" in
  start)
    if ! find_bin initdb >/dev/null || ! find_bin pg_ctl >/dev/null; then
      if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "pg-server: initdb not found, installing postgresql from Debian's packages" >&2
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
      else
        echo "pg-server: initdb not found and cannot install postgresql (need root and apt-get)" >&2
        exit 2
      fi
    fi
    initdb="$(find_bin initdb)"
    pg_ctl="$(find_bin pg_ctl)"
    if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    fi
    mkdir -p "$dir"
    if [[ $(id -u) -eq 0 ]]; then chown postgres "$dir"; fi
    chmod 700 "$dir"
    if ! as_pg test -w "$dir"; then
      echo "pg-server: the server's user cannot write to $dir (are its parent directories traversable, e.g. chmod 711?)" >&2
      exit 1
    fi
    port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
    as_pg "$initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      as_pg "$initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_pg "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >&2 || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    psql="$(find_bin psql)"
    "$psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c 'CREATE DATABASE cchc_test' >&2
    echo "export CCHC_TEST_PG_URL=postgresql://postgres@127.0.0.1:$port/cchc_test"
    ;;
  stop)
    if [[ -d "$dir/data" ]]; then
      pg_ctl="$(find_bin pg_ctl)"
      as_pg "$pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    ;;
  *)
    echo "usage: pg-server.sh start|stop DIR" >&2
    exit 2
    ;;
esac
