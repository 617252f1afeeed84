#!/usr/bin/env bash
# Runs a command (the test runner) with the services the tests need: Debian's Chromium for the
# browser tests and a PostgreSQL cluster on loopback for the store and queue tests. Installs them
# with apt-get when missing and this user may (root, as in CI); starts PostgreSQL; exports
# BMPLINT_CHROMIUM and BMPLINT_TEST_DATABASE_URL unless they are already set. Idempotent.
set -euo pipefail

if [ -z "${BMPLINT_CHROMIUM:-}" ] || [ -z "${BMPLINT_TEST_DATABASE_URL:-}" ]; then
  missing=()
  [ -n "${BMPLINT_CHROMIUM:-}" ] || [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -n "${BMPLINT_TEST_DATABASE_URL:-}" ] || command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "installing ${missing[*]} from Debian for the tests" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >/dev/null
      apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "the tests need ${missing[*]} (Debian packages); install them, or set BMPLINT_CHROMIUM / BMPLINT_TEST_DATABASE_URL" >&2
    fi
  fi
fi

if [ -z "${BMPLINT_TEST_DATABASE_URL:-}" ] && command -v pg_lsclusters >/dev/null 2>&1; then
  cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
  if [ -z "$cluster" ] && [ "$(id -u)" = 0 ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    pg_createcluster "$version" main >/dev/null
    cluster="$version main"
  fi
  if [ -n "$cluster" ]; then
    pg_ctlcluster $cluster start 2>/dev/null || true
    port=$(pg_lsclusters --no-header | awk 'NR==1 {print $3}')
    if [ "$(id -u)" = 0 ]; then
      su postgres -c "psql -p $port -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='bmplint'\"" | grep -q 1 \
        || su postgres -c "psql -p $port -qc \"CREATE ROLE bmplint LOGIN SUPERUSER PASSWORD 'bmplint'\""
      su postgres -c "psql -p $port -qtAc \"SELECT 1 FROM pg_database WHERE datname='bmplint_test'\"" | grep -q 1 \
        || su postgres -c "createdb -p $port -O bmplint bmplint_test"
    fi
    export BMPLINT_TEST_DATABASE_URL="postgres://bmplint:bmplint@127.0.0.1:${port}/bmplint_test"
  fi
fi
if [ -z "${BMPLINT_CHROMIUM:-}" ] && [ -x /usr/bin/chromium ]; then
  export BMPLINT_CHROMIUM=/usr/bin/chromium
fi

exec "$@"
