#!/usr/bin/env bash
# Builds the archive an IT department installs: atelier-sante-VERSION-linux-x86_64.tar.gz, a
# release binary with the Swift runtime linked in (--static-swift-stdlib: it needs only libc,
# libsqlite3 and libreadline from the system), the templates, the data, the demo script, the
# README and the licence of the bundled open data; and its SHA-256 beside it.
#   scripts/release.sh [DOSSIER_DE_SORTIE]   (default: .build/release-archive)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/release-archive}
version=$(sed -n 's/.*public static let version = "\(.*\)".*/\1/p' Sources/AtelierREPL/App/AtelierApp.swift)
[ -n "$version" ] || { echo "version introuvable dans AtelierApp.swift" >&2; exit 1; }
name="atelier-sante-$version-linux-$(uname -m)"
# Its own build folder: the static runtime must not mix with the debug build of the tests.
swift build -c release --static-swift-stdlib --product atelier-sante --build-path .build/static 2>&1 \
    | grep -v -E '^(\[[0-9]+/[0-9]+\]|Building|Compiling|Write|Linking|Build complete)' || true
binary=$(swift build -c release --static-swift-stdlib --product atelier-sante --build-path .build/static --show-bin-path)/atelier-sante
[ -x "$binary" ] || { echo "construction échouée : $binary absent" >&2; exit 1; }
stage="$out/$name"
rm -rf "$stage" "$out/$name.tar.gz" "$out/$name.tar.gz.sha256"
mkdir -p "$stage/sessions"
cp "$binary" "$stage/atelier-sante"
strip "$stage/atelier-sante"
cp -R templates data "$stage/"
cp sessions/demo-val-d-exemple.txt "$stage/sessions/"
cp README.md "$stage/"
cat > "$stage/LICENCE-DONNEES.txt" <<'NOTICE'
Données publiques intégrées à Atelier Santé (dossiers data/ et templates/references/)

Ces fichiers sont dérivés de données publiées sous la Licence Ouverte / Open Licence
(Etalab, version 2.0 : https://www.etalab.gouv.fr/licence-ouverte-open-licence/).
Réutilisation libre, y compris commerciale, à condition de mentionner la source et la date
de dernière mise à jour :

- INSEE, code officiel géographique au 01/01/2026 (data/communes.tsv, data/departements.tsv) ;
- INSEE, populations légales 2023 en vigueur au 01/01/2026 (data/communes.tsv) ;
- DGCL, composition des EPCI à fiscalité propre au 01/01/2025 (data/epci.tsv) ;
- La Poste, base officielle des codes postaux, 2023, et ses coordonnées géographiques
  (data/codes_postaux.tsv, data/points_communes.tsv) ;
- Assurance Maladie (data.ameli.fr), démographie des professionnels de santé libéraux 2024
  (templates/references/effectifs_liberaux_2024.tsv) ; les autres références nationales de
  templates/references/nationales.yaml citent chacune leur source et leur année.

Les fichiers ont été transformés (sélection de colonnes, agrégation) par
scripts/build_reference_data.py du dépôt du projet ; ils ne sont pas des publications
officielles de ces producteurs.
NOTICE
tar -C "$out" -czf "$out/$name.tar.gz" "$name"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
size() { du -h "$1" | cut -f1; }
echo "archive : $out/$name.tar.gz ($(size "$out/$name.tar.gz"), programme $(size "$stage/atelier-sante"))"
echo "empreinte : $(cat "$out/$name.tar.gz.sha256")"
