#!/usr/bin/env python3
"""What a browser downloads from dist/, brotli -q 11: each file, all of them, the home page,
and each page's modules of the wasm (scripts/split_wasm.py) on top of the home page's files.

The home page needs every file but the wasm's page modules. A page of a group needs its
group's module and the chunks that module imports (read from the module loader,
wasm-split-<hash>.js); IaC drift, once its text is edited, also the HCL parser's module; a
tour step also needs its demo's group. With --check, fails when the total, the home page,
the largest demo page or the largest page exceeds its budget in ./size-budget.
"""
import pathlib
import re
import subprocess
import sys

import wasm_groups

dist = pathlib.Path("dist")
budget = dict(re.findall(r"^(\w+)=(\d+)$", pathlib.Path("size-budget").read_text(), re.M))
MODULE = re.compile(r"^(split|chunk)_\w+-[0-9a-f]{16}\.wasm$")

sizes = {}
for f in sorted(dist.iterdir()):
    br = len(subprocess.run(["brotli", "-c", "-q", "11", f], capture_output=True, check=True).stdout)
    sizes[f.name] = br
    print(f"{f.name:58} {f.stat().st_size:8} B raw {br:8} B brotli")
total = sum(sizes.values())
home = sum(b for name, b in sizes.items() if not MODULE.match(name))

# The loader: each chunk's loader and each group's, the latter with the chunks it waits for.
loader = next(dist.glob("wasm-split-*.js")).read_text(encoding="utf-8")
files = dict(re.findall(r'const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = compile\(new URL\("\./([^"]+)"', loader))
groups = {}
for name, file, deps in re.findall(
        r'__wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = compile\(new URL\("\./([^"]+)".*?\n, \[([^\]]*)\]\)\)', loader, re.S):
    groups[name] = {file} | {files[d.strip()] for d in deps.split(",") if d.strip()}
# demos/src/split.rs's modules: of pages, and the HCL parser's (not a page: IaC drift's typed text)
DEMOS = wasm_groups.DEMO_GROUPS
pages = {g: groups[g] for g in (*DEMOS, "exercises", "project")}
pages["iac + hcl (IaC drift, its text edited)"] = groups["iac"] | groups["hcl"]
pages |= {f"the tour + {g}": groups["tour"] | groups[g] for g in DEMOS}
pages["the tour + iac + hcl"] = groups["tour"] | groups["iac"] | groups["hcl"]
print(f"{'total':58} {'':8}         {total:8} B brotli (budget {budget['total_brotli_bytes']})")
print(f"{'the home page':58} {'':8}         {home:8} B brotli (budget {budget['first_page_brotli_bytes']})")
page_size = {page: home + sum(sizes[n] for n in needs) for page, needs in pages.items()}
for page, size in page_size.items():
    print(f"{'  a page of ' + page:58} {'':8}         {size:8} B brotli")
# What a link to a demo opens on, before IaC drift's text is edited.
demo = max(page_size[g] for g in DEMOS)
largest = max(page_size.values())
print(f"{'the largest demo page':58} {'':8}         {demo:8} B brotli (budget {budget['demo_page_brotli_bytes']})")
print(f"{'the largest page':58} {'':8}         {largest:8} B brotli (budget {budget['largest_page_brotli_bytes']})")

if sys.argv[1:] == ["--check"]:
    over = [f"{what} is {size} B brotli, over the budget of {budget[key]} B in ./size-budget"
            for what, size, key in [("dist/", total, "total_brotli_bytes"),
                                    ("the home page", home, "first_page_brotli_bytes"),
                                    ("the largest demo page", demo, "demo_page_brotli_bytes"),
                                    ("the largest page", largest, "largest_page_brotli_bytes")]
            if size > int(budget[key])]
    sys.exit("\n".join(over) or None)
