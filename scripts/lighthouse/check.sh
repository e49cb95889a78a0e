#!/usr/bin/env bash
# Lighthouse's accessibility score of the programme page and an activity page, in French and English, on a phone
# (Lighthouse's default, the programme as cards) and on a desktop window (the programme as a table): each must be 100
# (docs/decisions/0028). The app runs as published (wwwroot beside the dll) on a fresh SQLite file (the shipped
# programmes) and a free loopback port; Debian's chromium (CHROME_PATH). Lighthouse is pinned in package-lock.json
# (12.2.3: 13.x needs Node 22). Needs a Release build first (scripts/test.sh builds); reports go to
# artifacts/lighthouse/. Exit code: 0 only when every page scored 100.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
if ! command -v npm >/dev/null; then
    echo "Node.js 20 or later (with npm) is needed to run Lighthouse: install the nodejs package." >&2
    exit 1
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$CHROME_PATH" ] || { echo "chromium is missing ($CHROME_PATH): apt-get install -y --no-install-recommends chromium" >&2; exit 1; }
npm ci --no-audit --no-fund --silent

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out="$root/artifacts/lighthouse"
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d /tmp/wp-lighthouse.XXXXXX)
app_pid=""
stop() {
    if [ -n "$app_pid" ]; then
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap stop EXIT

dotnet publish "$root/src/WorkProgramme.Web" --no-build -c Release -o "$work/app" -v quiet >/dev/null
source "$root/scripts/ports.sh"
started=""
for _ in 1 2 3; do
    port=$(unused_port)
    (cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production Urls="http://127.0.0.1:$port" Database__Provider=Sqlite \
        ConnectionStrings__WorkProgramme="Data Source=$work/lighthouse.db" Logging__LogLevel__Default=Warning \
        exec dotnet WorkProgramme.Web.dll >"$out/app.log" 2>&1) &
    app_pid=$!
    # The first start creates and seeds the database; no fixed wait, the readiness endpoint says when.
    for _ in $(seq 1 300); do
        if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
            started=yes
            break
        fi
        kill -0 "$app_pid" 2>/dev/null || break
        sleep 1
    done
    [ -n "$started" ] && break
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
done
if [ -z "$started" ]; then
    echo "The app did not start; its log:" >&2
    cat "$out/app.log" >&2
    exit 1
fi
base="http://127.0.0.1:$port"
programme=/programmes/ptc-2022-2025
activity=$(curl -fsS "$base/api$programme" | node -e '
    let text = ""; process.stdin.on("data", d => text += d).on("end", () => {
        const file = JSON.parse(text);
        console.log(file.activities.find(a => a.section === "time-bound").id);
    });')

status=0
audit() { # audit NAME PATH LANGUAGE [--preset=desktop]
    local name=$1 path=$2 language=$3 report="$out/$1.json"
    shift 3
    # The language twice: ?culture= chooses it (the app's first rule), Accept-Language as a browser of that language.
    npx --no-install lighthouse "$base$path?culture=$language" "$@" --only-categories=accessibility --output=json --output-path="$report" \
        --quiet --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
        --extra-headers="{\"Accept-Language\":\"$language\"}" >/dev/null 2>"$out/$name.log" || {
        echo "$name: Lighthouse failed (its log: artifacts/lighthouse/$name.log)" >&2
        status=1
        return
    }
    node - "$report" "$name" <<'JS' || status=1
const [report, name] = process.argv.slice(2);
const result = JSON.parse(require("fs").readFileSync(report, "utf8"));
const score = Math.round(result.categories.accessibility.score * 100);
console.log(`${name}: accessibility ${score}`);
if (score < 100) {
    for (const audit of Object.values(result.audits)) {
        if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === "binary") {
            console.log(`  - ${audit.id}: ${audit.title}`);
        }
    }
    process.exit(1);
}
JS
}

for language in fr en; do
    audit "programme-$language-phone" "$programme" "$language"
    audit "programme-$language-desktop" "$programme" "$language" --preset=desktop
    audit "activity-$language-phone" "$programme/activities/$activity" "$language"
done
if [ "$status" -ne 0 ]; then
    echo "Lighthouse accessibility is below 100 on a page above (reports in artifacts/lighthouse/)." >&2
fi
exit "$status"
