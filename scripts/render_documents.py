#!/usr/bin/env python3
"""Renders the demo's documents the way a colleague's office suite would print them: replays
sessions/demo-val-d-exemple.txt into a fresh workbook, exports the CLS draft (.docx, .odt) and
the plan de financement (.docx, .odt, .xlsx, .ods), converts each to PDF with LibreOffice
headless and prints its page count and page size; the spreadsheets are also recalculated by
LibreOffice (converted to CSV) so that their totals can be compared with the tool's.

Needs LibreOffice (Debian: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui
poppler-utils); says so and stops without it. The tool itself never needs LibreOffice.

Usage: python3 scripts/render_documents.py [--keep DOSSIER] [--png]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXPORTS = [("cls", "contrat.docx"), ("cls", "contrat.odt"), ("plan", "plan.docx"), ("plan", "plan.odt"), ("plan", "plan.xlsx"),
           ("plan", "plan.ods")]


def binary():
    subprocess.run(["swift", "build", "--product", "atelier-sante"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout.strip()
    return os.path.join(path, "atelier-sante")


def pdf_pages(path):
    """Pages and the size of the first, from pdfinfo, else from the PDF's own MediaBox."""
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        pages = re.search(r"Pages:\s+(\d+)", info).group(1)
        size = re.search(r"Page size:\s+(.+)", info).group(1).strip()
        return pages, size
    data = open(path, "rb").read()
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", data)
    return str(len(re.findall(rb"/Type\s*/Page[^s]", data))), f"{box.group(1).decode()} x {box.group(2).decode()} pts"


def force_recalculation(profile):
    """LibreOffice shows the values cached in a file it did not write; told to recalculate on
    load, it computes our formulas itself, so that its totals check ours."""
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    path = "/org.openoffice.Office.Calc/Formula/Load"
    items = "".join(f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>0</value></prop></item>'
                    for name in ("OOXMLRecalcMode", "ODFRecalcMode"))
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as file:
        file.write('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                   f'xmlns:xs="http://www.w3.org/2001/XMLSchema">{items}</oor:items>\n')


def recalculated_totals(folder, name):
    """The plan's two totals as LibreOffice computed them from our formulas (first sheet's CSV)."""
    path = os.path.join(folder, os.path.splitext(name)[0] + "-Par action.csv")
    totals = []
    for line in open(path, encoding="utf-8").read().splitlines():
        cells = line.split(";")
        if len(cells) > 8 and cells[2].strip('"').startswith("Total des") and cells[2].strip('"').endswith("du plan"):
            totals.append(f"{cells[2].strip(chr(34))} = {cells[8].strip(chr(34))}")
    return " ; ".join(totals) or "introuvables"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", help="dossier où garder les documents et leurs PDF")
    parser.add_argument("--png", action="store_true", help="la première page de chaque PDF en PNG (pdftoppm)")
    args = parser.parse_args()
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        print("LibreOffice n'est pas installé : apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils")
        return 2
    folder = args.keep or tempfile.mkdtemp(prefix="atelier-rendu-")
    os.makedirs(folder, exist_ok=True)
    script = open(os.path.join(ROOT, "sessions", "demo-val-d-exemple.txt"), encoding="utf-8").read()
    script += "".join(f"/exporter {document} {name}\n" for document, name in EXPORTS)
    env = dict(os.environ, ATELIER_SANTE_RESSOURCES=ROOT, ATELIER_SANTE_HISTORIQUE=os.path.join(folder, "historique"))
    for name in ["demo.sqlite"] + [name for _, name in EXPORTS]:
        if os.path.exists(os.path.join(folder, name)):
            os.remove(os.path.join(folder, name))
    run = subprocess.run([binary(), "demo.sqlite"], input=script, text=True, cwd=folder, env=env, capture_output=True)
    if run.returncode != 0:
        print(run.stderr)
        return 1
    profile = "file://" + os.path.join(folder, ".profil-libreoffice")
    force_recalculation(os.path.join(folder, ".profil-libreoffice"))
    for _, name in EXPORTS:
        source = os.path.join(folder, name)
        target = os.path.join(folder, "pdf", name.replace(".", "-"))
        os.makedirs(target, exist_ok=True)
        subprocess.run([office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", target,
                        source], check=True, capture_output=True)
        pdf = os.path.join(target, os.path.splitext(name)[0] + ".pdf")
        pages, size = pdf_pages(pdf)
        print(f"{name:14} {os.path.getsize(source):>8} octets → PDF : {pages} pages, {size}")
        if args.png and shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", pdf, os.path.join(target, "page")], check=True)
        if name.endswith((".xlsx", ".ods")):
            # LibreOffice recalculates the formulas on load: its totals, beside ours, in CSV.
            subprocess.run([office, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                            "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1", "--outdir", target,
                            source], check=True, capture_output=True)
            print(f"{'':14} totaux recalculés par LibreOffice (Par action) : {recalculated_totals(target, name)}")
    print(f"Documents et PDF : {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
