#!/usr/bin/env bash
# make bench: build (or reuse) the PostgreSQL scale database, time the core pages in-process
# (bench_pages), then their throughput over HTTP against ../shared/bench/ceiling (bench_http).
# PROJECTS (100000), OFFICERS (1000), BENCH_DB (scale_bench), REPEAT (50), SECONDS_PER_RUN (10) may be set.
set -euo pipefail
cd "$(dirname "$0")/.."
PROJECTS=${PROJECTS:-100000}
OFFICERS=${OFFICERS:-1000}
SCALE_DB=${BENCH_DB:-scale_bench}
scripts/system-packages.sh wrk
source scripts/scale-db.sh
database_ensure ceiling
$py manage.py bench_pages --repeat "${REPEAT:-50}"
$py manage.py bench_http --seconds "${SECONDS_PER_RUN:-10}"
