#!/usr/bin/env bash
# The load figures of docs/performance.md: the PTC programme page, then the same HTML saved as a static file and served
# by the same app (UseStaticFiles), each hammered by wrk on loopback in the same run. Prints one "result" line per target
# and the ratio; then the page rendered on every request (as for a signed-in user, whom the output cache never serves)
# with fewer connections. Needs wrk (Debian package `wrk`). Not part of scripts/test.sh: a measurement, not a test.
# Optional: WP_LOAD_SECONDS (60), WP_LOAD_CONNECTIONS (64), WP_LOAD_THREADS (2), WP_LOAD_PAGE (/programmes/ptc-2022-2025),
# WP_LOAD_RENDER_CONNECTIONS (4).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/load/app.sh
seconds="${WP_LOAD_SECONDS:-60}"
connections="${WP_LOAD_CONNECTIONS:-64}"
threads="${WP_LOAD_THREADS:-2}"
render_connections="${WP_LOAD_RENDER_CONNECTIONS:-4}"
page="${WP_LOAD_PAGE:-/programmes/ptc-2022-2025}"

work=$(mktemp -d /tmp/wp-load.XXXXXX)
trap 'stop_app; rm -rf "$work"' EXIT
publish_app "$work/app"
port=$(free_port)
start_app "$work/app" "$work/load.db" "$port" "$work/app.log"
base="http://127.0.0.1:$port"

static=/load-test/programme.html
mkdir -p "$work/app/wwwroot/load-test"
curl -fsS "$base$page" -o "$work/app/wwwroot$static"
curl -fsS "$base$static" -o /dev/null
echo "machine: $(nproc) cores, $(dotnet --version) SDK, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "page: $page ($(stat -c %s "$work/app/wwwroot$static") bytes of HTML); wrk -t$threads -c$connections -d${seconds}s"

run() { # run LABEL PATH [CONNECTIONS]
    wrk -t"$threads" -c"${3:-$connections}" -d"${seconds}s" --latency -s scripts/load/report.lua "$base$2" >"$work/wrk.out"
    sed -n 's/^result /'"$1"' /p' "$work/wrk.out"
}

# Both targets warm up first (JIT, tiered compilation, the SQLite page cache), so neither pays for starting.
wrk -t"$threads" -c"$connections" -d10s "$base$page" >/dev/null
wrk -t"$threads" -c"$connections" -d5s "$base$static" >/dev/null
dynamic=$(run page "$page")
echo "$dynamic"
static_line=$(run static "$static")
echo "$static_line"
WP_WRK_UNIQUE_QUERY=1 run "rendered (c=$render_connections)" "$page" "$render_connections"
echo "app after the runs: $(app_memory)"
python3 - "$dynamic" "$static_line" <<'PY'
import sys
def fields(line):
    return {key: float(value) for key, value in (item.split("=") for item in line.split()[1:])}
page, static = fields(sys.argv[1]), fields(sys.argv[2])
ratio = page["per_second"] / static["per_second"]
print(f"ratio page/static throughput={ratio:.2f} p99 page={page['p99_ms']:.1f} ms errors={int(page['errors'] + static['errors'])}")
PY
