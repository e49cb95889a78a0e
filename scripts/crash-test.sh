#!/usr/bin/env bash
# The full crash runs of docs/reliability.md (T2): 16 clients send WP_CRASH_WRITES single-transaction writes (default
# 2,000) to the app running as its own process (dotnet WorkProgramme.Web.dll) while something is killed WP_CRASH_KILLS
# times (default 20) at random moments; after each kill every acknowledged write must be present and the database intact.
# WP_CRASH_CASE says what runs and what is killed:
#   sqlite (default)  the app, by SIGKILL, over SQLite; after each kill PRAGMA integrity_check = ok and
#                     foreign_key_check empty (CrashFacts).
#   postgres-app      the app, by SIGKILL, over PostgreSQL: the server WP_TEST_POSTGRES names
#                     ('Host=127.0.0.1;Port=…;Username=postgres;Database=postgres'), or else a private one this script
#                     starts with scripts/postgres-server.sh (fsync off, as in scripts/test.sh: that server is not killed).
#   postgres-server   the PostgreSQL server itself, alternately by SIGKILL of all its processes and pg_ctl stop -m
#                     immediate; the test starts its own server (fsync, synchronous_commit, full_page_writes on, data
#                     checksums); after each restart pg_amcheck finds no corruption (PostgresServerCrashFacts).
#   wp                `wp` itself, by SIGKILL at random moments (start-up and migration included) of a first start, an
#                     import, a round publication, a backup and an export (KilledCommandFacts, CLI suite); then the
#                     next start must come up and the data be as before or after the command. WP_CRASH_KILLS per command.
#   startup           the app during its first start (migration and seeding of an empty database), WP_CRASH_KILLS times
#                     (StartupCrashFacts). Both run on PostgreSQL too with WP_TEST_PROVIDER=postgres and WP_TEST_POSTGRES.
# CI runs the same tests with 200 writes and 3 kills (the tests' defaults): the app kill in both legs of scripts/test.sh,
# the server kill in its PostgreSQL leg. Example: WP_CRASH_CASE=postgres-server nice -n 5 scripts/crash-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export WP_CRASH_WRITES="${WP_CRASH_WRITES:-2000}" WP_CRASH_KILLS="${WP_CRASH_KILLS:-20}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
case="${WP_CRASH_CASE:-sqlite}"
suite=tests/WorkProgramme.Web.Tests
case "$case" in
sqlite)
    filter="FullyQualifiedName~Reliability.CrashFacts"
    unset WP_TEST_PROVIDER
    ;;
postgres-app)
    filter="FullyQualifiedName~Reliability.CrashFacts"
    export WP_TEST_PROVIDER=postgres
    if [ -z "${WP_TEST_POSTGRES:-}" ]; then
        pg_folder=$(mktemp -d /tmp/wp-postgres.XXXXXX)
        trap '"$root/scripts/postgres-server.sh" remove "$pg_folder"' EXIT
        WP_TEST_POSTGRES=$("$root/scripts/postgres-server.sh" start "$pg_folder" fast)
        export WP_TEST_POSTGRES
    fi
    ;;
postgres-server)
    filter="FullyQualifiedName~Reliability.PostgresServerCrashFacts"
    export WP_TEST_PROVIDER=postgres
    ;;
wp)
    filter="FullyQualifiedName~KilledCommandFacts"
    suite=tests/WorkProgramme.Cli.Tests
    ;;
startup)
    filter="FullyQualifiedName~Reliability.StartupCrashFacts"
    ;;
*)
    echo "WP_CRASH_CASE must be sqlite, postgres-app, postgres-server, wp or startup, not '$case'" >&2
    exit 2
    ;;
esac
echo "case=$case writes=$WP_CRASH_WRITES kills=$WP_CRASH_KILLS"
dotnet build "$suite" -c Release
dotnet test "$suite" -c Release --no-build \
    --filter "$filter" --logger "console;verbosity=detailed" \
    | grep -E "provider=|^ *ok |^ *kill |Passed |Failed |Skipped |missing"
