#!/usr/bin/env bash
# Installs what the tests need, builds with warnings as errors, runs every test suite and ends with the line
# "N passed, N failed". Exit code: 0 only when everything built and every test passed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"

say() { printf '\n==> %s\n' "$*"; }

# The browser tests drive Debian's chromium through Playwright, which cannot download a browser here (its driver and
# node ship inside the NuGet package); the pages ask for Liberation Sans. The PDF annex is our .docx converted by
# LibreOffice, with metric-compatible fonts (Times New Roman -> Liberation Serif); poppler-utils renders pages to look at.
# The handler, HTTP and CLI suites run a second time against a private PostgreSQL server (Debian's postgresql package).
# nginx is run by a test (its own prefix, a high port, not as a service) in front of two app instances.
packages=(chromium fonts-liberation2 libreoffice-writer-nogui fonts-crosextra-carlito fonts-crosextra-caladea poppler-utils
           postgresql nginx python3-aiosmtpd translate-toolkit python3-uno omegat)
missing=()
for package in "${packages[@]}"; do
    [[ "$(dpkg -s "$package" 2>/dev/null)" == *"Status: install ok installed"* ]] || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    say "Install ${missing[*]}"
    as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        as_root=(sudo)
    fi
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say "Restore"
dotnet tool restore
dotnet restore WorkProgramme.slnx

say "Build (warnings are errors)"
dotnet build WorkProgramme.slnx --no-restore -c Release

say "Migrations match the model"
for migrations in src/WorkProgramme.Migrations.Sqlite src/WorkProgramme.Migrations.Postgres; do
    dotnet ef migrations has-pending-model-changes --no-build --configuration Release \
        --project "$migrations" --startup-project "$migrations"
done

status=0
say "The API contract: Redocly's recommended rules on docs/api/openapi.json, the Kiota client generated from it"
# Node 20 and npm from the machine; the linter's version is pinned in scripts/openapi/package-lock.json (npm ci). The
# Web tests check that docs/api/openapi.json is the document the app serves; a failure here fails the run.
scripts/openapi/check.sh || { echo "The API contract check failed." >&2; status=1; }

say "Lighthouse accessibility: the programme and activity pages, French and English, phone and desktop, 100 or fail"
# The published app on a fresh SQLite file and Debian's chromium; Lighthouse pinned in scripts/lighthouse/package-lock.json.
scripts/lighthouse/check.sh || { echo "The Lighthouse accessibility check failed." >&2; status=1; }

say "Start a private PostgreSQL server"
# Its own data folder and port on 127.0.0.1, no systemd; fsync off because the data is thrown away at exit.
pg_folder=$(mktemp -d /tmp/wp-postgres.XXXXXX)
trap '"$root/scripts/postgres-server.sh" remove "$pg_folder"' EXIT
postgres_server=$("$root/scripts/postgres-server.sh" start "$pg_folder" fast)
echo "PostgreSQL: $postgres_server ($pg_folder)"

say "Tests"
rm -rf "$results"
# Every suite may reach the server: the SQLite run also moves archives to PostgreSQL and back.
export WP_TEST_POSTGRES="$postgres_server"
for project in tests/*/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    dotnet test "$project" --no-build -c Release --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
        -- RunConfiguration.TreatNoTestsAsError=true || status=$?
done

say "Tests on PostgreSQL"
for name in WorkProgramme.Application.Tests WorkProgramme.Web.Tests WorkProgramme.Cli.Tests; do
    WP_TEST_PROVIDER=postgres \
        dotnet test "tests/$name/$name.csproj" --no-build -c Release --logger "trx;LogFileName=$name.postgres.trx" \
        --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true || status=$?
done

passed=0
failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
done

echo
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
    exit 1
fi
