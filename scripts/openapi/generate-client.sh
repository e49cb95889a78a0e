#!/usr/bin/env bash
# Writes the C# client Kiota generates from the committed OpenAPI document (docs/api/openapi.json) into the folder given
# (default: the one the Web tests compile, tests/WorkProgramme.Web.Tests/Api/Client). Kiota is a local dotnet tool
# (.config/dotnet-tools.json), so the same version runs here and in CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
output=${1:-tests/WorkProgramme.Web.Tests/Api/Client}
dotnet tool run kiota generate --language CSharp --openapi docs/api/openapi.json --class-name WorkProgrammeClient \
    --namespace-name WorkProgramme.Web.Tests.Api.Client --output "$output" --include-path "/api/**" \
    --exclude-backward-compatible --clean-output --log-level Warning >/dev/null
rm -f "$output/.kiota.log"
