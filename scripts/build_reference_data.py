#!/usr/bin/env python3
"""Builds the compact territorial reference bundled in data/ from the national open-data files.

Sources (in ../shared/opendata by default, or the folder given as first argument):
  - INSEE COG 2026, communes (v_commune_2026): current communes and their names;
  - INSEE populations légales 2023 (in force on 01/01/2026): population municipale (PMUN);
    Paris, Lyon and Marseille are published by arrondissement and summed here;
  - INSEE populations légales of Mayotte (2017 census), published apart;
  - DGCL epcicom 2025: EPCI à fiscalité propre and their member communes.

Outputs (UTF-8, tab-separated, one header line, '#' lines are comments):
  data/communes.tsv  code, nom, departement, population_municipale, annee_population, siren_epci
  data/epci.tsv      siren, nom, nature_juridique, nombre_communes
Run again when a new millésime comes out; the tool reads only these two files.
"""
import csv
import os
import sys

ARRONDISSEMENTS = {"75056": ("751",), "69123": ("6938",), "13055": ("132",)}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "opendata")
    out = os.path.join(here, "..", "data")

    with open(os.path.join(source, "insee_cog_communes_2026.csv"), encoding="utf-8") as f:
        communes = {r["COM"]: r for r in csv.DictReader(f) if r["TYPECOM"] == "COM"}

    population = {}
    with open(os.path.join(source, "insee_populations_legales_communes_2023.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter=";"):
            population[r["COM"]] = (int(r["PMUN"]), 2023)
    for city, prefixes in ARRONDISSEMENTS.items():
        total = sum(p for code, (p, _) in population.items() if code.startswith(prefixes) and code != city)
        population[city] = (total, 2023)
    with open(os.path.join(source, "insee_populations_legales_mayotte.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter=";"):
            population[r["DEP"] + r["CODCOM"][-2:]] = (int(r["PMUN"]), 2017)

    epci_of = {}
    epcis = {}
    with open(os.path.join(source, "dgcl_epcicom_2025.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter=";"):
            if not r["siren"]:
                continue
            epci_of[r["insee"]] = r["siren"]
            epcis[r["siren"]] = (r["raison_sociale"], r["nature_juridique"])

    missing = [code for code in communes if code not in population]
    if missing:
        sys.exit(f"population manquante pour {len(missing)} communes : {missing[:10]}")

    members = {}
    with open(os.path.join(out, "communes.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Communes au 01/01/2026 (INSEE COG 2026), population municipale (INSEE populations légales 2023,\n")
        f.write("# Mayotte : recensement 2017), EPCI à fiscalité propre (DGCL epcicom 2025). Généré par scripts/build_reference_data.py.\n")
        f.write("code\tnom\tdepartement\tpopulation_municipale\tannee_population\tsiren_epci\n")
        for code in sorted(communes):
            r = communes[code]
            pmun, year = population[code]
            siren = epci_of.get(code, "")
            members[siren] = members.get(siren, 0) + 1
            f.write(f"{code}\t{r['LIBELLE']}\t{r['DEP']}\t{pmun}\t{year}\t{siren}\n")

    with open(os.path.join(out, "epci.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# EPCI à fiscalité propre au 01/01/2025 (DGCL epcicom 2025). Généré par scripts/build_reference_data.py.\n")
        f.write("siren\tnom\tnature_juridique\tnombre_communes\n")
        for siren in sorted(epcis):
            name, nature = epcis[siren]
            f.write(f"{siren}\t{name}\t{nature}\t{members.get(siren, 0)}\n")
    print(f"{len(communes)} communes, {len(epcis)} EPCI écrits dans {os.path.normpath(out)}")


if __name__ == "__main__":
    main()
