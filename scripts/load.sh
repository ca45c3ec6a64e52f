#!/usr/bin/env bash
# make load: a bounded load run with Locust (docs/performance.md "Under load"): gunicorn with 2 workers on
# a PostgreSQL scale database (seeded here when it has fewer than PROJECTS projects), USERS simulated users
# (200) of four roles for DURATION (10m). LOAD_DB (scale_load), PROJECTS (10000), OFFICERS (100) may be
# set; further arguments go to `manage.py load_run` (e.g. --wait 30,90 --spawn-rate 1).
set -euo pipefail
cd "$(dirname "$0")/.."
PROJECTS=${PROJECTS:-10000}
OFFICERS=${OFFICERS:-100}
SCALE_DB=${LOAD_DB:-scale_load}
source scripts/scale-db.sh
echo "load average before: $(cat /proc/loadavg)"
$py manage.py load_run --users "${USERS:-200}" --run-time "${DURATION:-10m}" "$@"
echo "load average after: $(cat /proc/loadavg)"
