#!/usr/bin/env bash
# Starts Debian's PostgreSQL on loopback and creates the `collab` role and database.
# Prints the connection string; `eval "$(scripts/postgres.sh --export)"` sets COLLAB_PG.
set -euo pipefail
PGPORT="${COLLAB_PG_PORT:-5432}"
ver="$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)"
[[ -n "$ver" ]] || { echo "PostgreSQL is not installed: run scripts/bootstrap.sh (apt-get install postgresql)" >&2; exit 1; }
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$ver main$"; then
  pg_createcluster "$ver" main -p "$PGPORT" >&2
fi
pg_ctlcluster "$ver" main start >&2 2>/dev/null || true
for _ in $(seq 1 50); do
  su postgres -c "pg_isready -q -h 127.0.0.1 -p $PGPORT" && break
  sleep 0.2
done
su postgres -c "pg_isready -q -h 127.0.0.1 -p $PGPORT" || { echo "PostgreSQL did not start on 127.0.0.1:$PGPORT" >&2; exit 1; }
su postgres -c "psql -q -p $PGPORT -tAc \"SELECT 1 FROM pg_roles WHERE rolname='collab'\"" | grep -q 1 ||
  su postgres -c "psql -q -p $PGPORT -c \"CREATE ROLE collab LOGIN SUPERUSER PASSWORD 'collab'\""
su postgres -c "psql -q -p $PGPORT -tAc \"SELECT 1 FROM pg_database WHERE datname='collab'\"" | grep -q 1 ||
  su postgres -c "psql -q -p $PGPORT -c \"CREATE DATABASE collab OWNER collab\""
cs="Host=127.0.0.1;Port=$PGPORT;Username=collab;Password=collab;Database=collab"
if [[ "${1:-}" == "--export" ]]; then echo "export COLLAB_PG='$cs'"; else echo "$cs"; fi
