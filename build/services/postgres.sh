# Sourced by build/test.sh: a real PostgreSQL server for the durable approval ledger's tests, on a free loopback
# port, in a throw-away cluster removed after the run. Installs Debian's postgresql package when its binaries are
# missing (they live under /usr/lib/postgresql/<version>/bin, not on PATH). Must run as root (initdb and pg_ctl run
# as the postgres user via runuser). Exports PRESENCE_POSTGRES, an Npgsql connection string to a fresh database.
presence_pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

presence_pg_start() {
  local bin root port
  if ! bin=$(presence_pg_bin); then
    echo "Installing Debian's postgresql for the approval ledger tests..." >&2
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }; then
      echo "Could not install postgresql (apt-get failed): the PostgreSQL tests will fail." >&2
      return 0
    fi
    # The package starts a cluster of its own; the tests use a private one, so that one is left as Debian set it up.
    if ! bin=$(presence_pg_bin); then
      echo "postgresql installed but no initdb under /usr/lib/postgresql/*/bin: the PostgreSQL tests will fail." >&2
      return 0
    fi
  fi
  if ! id postgres >/dev/null 2>&1; then
    echo "There is no postgres user to run the server as: the PostgreSQL tests will fail." >&2
    return 0
  fi

  root=$(mktemp -d /tmp/presence-pg.XXXXXX)
  chmod 755 "$root"
  mkdir -p "$root/data" "$root/socket"
  chown -R postgres:postgres "$root"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || shuf -i 20000-60000 -n 1)

  if ! runuser -u postgres -- "$bin/initdb" -D "$root/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 \
    && ! runuser -u postgres -- "$bin/initdb" -D "$root/data" -U postgres -A trust --no-sync -E UTF8 >"$root/initdb.log" 2>&1; then
    echo "initdb failed (see below): the PostgreSQL tests will fail." >&2
    cat "$root/initdb.log" >&2
    rm -rf "$root"
    return 0
  fi
  on_exit "runuser -u postgres -- '$bin/pg_ctl' -D '$root/data' -m immediate stop >/dev/null 2>&1; rm -rf '$root'"

  # Loopback only, a private socket folder, fsync off (a test cluster: speed over durability), enough connections
  # for the multi-process tests.
  if ! runuser -u postgres -- "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $root/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null; then
    echo "PostgreSQL did not start (see below): the PostgreSQL tests will fail." >&2
    cat "$root/server.log" >&2
    return 0
  fi

  PRESENCE_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
  export PRESENCE_POSTGRES
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$port" >&2
}

presence_pg_start
