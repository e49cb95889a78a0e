#!/usr/bin/env bash
# The start-up figure of docs/performance.md: the time from starting the published app on an existing database (made
# and seeded by a first start, then stopped) to its first answered request, for WP_STARTUP_RUNS starts (default 3).
# The first answer is the programme page (WP_STARTUP_PAGE), which needs the database and the Razor views, not only
# the health probe. Prints one "result" line per start. Not part of scripts/test.sh: a measurement, not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/load/app.sh
runs="${WP_STARTUP_RUNS:-3}"
page="${WP_STARTUP_PAGE:-/programmes/ptc-2022-2025}"

work=$(mktemp -d /tmp/wp-startup.XXXXXX)
trap 'stop_app; rm -rf "$work"' EXIT
publish_app "$work/app"
echo "machine: $(nproc) cores, $(dotnet --version) SDK, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
port=$(free_port)
# The first start creates the schema and seeds the PTC programme: the database then exists, as in production.
start_app "$work/app" "$work/startup.db" "$port" "$work/first.log"
stop_app

for run in $(seq 1 "$runs"); do
    port=$(free_port)
    started=$(date +%s%N)
    (cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production Urls="http://127.0.0.1:$port" Database__Provider=Sqlite \
        ConnectionStrings__WorkProgramme="Data Source=$work/startup.db" Logging__LogLevel__Default=Warning \
        exec dotnet WorkProgramme.Web.dll >"$work/run-$run.log" 2>&1) &
    app_pid=$!
    # Polls every 10 ms: the figure is at most that late.
    until curl -fsS -o /dev/null "http://127.0.0.1:$port$page" 2>/dev/null; do
        kill -0 "$app_pid" 2>/dev/null || { cat "$work/run-$run.log" >&2; exit 1; }
        sleep 0.01
    done
    answered=$(date +%s%N)
    migrations=$(grep -ci "migrat" "$work/run-$run.log" || true)
    echo "result run=$run first_answer_ms=$(( (answered - started) / 1000000 )) log_lines_about_migrations=$migrations"
    stop_app
done
