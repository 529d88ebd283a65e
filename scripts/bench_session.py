#!/usr/bin/env python3
"""Measures the latencies a user feels, on the release build:

  1. start to first prompt: process start until the readline prompt is on the terminal
     (pseudo-terminal, existing workbook with the territory of a real EPCI filled in);
  2. commit of one answer: a line sent until its confirmation is printed, which happens
     only after the transaction is committed (synchronous = FULL, WAL);
  3. /synthèse on a 500-commune territory with every demography answer and 30 structures:
     the command sent until its last line is printed;
  4. /exporter cls and /exporter plan on that workbook (every section answered, 30 fiches
     actions with their financing), until the file is written, in Markdown, then the draft
     as .docx and .odt and the plan as .xlsx and .ods; /exporter synthese as a page (size too);
  5. start to first prompt on that large workbook, next to the start of a trivial Swift
     program that opens the same SQLite file and reads one row (the floor of any Swift tool).

Usage: python3 scripts/bench_session.py [--runs 30] [--answers 300] [--binary atelier-sante-…/atelier-sante]
Prints medians and percentiles; asserts nothing.
"""
import argparse
import os
import pty
import select
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build():
    subprocess.run(["swift", "build", "-c", "release", "--product", "atelier-sante"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "atelier-sante")


def environment(directory):
    env = dict(os.environ, ATELIER_SANTE_HISTORIQUE=os.path.join(directory, "historique"),
               ATELIER_SANTE_RESSOURCES=ROOT, TERM="xterm")
    env.pop("NO_COLOR", None)
    return env


def time_to_prompt(binary, workbook, env):
    master, slave = pty.openpty()
    start = time.perf_counter()
    process = subprocess.Popen([binary, workbook], stdin=slave, stdout=slave, stderr=slave, env=env,
                               start_new_session=True)
    os.close(slave)
    seen = b""
    while b"\xe2\x80\xba " not in seen:  # the prompt's "› "
        ready, _, _ = select.select([master], [], [], 10)
        if not ready:
            raise SystemExit("no prompt within 10 s")
        seen += os.read(master, 65536)
    elapsed = time.perf_counter() - start
    os.write(master, b"/quitter\r")
    process.wait(timeout=10)
    os.close(master)
    return elapsed


def commit_latencies(binary, workbook, env, count):
    process = subprocess.Popen([binary, workbook], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=env, bufsize=0)
    out = process.stdout.fileno()
    buffered = b""
    latencies = []
    for i in range(count):
        # Never below the answers the effectif bounds (« dont 60 ans et plus »…): that is refused.
        value = 1000 + i % 500
        line = f"/modifier demographie.medecins_generalistes.effectif {value}\n".encode()
        start = time.perf_counter()
        process.stdin.write(line)
        marker = f"demographie.medecins_generalistes.effectif = {value:,}".replace(",", "\u202f").encode()
        while marker not in buffered:
            ready, _, _ = select.select([out], [], [], 10)
            chunk = os.read(out, 65536) if ready else b""
            if not chunk:
                raise SystemExit("no confirmation: " + process.stderr.read().decode())
            buffered += chunk
        latencies.append(time.perf_counter() - start)
        buffered = buffered[buffered.index(marker) + len(marker):]
    process.stdin.close()
    process.wait(timeout=10)
    return latencies


def command_latencies(binary, workbook, env, command, marker, count):
    process = subprocess.Popen([binary, workbook], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, bufsize=0)
    out = process.stdout.fileno()
    latencies = []
    for run in range(count):
        buffered = b""
        start = time.perf_counter()
        process.stdin.write(command(run) if callable(command) else command)
        while marker not in buffered:
            ready, _, _ = select.select([out], [], [], 30)
            chunk = os.read(out, 1 << 20) if ready else b""
            if not chunk:
                raise SystemExit(f"no answer to {command!r} within 30 s")
            buffered += chunk
        latencies.append(time.perf_counter() - start)
    process.stdin.close()
    process.wait(timeout=10)
    return latencies


def large_workbook(binary, directory, env):
    communes = []
    with open(os.path.join(ROOT, "data", "communes.tsv"), encoding="utf-8") as f:
        for line in f:
            if line[:1].isdigit() and len(communes) < 500:
                communes.append(line.split("\t")[0])
    lines = ["Territoire de 500 communes", "autre", " ".join(communes), "Marie ; Mairie ; élu", ""]
    for profession in ["medecins_generalistes", "infirmiers", "masseurs_kinesitherapeutes", "chirurgiens_dentistes", "sages_femmes"]:
        lines += ["300", "250", "90", "60", "20", "libéral, salarié"]
    lines += ["120", "8", "3", "12", "2,8", "ZAC"]
    for i in range(30):
        lines.append(f"MSP ; Maison de santé {i} ; {communes[i]} ; en fonctionnement ; 12")
    lines += ["", "en partie", "oui", "non", "département ; aide L1511-8 ; médecin généraliste ; ; 2022", "", "non", "aucun"]
    lines += ["12", "9", "35", "8", "Nîmes ; urgences", "Montpellier ; spécialistes", "", "transport à la demande", "3", "Peu de bus."]
    lines += ["11", "20", "9", "190", "30", "50", "0", "Vieillissement et maladies chroniques."]
    # Concertation: a COPIL held, three voices; then the plan d'actions.
    lines += ["COPIL ; 12/03/2027 ; Mairie ; Marie ; ; close", ""]
    lines += [f"mobilités ; habitants ; Pas de bus le jour {i} ; ; 1" for i in range(3)] + [""]
    lines += ["", "creation_msp ; ; ; ; ; ;"] + [f"{k} ; ; ; ; ; ;" for k in ["centre_sante", "cpts", "accueil_etudiants",
              "aides_installation", "telesante", "sas_snp", "transport_soins", "sante_mentale", "hopital_proximite",
              "personnes_agees", "coordination_cls", "participation_habitants"]]
    lines += [f"nouvelle ; Action locale {i} ; 2 ; Mairie ; Associations ; 2027 ; à fixer" for i in range(17)] + [""]
    lines += ["PRS 2023-2028", "2028", "Objectif 1", "Départs de médecins.", "Délibération n° 1", "Mme Martin, maire", "non", "01/03/2027", "5"]
    lines += ["Préfecture ; le préfet", "", "Nîmes", "Coordinatrice", "deux fois par an", "oui", "aucune"]
    lines += ["comité de pilotage ; Marie ; Mairie ; élue", "", "aucune", "ORS", "patients sans médecin traitant ; moins de 8 % ; 2031", ""]
    lines += ["HT"] + [f"{i} ; Dépense {i} ; investissement ; 100 000 ; ; 2027" for i in range(1, 31)] + ["", ""]
    lines += [f"{i} ; autofinancement ; acquis ; 100 000 ; ; 2027" for i in range(1, 31)] + ["", ""]
    workbook = os.path.join(directory, "large.sqlite")
    subprocess.run([binary, workbook], input="\n".join(lines).encode(), env=env, check=True, stdout=subprocess.DEVNULL)
    return workbook


def trivial_sqlite_program(directory):
    """The floor: a Swift program that opens a SQLite file and reads one row, nothing else."""
    source = os.path.join(directory, "floor.swift")
    with open(source, "w") as f:
        f.write('''import Foundation
let lib = dlopen("libsqlite3.so.0", RTLD_NOW)
typealias Open = @convention(c) (UnsafePointer<CChar>, UnsafeMutablePointer<OpaquePointer?>, Int32, UnsafePointer<CChar>?) -> Int32
typealias Exec = @convention(c) (OpaquePointer?, UnsafePointer<CChar>, OpaquePointer?, OpaquePointer?, OpaquePointer?) -> Int32
let open = unsafeBitCast(dlsym(lib, "sqlite3_open_v2"), to: Open.self)
let exec = unsafeBitCast(dlsym(lib, "sqlite3_exec"), to: Exec.self)
var db: OpaquePointer?
_ = open(CommandLine.arguments[1], &db, 1, nil)
_ = exec(db, "SELECT key FROM answer LIMIT 1", nil, nil, nil)
print("ok")
''')
    binary = os.path.join(directory, "floor")
    subprocess.run(["swiftc", "-O", source, "-o", binary], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return binary


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--answers", type=int, default=300)
    parser.add_argument("--binary", help="an installed program (unpacked release archive): measured as it is, "
                        "finding its templates beside itself, instead of building the release binary")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary) if args.binary else build()
    with tempfile.TemporaryDirectory() as directory:
        env = environment(directory)
        if args.binary:
            env.pop("ATELIER_SANTE_RESSOURCES")
        workbook = os.path.join(directory, "bench.sqlite")
        setup = "CU Caen la Mer\nEPCI\n200065597\nMarie ; Mairie ; élu\n\n12\n"
        subprocess.run([binary, workbook], input=setup.encode(), env=env, check=True, stdout=subprocess.DEVNULL)
        time_to_prompt(binary, workbook, env)  # warm the page cache
        starts = [time_to_prompt(binary, workbook, env) for _ in range(args.runs)]
        commits = commit_latencies(binary, workbook, env, args.answers)
        size = os.path.getsize(workbook)
        large = large_workbook(binary, directory, env)
        syntheses = command_latencies(binary, large, env, b"/synthese\n", b"Question en cours", 20)
        # A new file each run: an existing one would be kept under a dated name, an identical
        # one left alone (« inchangé ») without being written.
        exports = command_latencies(binary, large, env, lambda n: f"/exporter cls {directory}/cls-{n}.md\n".encode(),
                                    "projet de contrat écrit".encode(), 20)
        plans = command_latencies(binary, large, env, lambda n: f"/exporter plan {directory}/plan-{n}.md csv\n".encode(),
                                  "tableau du plan (CSV) écrit".encode(), 20)
        office = {}
        for document, extension, said in [("cls", "docx", "projet de contrat (Word) écrit"), ("cls", "odt", "projet de contrat (LibreOffice Writer) écrit"),
                                         ("plan", "xlsx", "plan de financement (Excel) écrit"), ("plan", "ods", "plan de financement (LibreOffice Calc) écrit")]:
            office[(document, extension)] = command_latencies(
                binary, large, env, lambda n, d=document, e=extension: f"/exporter {d} {directory}/{d}-{n}.{e}\n".encode(), said.encode(), 20)
        pages = command_latencies(binary, large, env, lambda n: f"/exporter synthese {directory}/page-{n}.html\n".encode(),
                                  "document de synthèse (page HTML, à ouvrir dans un navigateur) écrit".encode(), 20)
        page_size = os.path.getsize(os.path.join(directory, "page-1.html"))
        # Issue 19: a scenario of the large workbook with one receipt changed, compared 20 times;
        # then five partners' copies, each with two answers of its own changed, merged one after the other.
        subprocess.run([binary, large], input=f"/scenario nouveau bench\n".encode(), env=env, check=True, stdout=subprocess.DEVNULL)
        scenario = large[:-len(".sqlite")] + "--bench.sqlite"
        subprocess.run([binary, scenario], input=b"/modifier financement.recettes.1.montant 90000\n", env=env, check=True,
                       stdout=subprocess.DEVNULL)
        compares = command_latencies(binary, large, env, b"/scenario comparer bench\n", "Projet de contrat".encode(), 20)
        copies = []
        for n in range(5):
            copy = os.path.join(directory, f"copie-{n}.sqlite")
            subprocess.run([binary, large], input=f"/partager {copy}\n".encode(), env=env, check=True, stdout=subprocess.DEVNULL)
            # Each copy its own profession: no copy conflicts with what the one merged before brought.
            profession = ["medecins_generalistes", "infirmiers", "masseurs_kinesitherapeutes", "chirurgiens_dentistes", "sages_femmes"][n]
            subprocess.run([binary, copy], input=f"/participant CPAM\n/modifier demographie.{profession}.effectif 310\n"
                           f"/modifier demographie.{profession}.liberaux 255\n".encode(), env=env, check=True, stdout=subprocess.DEVNULL)
            copies.append(copy)
        merges = command_latencies(binary, large, env, lambda n: f"/fusionner {copies[n]}\n".encode(),
                                   "Fusion enregistrée".encode(), 5)
        large_starts = [time_to_prompt(binary, large, env) for _ in range(args.runs)]
        large_commits = commit_latencies(binary, large, env, args.answers)
        floor = trivial_sqlite_program(directory)
        floor_starts = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([floor, large], check=True, stdout=subprocess.DEVNULL)
            floor_starts.append(time.perf_counter() - start)
        large_size = os.path.getsize(large)
    ms = lambda x: f"{x * 1000:.1f} ms"
    print(f"machine: {os.cpu_count()} cœurs, {sys.platform}")
    print(f"start to first prompt ({args.runs} runs): median {ms(statistics.median(starts))}, "
          f"p90 {ms(percentile(starts, 90))}, min {ms(min(starts))}, max {ms(max(starts))}")
    print(f"commit of one answer ({args.answers} answers): median {ms(statistics.median(commits))}, "
          f"p99 {ms(percentile(commits, 99))}, max {ms(max(commits))}")
    print(f"workbook size after {args.answers + 8} changes: {size} bytes")
    print(f"/synthèse of a 500-commune territory (20 runs, the first loads the references): "
          f"first {ms(syntheses[0])}, median {ms(statistics.median(syntheses))}, max {ms(max(syntheses))}")
    print(f"/exporter cls of that workbook, 30 fiches (20 runs, the first loads everything): "
          f"first {ms(exports[0])}, median {ms(statistics.median(exports))}, max {ms(max(exports))}")
    print(f"/exporter plan csv of that workbook, 30 actions: first {ms(plans[0])}, median {ms(statistics.median(plans))}, max {ms(max(plans))}")
    for (document, extension), times in office.items():
        print(f"/exporter {document} x.{extension} of that workbook (20 runs): "
              f"first {ms(times[0])}, median {ms(statistics.median(times))}, max {ms(max(times))}")
    print(f"/exporter synthese x.html of that workbook (20 runs): first {ms(pages[0])}, median {ms(statistics.median(pages))}, "
          f"max {ms(max(pages))}; {page_size} bytes")
    print(f"/scenario comparer of that workbook and a scenario of it (20 runs): first {ms(compares[0])}, "
          f"median {ms(statistics.median(compares))}, max {ms(max(compares))}")
    print(f"/fusionner of a copy of that workbook, two answers changed (5 copies): first {ms(merges[0])}, "
          f"median {ms(statistics.median(merges))}, max {ms(max(merges))}")
    print(f"large workbook ({large_size} bytes): start to first prompt median {ms(statistics.median(large_starts))}, "
          f"p90 {ms(percentile(large_starts, 90))}; commit median {ms(statistics.median(large_commits))}, p99 {ms(percentile(large_commits, 99))}")
    print(f"trivial Swift program opening that SQLite file and reading one row: median {ms(statistics.median(floor_starts))}; "
          f"ratio {statistics.median(large_starts) / statistics.median(floor_starts):.1f}×")


if __name__ == "__main__":
    main()
