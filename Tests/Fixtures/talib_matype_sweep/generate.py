"""Regenerates the TA-Lib matype sweep used by Momentum2Tests / VolumeTests.

Run from this folder with the `ta-lib` Python wrapper 0.8.2 (TA-Lib C 0.8.1):  python3 generate.py
Writes input.csv.gz (a seeded random-walk OHLCV series) and sweep.csv.gz (one column per function/matype).
"""
import gzip
import numpy as np
import talib

rng = np.random.default_rng(20261125)
n = 400
close = 100 + np.cumsum(rng.normal(0, 1, n))
open_ = close + rng.normal(0, 0.5, n)
high = np.maximum(open_, close) + rng.uniform(0, 1.5, n)
low = np.minimum(open_, close) - rng.uniform(0, 1.5, n)
volume = rng.uniform(1000, 5000, n).round(2)

cols = {"open": open_, "high": high, "low": low, "close": close, "volume": volume}
out = {}
for m in range(14):
    out[f"PPO_{m}"] = talib.PPO(close, 5, 12, m)
    out[f"PPO_swapped_{m}"] = talib.PPO(close, 12, 5, m)
    out[f"PVO_{m}"] = talib.PVO(volume, 4, 9, m)
    k, d = talib.STOCH(high, low, close, 6, 3, m, 4, m)
    out[f"STOCH_slowk_{m}"], out[f"STOCH_slowd_{m}"] = k, d
    k, d = talib.STOCHF(high, low, close, 6, 4, m)
    out[f"STOCHF_fastk_{m}"], out[f"STOCHF_fastd_{m}"] = k, d
    k, d = talib.STOCHRSI(close, 9, 6, 4, m)
    out[f"STOCHRSI_fastk_{m}"], out[f"STOCHRSI_fastd_{m}"] = k, d


def write(path, table):
    names = list(table)
    with gzip.open(path, "wt") as f:
        f.write(",".join(names) + "\n")
        for i in range(n):
            f.write(",".join("" if np.isnan(table[c][i]) else repr(float(table[c][i])) for c in names) + "\n")


write("input.csv.gz", cols)
write("sweep.csv.gz", out)
