"""Builds Sources/MarketIntel/Resources/sector_taxonomy.csv from CoinGecko's token categories.

Input: data/taxonomy/token_categories.csv (CoinGecko /coins/markets + /coins/{id}, 2025-02-14; see its README).
Rules: Resources/sector_mapping.tsv (category -> sector, in priority order) and Resources/sector_overrides.tsv.
Every token of rank <= MAX_RANK is written. Usage: python3 scripts/build_sector_taxonomy.py PATH/token_categories.csv
"""
import csv, sys, os
MAX_RANK = 300
here = os.path.dirname(os.path.abspath(__file__))
res = os.path.join(here, '..', 'Sources', 'MarketIntel', 'Resources')
def rows(name):
    for line in open(os.path.join(res, name), encoding='utf-8'):
        if line.startswith('#') or not line.strip(): continue
        yield line.rstrip('\n').split('\t')
mapping = [(s, c.strip()) for s, c in rows('sector_mapping.tsv')]
overrides = {r[0]: r[1] for r in rows('sector_overrides.tsv')}
def matches(pat, cat):
    return cat.startswith(pat[:-1]) if pat.endswith('*') else cat == pat
out = []
for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')):
    if int(r['rank']) > MAX_RANK: continue
    cats = [c.strip() for c in r['categories'].split(';') if c.strip()]
    sectors, used = [], []
    for sector, pat in mapping:
        hit = [c for c in cats if matches(pat, c)]
        if hit:
            used += [c for c in hit if c not in used]
            if sector not in sectors: sectors.append(sector)
    primary = overrides.get(r['coingecko_id']) or (sectors[0] if sectors else 'Other')
    if primary in sectors: sectors.remove(primary)
    out.append([r['coingecko_id'], r['symbol'], r['name'], r['rank'], r['market_cap_usd'], primary, ';'.join(sectors), ';'.join(used)])
out.sort(key=lambda x: int(x[3]))
w = csv.writer(open(os.path.join(res, 'sector_taxonomy.csv'), 'w', encoding='utf-8', newline=''), lineterminator='\n')
w.writerow(['coingecko_id', 'symbol', 'name', 'rank', 'market_cap_usd', 'sector', 'secondary_sectors', 'matched_categories'])
w.writerows(out)
from collections import Counter
print(len(out), Counter(x[5] for x in out if int(x[3]) <= 200))
