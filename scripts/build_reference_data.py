#!/usr/bin/env python3
"""Builds the compact territorial reference bundled in data/ from the national open-data files.

Sources (in ../shared/opendata by default, or the folder given as first argument):
  - INSEE COG 2026, communes (v_commune_2026): current communes and their names;
  - INSEE populations légales 2023 (in force on 01/01/2026): population municipale (PMUN);
    Paris, Lyon and Marseille are published by arrondissement and summed here;
  - INSEE populations légales of Mayotte (2017 census), published apart;
  - DGCL epcicom 2025: EPCI à fiscalité propre and their member communes;
  - La Poste, base officielle des codes postaux (export of June 2023): the postal codes of each
    commune, so that a user may give a commune by its postal code, and a point (latitude,
    longitude) for each commune and arrondissement, from which distances to care are computed;

  - Assurance Maladie (data.ameli.fr), effectifs et densités des professionnels de santé
    libéraux par département, 2024: the five professions of the questionnaire.

Outputs (UTF-8, tab-separated, one header line, '#' lines are comments):
  data/communes.tsv  code, nom, departement, population_municipale, annee_population, siren_epci
  data/epci.tsv      siren, nom, nature_juridique, nombre_communes
  data/departements.tsv  code, nom, region (INSEE COG 2024, départements et régions)
  data/codes_postaux.tsv code_postal, code_commune (La Poste 2023, communes of the COG 2026 only)
  data/points_communes.tsv code, latitude, longitude, origine (La Poste 2023: communes of the COG
                     2026 and municipal arrondissements; Paris, Lyon, Marseille: the mean of their
                     arrondissements' points; communes without a point are listed in a comment)
  templates/references/effectifs_liberaux_2024.tsv
                     profession, departement (999 = France), libelle_departement, effectif,
                     densite_publiee (pour 100 000 habitants, telle que publiée)
Run again when a new millésime comes out; the tool reads only these files.
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
    write_departments(source, out)
    write_postal_codes(source, out, communes)
    write_points(source, out, communes)
    write_liberal_headcounts(source, os.path.join(here, "..", "templates", "references"))


def write_departments(source, out):
    with open(os.path.join(source, "insee_cog_regions_2024.csv"), encoding="utf-8") as f:
        regions = {r["REG"]: r["LIBELLE"] for r in csv.DictReader(f)}
    with open(os.path.join(source, "insee_cog_departements_2024.csv"), encoding="utf-8") as f:
        departments = sorted((r["DEP"], r["LIBELLE"], regions[r["REG"]]) for r in csv.DictReader(f))
    with open(os.path.join(out, "departements.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Départements et régions (INSEE, code officiel géographique 2024). Généré par scripts/build_reference_data.py.\n")
        f.write("code\tnom\tregion\n")
        for row in departments:
            f.write("\t".join(row) + "\n")


def write_postal_codes(source, out, communes):
    pairs = set()
    with open(os.path.join(source, "laposte_hexasmal_2023.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter=";"):
            # Communes merged since 2023 keep the postal codes of the commune nouvelle's own code;
            # the others' old codes are not in the COG 2026 and are left out.
            if r["code_commune_insee"] in communes:
                pairs.add((r["code_postal"], r["code_commune_insee"]))
    with open(os.path.join(out, "codes_postaux.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Codes postaux des communes (La Poste, base officielle des codes postaux, export de juin 2023,\n")
        f.write("# Licence Ouverte), limités aux communes du COG 2026. Généré par scripts/build_reference_data.py.\n")
        f.write("code_postal\tcode_commune\n")
        for postal, code in sorted(pairs):
            f.write(f"{postal}\t{code}\n")
    print(f"{len(pairs)} couples code postal - commune écrits dans {os.path.normpath(out)}")


def write_points(source, out, communes):
    with open(os.path.join(source, "insee_cog_communes_2026.csv"), encoding="utf-8") as f:
        arrondissements = {r["COM"] for r in csv.DictReader(f) if r["TYPECOM"] == "ARM"}
    points = {}
    with open(os.path.join(source, "laposte_hexasmal_2023.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter=";"):
            code, where = r["code_commune_insee"], r["coordonnees_geographiques"].strip()
            # Every line of a commune carries the same point (checked on the 2023 export).
            if where and (code in communes or code in arrondissements) and code not in points:
                latitude, longitude = (float(x) for x in where.split(","))
                points[code] = (latitude, longitude, "La Poste 2023")
    for city, prefixes in ARRONDISSEMENTS.items():
        parts = [points[c] for c in sorted(arrondissements) if c.startswith(prefixes) and c in points]
        if city not in points and parts:
            points[city] = (sum(p[0] for p in parts) / len(parts), sum(p[1] for p in parts) / len(parts),
                            "moyenne des arrondissements")
    missing = sorted(code for code in communes if code not in points)
    with open(os.path.join(out, "points_communes.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Un point par commune du COG 2026 et par arrondissement municipal (latitude, longitude en degrés WGS 84) :\n")
        f.write("# La Poste, base officielle des codes postaux, export de juin 2023 (Licence Ouverte), champ\n")
        f.write("# coordonnees_geographiques ; Paris, Lyon et Marseille : moyenne des points de leurs arrondissements.\n")
        f.write("# Sert aux distances à vol d'oiseau entre communes (mobilités). Généré par scripts/build_reference_data.py.\n")
        f.write(f"# Communes sans point dans la base La Poste 2023 ({len(missing)}) : {', '.join(missing)}.\n")
        f.write("code\tlatitude\tlongitude\torigine\n")
        for code in sorted(points):
            latitude, longitude, origin = points[code]
            f.write(f"{code}\t{latitude:.5f}\t{longitude:.5f}\t{origin}\n")
    print(f"{len(points)} points de communes écrits dans {os.path.normpath(out)} ({len(missing)} communes sans point)")


# Questionnaire profession key -> label in the Assurance Maladie file.
AMELI_PROFESSIONS = {
    "medecins_generalistes": "Ensemble des médecins généralistes",
    "infirmiers": "Infirmiers",
    "masseurs_kinesitherapeutes": "Masseurs-kinésithérapeutes",
    "chirurgiens_dentistes": "Ensemble des chirurgiens-dentistes",
    "sages_femmes": "Sages-femmes",
}


def write_liberal_headcounts(source, out):
    labels = {label: key for key, label in AMELI_PROFESSIONS.items()}
    rows = []
    with open(os.path.join(source, "ameli_demographie_ps_effectifs_densite_departement_2024.csv"), encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            key = labels.get(r["profession_sante"])
            # Département rows, and the national row (département 999, région 99); not the regional totals.
            if key is None or (r["departement"] == "999" and r["region"] != "99"):
                continue
            if r["annee"] != "2024" or r["classe_age"] != "tout_age" or r["libelle_sexe"] != "tout sexe":
                continue
            name = "France" if r["departement"] == "999" else r["libelle_departement"]
            rows.append((key, r["departement"], name, r["effectif"], r["densite"]))
    rows.sort()
    with open(os.path.join(out, "effectifs_liberaux_2024.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Professionnels de santé libéraux par département, 2024 : Assurance Maladie (data.ameli.fr),\n")
        f.write("# jeu « Démographie des professionnels de santé », tout âge, tout sexe. Département 999 = France.\n")
        f.write("# densite_publiee : pour 100 000 habitants, telle que publiée (le dénominateur des sages-femmes\n")
        f.write("# n'est pas la population totale). L'outil recalcule les densités avec les populations légales\n")
        f.write("# 2023 de l'INSEE, comme pour le territoire. Généré par scripts/build_reference_data.py.\n")
        f.write("# Médecins généralistes : il n'est pas vérifié que le décompte (55 546 en France) exclue les\n")
        f.write("# médecins à exercice particulier ; la CNAM donnait environ 52 500 généralistes hors MEP en 2021\n")
        f.write("# (revue de fin 2026, ../shared/domain/mises-a-jour-2026.md) : confiance incertaine sur ce point.\n")
        f.write("profession\tdepartement\tlibelle_departement\teffectif\tdensite_publiee\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} lignes d'effectifs libéraux écrites dans {os.path.normpath(out)}")


if __name__ == "__main__":
    main()
