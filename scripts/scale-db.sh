# Sourced by bench.sh and load.sh (from the repository root): production settings (DEBUG off) with
# throwaway keys, on the PostgreSQL database SCALE_DB, migrated, static files collected, and seeded with
# PROJECTS projects and OFFICERS officers when it has fewer projects. This is benchmark data only.
PG=${PG:-postgres://postgres@127.0.0.1:5432}
py=.venv/bin/python
export DATABASE_URL="$PG/$SCALE_DB" SECRET_KEY=bench-only AUDIT_HMAC_KEY=bench-only COMPLAINTS_KEY=bench-only
export SECOND_FACTOR_REQUIRED=0 AUDIT_HEAD_LOG=/tmp/bench-audit-heads.log
unset DEBUG TESTING

database_ensure() {
  psql "$PG/postgres" -tAc "select 1 from pg_database where datname='$1'" | grep -q 1 ||
    psql "$PG/postgres" -c "create database $1"
}

database_ensure "$SCALE_DB"
$py manage.py migrate -v0
$py manage.py collectstatic --noinput -v0   # production settings serve the hashed files
have=$(psql "$PG/$SCALE_DB" -tAc "select count(*) from intake_project")
if [ "$have" -lt "$PROJECTS" ]; then
  [ "$have" -eq 0 ] && $py manage.py load_demo >/dev/null
  echo "seeding $PROJECTS projects, $OFFICERS officers (database $SCALE_DB had $have projects)"
  time $py manage.py seed_scale --projects "$PROJECTS" --officers "$OFFICERS"
  psql "$PG/$SCALE_DB" -qc analyze
fi
