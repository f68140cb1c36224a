# shellcheck shell=bash
# A throwaway MariaDB 10.11 for the contract tests. Source this file, then:
#   mariadb_start   install a fresh data directory under $TMPDIR, start mariadbd as root on its own
#                   socket and a free 127.0.0.1 port, create a test user with all privileges, and export
#                   PERKARA_TEST_MYSQL_URL=mysql://perkara_test:PASS@127.0.0.1:PORT/perkara_test
#                   (the test fixture creates and drops one database per test case under that prefix).
#   mariadb_stop    shut it down and remove the directory; safe to call twice or without a start.
# Works under `set -euo pipefail`.

# Prints a TCP port on 127.0.0.1 that nothing listens on.
_mariadb_free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return 0
  fi
  local port tries=0
  while [[ $tries -lt 200 ]]; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
    tries=$((tries + 1))
  done
  echo "mariadb_start: no free port found" >&2
  return 1
}

mariadb_start() {
  if [[ -n "${PERKARA_MARIADB_PID:-}" ]] && kill -0 "$PERKARA_MARIADB_PID" 2>/dev/null; then
    echo "mariadb_start: already running (pid $PERKARA_MARIADB_PID)" >&2
    return 0
  fi
  local dir port pid password attempt
  # PERKARA_MARIADB_KEEP_DIR: a directory kept between runs (scripts/bench keeps its generated data
  # there); otherwise a fresh temporary one, removed by mariadb_stop.
  if [[ -n "${PERKARA_MARIADB_KEEP_DIR:-}" ]]; then
    dir="$PERKARA_MARIADB_KEEP_DIR"
    mkdir -p "$dir"
  else
    dir="$(mktemp -d "${TMPDIR:-/tmp}/perkara-mariadb.XXXXXX")"
  fi
  export PERKARA_MARIADB_DIR="$dir"
  # Tests relax durability (the server lives for one run); PERKARA_MARIADB_DURABLE=1 keeps MariaDB's
  # production default (flush the redo log at every commit), as benchmarks of durable writes need.
  # Tests also keep every table in the shared tablespace and skip the doublewrite buffer: each test
  # case creates and drops a database of some thirty tables, and a file per table costs a file creation,
  # an fsync and an unlink each time.
  local flush_at_commit=2 relaxed=(--innodb-file-per-table=0 --innodb-doublewrite=0)
  [[ "${PERKARA_MARIADB_DURABLE:-0}" == 1 ]] && flush_at_commit=1 && relaxed=()
  local buffer_pool="${PERKARA_MARIADB_BUFFER_POOL:-64M}"

  if [[ -d "$dir/data/mysql" ]]; then
    : # kept from an earlier run
  elif ! mariadb-install-db --no-defaults --user=root --datadir="$dir/data" --auth-root-authentication-method=socket \
      --skip-test-db >"$dir/install.log" 2>&1; then
    echo "mariadb_start: mariadb-install-db failed:" >&2
    tail -n 20 "$dir/install.log" >&2
    mariadb_stop
    return 1
  fi

  # A port chosen as free can be taken before mariadbd binds it; try a few.
  for attempt in 1 2 3; do
    port="$(_mariadb_free_port)"
    mariadbd --no-defaults --user=root --datadir="$dir/data" --socket="$dir/mariadbd.sock" \
      --port="$port" --bind-address=127.0.0.1 --pid-file="$dir/mariadbd.pid" --log-error="$dir/error.log" \
      --skip-name-resolve --skip-log-bin --innodb-buffer-pool-size="$buffer_pool" \
      --innodb-flush-log-at-trx-commit="$flush_at_commit" "${relaxed[@]}" \
      --max-connections=200 >/dev/null 2>&1 &
    pid=$!
    export PERKARA_MARIADB_PID="$pid"

    # Wait (at most 60 s) until it answers on the socket, or dies.
    local waited=0
    while ! mariadb-admin --no-defaults --socket="$dir/mariadbd.sock" -uroot ping >/dev/null 2>&1; do
      if ! kill -0 "$pid" 2>/dev/null || [[ $waited -ge 600 ]]; then
        break
      fi
      sleep 0.1
      waited=$((waited + 1))
    done
    if mariadb-admin --no-defaults --socket="$dir/mariadbd.sock" -uroot ping >/dev/null 2>&1; then
      break
    fi
    echo "mariadb_start: mariadbd did not come up on port $port (attempt $attempt)" >&2
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    unset PERKARA_MARIADB_PID
    if [[ $attempt -eq 3 ]]; then
      tail -n 20 "$dir/error.log" >&2 || true
      mariadb_stop
      return 1
    fi
  done

  password="t$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  if ! mariadb --no-defaults --socket="$dir/mariadbd.sock" -uroot <<SQL
CREATE OR REPLACE USER 'perkara_test'@'127.0.0.1' IDENTIFIED BY '$password';
CREATE OR REPLACE USER 'perkara_test'@'localhost' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO 'perkara_test'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO 'perkara_test'@'localhost';
SQL
  then
    echo "mariadb_start: creating the test user failed" >&2
    mariadb_stop
    return 1
  fi
  export PERKARA_MARIADB_PORT="$port"
  export PERKARA_MARIADB_SOCKET="$dir/mariadbd.sock"
  export PERKARA_TEST_MYSQL_URL="mysql://perkara_test:$password@127.0.0.1:$port/perkara_test"
  echo "mariadb_start: MariaDB $(mariadbd --version | awk '{print $3}') on 127.0.0.1:$port (pid $pid, $dir)" >&2
}

mariadb_stop() {
  local dir="${PERKARA_MARIADB_DIR:-}" pid="${PERKARA_MARIADB_PID:-}" waited=0
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    # Ask politely, then insist: SIGTERM makes mariadbd shut down cleanly.
    mariadb-admin --no-defaults --socket="$dir/mariadbd.sock" -uroot shutdown >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && [[ $waited -lt 300 ]]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  fi
  if [[ -n "$dir" && -d "$dir" && "$dir" == */perkara-mariadb.* ]]; then
    rm -rf "$dir"
  fi
  unset PERKARA_MARIADB_DIR PERKARA_MARIADB_PID PERKARA_MARIADB_PORT PERKARA_MARIADB_SOCKET PERKARA_TEST_MYSQL_URL
  return 0
}
