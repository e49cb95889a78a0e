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

# The processor time the app has used so far (user and system), in clock ticks.
app_cpu_ticks() {
    awk '{print $14 + $15}' "/proc/$app_pid/stat"
}

# Peak and current resident memory of the app process, in MB.
app_memory() {
    awk '/^VmHWM/ {peak = $2} /^VmRSS/ {now = $2} END {printf "peak_rss_mb=%.0f rss_mb=%.0f\n", peak / 1024, now / 1024}' \
        "/proc/$app_pid/status"
}

# A signed-in session as a browser gets it: the sign-in form read for its antiforgery token, then posted. Prints the
# Cookie header value (the session and antiforgery cookies) for wrk (WP_WRK_COOKIE). The user must exist (wp user add).
sign_in() { # sign_in BASE_URL EMAIL PASSWORD
    local jar token
    jar=$(mktemp)
    token=$(curl -fsS -c "$jar" -b "$jar" "$1/account/sign-in" \
        | grep -o '<input[^>]*name="__RequestVerificationToken"[^>]*>' | head -n 1 | sed -n 's/.*value="\([^"]*\)".*/\1/p')
    local status
    status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "Email=$2" --data-urlencode "Password=$3" \
        --data-urlencode "__RequestVerificationToken=$token" "$1/account/sign-in")
    if [ "$status" != 302 ]; then
        echo "signing in $2 answered $status, not a redirect" >&2
        rm -f "$jar"
        return 1
    fi
    awk -F '\t' 'NF >= 7 { sub(/^#HttpOnly_/, "", $1); printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar"
    rm -f "$jar"
}

# A user of the given role on the app's database, through the published CLI (publish_cli).
add_user() { # add_user CLI_FOLDER DATABASE_FILE EMAIL ROLE PASSWORD
    ConnectionStrings__WorkProgramme="Data Source=$2" Database__Provider=Sqlite Logging__LogLevel__Default=Warning \
        dotnet "$1/wp.dll" user add --email "$3" --role "$4" --password "$5" >/dev/null
}

publish_cli() { # publish_cli FOLDER
    dotnet publish src/WorkProgramme.Cli -c Release -o "$1" -v quiet >/dev/null
}
