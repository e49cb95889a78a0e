#!/usr/bin/env bash
# Regenerates the PostgreSQL migrations from the current model: one generated Initial, then the hand-written
# AuditTrailIsAppendOnly moved to the second right after it (migrations run in id order). Only for as long as no
# PostgreSQL database in production holds an older Initial; after that, add migrations with `dotnet ef migrations add`.
set -euo pipefail
cd "$(dirname "$0")/.."
folder=src/WorkProgramme.Migrations.Postgres/Migrations
project=src/WorkProgramme.Migrations.Postgres

dotnet tool restore >/dev/null
rm -f "$folder"/*_Initial.cs "$folder"/*_Initial.Designer.cs "$folder"/WorkProgrammeDbModelSnapshot.cs
dotnet ef migrations add Initial --project "$project" --startup-project "$project" --output-dir Migrations

initial=$(basename "$(ls "$folder"/*_Initial.cs)" _Initial.cs)
next=$(date -u -d "${initial:0:8} ${initial:8:2}:${initial:10:2}:${initial:12:2} UTC + 1 second" +%Y%m%d%H%M%S)
audit=$(ls "$folder"/*_AuditTrailIsAppendOnly.cs)
sed -i "s/\[Migration(\"[0-9]*_AuditTrailIsAppendOnly\")\]/[Migration(\"${next}_AuditTrailIsAppendOnly\")]/" "$audit"
if [ "$audit" != "$folder/${next}_AuditTrailIsAppendOnly.cs" ]; then
    mv "$audit" "$folder/${next}_AuditTrailIsAppendOnly.cs"
fi
echo "Initial $initial, AuditTrailIsAppendOnly $next"
