#!/usr/bin/env python3
"""Trunk post-build hook: cuts the app's wasm into the modules of demos/src/split.rs.

Trunk builds and binds the whole wasm; this hook re-does that step from cargo's linked wasm
(kept splittable by `--emit-relocs`, .cargo/config.toml): wasm-split-cli cuts it at the
`#[wasm_split]` functions into the main module, one module per group of pages and a few
chunks of the code they share (WASM_SPLIT_GROUPS); wasm-bindgen binds the main module and
wasm-opt shrinks every module. The results replace Trunk's wasm and glue under Trunk's names;
the modules and their loader get names hashed from their contents, so a static host can cache
them forever.
"""
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

import wasm_groups

staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR", "dist"))
profile = os.environ.get("TRUNK_PROFILE", "release")
linked = pathlib.Path("target/wasm32-unknown-unknown") / profile / "cloud-lab.wasm"
# The modules' groups; WASM_SPLIT_GROUPS set empty makes all shared code one chunk (to measure
# against).
os.environ.setdefault("WASM_SPLIT_GROUPS", wasm_groups.SPEC)
# Trunk's wasm-opt features for this toolchain's wasm (wasm-opt 132 rejects what it lacks).
FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
            "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"]


def run(*args):
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"split_wasm: {' '.join(map(str, args))} failed:\n{done.stderr}")


def hashed(path):
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return f"{path.stem}-{digest}{path.suffix}"


def shrink(pair):
    """wasm-opt -Oz in a release build; a debug build keeps its modules as cut."""
    source, target = pair
    if profile != "release":
        shutil.copyfile(source, target)
        return
    done = subprocess.run(["wasm-opt", "-Oz", *FEATURES, source, "-o", target],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"split_wasm: wasm-opt {source.name} failed:\n{done.stderr}")


glue = [p for p in staging.iterdir() if re.fullmatch(r"cloud-lab-[0-9a-f]+\.js", p.name)]
if len(glue) != 1 or not linked.is_file():
    sys.exit(f"split_wasm: expected one cloud-lab-<hash>.js in {staging} and {linked}")
stem = glue[0].stem

with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    run("wasm-split-cli", linked, tmp, "--out-name", stem, "--target", "web")
    run("wasm-bindgen", "--target", "web", "--keep-lld-exports", "--no-demangle",
        "--out-dir", tmp / "bound", "--out-name", stem, tmp / f"{stem}.wasm")
    modules = sorted(tmp.glob("split_*.wasm")) + sorted(tmp.glob("chunk_*.wasm"))
    wasm = [(tmp / "bound" / f"{stem}_bg.wasm", staging / f"{stem}_bg.wasm")]
    wasm += [(m, staging / hashed(m)) for m in modules]
    # One wasm-opt per core: more only slow each other down.
    with ThreadPoolExecutor(os.cpu_count()) as pool:
        list(pool.map(shrink, wasm))

    loader = (tmp / "__wasm_split.js").read_text(encoding="utf-8")
    for source, target in wasm[1:]:
        loader = loader.replace(f'"./{source.name}"', f'"./{target.name}"')
    loader_file = tmp / "wasm-split.js"
    loader_file.write_text(loader, encoding="utf-8")
    loader_name = hashed(loader_file)
    shutil.copyfile(loader_file, staging / loader_name)

    code = (tmp / "bound" / f"{stem}.js").read_text(encoding="utf-8")
    # The import statements fetch the loader; the wasm's import names stay as they are.
    if 'from "./__wasm_split.js"' not in code:
        sys.exit("split_wasm: the bound glue does not import the module loader")
    code = code.replace('from "./__wasm_split.js"', f'from "./{loader_name}"')
    glue[0].write_text(code, encoding="utf-8")
