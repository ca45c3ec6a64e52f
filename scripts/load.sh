#!/usr/bin/env bash
# make load: a bounded load run with Locust (docs/performance.md "Under load"): gunicorn with 2 workers on
# a PostgreSQL scale database (seeded here when it has fewer than PROJECTS projects), USERS simulated users
# (200) of four roles for DURATION (10m). LOAD_DB (scale_load), PROJECTS (10000), OFFICERS (100) may be set.
set -euo pipefail
cd "$(dirname "$0")/.."
PROJECTS=${PROJECTS:-10000}
OFFICERS=${OFFICERS:-100}
LOAD_DB=${LOAD_DB:-scale_load}
PG=${PG:-postgres://postgres@127.0.0.1:5432}
py=.venv/bin/python
# Production settings (DEBUG off) with throwaway keys: this is load data on a load database.
export DATABASE_URL="$PG/$LOAD_DB" SECRET_KEY=load-only AUDIT_HMAC_KEY=load-only COMPLAINTS_KEY=load-only
export SECOND_FACTOR_REQUIRED=0 AUDIT_HEAD_LOG=/tmp/load-audit-heads.log
unset DEBUG TESTING
psql "$PG/postgres" -tAc "select 1 from pg_database where datname='$LOAD_DB'" | grep -q 1 ||
  psql "$PG/postgres" -c "create database $LOAD_DB"
$py manage.py migrate -v0
$py manage.py collectstatic --noinput -v0   # production settings serve the hashed files
have=$(psql "$PG/$LOAD_DB" -tAc "select count(*) from intake_project")
if [ "$have" -lt "$PROJECTS" ]; then
  [ "$have" -eq 0 ] && $py manage.py load_demo >/dev/null
  echo "seeding $PROJECTS projects, $OFFICERS officers (database $LOAD_DB had $have projects)"
  $py manage.py seed_scale --projects "$PROJECTS" --officers "$OFFICERS"
  psql "$PG/$LOAD_DB" -qc analyze
fi
echo "load average before: $(cat /proc/loadavg)"
$py manage.py load_run --users "${USERS:-200}" --run-time "${DURATION:-10m}" "$@"
echo "load average after: $(cat /proc/loadavg)"
