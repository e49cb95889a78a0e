#!/usr/bin/env bash
# The scale figures of docs/performance.md: for each organisation size in WP_SCALE_COMMITTEES (default "10 25 50"), a fresh
# SQLite file with the PTC seed plus `wp generate --committees N --activities 100 --sessions 12`, then with wrk on
# loopback: every generated programme page in turn, the organisation view, and the organisation view filtered (overdue
# activities led by the Facilitation Sub-Directorate), every programme page rendered on each request (a query parameter
# of its own defeats the output cache, as a signed-in user is never served from it); then the app's peak resident
# memory, and on each line the app's processor time per request (cpu_ms_per_request: what other work on a shared machine
# changes least). The first programme's page is also saved as a static file of the app and served first ("static", the
# limit of the same run). Then every programme page for a signed-in editor (a real session cookie, the sign-in form posted: decision
# 0037), the same compressed (Accept-Encoding: br, with the bytes per response), and with WP_SCALE_DOCUMENT (a path
# after each programme's, e.g. "/export.docx") that document of every programme for the editor (the document cache's
# hook). Then the search (never cached): the page and GET /api/search for three searches (a word of the PTC and the
# generated resources, one committee's code, two words of every generated row), anonymous and for the editor. One
# "result" line per target. The app runs with the API's rate limit raised.
# Optional: WP_SCALE_SECONDS (30), WP_SCALE_CONNECTIONS (8), WP_SCALE_DATA (a folder that keeps the generated
# databases, scale-N.db, and reuses them on the next run: generating 50 committees takes minutes), WP_SCALE_DOCUMENT,
# WP_SCALE_TARGETS (the labels to run, e.g. "programme-pages-rendered search"; default all).
# Needs wrk.
# Not part of scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/load/app.sh
sizes="${WP_SCALE_COMMITTEES:-10 25 50}"
seconds="${WP_SCALE_SECONDS:-30}"
connections="${WP_SCALE_CONNECTIONS:-8}"
document="${WP_SCALE_DOCUMENT:-}"

work=$(mktemp -d /tmp/wp-scale.XXXXXX)
trap 'stop_app; rm -rf "$work"' EXIT
publish_app "$work/app"
publish_cli "$work/cli"
echo "machine: $(nproc) cores, $(dotnet --version) SDK, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t2 -c$connections -d${seconds}s per target"

sqlite3_checkpoint() { # the WAL written back into the database file, which is then all there is to keep
    python3 -c 'import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
connection.execute("PRAGMA journal_mode=DELETE")
connection.close()' "$1"
}

data="${WP_SCALE_DATA:-$work}"
mkdir -p "$data"
for committees in $sizes; do
    database="$data/scale-$committees.db"
    if [ -f "$database" ]; then
        echo "committees=$committees reusing $database"
    else
        started=$(date +%s)
        ConnectionStrings__WorkProgramme="Data Source=$database.partial" Database__Provider=Sqlite Logging__LogLevel__Default=Warning \
            dotnet "$work/cli/wp.dll" generate --committees "$committees" --activities 100 --sessions 12 >"$work/generate.log"
        # One file (the WAL checkpointed into it) that a later run can pick up.
        sqlite3_checkpoint "$database.partial"
        mv "$database.partial" "$database"
        echo "committees=$committees generated in $(( $(date +%s) - started )) s"
    fi
    echo "committees=$committees database $(du -cm "$database"* | tail -n 1 | cut -f1) MB"

    port=$(free_port)
    # Its own app only: the API's rate limit (600 a minute) would answer most of the search-api requests with 429.
    RateLimits__ApiPerMinute=100000000 start_app "$work/app" "$database" "$port" "$work/app-$committees.log"
    base="http://127.0.0.1:$port"
    pages=()
    for c in $(seq 1 "$committees"); do pages+=("$(printf '/programmes/scale-c%03d' "$c")"); done
    organisation=/organisation
    filtered="/organisation?Unit=Facilitation&Overdue=true"
    searches=("/search?q=facilitation" "/search?q=comit%C3%A9%20C042" "/search?q=rapport%20pr%C3%A9sent%C3%A9")
    for path in "${pages[0]}" "$organisation" "$filtered" "${searches[@]}"; do curl -fsS "$base$path" -o /dev/null; done
    wrk -t2 -c"$connections" -d5s -s scripts/load/report.lua "$base" -- "${pages[@]}" >/dev/null

    run() { # run LABEL PATH...
        if [ -n "${WP_SCALE_TARGETS:-}" ] && [[ " $WP_SCALE_TARGETS " != *" $1 "* ]]; then
            return 0
        fi
        local cpu_before result
        cpu_before=$(app_cpu_ticks)
        result=$(wrk -t2 -c"$connections" -d"${seconds}s" -s scripts/load/report.lua "$base" -- "${@:2}" | grep '^result ')
        awk -v label="committees=$committees $1" -v ticks=$(( $(app_cpu_ticks) - cpu_before )) -v hz="$(getconf CLK_TCK)" '
            sub(/^result /, label " ") { match($0, /requests=[0-9]+/); n = substr($0, RSTART + 9, RLENGTH - 9)
                printf "%s cpu_ms_per_request=%.2f\n", $0, (n > 0 ? ticks * 1000 / hz / n : 0) }' <<<"$result"
    }
    # The limit: the first programme's page saved as a static file of the same app; read the other lines as ratios to it.
    curl -fsS "$base${pages[0]}" -o "$work/app/wwwroot/scale-page.html"
    run static /scale-page.html
    run programme-pages "${pages[@]}"
    WP_WRK_ENCODING=br run programme-pages-br "${pages[@]}"
    run organisation "$organisation"
    run organisation-filtered "$filtered"
    WP_WRK_UNIQUE_QUERY=1 run programme-pages-rendered "${pages[@]}"
    # The editor is added once per database file (a reused file already has it).
    add_user "$work/cli" "$database" scale-editor@example.org editor "scale test editor password" 2>/dev/null || true
    cookie=$(sign_in "$base" scale-editor@example.org "scale test editor password")
    WP_WRK_COOKIE="$cookie" run programme-pages-signed-in "${pages[@]}"
    WP_WRK_COOKIE="$cookie" WP_WRK_ENCODING=br run programme-pages-signed-in-br "${pages[@]}"
    run search "${searches[@]}"
    run search-api "${searches[@]/#\/search/\/api\/search}"
    WP_WRK_COOKIE="$cookie" run search-signed-in "${searches[@]}"
    if [ -n "$document" ]; then
        WP_WRK_COOKIE="$cookie" run "documents$document" "${pages[@]/%/$document}"
    fi
    echo "committees=$committees app $(app_memory)"
    stop_app
done
