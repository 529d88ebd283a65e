#!/usr/bin/env python3
"""Benchmark of the RPPS import (issue « Prefill the diagnosis from national open data, fast »).

On a national-size Annuaire Santé extraction (2 000 000 rows, ../shared/tools/gen_rpps.py),
filtered on a 300-commune territory, times in the same run:
  - atelier-bench-import (release build of this project's reader),
  - wc -l (the floor: reading the file),
  - DuckDB read_csv with the same filter and grouping (Python package, in a throwaway venv),
  - sqlite3 .import followed by the same GROUP BY,
checks that all give the same counts, and prints medians, ratios and peak memory.

Usage: python3 scripts/bench_import.py [--rows 2000000] [--runs 5] [--work /tmp/atelier-bench]
Asserts nothing about time; exits non-zero only if the counts differ.
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(ROOT, "..", "shared", "tools", "gen_rpps.py")
PROFESSIONS = """CASE
  WHEN "Code profession" = '10' AND "Code savoir-faire" IN ('SM26', 'SM53', 'SM54') THEN 'medecins_generalistes'
  WHEN "Code profession" = '60' THEN 'infirmiers'
  WHEN "Code profession" = '70' THEN 'masseurs_kinesitherapeutes'
  WHEN "Code profession" = '40' THEN 'chirurgiens_dentistes'
  WHEN "Code profession" = '50' THEN 'sages_femmes'
  WHEN "Code profession" = '21' THEN 'pharmaciens'
END"""


def query(source, codes):
    inlist = ", ".join(f"'{c}'" for c in codes)
    return f"""SELECT profession, COUNT(DISTINCT id), COUNT(DISTINCT CASE WHEN mode = 'L' THEN id END)
FROM (SELECT "Identifiant PP" AS id, "Code mode exercice" AS mode, {PROFESSIONS} AS profession
      FROM {source} WHERE "Code commune (coord. structure)" IN ({inlist}))
WHERE profession IS NOT NULL AND id <> '' GROUP BY profession ORDER BY profession"""


def timed(command, **kwargs):
    """Runs a command; returns (seconds, stdout, peak RSS of that child in KiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True, **kwargs)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, done.stdout, peak if peak > before else None


def peak_rss(command):
    done = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, capture_output=True, text=True, check=True)
    return int(done.stderr.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", default="/tmp/atelier-bench")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    rpps = os.path.join(args.work, f"rpps_{args.rows}.txt")
    territory = os.path.join(args.work, "territory_300.txt")
    if not os.path.exists(rpps):
        print(f"generating {args.rows} rows…", file=sys.stderr)
        subprocess.run([sys.executable, GENERATOR, "--rows", str(args.rows), "--out", rpps, "--territory-out", territory], check=True)
    codes = open(territory).read().split()

    subprocess.run(["swift", "build", "-c", "release", "--product", "atelier-bench-import"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, capture_output=True,
                                         text=True, check=True).stdout.strip(), "atelier-bench-import")
    venv = os.path.join(args.work, "venv")
    if not os.path.exists(os.path.join(venv, "bin", "python")):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(venv, "bin", "pip"), "install", "-q", "duckdb"], check=True)
    duck_script = os.path.join(args.work, "duck.py")
    with open(duck_script, "w") as f:
        f.write("import duckdb, sys\n")
        f.write(f"src = \"read_csv('{rpps}', delim='|', header=true, quote='', escape='', all_varchar=true)\"\n")
        f.write(f"q = {query('SRC', codes)!r}.replace('SRC', src)\n")
        f.write("for row in duckdb.sql(q).fetchall(): print(row[0], row[1], row[2])\n")
    sqlite_db = os.path.join(args.work, "rpps.sqlite")
    header = open(rpps, encoding="utf-8").readline().rstrip("\n").split("|")
    columns = ", ".join('"' + (name or "vide") + '" TEXT' for name in header)
    sqlite_script = os.path.join(args.work, "sqlite.sql")
    with open(sqlite_script, "w") as f:
        f.write(f"CREATE TABLE rpps ({columns});\n.mode list\n.separator |\n.import --skip 1 {rpps} rpps\n")
        f.write(query("rpps", codes).replace("\n", " ").replace("COUNT(DISTINCT id), COUNT", "COUNT(DISTINCT id), COUNT") + ";\n")

    subprocess.run(["cat", rpps], stdout=subprocess.DEVNULL, check=True)  # warm the page cache
    results = {}

    def ours():
        t, out, _ = timed([binary, rpps, territory])
        return t, sorted(" ".join(l.split()[:3]) for l in out.splitlines() if l.split()[0] not in ("rows", "seconds") and l.split()[1] != "0")

    def wc():
        t, out, _ = timed(["wc", "-l", rpps])
        return t, None

    def duck():
        t, out, _ = timed([os.path.join(venv, "bin", "python"), duck_script])
        return t, sorted(out.splitlines())

    def sqlite():
        if os.path.exists(sqlite_db):
            os.remove(sqlite_db)
        t, out, _ = timed(["sqlite3", sqlite_db], stdin=open(sqlite_script))
        return t, sorted(" ".join(l.split("|")) for l in out.splitlines())

    for name, function, runs in [("atelier", ours, args.runs), ("wc -l", wc, args.runs), ("duckdb", duck, args.runs), ("sqlite3", sqlite, max(1, args.runs // 3))]:
        times, counts = [], None
        for _ in range(runs):
            t, c = function()
            times.append(t)
            counts = c if c is not None else counts
        results[name] = (statistics.median(times), times, counts)
        print(f"{name:8s} median {statistics.median(times):8.3f} s   runs {' '.join(f'{t:.3f}' for t in times)}", flush=True)

    memory = {"atelier": peak_rss([binary, rpps, territory]), "wc -l": peak_rss(["wc", "-l", rpps]),
              "duckdb": peak_rss([os.path.join(venv, "bin", "python"), duck_script])}
    ours_t = results["atelier"][0]
    print()
    print(f"file: {os.path.getsize(rpps) / 1e6:.0f} Mo, {args.rows} rows, territory of {len(codes)} communes, {os.cpu_count()} cores")
    print(f"atelier vs wc -l:  {ours_t / results['wc -l'][0]:.2f}× the floor (target ≤ 3)")
    print(f"duckdb vs atelier: {results['duckdb'][0] / ours_t:.1f}× slower (target ≥ 3)")
    print(f"sqlite3 vs atelier: {results['sqlite3'][0] / ours_t:.1f}× slower (target ≥ 50)")
    print("peak memory: " + ", ".join(f"{k} {v / 1024:.1f} Mio" for k, v in memory.items()) + " (target atelier < 100 Mio)")
    expected = results["atelier"][2]
    same = all(results[name][2] == expected for name in ("duckdb", "sqlite3"))
    print("counts (profession, distinct professionals, libéraux): " + "; ".join(expected))
    print("identical counts for atelier, DuckDB and sqlite3: " + ("yes" if same else "NO"))
    distance_step(binary, rpps, args)
    if not same:
        for name in ("duckdb", "sqlite3"):
            print(name, results[name][2])
        sys.exit(1)


def distance_step(binary, rpps, args):
    """The import with and without the distances to care (issue 17), on a territory of 500 real
    communes (those of the Gard, then the first of the Hérault, from data/communes.tsv, so that
    they have points): the in-process seconds the binary prints (the reference, loaded once per
    session, apart), medians and minimums of 3 × --runs interleaved runs (the machine is noisy)."""
    communes = [line.split("\t") for line in open(os.path.join(ROOT, "data", "communes.tsv"), encoding="utf-8")
                if not line.startswith("#") and not line.startswith("code\t")]
    gard = [c[0] for c in communes if c[2] == "30"]
    codes = gard + [c[0] for c in communes if c[2] == "34"][:500 - len(gard)]
    territory = os.path.join(args.work, "territory_500_real.txt")
    with open(territory, "w") as f:
        f.write("\n".join(codes) + "\n")
    data = os.path.join(ROOT, "data")

    def seconds(extra):
        out = subprocess.run([binary, rpps, territory] + extra, capture_output=True, text=True, check=True).stdout
        values = dict(line.split(" ", 1) for line in out.splitlines())
        return float(values["seconds"]), values

    plain, with_distances = [], []
    for _ in range(3 * args.runs):
        plain.append(seconds([])[0])
        with_distances.append(seconds(["--distances", data]))
    a, b = statistics.median(plain), statistics.median(t for t, _ in with_distances)
    low, high = min(plain), min(t for t, _ in with_distances)
    details = with_distances[-1][1]
    print()
    print(f"distances to care, territory of {len(codes)} communes:")
    print(f"  import without distances median {a:.3f} s, fastest {low:.3f} s ({len(plain)} runs)")
    print(f"  import with distances    median {b:.3f} s, fastest {high:.3f} s ({len(with_distances)} runs)")
    print(f"  added: median {100 * (b - a) / a:+.1f} %, fastest runs {100 * (high - low) / low:+.1f} % (target ≤ 10 %)")
    print(f"  nearby {details['nearby']}; GP mean {details['gp_mean_minutes']} min")
    print(f"  reference with points, loaded once per session: {float(details['reference_seconds']):.3f} s")
    peak = peak_rss([binary, rpps, territory, "--distances", data])
    print(f"  peak memory with distances: {peak / 1024:.1f} Mio (target < 100 Mio)")


if __name__ == "__main__":
    main()
