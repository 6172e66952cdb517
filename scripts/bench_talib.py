#!/usr/bin/env python3
"""Times every indicator in Sextant and in TA-Lib's C library (through its Python package) on the same number
of random-walk bars, in one run, and prints both with the ratio.

Usage: python3 scripts/bench_talib.py [--bars 1000000] [--only RSI,MACD] [--repeats 3] [--rounds 1] [--markdown]
Needs: `pip install ta-lib numpy`; builds the core-only release benchmark `ta-bench` first
(`SEXTANT_CORE_ONLY=1 swift build -c release --product ta-bench`, no server dependencies).
Only the TA-Lib call is timed (arrays are built beforehand), best of 3 (`--repeats`) in each of `--rounds` rounds
that alternate the two libraries; Sextant's figures come from `ta-bench`, which
prints the same JSON as `sextant bench ta --json`.
"""
import argparse, json, os, platform, subprocess, sys, tempfile, time

import numpy as np
import talib
from talib import abstract

ap = argparse.ArgumentParser()
ap.add_argument("--bars", type=int, default=1_000_000)
ap.add_argument("--only", default="")
ap.add_argument("--repeats", type=int, default=3)
ap.add_argument("--markdown", action="store_true")
ap.add_argument("--rounds", type=int, default=1,
                help="alternate Sextant's and TA-Lib's runs this many times and keep each function's best")
args = ap.parse_args()

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.path.join(root, ".build", "release", "ta-bench")
# Always (re)build: an up-to-date build takes a second, and a stale binary would time old code.
subprocess.run(["swift", "build", "-c", "release", "--product", "ta-bench"], cwd=root, check=True,
               env={**os.environ, "SEXTANT_CORE_ONLY": "1"}, stdout=sys.stderr)

cmd = [binary, "--bars", str(args.bars), "--repeats", str(args.repeats)]
if args.only:
    cmd += ["--only", args.only]

def run_ours():
    return json.loads(subprocess.run(cmd, cwd=root, check=True, capture_output=True, text=True).stdout)

# TA-Lib gets the very bars Sextant times (SyntheticBars.randomWalk, seed 42): ta-bench writes them as raw doubles.
# Same values matter: libm's exp, sinh, acos, ... take slow paths on overflow and domain errors.
n = args.bars
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "bars.f64")
    subprocess.run([binary, "--bars", str(n), "--write-input", path], cwd=root, check=True)
    raw = np.fromfile(path, dtype="<f8").reshape(6, n)
columns = {name: np.ascontiguousarray(raw[k]) for k, name in
           enumerate(["open", "high", "low", "close", "volume", "periods"])}

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

def time_talib(name):
    """Best-of-repeats ns per bar of TA-Lib's function `name` with its default parameters, or None if it has none."""
    fn = getattr(talib, name, None)
    if fn is None:
        return None
    info = abstract.Function(name).info
    ins = inputs_for(info)
    params = dict(info["parameters"])
    best = float("inf")
    for _ in range(args.repeats):
        t = time.perf_counter()
        fn(*ins, **params)
        best = min(best, time.perf_counter() - t)
    return best * 1e9 / n

# Rounds alternate the two libraries, so a burst of load on this machine hits both; each figure is the best
# over all rounds.
wanted = set(args.only.upper().split(",")) if args.only else None
best_ours, best_ta = {}, {}
for _ in range(max(1, args.rounds)):
    ours = run_ours()
    for r in ours["results"]:
        name = r["function"]
        if wanted and name not in wanted:
            continue
        b, s = best_ours.get(name, (float("inf"), float("inf")))
        best_ours[name] = (min(b, r["batch_ns_per_bar"]), min(s, r["stream_ns_per_bar"]))
        ta = time_talib(name)
        if ta is not None:
            best_ta[name] = min(best_ta.get(name, float("inf")), ta)
rows = [(name, best_ours[name][0], best_ours[name][1], best_ta[name]) for name in sorted(best_ta)]

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
