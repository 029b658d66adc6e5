#!/usr/bin/env bash
# What the tests need beyond npm ci, from Debian's packages: LibreOffice Calc (test/interop, test/corpus) and
# Writer (the Word report, test/interop/report-docx.test.ts),
# Chromium (test/e2e), poppler-utils (the printed report's PDF), and the fonts with the metrics of Times New
# Roman and Calibri, so that LibreOffice lays the report out as Excel does. Installs only those missing, with
# apt-get as root or through sudo; elsewhere it stops at once with one line naming what to install.
# Run by `npm run setup:test` (the README's test line) and by .ci/run.
set -euo pipefail

need=()
if command -v "${SOFFICE:-soffice}" >/dev/null 2>&1; then
  # Writer is a package of its own beside Calc: its library sits in soffice's program folder.
  program="$(dirname "$(readlink -f "$(command -v "${SOFFICE:-soffice}")")")"
  [ -e "$program/libswlo.so" ] || need+=(libreoffice-writer-nogui)
else
  need+=(libreoffice-calc-nogui libreoffice-writer-nogui)
fi
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
{ command -v pdftotext && command -v pdftohtml; } >/dev/null 2>&1 || need+=(poppler-utils)
fonts="$(fc-list 2>/dev/null || true)"
grep -qi 'Liberation Serif' <<<"$fonts" || need+=(fonts-liberation)
grep -qi 'Carlito' <<<"$fonts" || need+=(fonts-crosextra-carlito)

if [ ${#need[@]} -eq 0 ]; then
  echo "test-setup: LibreOffice (Calc and Writer), Chromium, poppler-utils and the fonts are installed"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  # sudo may ask for a password only where someone can type it.
  if command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then sudo=(sudo); else sudo=(none); fi
fi
if ! command -v apt-get >/dev/null 2>&1 || [ "${sudo[*]}" = none ]; then
  echo "test-setup: install these Debian/Ubuntu packages (or your system's equivalents), then run the tests again: ${need[*]} (this script installs them only with apt-get, as root or with sudo)" >&2
  exit 1
fi

echo "test-setup: installing ${need[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
