#!/usr/bin/env bash
# The independent readers the tests open our office documents with: python-docx, odfpy and
# openpyxl from PyPI, in a virtual environment under .build/ (never committed, never needed to
# run the tool). Tests that need them are skipped, with this script named, when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/office-venv
if [ ! -x "$venv/bin/python3" ]; then
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python3" -c 'import docx, odf, openpyxl' 2>/dev/null; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check python-docx==1.1.2 odfpy==1.4.1 openpyxl==3.1.5
fi
"$venv/bin/python3" -c 'import docx, odf, openpyxl; print("Lecteurs bureautiques prêts : python-docx, odfpy, openpyxl", openpyxl.__version__)'
