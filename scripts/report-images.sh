#!/usr/bin/env bash
# Renders the pages of the report `xxgk report` writes from the seed's tables into
# docs/images/report-page-N.png: the .docx is converted to PDF by LibreOffice Writer
# (libreoffice-writer-nogui) and the PDF pages to PNG by pdftoppm (poppler-utils).
# Also a draft from the seed with one wrong cell (row 一's 自然人 9 → 8): report-draft-page-N.png,
# its doubtful figures marked 【请核对】. Chinese text needs fonts-noto-cjk.
# Run from the repository root: bash scripts/report-images.sh
set -euo pipefail
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npx tsx src/cli/main.ts report test/fixtures/seed-report-shizhuang-2024.txt \
  --self 我街道 -o "$work/report.docx"
soffice "-env:UserInstallation=file://$work/profile" --headless --norestore \
  --convert-to pdf --outdir "$work" "$work/report.docx" >/dev/null
python3 - "$work/broken.txt" <<'PY'
import sys
seed = open("test/fixtures/seed-report-shizhuang-2024.txt", encoding="utf-8").read()
first = seed.index("\t9\n", seed.index("一、本年新收政府信息公开申请数量"))
open(sys.argv[1], "w", encoding="utf-8").write(seed[:first] + "\t8\n" + seed[first + 3:])
PY
# Exit code 1: the draft is written from tables with an error, as intended here.
npx tsx src/cli/main.ts report "$work/broken.txt" --self 我街道 -o "$work/draft.docx" || [ $? -eq 1 ]
soffice "-env:UserInstallation=file://$work/profile" --headless --norestore \
  --convert-to pdf --outdir "$work" "$work/draft.docx" >/dev/null
rm -f docs/images/report-page-*.png docs/images/report-draft-page-*.png
pdftoppm -r 60 -png "$work/report.pdf" docs/images/report-page
pdftoppm -r 60 -png -f 1 -l 4 "$work/draft.pdf" docs/images/report-draft-page
ls docs/images/report-*.png
