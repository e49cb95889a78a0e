#!/usr/bin/env bash
# The API contract, checked from the committed document (the Web tests fail when it is not the one the app serves):
# Redocly's recommended rules with no error, and the committed Kiota client is what Kiota generates from it today.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null; then
    echo "Node.js 20.19 or later (with npm) is needed to lint the OpenAPI document: install the nodejs package." >&2
    exit 1
fi
npm ci --no-audit --no-fund --silent
npx --no-install redocly lint ../../docs/api/openapi.json --config redocly.yaml --format stylish

generated=$(mktemp -d)
trap 'rm -rf "$generated"' EXIT
./generate-client.sh "$generated"
if ! diff -r --exclude=kiota-lock.json "$generated" ../../tests/WorkProgramme.Web.Tests/Api/Client >/dev/null; then
    echo "The committed Kiota client is stale: run scripts/openapi/generate-client.sh and commit the result." >&2
    diff -r --exclude=kiota-lock.json "$generated" ../../tests/WorkProgramme.Web.Tests/Api/Client | head -40 >&2
    exit 1
fi
echo "The Kiota client matches docs/api/openapi.json."
