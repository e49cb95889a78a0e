# Sourced by scripts/load-test.sh and scripts/scale-test.sh: publish the app once, start it on a SQLite file and a free
# loopback port, stop it on exit. The app runs from its publish folder so that wwwroot is served as in production.

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y --no-install-recommends wrk" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

publish_app() { # publish_app FOLDER
    dotnet publish src/WorkProgramme.Web -c Release -o "$1" -v quiet >/dev/null
}

source scripts/ports.sh
free_port() { unused_port; }

app_pid=""
stop_app() {
    if [ -n "$app_pid" ]; then
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
        app_pid=""
    fi
}

start_app() { # start_app PUBLISH_FOLDER DATABASE_FILE PORT LOG_FILE  (sets app_pid)
    (cd "$1" && ASPNETCORE_ENVIRONMENT=Production Urls="http://127.0.0.1:$3" Database__Provider=Sqlite \
        ConnectionStrings__WorkProgramme="Data Source=$2" Logging__LogLevel__Default=Warning \
        exec dotnet WorkProgramme.Web.dll >"$4" 2>&1) &
    app_pid=$!
    for _ in $(seq 1 300); do
        curl -fsS "http://127.0.0.1:$3/health/ready" >/dev/null 2>&1 && return 0
        kill -0 "$app_pid" 2>/dev/null || break
        sleep 1
    done
    echo "the app did not start; its log:" >&2
    cat "$4" >&2
    return 1
}

# Peak and current resident memory of the app process, in MB.
app_memory() {
    awk '/^VmHWM/ {peak = $2} /^VmRSS/ {now = $2} END {printf "peak_rss_mb=%.0f rss_mb=%.0f\n", peak / 1024, now / 1024}' \
        "/proc/$app_pid/status"
}
