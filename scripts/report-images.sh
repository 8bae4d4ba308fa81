#!/usr/bin/env bash
# Renders the pages of the report `xxgk report` writes from the seed's tables into
# docs/images/report-page-N.png: the .docx is converted to PDF by LibreOffice Writer
# (libreoffice-writer-nogui) and the PDF pages to PNG by pdftoppm (poppler-utils).
# Chinese text needs fonts-noto-cjk. Run from the repository root: bash scripts/report-images.sh
set -euo pipefail
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npx tsx src/cli/main.ts report test/fixtures/seed-report-shizhuang-2024.txt \
  --self 我街道 -o "$work/report.docx"
soffice "-env:UserInstallation=file://$work/profile" --headless --norestore \
  --convert-to pdf --outdir "$work" "$work/report.docx" >/dev/null
rm -f docs/images/report-page-*.png
pdftoppm -r 60 -png "$work/report.pdf" docs/images/report-page
ls docs/images/report-page-*.png
