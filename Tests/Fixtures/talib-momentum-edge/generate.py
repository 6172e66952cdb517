"""Edge-case reference vectors for the Momentum functions AC ... PLUS_DM (see README.md).

Run with Python 3 and the `ta-lib` wrapper 0.8.2 (TA-Lib C 0.8.1):  python3 generate.py
Writes input.csv.gz, manifest.json and one <case>.csv.gz per case into this folder.
"""
import gzip, json, os
import numpy as np
import talib
from talib import abstract

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261125)

def synthetic():
    n = 420
    close = 100 + np.cumsum(rng.normal(0, 1.5, n))
    open_ = close + rng.normal(0, 0.8, n)
    high = np.maximum(open_, close) + np.abs(rng.normal(0, 0.7, n))
    low = np.minimum(open_, close) - np.abs(rng.normal(0, 0.7, n))
    volume = np.abs(rng.normal(1000, 300, n))
    # 1) a flat stretch: every price equal, no volume (zero ranges, zero true range, flat windows)
    open_[60:95] = high[60:95] = low[60:95] = close[60:95] = close[59]
    volume[60:95] = 0.0
    # 2) whole-number prices: many equal highs and lows (tie rules of AROON, FRACTAL, stochastics)
    for a in (open_, high, low, close):
        a[130:200] = np.round(a[130:200])
    high[130:200] = np.maximum.reduce([high[130:200], open_[130:200], close[130:200]])
    low[130:200] = np.minimum.reduce([low[130:200], open_[130:200], close[130:200]])
    # 3) bars whose high equals their low while the close moves (BOP's zero range)
    high[220:226] = low[220:226] = open_[220:226] = close[220:226]
    # 4) tiny volumes (MFI's total flow below 1)
    volume[250:280] = 1e-3
    # 5) a zero close (ROC's zero guard in COPPOCK)
    close[300] = 0.0
    low[300] = 0.0
    open_[300] = min(open_[300], high[300])
    return dict(open=open_, high=high, low=low, close=close, volume=volume)

CASES = [
    ("AC", {}), ("AC", dict(fastperiod=34, slowperiod=5, signalperiod=2)), ("AC", dict(fastperiod=2, slowperiod=3, signalperiod=40)),
    ("ADX", {}), ("ADX", dict(timeperiod=2)), ("ADX", dict(timeperiod=30)),
    ("ADXR", {}), ("ADXR", dict(timeperiod=2)),
    ("AO", {}), ("AO", dict(fastperiod=34, slowperiod=5)), ("AO", dict(fastperiod=2, slowperiod=3)),
    ("APO", dict(matype=1)), ("APO", dict(matype=0)), ("APO", dict(fastperiod=26, slowperiod=12, matype=1)),
    ("AROON", {}), ("AROON", dict(timeperiod=2)), ("AROON", dict(timeperiod=50)),
    ("AROONOSC", {}), ("AROONOSC", dict(timeperiod=2)),
    ("BOP", {}),
    ("CCI", {}), ("CCI", dict(timeperiod=2)),
    ("CMO", {}), ("CMO", dict(timeperiod=2)),
    ("CMOU", {}), ("CMOU", dict(timeperiod=2)),
    ("COPPOCK", {}), ("COPPOCK", dict(wmaperiod=1, roc1period=3, roc2period=2)), ("COPPOCK", dict(wmaperiod=2, roc1period=1, roc2period=1)),
    ("COPPOCK", dict(wmaperiod=4, roc1period=20, roc2period=5)),
    ("DPO", {}), ("DPO", dict(timeperiod=2)), ("DPO", dict(timeperiod=3)), ("DPO", dict(timeperiod=7)),
    ("DX", {}), ("DX", dict(timeperiod=2)),
    ("ER", {}), ("ER", dict(timeperiod=2)),
    ("ERI", {}), ("ERI", dict(timeperiod=1)), ("ERI", dict(timeperiod=2)),
    ("FRACTAL", {}), ("FRACTAL", dict(leftbars=1, rightbars=1)), ("FRACTAL", dict(leftbars=4, rightbars=1)), ("FRACTAL", dict(leftbars=1, rightbars=5)),
    ("IMI", {}), ("IMI", dict(timeperiod=2)),
    ("KDJ", dict(slowk_matype=0, slowd_matype=0)), ("KDJ", dict(fastk_period=1, slowk_period=1, slowk_matype=1, slowd_period=2, slowd_matype=1)),
    ("KDJ", dict(fastk_period=5, slowk_period=4, slowk_matype=1, slowd_period=3, slowd_matype=0)),
    ("MACD", {}), ("MACD", dict(fastperiod=26, slowperiod=12, signalperiod=1)), ("MACD", dict(fastperiod=2, slowperiod=3, signalperiod=2)),
    ("MACDEXT", {}), ("MACDEXT", dict(fastmatype=1, slowmatype=1, signalmatype=1)),
    ("MACDEXT", dict(fastperiod=26, fastmatype=1, slowperiod=12, slowmatype=0, signalperiod=1, signalmatype=1)),
    ("MACDFIX", {}), ("MACDFIX", dict(signalperiod=1)),
    ("MFI", {}), ("MFI", dict(timeperiod=2)),
    ("MINUS_DI", {}), ("MINUS_DI", dict(timeperiod=1)), ("MINUS_DI", dict(timeperiod=2)),
    ("MINUS_DM", {}), ("MINUS_DM", dict(timeperiod=1)), ("MINUS_DM", dict(timeperiod=2)),
    ("PLUS_DI", {}), ("PLUS_DI", dict(timeperiod=1)), ("PLUS_DI", dict(timeperiod=2)),
    ("PLUS_DM", {}), ("PLUS_DM", dict(timeperiod=1)), ("PLUS_DM", dict(timeperiod=2)),
]
# Cases that need the other moving-average types (matype 2..13).
CASES += [
    ("KDJ", {}), ("KDJ", dict(fastk_period=14, slowk_period=5, slowd_period=2)),
    ("APO", dict(matype=13)), ("MACDEXT", dict(fastmatype=2, slowmatype=3, signalmatype=13)),
]
# Every moving-average type in each matype slot.
for t in range(14):
    CASES += [
        ("APO", dict(fastperiod=5, slowperiod=9, matype=t)),
        ("MACDEXT", dict(fastperiod=5, fastmatype=t, slowperiod=9, slowmatype=(t + 5) % 14, signalperiod=4, signalmatype=t)),
        ("KDJ", dict(fastk_period=6, slowk_period=4, slowk_matype=t, slowd_period=3, slowd_matype=(t + 3) % 14)),
    ]

def with_gaps(data):
    """The same series with a few NaN and infinite values (TA-Lib propagates them arithmetically)."""
    gapped = {k: v.copy() for k, v in data.items()}
    gapped["close"][40] = np.nan
    gapped["high"][110] = np.nan
    gapped["low"][160] = np.nan
    gapped["open"][170] = np.nan
    gapped["volume"][240] = np.nan
    gapped["close"][330] = np.inf
    return gapped

# Every function once more, default parameters, on the series with gaps.
GAP_CASES = sorted({name for name, _ in CASES})

def fmt(v):
    return "" if np.isnan(v) else ("inf" if v == np.inf else ("-inf" if v == -np.inf else repr(float(v))))

def main():
    data = synthetic()
    gapped = with_gaps(data)
    n = len(data["close"])
    for file, series in (("input.csv.gz", data), ("input_gaps.csv.gz", gapped)):
        with gzip.open(os.path.join(HERE, file), "wt", compresslevel=9) as f:
            f.write("i,open,high,low,close,volume\n")
            for i in range(n):
                f.write(",".join([str(i)] + [fmt(series[k][i]) for k in ("open", "high", "low", "close", "volume")]) + "\n")
    entries = []
    runs = [(name, params, data, "input.csv") for name, params in CASES]
    runs += [(name, {}, gapped, "input_gaps.csv") for name in GAP_CASES]
    for k, (name, params, series, input_file) in enumerate(runs):
        fn = abstract.Function(name)
        fn.set_parameters(**params)
        out = fn(series)
        if not isinstance(out, list):
            out = [out]
        names = fn.info["output_names"]
        file = f"{k:02d}_{name}.csv"
        with gzip.open(os.path.join(HERE, file + ".gz"), "wt", compresslevel=9) as f:
            f.write(",".join(["i"] + names) + "\n")
            for i in range(n):
                f.write(",".join([str(i)] + [fmt(np.asarray(o, dtype=float)[i]) for o in out]) + "\n")
        entries.append(dict(function=name, input=input_file, parameters={p: float(v) for p, v in fn.parameters.items()},
                            outputs=names, lookback=fn.lookback, file=file))
    with open(os.path.join(HERE, "manifest.json"), "w") as f:
        json.dump(dict(talib=talib.__ta_version__.decode(), functions=entries), f, indent=1)

main()
