#!/usr/bin/env python3
"""Trunk post-build hook: moves Trunk's inline boot script into a file of its own.

A strict Content-Security-Policy (`script-src 'self'`) forbids inline scripts, so the
few lines that load the wasm go to `boot-<hash>.js`, referenced from index.html.
"""
import hashlib
import os
import pathlib
import re
import sys

staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR", sys.argv[1] if len(sys.argv) > 1 else "dist"))
index = staging / "index.html"
html = index.read_text(encoding="utf-8")
match = re.search(r'<script type="module">(.*?)</script>', html, re.S)
if match is None:
    sys.exit("externalize_boot: no inline module script in index.html")
code = match.group(1).strip() + "\n"
name = f"boot-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
(staging / name).write_text(code, encoding="utf-8")
index.write_text(html.replace(match.group(0), f'<script type="module" src="./{name}"></script>'), encoding="utf-8")
