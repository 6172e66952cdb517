#!/usr/bin/env python3
"""1,000 sma-cross combinations (fast 2..21 x slow 30..275 step 5) on the 140,614 5-minute BTC bars: Sextant's grid
search (`sextant bench grid`, all cores) against vectorbt's Portfolio.from_signals, timed in the same run.

Usage: PY=/path/to/venv/bin/python python3 scripts/bench_grid.py [FILE]
vectorbt is heavy: install it in its own environment (`python3 -m venv /tmp/vbtenv && /tmp/vbtenv/bin/pip install vectorbt`)
and point PY at it. JIT warm-up of vectorbt is excluded (run once on a small slice first). Same rules on both sides:
signal at the close on a crossover, fill at the next bar's open for Sextant and at the close for vectorbt's from_signals
(its default), fees 0.05% per fill, long only.
"""
import json, os, subprocess, sys, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data", "intraday_5m", "BTCUSDT_5m.csv.gz")
binary = os.path.join(root, ".build", "release", "sextant")
if not os.path.exists(binary):
    subprocess.run(["swift", "build", "-c", "release", "--product", "sextant"], cwd=root, check=True)

ours = json.loads(subprocess.run([binary, "bench", "grid", path, "--json"], check=True, capture_output=True, text=True).stdout)
print(f"sextant: {ours['combinations']} combinations on {ours['bars']} bars in {ours['seconds']:.2f} s "
      f"-> {ours['combinations_per_second']:.1f} combinations/s")

peer = r'''
import sys, time, numpy as np, pandas as pd, vectorbt as vbt
close = pd.read_csv(sys.argv[1])["close"].astype(float)
fast_w = list(range(2, 22)); slow_w = list(range(30, 276, 5))
def grid(close, fast_w, slow_w):
    f = vbt.MA.run(close, fast_w).ma.values; s = vbt.MA.run(close, slow_w).ma.values
    F = np.repeat(f, len(slow_w), axis=1); S = np.tile(s, (1, len(fast_w)))
    Fp = np.vstack([np.full((1, F.shape[1]), np.nan), F[:-1]]); Sp = np.vstack([np.full((1, S.shape[1]), np.nan), S[:-1]])
    entries = (F > S) & (Fp <= Sp); exits = (F < S) & (Fp >= Sp)
    return vbt.Portfolio.from_signals(close.values[:, None], entries, exits, fees=0.0005, init_cash=100000).total_return()
grid(close.iloc[:2000], fast_w[:2], slow_w[:2])          # JIT warm-up, not timed
t = time.perf_counter(); grid(close, fast_w, slow_w); dt = time.perf_counter() - t
print(f"{dt:.3f}")
'''
py = os.environ.get("PY", sys.executable)
try:
    out = subprocess.run([py, "-c", peer, path], check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    dt = float(out)
    print(f"vectorbt: 1000 combinations in {dt:.2f} s -> {1000 / dt:.1f} combinations/s")
    print(f"ratio: sextant is {dt / ours['seconds']:.1f}x faster")
except Exception as e:
    print(f"vectorbt not run ({e}); install it as the docstring says and set PY")
