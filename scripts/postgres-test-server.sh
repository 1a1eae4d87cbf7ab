#!/usr/bin/env bash
# Runs COMMAND with a throwaway PostgreSQL 15 + pgvector server on 127.0.0.1, then stops it.
#
#   scripts/postgres-test-server.sh npm test
#
# COMMAND sees KABAR_TEST_PG_URL=postgres://kabar:…@127.0.0.1:PORT/kabar (a superuser on an empty
# cluster). As root with apt, PostgreSQL 15 and its server headers are installed from Debian when
# missing, and pgvector is built from Debian trixie's source package (bookworm does not ship it), fetched
# from the Debian archive this machine's apt is configured with (so it works behind a mirror or a proxy).
# The cluster runs as the `postgres` user (initdb refuses root), with fsync off: test data only.
# When a server cannot be provided (no apt, no root, no archive), COMMAND still runs, without
# KABAR_TEST_PG_URL, and the PostgreSQL server tests skip themselves.
set -euo pipefail

PG_MAJOR=15
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin

log() { printf 'postgres-test-server: %s\n' "$*" >&2; }

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

skip() {
  local reason=$1
  shift
  log "no PostgreSQL test server ($reason); the PostgreSQL server tests will be skipped."
  log "To run them: as root on Debian/Ubuntu with apt, run scripts/postgres-test-server.sh npm test; or set KABAR_TEST_PG_URL=postgres://USER:PASSWORD@HOST:PORT/DB to a server with pgvector."
  exec "$@"
}

if [ -n "${KABAR_TEST_PG_URL:-}" ]; then
  log "using the server in KABAR_TEST_PG_URL"
  exec "$@"
fi

have_extension() { [ -f "$("$PG_BIN/pg_config" --sharedir)/extension/vector.control" ]; }

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2
}

apt_updated=
apt_update() {
  [ -n "$apt_updated" ] && return 0
  apt-get update -q >&2 && apt_updated=1
}

# The Debian archive as this machine's apt configuration names it (a mirror or a snapshot included): the
# repository whose Release file says Origin and Label "Debian", not Debian-Security. Needs `apt-get update`.
debian_archive() {
  apt-get indextargets --format '$(ORIGIN)|$(LABEL)|$(REPO_URI)' 'Identifier: Packages' 2>/dev/null |
    awk -F'|' '$1 == "Debian" && $2 == "Debian" { print $3; exit }'
}

build_pgvector() {
  local work lists archive
  apt_update || return 1
  archive=$(debian_archive)
  [ -n "$archive" ] || { log "the apt configuration names no Debian archive to fetch pgvector's source from"; return 1; }
  work=$(mktemp -d)
  chmod 755 "$work"
  lists="$work/lists"
  mkdir -p "$lists/partial"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $archive trixie main" >"$work/sources.list"
  local apt_opts=(-o "Dir::Etc::sourcelist=$work/sources.list" -o "Dir::Etc::sourceparts=-" -o "Dir::State::Lists=$lists" -o "APT::Get::List-Cleanup=0")
  apt-get "${apt_opts[@]}" update -q >&2 &&
    (cd "$work" && apt-get "${apt_opts[@]}" source -q pgvector >&2) &&
    (cd "$work"/pgvector-*/ && make -s PG_CONFIG="$PG_BIN/pg_config" with_llvm=no >&2 && make -s PG_CONFIG="$PG_BIN/pg_config" with_llvm=no install >&2)
  local status=$?
  rm -rf "$work"
  return $status
}

provision() {
  if [ -x "$PG_BIN/postgres" ] && [ -x "$PG_BIN/pg_config" ] && have_extension; then return 0; fi
  [ "$(id -u)" -eq 0 ] || { echo "PostgreSQL $PG_MAJOR with pgvector is not installed and installing it needs root"; return 1; }
  command -v apt-get >/dev/null || { echo "PostgreSQL $PG_MAJOR with pgvector is not installed and there is no apt-get"; return 1; }
  if [ ! -x "$PG_BIN/postgres" ] || [ ! -f "/usr/include/postgresql/$PG_MAJOR/server/postgres.h" ]; then
    log "installing PostgreSQL $PG_MAJOR and its server headers from Debian"
    { apt_update && apt_install "postgresql-$PG_MAJOR" "postgresql-server-dev-$PG_MAJOR" make gcc dpkg-dev; } ||
      { echo "installing postgresql-$PG_MAJOR failed"; return 1; }
  fi
  if ! have_extension; then
    command -v dpkg-source >/dev/null && command -v make >/dev/null && command -v gcc >/dev/null ||
      { apt_update && apt_install make gcc dpkg-dev; } || { echo "installing the build tools failed"; return 1; }
    log "building pgvector from Debian trixie's source package"
    build_pgvector || { echo "building pgvector failed"; return 1; }
  fi
}

started=$(date +%s)
if ! reason=$(provision); then skip "$reason" "$@"; fi

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

data=$(mktemp -d)
password=$(node -e 'console.log(require("crypto").randomBytes(12).toString("hex"))')
run_as=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$data"
  run_as=(runuser -u postgres --)
fi
stop() {
  "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$data/cluster" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap stop EXIT
trap 'exit 130' INT TERM

printf '%s\n' "$password" >"$data/pw"
chmod 644 "$data/pw"
"${run_as[@]}" "$PG_BIN/initdb" -D "$data/cluster" -U kabar --pwfile="$data/pw" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null ||
  { stop; trap - EXIT; skip "initdb failed" "$@"; }
port=$(free_port)
"${run_as[@]}" "$PG_BIN/pg_ctl" -D "$data/cluster" -l "$data/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
  start >/dev/null || { cat "$data/server.log" >&2 || true; stop; trap - EXIT; skip "the server did not start" "$@"; }
export KABAR_TEST_PG_URL="postgres://kabar:$password@127.0.0.1:$port/postgres"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') with pgvector ready on 127.0.0.1:$port after $(( $(date +%s) - started )) s"

set +e
"$@"
status=$?
set -e
exit $status
