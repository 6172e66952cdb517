# Provenance of Tests/Fixtures/talib_patterns (run once with Python ta-lib 0.8.2 = TA-Lib C 0.8.1; never at test time).
# Usage: python3 generate.py <output folder>

import numpy as np, talib
def gen(n, seed):
    rng=np.random.default_rng(seed)
    rows=[]
    price=100.0
    for i in range(n):
        mode=rng.integers(0,6)
        # body size drawn from mixture to create long/short/doji
        scale=rng.choice([0.0,0.2,1,3,6])
        o=price+rng.integers(-4,5)*0.5
        c=o+rng.integers(-6,7)*0.5*scale/3
        up=abs(rng.choice([0,0,0.5,1,3]))*rng.integers(0,3)
        dn=abs(rng.choice([0,0,0.5,1,3]))*rng.integers(0,3)
        h=max(o,c)+up; l=min(o,c)-dn
        rows.append((o,h,l,c))
        price=c if rng.random()<0.8 else o
        price=min(max(price,40),160)
    return np.array(rows,dtype=float)
def _summary():
    d=gen(30000,1)
    o,h,l,c=d.T
    names=[f for f in talib.get_function_groups()['Pattern Recognition']]
    for f in names:
        r=getattr(talib,f)(o,h,l,c)
        u,cnt=np.unique(r,return_counts=True)
        print(f, dict(zip(u.tolist(),cnt.tolist())))

import numpy as np, talib, gzip, sys, os

TEMPLATES = {
    "2crows": [(0,5,-.2,4), (5.5,5.7,4.9,5), (5.2,5.3,1.9,2)],
    "conceal": [(10,10,7,7), (7,7,4,4), (3.5,5,2.9,3), (5.4,5.5,2.5,2.6)],
    "mathold": [(0,5.1,-.1,5), (6.5,6.6,5.9,6), (5.8,5.9,4.7,4.8), (5.5,5.6,4.4,4.5), (4.8,7.1,4.7,7)],
    "risefall": [(0,5.2,-.2,5), (4.5,4.6,3.9,4), (4.2,4.3,3.4,3.5), (3.8,3.9,2.9,3.0), (3.2,6.1,3.1,6)],
    "fallrise": [(5,5.2,-.2,0), (0.5,1.1,0.4,1), (0.8,1.6,0.7,1.5), (1.2,2.1,1.1,2.0), (1.8,1.9,-1.1,-1)],
    "3stars": [(10,10.1,-.5,5), (7,7.1,2,5.5), (4.5,4.5,3,3)],
    "breakaway": [(10,10.2,4.8,5), (4.5,4.7,3.8,4), (3.9,4.0,3.4,3.5), (3.4,3.5,2.9,3.0), (3.1,4.9,3.0,4.8)],
    "upgap2crows": [(0,5.1,-.1,5), (6.5,6.6,5.9,6), (6.8,6.9,5.4,5.5)],
    "3blackcrows": [(0,3.1,-.1,3), (2.9,2.95,1.9,2), (1.9,1.95,0.9,1), (0.9,0.95,-0.1,0)],
    "ladder": [(10,10.1,8.9,9), (9.5,9.6,8.4,8.5), (9,9.1,7.9,8), (8,9,7,7.5), (8.2,9.5,8.1,9.4)],
    "kicking": [(5,5,0,0), (6,11,6,11)],
    "abandoned": [(0,5.1,-.1,5), (6,6.3,5.5,6.05), (5,5.2,2,2.1)],
}

def build(n_background=30000, plants=60, seed=7):
    rng = np.random.default_rng(seed)
    bg = gen(n_background, seed)
    rows = []
    names = list(TEMPLATES)
    cuts = sorted(rng.choice(np.arange(50, n_background), size=plants * len(names), replace=False))
    order = rng.permutation(np.repeat(names, plants))
    last = 0
    for cut, name in zip(cuts, order):
        rows.extend(bg[last:cut].tolist())
        last = cut
        base = rows[-1][3]
        s = rng.uniform(0.8, 1.6)
        for (o, h, l, c) in TEMPLATES[name]:
            rows.append((base + o * s, base + h * s, base + l * s, base + c * s))
    rows.extend(bg[last:].tolist())
    return np.round(np.array(rows, dtype=float), 6)

if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    d = build()
    o, h, l, c = d.T
    funcs = talib.get_function_groups()["Pattern Recognition"]
    cols, names = [], []
    for f in funcs:
        cols.append(getattr(talib, f)(o, h, l, c)); names.append(f)
    pen = ["CDLABANDONEDBABY", "CDLDARKCLOUDCOVER", "CDLEVENINGDOJISTAR", "CDLEVENINGSTAR", "CDLMATHOLD",
           "CDLMORNINGDOJISTAR", "CDLMORNINGSTAR"]
    for f in pen:
        cols.append(getattr(talib, f)(o, h, l, c, penetration=0.1)); names.append(f + "@0.1")
    with gzip.open(os.path.join(out, "input.csv.gz"), "wt") as g:
        g.write("open,high,low,close\n")
        for r in d: g.write(",".join(repr(float(x)) for x in r) + "\n")
    with gzip.open(os.path.join(out, "expected.csv.gz"), "wt") as g:
        g.write(",".join(names) + "\n")
        for i in range(len(d)): g.write(",".join(str(int(col[i])) for col in cols) + "\n")
    for n, col in zip(names, cols):
        nz = int(np.count_nonzero(col))
        if nz < 3: print("few hits:", n, nz)
    print(len(d), "rows,", len(names), "columns")
