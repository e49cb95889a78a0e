#!/usr/bin/env bash
# Black-box scan of the app with wapiti (Debian package `wapiti`, 3.0.4) on loopback only: the published app on a fresh
# SQLite database (the shipped programmes) and a free port, wapiti's default modules plus csrf, crlf and xxe, within the
# app's own domain, signed in as an administrator so that the editors' and admins' pages are crawled and attacked too,
# with a reporting round open (wp session add, wp round open); a JSON report in artifacts/scan/. Ends with
# "wapiti: N high or critical findings, …" and exits non-zero when N > 0.
#
# The crawl is kept to one of each kind of page, or it does not end in time (an earlier run found 602 URLs, 272 of
# them one activity page per activity and version, and 250 sign-in and language links, one per page, each attacked):
#   - per-activity and per-report pages (view, edit, assign, report) only for ids starting with 0 (wildcard exclusions
#     -x …/activities/1* … /f*: a handful of the programme's 97 activities, every page type kept);
#   - the returnUrl query parameter is dropped from crawled links (-r): /account/sign-in?returnUrl=… and
#     /language?…&returnUrl=… collapse to one page each; both are also start URLs with the parameter, so it is attacked;
#   - links are followed 4 deep from the home page (WP_SCAN_DEPTH): every kind of page is within 4 clicks (home,
#     programme, round, report), while the forms the crawl itself submits (wapiti posts every form it finds with its
#     default values: opening rounds, adopting versions, …) would otherwise keep creating new pages to crawl;
#   - POST /account/sign-out is excluded (the session is a fixed Cookie header, but nothing is gained by calling it);
#   - the sign-in and API rate limits are lifted for the scanned app, so the handlers, not the 429s, are attacked.
# wapiti 3.0.4 builds its -x regular expressions with trailing global flags, which Python 3.11 refuses ("global flags
# not at the start of the expression"): the scan runs wapiti through a two-line launcher that fixes that function.
#
# Optional: WP_SCAN_MAX_SECONDS (default 600) bounds the crawl (wapiti 3.0.4's --max-scan-time stops the crawl only);
# WP_SCAN_MAX_ATTACK_SECONDS (default 900, 0 = none) bounds each attack module, and a module it stopped is reported;
# WP_SCAN_OUT (default artifacts/scan) receives wapiti.json, wapiti.log and the crawl (session/);
# WP_SCAN_MODULES (default "common,csrf,crlf,xxe"); WP_SCAN_ANONYMOUS=1 scans signed out; WP_SCAN_APP / WP_SCAN_CLI name
# an already published WorkProgramme.Web.dll / built wp.dll instead of publishing src/WorkProgramme.Web / building
# src/WorkProgramme.Cli.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
command -v wapiti >/dev/null || { echo "wapiti is missing: sudo apt-get install -y --no-install-recommends wapiti" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d /tmp/wp-scan.XXXXXX)
trap 'rm -rf "$work"' EXIT
app_dll="${WP_SCAN_APP:-}"
if [ -z "$app_dll" ]; then
    # Published, as deployed (wwwroot beside the dll).
    dotnet publish src/WorkProgramme.Web -c Release -o "$work/app" -v quiet
    app_dll="$work/app/WorkProgramme.Web.dll"
fi
cli_dll="${WP_SCAN_CLI:-}"
if [ -z "$cli_dll" ]; then
    dotnet build src/WorkProgramme.Cli -c Release -v quiet
    cli_dll=src/WorkProgramme.Cli/bin/Release/net10.0/wp.dll
fi
source scripts/ports.sh
port=$(unused_port)
url="http://127.0.0.1:$port/"
export Database__Provider=Sqlite ConnectionStrings__WorkProgramme="Data Source=$work/scan.db"

# The administrator the scan signs in as (wp creates and seeds the database first).
email=scan-admin@example.org
password="scan-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
if [ "${WP_SCAN_ANONYMOUS:-0}" != 1 ]; then
    dotnet "$cli_dll" user add --email "$email" --role admin --password "$password" >/dev/null
fi
# An open reporting round, so that the editable status-report form is crawled and attacked too.
round=$(dotnet "$cli_dll" session add --body CTP --ordinals 245,246 --year 2024 --month 10 --season autumn)
dotnet "$cli_dll" round open --programme ptc-2022-2025 --session "$round" >/dev/null

# From its own folder, as a service runs it (WorkingDirectory): the content root, hence wwwroot, is the current directory.
app_dll=$(realpath "$app_dll")
(cd "$(dirname "$app_dll")" && ASPNETCORE_ENVIRONMENT=Production Urls="$url" RateLimits__ApiPerMinute=1000000 \
    RateLimits__SignInPerMinute=1000000 Logging__LogLevel__Default=Warning exec dotnet "$app_dll") >"$work/app.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do
    curl -fsS "${url}health/ready" >/dev/null 2>&1 && break
    sleep 1
done
curl -fsS "${url}health/ready" >/dev/null

# Sign in as a browser does (antiforgery cookie and token, then the form); the cookies become a fixed Cookie header.
session=()
if [ "${WP_SCAN_ANONYMOUS:-0}" != 1 ]; then
    cookie=$(python3 - "$url" "$email" "$password" <<'PY'
import html, http.cookiejar, re, sys, urllib.parse, urllib.request
url, email, password = sys.argv[1:4]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
page = opener.open(url + "account/sign-in").read().decode()
form = re.search(r'<form method="post".*?</form>', page, re.S).group(0)
token = html.unescape(re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]*)"', form).group(1))
data = urllib.parse.urlencode({"Email": email, "Password": password, "ReturnUrl": "/", "__RequestVerificationToken": token}).encode()
opener.open(url + "account/sign-in", data)
profile = opener.open(url + "account/profile")
if "/account/sign-in" in profile.geturl() or email not in profile.read().decode():
    sys.exit("the scan could not sign in")
print("; ".join(f"{c.name}={c.value}" for c in jar))
PY
)
    session=(-H "Cookie: $cookie")
fi

# Wildcard exclusions: per-activity and per-report pages except ids starting with 0, and the sign-out.
exclusions=(-x "${url}account/sign-out*")
for digit in 1 2 3 4 5 6 7 8 9 a b c d e f; do
    exclusions+=(-x "${url}*/activities/$digit*" -x "${url}*/reports/$digit*")
done
out="${WP_SCAN_OUT:-$root/artifacts/scan}"
mkdir -p "$out"
report="$out/wapiti.json"
rm -rf "$out/session" "$report"
started=$(date +%s)
/usr/bin/python3 - -u "$url" --scope domain --flush-session --store-session "$out/session" \
    -d "${WP_SCAN_DEPTH:-4}" --max-scan-time "${WP_SCAN_MAX_SECONDS:-600}" --max-attack-time "${WP_SCAN_MAX_ATTACK_SECONDS:-900}" -m "${WP_SCAN_MODULES:-common,csrf,crlf,xxe}" \
    "${session[@]}" -r returnUrl "${exclusions[@]}" \
    -s "${url}language?culture=en&returnUrl=%2Forganisation" -s "${url}account/sign-in?returnUrl=%2Forganisation" \
    -f json -o "$report" --verbose 1 >"$out/wapiti.log" 2>&1 <<'PY' || true
import re, sys
import wapitiCore.net.crawler as crawler
crawler.wildcard_translate = lambda pattern: re.compile("(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\Z")
from wapitiCore.main.wapiti import wapiti_main
sys.argv[0] = "wapiti"
sys.exit(wapiti_main())
PY
echo "wapiti ran $(( $(date +%s) - started )) s; log: $out/wapiti.log"
[ -f "$report" ] || { echo "wapiti wrote no report (see $out/wapiti.log)" >&2; exit 1; }
python3 - "$report" "$out/session" "$out/wapiti.log" <<'PY'
import collections, glob, json, re, sqlite3, sys
report = json.load(open(sys.argv[1]))
for database in glob.glob(sys.argv[2] + "/*.db"):
    connection = sqlite3.connect(database)
    paths = connection.execute("SELECT path, method FROM paths WHERE evil = 0 AND headers IS NOT NULL").fetchall()
    left = connection.execute("SELECT COUNT(*) FROM paths WHERE evil = 0 AND headers IS NULL").fetchone()[0]
    kinds = {(m, re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}", re.sub(r"^https?://[^/]+", "", p))) for p, m in paths}
    print(f"crawled: {len(paths)} URLs and forms ({len(kinds)} paths by method, ids folded), {left} left unvisited")
log = open(sys.argv[3], errors="replace").read()
launched = re.findall(r"Launching module (\w+)", log)
stopped = re.findall(r"Max attack time was reached for module (\w+)", log)
print(f"modules: {' '.join(launched)}; stopped by the time limit: {' '.join(stopped) or 'none'}")
# wapiti 3.0.4 writes levels as strings: "1" low, "2" medium, "3" high, "4" critical.
def count(section, minimum):
    return sum(1 for findings in report.get(section, {}).values() for f in findings if int(f.get("level", 0)) >= minimum)
high = count("vulnerabilities", 3)
every = count("vulnerabilities", 0)
anomalies = count("anomalies", 0)
for section in ("vulnerabilities", "anomalies", "additionals"):
    for name, findings in sorted(report.get(section, {}).items()):
        if findings:
            print(f"  {section}: {name}: {len(findings)} (levels {sorted({int(f.get('level', 0)) for f in findings})})")
print(f"wapiti: {high} high or critical findings, {every} findings in all, {anomalies} anomalies")
sys.exit(1 if high else 0)
PY
