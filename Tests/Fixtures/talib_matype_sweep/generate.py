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


# Edge cases: a series with flat stretches (zero ranges, unchanged closes) and zero-volume runs, and every
# function run with its smallest periods and swapped periods. One column per output; the manifest lists the calls.
import json

m = 300
eclose = 50 + np.cumsum(rng.normal(0, 1, m)).round(1)
eclose[40:80] = eclose[40]                 # a flat market
eopen = eclose + rng.normal(0, 0.3, m).round(1)
eopen[40:80] = eclose[40]
ehigh = np.maximum(eopen, eclose) + rng.uniform(0, 1, m).round(1)
elow = np.minimum(eopen, eclose) - rng.uniform(0, 1, m).round(1)
ehigh[40:80] = eclose[40]
elow[40:80] = eclose[40]
# A market that moves only by rounding noise: prices a few dozen ulps apart.
ulp = np.spacing(eclose[150])
noise = lambda: eclose[150] + rng.integers(0, 60, 40) * ulp
eclose[150:190], eopen[150:190] = noise(), noise()
ehigh[150:190] = np.maximum(np.maximum(eclose[150:190], eopen[150:190]), noise())
elow[150:190] = np.minimum(np.minimum(eclose[150:190], eopen[150:190]), noise())
evolume = rng.uniform(100, 900, m).round(0)
evolume[100:130] = 0                       # no trading
evolume[200] = 0
e = {"open": eopen, "high": ehigh, "low": elow, "close": eclose, "volume": evolume}

calls = [
    ("MOM", {"timeperiod": 1}), ("ROC", {"timeperiod": 1}), ("ROCP", {"timeperiod": 1}), ("ROCR", {"timeperiod": 1}),
    ("ROCR100", {"timeperiod": 1}), ("RSI", {"timeperiod": 2}), ("RSI", {"timeperiod": 5}),
    ("PPO", {"fastperiod": 2, "slowperiod": 2, "matype": 0}), ("PPO", {"fastperiod": 9, "slowperiod": 3, "matype": 1}),
    ("QSTICK", {"timeperiod": 1}), ("QSTICK", {"timeperiod": 6}),
    ("SMI", {"timeperiod": 2, "fastperiod": 2, "slowperiod": 2, "signalperiod": 2}),
    ("SMI", {"timeperiod": 5, "fastperiod": 3, "slowperiod": 4, "signalperiod": 3}),
    ("STOCH", {"fastk_period": 1, "slowk_period": 1, "slowk_matype": 0, "slowd_period": 1, "slowd_matype": 0}),
    ("STOCH", {"fastk_period": 4, "slowk_period": 2, "slowk_matype": 1, "slowd_period": 3, "slowd_matype": 2}),
    ("STOCHF", {"fastk_period": 1, "fastd_period": 1, "fastd_matype": 0}),
    ("STOCHRSI", {"timeperiod": 2, "fastk_period": 1, "fastd_period": 1, "fastd_matype": 0}),
    ("STOCHRSI", {"timeperiod": 5, "fastk_period": 3, "fastd_period": 2, "fastd_matype": 1}),
    ("TRIX", {"timeperiod": 1}), ("TRIX", {"timeperiod": 4}),
    ("TSI", {"firstperiod": 2, "secondperiod": 2}), ("TSI", {"firstperiod": 6, "secondperiod": 3}),
    ("ULTOSC", {"timeperiod1": 1, "timeperiod2": 1, "timeperiod3": 1}),
    ("ULTOSC", {"timeperiod1": 9, "timeperiod2": 3, "timeperiod3": 5}),
    ("VHF", {"timeperiod": 2}), ("VHF", {"timeperiod": 7}),
    ("VORTEX", {"timeperiod": 1}), ("VORTEX", {"timeperiod": 5}),
    ("WAD", {}), ("WILLR", {"timeperiod": 2}), ("WILLR", {"timeperiod": 6}),
    ("AD", {}), ("ADOSC", {"fastperiod": 2, "slowperiod": 2}), ("ADOSC", {"fastperiod": 8, "slowperiod": 3}),
    ("CMF", {"timeperiod": 2}), ("CMF", {"timeperiod": 9}),
    ("EFI", {"timeperiod": 1}), ("EFI", {"timeperiod": 4}),
    ("MARKETFI", {}), ("NVI", {}), ("OBV", {}), ("PVI", {}),
    ("PVO", {"fastperiod": 2, "slowperiod": 2, "matype": 0}), ("PVO", {"fastperiod": 7, "slowperiod": 3, "matype": 1}),
    ("PVT", {}), ("RVOL", {"timeperiod": 1}), ("RVOL", {"timeperiod": 5}), ("VWAP", {}),
]
from talib import abstract
edge_out = {}
manifest = []
for k, (name, params) in enumerate(calls):
    f = abstract.Function(name)
    f.parameters = params
    res = f(e)
    res = res if isinstance(res, list) else [res]
    cols = []
    for j, r in enumerate(res):
        col = f"{k}_{name}_{f.output_names[j]}"
        edge_out[col] = np.asarray(r, dtype=float)
        cols.append(col)
    manifest.append({"function": name, "parameters": params, "columns": cols, "lookback": f.lookback})


def write_rows(path, table, rows):
    names = list(table)
    with gzip.open(path, "wt") as fh:
        fh.write(",".join(names) + "\n")
        for i in range(rows):
            fh.write(",".join("" if np.isnan(table[c][i]) else repr(float(table[c][i])) for c in names) + "\n")


write_rows("edge_input.csv.gz", e, m)
write_rows("edge.csv.gz", edge_out, m)
with open("edge_manifest.json", "w") as fh:
    json.dump(manifest, fh, indent=1)
