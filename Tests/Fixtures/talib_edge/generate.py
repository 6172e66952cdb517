"""Edge-case reference vectors for the Statistics, Math, Price Transform and Cycle functions.

Run with TA-Lib C 0.8.1 (Python wrapper `ta-lib` 0.8.2): `python3 generate.py` writes one gzipped CSV per scenario
(inputs, then one column per function output named FUNCTION.output) and manifest.json. Deterministic (seeded).
"""
import gzip, json, math
import numpy as np
import talib
from talib import abstract

rng = np.random.default_rng(20261125)
scenarios = {}

# 1. Heavy ties: small integers, so MIN/MAX index tie rules and order statistics are exercised.
ties = rng.integers(0, 4, 400).astype(float)
# 2. Adversarial levels: a random walk with flat stretches, a huge outlier, exact zeros and a level jump,
#    for the shifted-sum/reseed numerics of VAR/STDDEV/CORREL/BETA/regression and zero guards (BETA, FOSC).
walk = 100 + np.cumsum(rng.normal(0, 1, 500))
walk[50:80] = walk[50]                 # flat stretch
walk[120] = 1e6                        # outlier passing through the window
walk[200:205] = 0.0                    # zero prices
walk[300:] += 1e5                      # level jump
walk[400:420] = walk[400] + np.arange(20) * 1e-7   # tiny spread at a high level
second = walk * (1 + rng.normal(0, 0.01, 500))
second[250:260] = second[250]          # second series flat while the first moves
# 3. Math domain and overflow: NaN and ±inf outputs.
domain = np.array([-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 10.0, 709.0, 710.0, 800.0, -800.0, 1e-300, 1e300,
                   -1e300, 3.5, -3.5, 1e-8])
# 4. A noisy cycle for the Hilbert transform family (period drifting from 10 to 40 bars).
n = 600
t = np.arange(n)
cycle = 1000 + 50 * np.sin(2 * np.pi * np.cumsum(1.0 / np.linspace(10, 40, n))) + rng.normal(0, 2, n) + 0.3 * t

inputs = {
    "ties": {"close": ties},
    "adversarial": {"close": walk, "high": walk, "low": second},
    "domain": {"close": domain},
    "cycle": {"close": cycle},
}
calls = [
    ("ties", "MAX", {"timeperiod": 5}), ("ties", "MAXINDEX", {"timeperiod": 5}),
    ("ties", "MIN", {"timeperiod": 5}), ("ties", "MININDEX", {"timeperiod": 5}),
    ("ties", "MINMAX", {"timeperiod": 7}), ("ties", "MINMAXINDEX", {"timeperiod": 7}),
    ("ties", "MINMAXINDEX", {"timeperiod": 2}),
    ("ties", "PERCENTILE", {"timeperiod": 7, "percentile": 30.0}),
    ("ties", "PERCENTILE", {"timeperiod": 10, "percentile": 0.0}),
    ("ties", "PERCENTILE", {"timeperiod": 10, "percentile": 100.0}),
    ("ties", "PERCENTRANK", {"timeperiod": 5}),
    ("adversarial", "VAR", {"timeperiod": 5, "nbdev": 1.0}), ("adversarial", "VAR", {"timeperiod": 1, "nbdev": 1.0}),
    ("adversarial", "STDDEV", {"timeperiod": 8, "nbdev": 2.0}),
    ("adversarial", "CORREL", {"timeperiod": 6}), ("adversarial", "BETA", {"timeperiod": 4}),
    ("adversarial", "BETA", {"timeperiod": 1}),
    ("adversarial", "LINEARREG", {"timeperiod": 6}), ("adversarial", "LINEARREG_SLOPE", {"timeperiod": 6}),
    ("adversarial", "LINEARREG_INTERCEPT", {"timeperiod": 6}), ("adversarial", "LINEARREG_ANGLE", {"timeperiod": 6}),
    ("adversarial", "TSF", {"timeperiod": 6}), ("adversarial", "FOSC", {"timeperiod": 3}),
    ("adversarial", "AVGDEV", {"timeperiod": 4}), ("adversarial", "SUM", {"timeperiod": 3}),
    ("adversarial", "CUMSUM", {}), ("adversarial", "DIV", {}),
] + [("domain", f, {}) for f in ["ACOS", "ASIN", "ATAN", "CEIL", "COS", "COSH", "EXP", "FLOOR", "LN", "LOG10",
                                 "SIN", "SINH", "SQRT", "TAN", "TANH"]] + [
    ("cycle", f, {}) for f in ["HT_DCPERIOD", "HT_DCPHASE", "HT_PHASOR", "HT_SINE", "HT_TRENDMODE", "HT_TRENDLINE"]]

columns = {name: dict(cols) for name, cols in inputs.items()}
manifest = []
for scenario, fn, params in calls:
    f = abstract.Function(fn)
    f.set_parameters(**params)
    data = {k: np.asarray(v, dtype=float) for k, v in inputs[scenario].items()}
    out = f.run(data)
    outs = out if isinstance(out, list) else [out]
    tag = fn + "(" + ";".join(f"{k}={v}" for k, v in params.items()) + ")"
    names = []
    for oname, values in zip(f.output_names, outs):
        col = f"{tag}.{oname}"
        columns[scenario][col] = np.asarray(values, dtype=float)
        names.append(col)
    manifest.append({"scenario": scenario, "function": fn, "parameters": params, "outputs": list(f.output_names),
                     "columns": names})

def fmt(v):
    if math.isnan(v):
        return ""
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return repr(float(v))

for scenario, cols in columns.items():
    names = list(cols)
    n = len(next(iter(cols.values())))
    lines = [",".join(names)] + [",".join(fmt(cols[c][i]) for c in names) for i in range(n)]
    with gzip.GzipFile(f"{scenario}.csv.gz", "wb", mtime=0) as fh:
        fh.write(("\n".join(lines) + "\n").encode())
with open("manifest.json", "w") as fh:
    json.dump({"talib": talib.__ta_version__.decode(), "calls": manifest}, fh, indent=1)
