#!/usr/bin/env python3
"""Regenerates the indicator table in README.md from the catalog (`sextant ta list --json`).
Usage: python3 scripts/indicator_table.py [path/to/sextant]"""
import json, os, re, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build", "debug", "sextant")
catalog = json.loads(subprocess.run([binary, "ta", "list", "--json"], check=True, capture_output=True, text=True).stdout)

def fmt(p):
    v = p["default_value"]
    d = f"{v:g}" if p["kind"] == "real" else str(int(v))
    lo, hi = p["minimum"], p["maximum"]
    rng = f"{lo:g}..{hi:g}" if p["kind"] == "real" else f"{int(lo)}..{int(hi)}"
    return f"{p['name']}={d} ({rng})"

lines = ["| function | group | inputs | parameters: default (range) | outputs | streams |", "|---|---|---|---|---|---|"]
for e in sorted(catalog, key=lambda e: (e["group"], e["id"])):
    inputs = ", ".join(i["field"] for i in e["inputs"])
    params = "; ".join(fmt(p) for p in e["parameters"]) or "-"
    outputs = ", ".join(o["name"] for o in e["outputs"])
    lines.append(f"| `{e['id']}` | {e['group']} | {inputs} | {params} | {outputs} | {'yes' if e['streaming'] else 'no'} |")
table = "\n".join(lines)

readme = os.path.join(root, "README.md")
text = open(readme).read()
text = re.sub(r"<!-- indicator-table -->.*<!-- /indicator-table -->",
              "<!-- indicator-table -->\n" + table + "\n<!-- /indicator-table -->", text, flags=re.S)
open(readme, "w").write(text)
print(f"{len(catalog)} functions written to README.md")
