#!/usr/bin/env python3
"""Times every indicator in Sextant and in TA-Lib's C library (through its Python package) on the same number
of random-walk bars, in one run, and prints both with the ratio.

Usage: python3 scripts/bench_talib.py [--bars 1000000] [--only RSI,MACD]
Needs: `pip install ta-lib numpy`; builds the core-only release benchmark `ta-bench` if missing
(`SEXTANT_CORE_ONLY=1 swift build -c release --product ta-bench`, no server dependencies).
Only the TA-Lib call is timed (arrays are built beforehand), best of 3; Sextant's figures come from `ta-bench`, which
prints the same JSON as `sextant bench ta --json`.
"""
import argparse, json, os, platform, subprocess, sys, time

import numpy as np
import talib
from talib import abstract

ap = argparse.ArgumentParser()
ap.add_argument("--bars", type=int, default=1_000_000)
ap.add_argument("--only", default="")
ap.add_argument("--repeats", type=int, default=3)
ap.add_argument("--markdown", action="store_true")
args = ap.parse_args()

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.path.join(root, ".build", "release", "ta-bench")
if not os.path.exists(binary):
    subprocess.run(["swift", "build", "-c", "release", "--product", "ta-bench"], cwd=root, check=True,
                   env={**os.environ, "SEXTANT_CORE_ONLY": "1"})

cmd = [binary, "--bars", str(args.bars), "--repeats", str(args.repeats)]
if args.only:
    cmd += ["--only", args.only]
ours = json.loads(subprocess.run(cmd, cwd=root, check=True, capture_output=True, text=True).stdout)
ours_by = {r["function"]: r for r in ours["results"]}

# The same kind of series as SyntheticBars.randomWalk: a geometric random walk with consistent OHLC.
rng = np.random.default_rng(42)
n = args.bars
close = 100 * np.cumprod(1 + 0.01 * rng.standard_normal(n))
open_ = np.concatenate([[100.0], close[:-1]])
high = np.maximum(open_, close) * (1 + 0.005 * rng.random(n))
low = np.minimum(open_, close) * (1 - 0.005 * rng.random(n))
volume = 1000 * (0.5 + rng.random(n))
periods = (2 + np.arange(n) % 29).astype(float)
columns = {"open": open_, "high": high, "low": low, "close": close, "volume": volume, "periods": periods}

def inputs_for(info):
    out = []
    for key, value in info["input_names"].items():
        if isinstance(value, list):
            out += [columns[v] for v in value]
        elif key == "periods":
            out.append(columns["periods"])
        elif key in ("price0",):
            out.append(columns["high"])
        elif key in ("price1",):
            out.append(columns["low"])
        else:
            out.append(columns[value])
    return out

rows = []
wanted = set(args.only.upper().split(",")) if args.only else None
for name in sorted(ours_by):
    if wanted and name not in wanted:
        continue
    fn = getattr(talib, name, None)
    if fn is None:
        continue
    info = abstract.Function(name).info
    ins = inputs_for(info)
    params = dict(info["parameters"])
    best = float("inf")
    for _ in range(args.repeats):
        t = time.perf_counter()
        fn(*ins, **params)
        best = min(best, time.perf_counter() - t)
    ta_ns = best * 1e9 / n
    o = ours_by[name]
    rows.append((name, o["batch_ns_per_bar"], o["stream_ns_per_bar"], ta_ns))

faster = sum(1 for r in rows if r[1] <= r[3])
if args.markdown:
    print("| function | Sextant batch ns/bar | Sextant stream ns/bar | TA-Lib C ns/bar | TA-Lib / Sextant |")
    print("|---|---:|---:|---:|---:|")
    for name, b, s, t in rows:
        print(f"| {name} | {b:.2f} | {s:.2f} | {t:.2f} | {t / b:.2f} |")
else:
    print(f"{'function':22s} {'batch':>9s} {'stream':>9s} {'TA-Lib':>9s} {'TA-Lib/ours':>11s}   (ns per bar)")
    for name, b, s, t in rows:
        print(f"{name:22s} {b:9.2f} {s:9.2f} {t:9.2f} {t / b:11.2f}")
print(f"\n{faster} of {len(rows)} functions at least as fast as TA-Lib's C (batch); {n} bars; "
      f"TA-Lib {talib.__version__} ({talib.__ta_version__.decode() if isinstance(talib.__ta_version__, bytes) else talib.__ta_version__}); "
      f"machine: {ours['machine']}; python {platform.python_version()}")
