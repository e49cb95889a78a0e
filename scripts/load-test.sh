#!/usr/bin/env bash
# The load figures of docs/performance.md: the PTC programme page, then the same HTML saved as a static file and served
# by the same app (UseStaticFiles), each hammered by wrk on loopback in the same run. Prints one "result" line per target
# and the ratio; then the page rendered on every request (as for a signed-in user, whom the output cache never serves)
# with fewer connections. Then, at WP_LOAD_SIGNED_IN_CONNECTIONS: the static copy again (the limit), the page for a
# signed-in editor (a real session cookie: the sign-in form posted, decision 0037) and its ratio to the limit; the page
# compressed (Accept-Encoding: br) for an anonymous reader and for the editor, with the bytes per response; and, when
# WP_LOAD_DOCUMENTS names paths (space-separated, e.g. "/programmes/ptc-2022-2025/export.docx"), those downloads for
# the editor. Needs wrk (Debian package `wrk`). Not part of scripts/test.sh: a measurement, not a test.
# Optional: WP_LOAD_SECONDS (60), WP_LOAD_CONNECTIONS (64), WP_LOAD_THREADS (2), WP_LOAD_PAGE (/programmes/ptc-2022-2025),
# WP_LOAD_RENDER_CONNECTIONS (4), WP_LOAD_SIGNED_IN_CONNECTIONS (16), WP_LOAD_DOCUMENTS (none), WP_LOAD_ONLY=signed-in
# (skip the 64-connection runs).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/load/app.sh
seconds="${WP_LOAD_SECONDS:-60}"
connections="${WP_LOAD_CONNECTIONS:-64}"
threads="${WP_LOAD_THREADS:-2}"
render_connections="${WP_LOAD_RENDER_CONNECTIONS:-4}"
page="${WP_LOAD_PAGE:-/programmes/ptc-2022-2025}"
signed_in_connections="${WP_LOAD_SIGNED_IN_CONNECTIONS:-16}"
documents="${WP_LOAD_DOCUMENTS:-}"
only="${WP_LOAD_ONLY:-}"

work=$(mktemp -d /tmp/wp-load.XXXXXX)
trap 'stop_app; rm -rf "$work"' EXIT
publish_app "$work/app"
publish_cli "$work/cli"
port=$(free_port)
start_app "$work/app" "$work/load.db" "$port" "$work/app.log"
base="http://127.0.0.1:$port"
editor_email=load-editor@example.org
editor_password="load test editor password"
add_user "$work/cli" "$work/load.db" "$editor_email" editor "$editor_password"
editor_cookie=$(sign_in "$base" "$editor_email" "$editor_password")
signed_in_page=$(curl -fsS -H "Cookie: $editor_cookie" "$base$page")
[[ "$signed_in_page" == *account/sign-out* ]] || { echo "the editor's cookie does not sign the page in" >&2; exit 1; }

static=/load-test/programme.html
mkdir -p "$work/app/wwwroot/load-test"
curl -fsS "$base$page" -o "$work/app/wwwroot$static"
curl -fsS "$base$static" -o /dev/null
echo "machine: $(nproc) cores, $(dotnet --version) SDK, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "page: $page ($(stat -c %s "$work/app/wwwroot$static") bytes of HTML); wrk -t$threads -c$connections -d${seconds}s"

run() { # run LABEL PATH [CONNECTIONS]
    wrk -t"$threads" -c"${3:-$connections}" -d"${seconds}s" --latency -s scripts/load/report.lua "$base$2" >"$work/wrk.out"
    # awk, not sed: a label may hold a path and its slashes.
    awk -v label="$1" 'sub(/^result /, label " ")' "$work/wrk.out"
}

# Both targets warm up first (JIT, tiered compilation, the SQLite page cache), so neither pays for starting.
wrk -t"$threads" -c"$connections" -d10s "$base$page" >/dev/null
wrk -t"$threads" -c"$connections" -d5s "$base$static" >/dev/null
WP_WRK_COOKIE="$editor_cookie" wrk -t"$threads" -c"$signed_in_connections" -d5s -s scripts/load/report.lua "$base$page" >/dev/null
ratio() { # ratio LABEL PAGE_LINE LIMIT_LINE
    python3 - "$@" <<'PY'
import sys
def fields(line):
    pairs = (item.split("=", 1) for item in line.split() if "=" in item)
    return {key: float(value) for key, value in pairs if value.replace(".", "", 1).isdigit()}
label, page, limit = sys.argv[1], fields(sys.argv[2]), fields(sys.argv[3])
print(f"ratio {label} throughput={page['per_second'] / limit['per_second']:.3f} p95={page['p95_ms']:.1f} ms p99={page['p99_ms']:.1f} ms "
      f"errors={int(page['errors'] + limit['errors'])}")
PY
}

if [ "$only" != signed-in ]; then
    dynamic=$(run page "$page")
    echo "$dynamic"
    static_line=$(run static "$static")
    echo "$static_line"
    WP_WRK_UNIQUE_QUERY=1 run "rendered (c=$render_connections)" "$page" "$render_connections"
    ratio page/static "$dynamic" "$static_line"
fi

c=$signed_in_connections
limit=$(run "static (c=$c, the limit)" "$static" "$c")
echo "$limit"
signed_in=$(WP_WRK_COOKIE="$editor_cookie" run "signed-in editor (c=$c)" "$page" "$c")
echo "$signed_in"
ratio "signed-in/limit (c=$c)" "$signed_in" "$limit"
WP_WRK_ENCODING=br run "page, br (c=$c)" "$page" "$c"
WP_WRK_ENCODING=br WP_WRK_COOKIE="$editor_cookie" run "signed-in editor, br (c=$c)" "$page" "$c"
# The document downloads (the document cache's figures) for the editor, when named.
for document in $documents; do
    WP_WRK_COOKIE="$editor_cookie" run "document $document (c=$c)" "$document" "$c"
done
echo "app after the runs: $(app_memory)"
