#!/usr/bin/env bash
# The document figures of docs/performance.md (decision 0038): each download of the PTC programme asked for three times
# in a row on a fresh app and a fresh document cache. The first request builds the document (the PDF: through
# LibreOffice), the next ones are served from the cache folder. Prints one line per request: status, seconds, bytes.
# Needs curl and LibreOffice (scripts/test.sh installs it). A measurement, not a test: not part of scripts/test.sh.
# Optional: WP_DOCUMENT_LANG (fr).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/load/app.sh
lang="${WP_DOCUMENT_LANG:-fr}"

work=$(mktemp -d /tmp/wp-documents.XXXXXX)
trap 'stop_app; rm -rf "$work"' EXIT
publish_app "$work/app"
port=$(free_port)
# The first PDF is waited for (no 202), so that its line is the conversion's own time.
export Documents__CacheFolder="$work/document-cache" Documents__PdfWaitSeconds=300
start_app "$work/app" "$work/documents.db" "$port" "$work/app.log"
base="http://127.0.0.1:$port/programmes/ptc-2022-2025"
echo "machine: $(nproc) cores, $(dotnet --version) SDK, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# The app's first request pays for the JIT: a page first, so that the first document does not.
curl -fsS "http://127.0.0.1:$port/programmes/ptc-2022-2025" -o /dev/null

for download in "annex docx|/export.docx?lang=$lang" "annex pdf|/export.pdf?lang=$lang" "workbook xlsx|/export.xlsx?lang=$lang" \
    "redline docx|/redline.docx?from=2023-10&to=2024-04&lang=$lang"; do
    label="${download%%|*}"
    path="${download#*|}"
    for attempt in first second third; do
        curl -sS -o /dev/null -H "Accept: */*" -w "$label $attempt status=%{http_code} seconds=%{time_total} bytes=%{size_download}\n" "$base$path"
    done
done
echo "cache folder: $(find "$work/document-cache" -type f | wc -l) files, $(du -sk "$work/document-cache" | cut -f1) KiB"
echo "app after the runs: $(app_memory)"
