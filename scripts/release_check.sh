#!/usr/bin/env bash
# What an IT department does with the archive, checked: build it (scripts/release.sh), check
# its SHA-256, unpack it into an empty folder, run the demo script with the unpacked program
# from another folder with no Swift toolchain on PATH, check the documents it exported and the
# libraries the program needs (ldd: no Swift library). Prints the sizes and the start time.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/release-archive
scripts/release.sh "$out"
archive=$(ls "$out"/atelier-sante-*-linux-*.tar.gz)
(cd "$out" && sha256sum --quiet -c "$(basename "$archive").sha256")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/installe" "$work/ailleurs"
tar -C "$work/installe" -xzf "$archive"
program=$(ls -d "$work"/installe/atelier-sante-*)/atelier-sante
fail() { echo "release_check : $*" >&2; exit 1; }
# No Swift runtime from the system: every libswift is inside the program.
libraries=$(ldd "$program")
if grep -qi swift <<<"$libraries"; then fail "le programme dépend d'une bibliothèque Swift : $libraries"; fi
# From another folder, with a PATH that has no swift and no variable pointing at the project.
clean_env=(env -i HOME="$work/ailleurs" PATH=/usr/bin:/bin LANG=C.UTF-8)
if "${clean_env[@]}" sh -c 'command -v swift' >/dev/null; then fail "swift est encore sur le PATH /usr/bin:/bin"; fi
(cd "$work/ailleurs" && "${clean_env[@]}" "$program" --version) > "$work/version.txt"
grep -q "^atelier-sante " "$work/version.txt" || fail "--version : $(cat "$work/version.txt")"
grep -q "Modèles et données lus dans : $work/installe/" "$work/version.txt" || fail "ressources : $(cat "$work/version.txt")"
# Through a link on the PATH, as an IT department would install it: still its own templates.
mkdir "$work/bin"
ln -s "$program" "$work/bin/atelier-sante"
(cd "$work/ailleurs" && env -i HOME="$work/ailleurs" PATH="$work/bin:/usr/bin:/bin" LANG=C.UTF-8 atelier-sante --version) \
    | grep -q "Modèles et données lus dans : $work/installe/" || fail "lancé par un lien du PATH, le programme ne trouve pas ses modèles"
demo=$(dirname "$program")/sessions/demo-val-d-exemple.txt
(cd "$work/ailleurs" && "${clean_env[@]}" "$program" demo.sqlite < "$demo" > "$work/demo.log" 2>&1) \
    || fail "la démonstration a échoué : $(tail -5 "$work/demo.log")"
for document in demo-cls.md demo-plan.md demo-plan.csv; do
    [ -s "$work/ailleurs/$document" ] || fail "$document absent après la démonstration"
done
grep -q "^# Contrat local de santé — Pays du Val d'Exemple" "$work/ailleurs/demo-cls.md" || fail "demo-cls.md inattendu"
(cd "$work/ailleurs" && "${clean_env[@]}" "$program" demo.sqlite > "$work/docx.log" 2>&1 <<<'/exporter cls docx
/exporter synthese
/quitter') || fail "export Word : $(tail -3 "$work/docx.log")"
unzip -l "$work/ailleurs/demo-cls.docx" | grep -q "word/media/densites.svg" || fail "graphiques absents du .docx"
grep -q "<svg" "$work/ailleurs/demo-synthese.html" || fail "page de synthèse sans graphique"
# Start to the first prompt, the program reading a script that only quits: median of 11 runs.
starts=()
for _ in $(seq 11); do
    begin=$(date +%s%N)
    (cd "$work/ailleurs" && "${clean_env[@]}" "$program" demo.sqlite <<<'/quitter' >/dev/null 2>&1)
    starts+=($((($(date +%s%N) - begin) / 1000000)))
done
median=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 6p)
echo "release_check : archive $(du -h "$archive" | cut -f1), programme $(du -h "$program" | cut -f1), ouverture du classeur et sortie en $median ms (médiane de 11)"
echo "bibliothèques chargées :"
sed 's/^/  /' <<<"$libraries"
