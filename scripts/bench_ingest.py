#!/usr/bin/env python3
"""End-to-end ingest of one OHLCV file into a fresh SQLite database: Sextant (the whole `sextant ingest` process,
gzip to committed rows) against the peer a Python user would write (pandas.read_csv + DataFrame.to_sql into SQLite),
timed in the same run. Best of N.

Usage: python3 scripts/bench_ingest.py [FILE] [--repeats 5]
Default FILE: ../shared/data/intraday_5m/BTCUSDT_5m.csv.gz (140,614 rows). Needs `pip install pandas` and a release
build (`swift build -c release --product sextant`, done here if missing).
"""
import argparse, json, os, sqlite3, subprocess, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("file", nargs="?", default=None)
ap.add_argument("--repeats", type=int, default=5)
args = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
path = args.file or os.path.join(root, "..", "shared", "data", "intraday_5m", "BTCUSDT_5m.csv.gz")
binary = os.path.join(root, ".build", "release", "sextant")
if not os.path.exists(binary):
    subprocess.run(["swift", "build", "-c", "release", "--product", "sextant"], cwd=root, check=True)

import pandas as pd  # imported before timing: only the work is timed for the peer

def sextant_once(tmp):
    db = os.path.join(tmp, "s.sqlite")
    t = time.perf_counter()
    subprocess.run([binary, "ingest", "--db", db, path], check=True, capture_output=True)
    return time.perf_counter() - t

def pandas_once(tmp):
    db = os.path.join(tmp, "p.sqlite")
    t = time.perf_counter()
    df = pd.read_csv(path)
    with sqlite3.connect(db) as con:
        df.to_sql("candles", con, index=False)
    return time.perf_counter() - t

def pandas_parse_once():
    t = time.perf_counter()
    pd.read_csv(path)
    return time.perf_counter() - t

best_s, best_p = float("inf"), float("inf")
for _ in range(args.repeats):
    with tempfile.TemporaryDirectory() as tmp:
        best_s = min(best_s, sextant_once(tmp))
        best_p = min(best_p, pandas_once(tmp))
rows = len(pd.read_csv(path, usecols=[0]))
# Parsing alone: pandas.read_csv (gzip included) against `sextant bench parse` (decompressed once, then parsed).
best_pp = min(pandas_parse_once() for _ in range(args.repeats))
ours_parse = json.loads(subprocess.run([binary, "bench", "parse", path, "--repeats", "10", "--json"], check=True,
                                       capture_output=True, text=True).stdout)
print(f"file: {path} ({rows} rows)")
print(f"sextant ingest (whole process): {best_s:.3f} s  ({rows / best_s / 1e6:.2f} M rows/s)")
print(f"pandas read_csv + to_sql:       {best_p:.3f} s  ({rows / best_p / 1e6:.2f} M rows/s)")
print(f"ratio pandas / sextant: {best_p / best_s:.2f}x")
print(f"parse only: sextant {ours_parse['rows_per_s'] / 1e6:.2f} M rows/s (in memory), pandas.read_csv {rows / best_pp / 1e6:.2f} M rows/s "
      f"(gzip included), ratio {ours_parse['rows_per_s'] / (rows / best_pp):.2f}x")
