#!/usr/bin/env bash
# Black-box scan of the app with wapiti (Debian package `wapiti`) on loopback only: the published app on a fresh SQLite
# database and a free port, wapiti's default modules within the app's own domain, a JSON report in artifacts/scan/.
# Ends with "wapiti: N high or critical findings, N anomalies" and exits non-zero when N high/critical > 0.
# Optional: WP_SCAN_MAX_SECONDS (default 600) bounds the whole scan; WP_SCAN_APP names an already built
# WorkProgramme.Web.dll to scan instead of building src/WorkProgramme.Web.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
command -v wapiti >/dev/null || { echo "wapiti is missing: sudo apt-get install -y --no-install-recommends wapiti" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
app_dll="${WP_SCAN_APP:-}"
if [ -z "$app_dll" ]; then
    dotnet build src/WorkProgramme.Web -c Release -v quiet
    app_dll=src/WorkProgramme.Web/bin/Release/net10.0/WorkProgramme.Web.dll
fi
work=$(mktemp -d /tmp/wp-scan.XXXXXX)
port=$((20000 + RANDOM % 20000))
while (: </dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
url="http://127.0.0.1:$port/"
ASPNETCORE_ENVIRONMENT=Production Urls="$url" Database__Provider=Sqlite \
    ConnectionStrings__WorkProgramme="Data Source=$work/scan.db" RateLimits__ApiPerMinute=1000000 \
    Logging__LogLevel__Default=Warning \
    dotnet "$app_dll" >"$work/app.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do
    curl -fsS "${url}health/ready" >/dev/null 2>&1 && break
    sleep 1
done
curl -fsS "${url}health/ready" >/dev/null
mkdir -p "$root/artifacts/scan"
report="$root/artifacts/scan/wapiti.json"
wapiti -u "$url" --scope domain --flush-session --max-scan-time "${WP_SCAN_MAX_SECONDS:-600}" \
    -f json -o "$report" --verbose 0 >"$root/artifacts/scan/wapiti.log" 2>&1 || true
python3 - "$report" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
def count(section, minimum):
    return sum(1 for findings in report.get(section, {}).values() for f in findings if f.get("level", 0) >= minimum)
high = count("vulnerabilities", 3)
every = count("vulnerabilities", 0)
anomalies = count("anomalies", 0)
for name, findings in sorted(report.get("vulnerabilities", {}).items()):
    if findings:
        print(f"  {name}: {len(findings)} (levels {sorted({f.get('level') for f in findings})})")
print(f"wapiti: {high} high or critical findings, {every} findings in all, {anomalies} anomalies")
sys.exit(1 if high else 0)
PY
