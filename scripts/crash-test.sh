#!/usr/bin/env bash
# The full crash run of docs/reliability.md: 16 clients send WP_CRASH_WRITES single-transaction writes (default 2,000)
# to the app running as its own process (dotnet WorkProgramme.Web.dll), which is killed with SIGKILL WP_CRASH_KILLS
# times (default 20) at random moments. After each kill: PRAGMA integrity_check = ok, foreign_key_check empty, every
# acknowledged write present. CI runs the same test with 200 writes and 3 kills (the defaults of the test itself).
# On PostgreSQL: WP_TEST_PROVIDER=postgres WP_TEST_POSTGRES='Host=127.0.0.1;Port=…;Username=postgres;Database=postgres'.
set -euo pipefail
cd "$(dirname "$0")/.."
export WP_CRASH_WRITES="${WP_CRASH_WRITES:-2000}" WP_CRASH_KILLS="${WP_CRASH_KILLS:-20}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/WorkProgramme.Web.Tests -c Release
dotnet test tests/WorkProgramme.Web.Tests -c Release --no-build \
    --filter "FullyQualifiedName~Reliability.CrashFacts" --logger "console;verbosity=detailed" \
    | grep -E "provider=|^ *ok integrity|Passed |Failed |missing" 
