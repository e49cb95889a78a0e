#!/usr/bin/env bash
# Packs the command line as a .NET tool and installs it as `wp`.
#   scripts/install-wp.sh                   installs for this user (dotnet tool install --global; ~/.dotnet/tools on PATH)
#   scripts/install-wp.sh --tool-path DIR   installs into DIR (DIR/wp), e.g. for a test or a shared folder on PATH
# Each run packs a new version (1.0.0-local.<time>), so a reinstall never takes an older package from NuGet's cache.
set -euo pipefail
cd "$(dirname "$0")/.."

target=(--global)
if [ "${1:-}" = "--tool-path" ]; then
    [ -n "${2:-}" ] || { echo "usage: $0 [--tool-path DIR]" >&2; exit 2; }
    mkdir -p "$2"
    target=(--tool-path "$2")
fi

feed=$(mktemp -d)
trap 'rm -rf "$feed"' EXIT
version="1.0.0-local.$(date -u +%Y%m%d%H%M%S)"
dotnet build src/WorkProgramme.Cli -c Release --nologo -v quiet >&2
# The package's version only: the assemblies keep theirs, so the build above is reused as it is.
dotnet pack src/WorkProgramme.Cli -c Release --no-build -o "$feed" -p:PackageVersion="$version" --nologo -v quiet >&2

# Uninstall first: an update to the same package id is refused when the version is not newer.
dotnet tool uninstall "${target[@]}" WorkProgramme.Cli >/dev/null 2>&1 || true
dotnet tool install "${target[@]}" --add-source "$feed" --ignore-failed-sources --version "$version" WorkProgramme.Cli >&2
echo "wp $version installed" >&2
