#!/usr/bin/env python3
"""Trunk post-build hook: writes the build's file list into the service worker.

sw.js ships with `const PRECACHE = { build: 'unbuilt', files: [] };`; this hook replaces
that line with every file of the build (relative to sw.js) and a build id hashed from
their names and contents. A new build therefore ships a new sw.js, which the browser
installs in place of the old one, caching the new files under a new name.
Runs after scripts/externalize_boot.py (it lists the boot script that one writes).
"""
import hashlib
import json
import os
import pathlib
import re
import sys

staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR", sys.argv[1] if len(sys.argv) > 1 else "dist"))
worker = staging / "sw.js"
files = sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file() and p != worker)
digest = hashlib.sha256()
for name in files:
    digest.update(name.encode() + b"\0" + (staging / name).read_bytes() + b"\0")
precache = {"build": digest.hexdigest()[:16], "files": ["./" + name for name in files]}

code = worker.read_text(encoding="utf-8")
line = re.compile(r"^const PRECACHE = .*;$", re.M)
if len(line.findall(code)) != 1:
    sys.exit("precache: sw.js has no single `const PRECACHE = …;` line to fill in")
code = line.sub(lambda _: f"const PRECACHE = {json.dumps(precache)};", code)
worker.write_text(code, encoding="utf-8")
