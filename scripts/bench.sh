#!/usr/bin/env bash
# make bench: build (or reuse) the PostgreSQL scale database, time the core pages in-process
# (bench_pages), then their throughput over HTTP against ../shared/bench/ceiling (bench_http).
# PROJECTS (100000), OFFICERS (1000), BENCH_DB (scale_bench), REPEAT (50), SECONDS_PER_RUN (10) may be set.
set -euo pipefail
cd "$(dirname "$0")/.."
PROJECTS=${PROJECTS:-100000}
OFFICERS=${OFFICERS:-1000}
BENCH_DB=${BENCH_DB:-scale_bench}
PG=${PG:-postgres://postgres@127.0.0.1:5432}
scripts/system-packages.sh wrk
py=.venv/bin/python
# Production settings (DEBUG off) with throwaway keys: this is benchmark data on a benchmark database.
export DATABASE_URL="$PG/$BENCH_DB" SECRET_KEY=bench-only AUDIT_HMAC_KEY=bench-only COMPLAINTS_KEY=bench-only
export SECOND_FACTOR_REQUIRED=0 AUDIT_HEAD_LOG=/tmp/bench-audit-heads.log
unset DEBUG TESTING
psql "$PG/postgres" -tAc "select 1 from pg_database where datname='$BENCH_DB'" | grep -q 1 ||
  psql "$PG/postgres" -c "create database $BENCH_DB"
psql "$PG/postgres" -tAc "select 1 from pg_database where datname='ceiling'" | grep -q 1 ||
  psql "$PG/postgres" -c "create database ceiling"
$py manage.py migrate -v0
$py manage.py collectstatic --noinput -v0   # production settings serve the hashed files
have=$(psql "$PG/$BENCH_DB" -tAc "select count(*) from intake_project")
if [ "$have" -lt "$PROJECTS" ]; then
  [ "$have" -eq 0 ] && $py manage.py load_demo >/dev/null
  echo "seeding $PROJECTS projects, $OFFICERS officers (database $BENCH_DB had $have projects)"
  time $py manage.py seed_scale --projects "$PROJECTS" --officers "$OFFICERS"
  psql "$PG/$BENCH_DB" -qc analyze
fi
$py manage.py bench_pages --repeat "${REPEAT:-50}"
$py manage.py bench_http --seconds "${SECONDS_PER_RUN:-10}"
