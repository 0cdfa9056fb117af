#!/usr/bin/env python3
"""Trunk post-build hook: cuts the app's wasm into the modules of demos/src/split.rs.

Trunk builds and binds the whole wasm; this hook re-does that step from cargo's linked wasm
(kept splittable by `--emit-relocs`, .cargo/config.toml): wasm-split-cli cuts it at the
`#[wasm_split]` functions into the main module, the pages' modules and chunks of the code
they share (by the groups of WASM_SPLIT_GROUPS); wasm-bindgen binds the main module and
wasm-opt shrinks every module. The results replace Trunk's wasm and glue under Trunk's names;
the modules and their loader get names hashed from their contents, so a static host can cache
them forever. Every module, the main one too, is compiled in a worker (assets/wasm-compile.js),
and the glue, the loader and that helper ask V8 to compile their functions as they stream in,
not one by one on the main thread when first called (the `allFunctionsCalledOnLoad` hint).
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


# V8's explicit compile hint: it compiles a script's functions on the thread that streams it in.
COMPILE_HINT = "//# allFunctionsCalledOnLoad\n"
# The loader's fetch and compile of each module, and the same through the compiling worker.
FETCHED = re.compile(r'const src = fetch\((new URL\("\./[^"]+\.wasm", import\.meta\.url\))\);')
STREAMED = "WebAssembly.instantiateStreaming(src, imports)"
# Trunk's boot script, which fetches and compiles the main module.
BOOTED = re.compile(r"init\(\{ module_or_path: '\./([^']+_bg\.wasm)' \}\)")
# Trunk's preload of the glue (Trunk.toml's pattern_preload).
PRELOADED = re.compile(r'<link rel="modulepreload" href="\./cloud-lab-[0-9a-f]+\.js" crossorigin="anonymous">')


def minified(text):
    """The script minified by esbuild (scripts/install.sh), its compile hint kept."""
    hint = text.startswith(COMPILE_HINT)
    done = subprocess.run(["esbuild", "--minify", "--format=esm", "--log-level=error"],
                          input=text.removeprefix(COMPILE_HINT),
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"split_wasm: esbuild failed:\n{done.stderr}")
    return (COMPILE_HINT if hint else "") + done.stdout


def write_hashed(path, text):
    """Writes `text` under `path`'s name with its hash and returns that name."""
    path.write_text(text, encoding="utf-8")
    name = hashed(path)
    shutil.copyfile(path, staging / name)
    return name


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

    worker_name = write_hashed(tmp / "wasm-compile-worker.js",
                               pathlib.Path("assets/wasm-compile-worker.js").read_text(encoding="utf-8"))
    helper = pathlib.Path("assets/wasm-compile.js").read_text(encoding="utf-8")
    if "'./wasm-compile-worker.js'" not in helper:
        sys.exit("split_wasm: assets/wasm-compile.js does not name its worker")
    helper_name = write_hashed(tmp / "wasm-compile.js",
                               minified(helper.replace("'./wasm-compile-worker.js'", f"'./{worker_name}'")))

    loader = (tmp / "__wasm_split.js").read_text(encoding="utf-8")
    for source, target in wasm[1:]:
        loader = loader.replace(f'"./{source.name}"', f'"./{target.name}"')
    if not (len(FETCHED.findall(loader)) == loader.count(STREAMED) == len(modules)):
        sys.exit("split_wasm: the module loader does not fetch and compile each module as expected")
    loader = FETCHED.sub(r"const src = compile(\1);", loader)
    loader = loader.replace(STREAMED, "WebAssembly.instantiate(await src, imports)")
    loader = f'{COMPILE_HINT}import {{ compile }} from "./{helper_name}";\n{loader}'
    # Not minified: scripts/size.py reads which chunks each module waits for from it.
    loader_name = write_hashed(tmp / "wasm-split.js", loader)

    code = (tmp / "bound" / f"{stem}.js").read_text(encoding="utf-8")
    # The import statements fetch the loader; the wasm's import names stay as they are.
    if 'from "./__wasm_split.js"' not in code:
        sys.exit("split_wasm: the bound glue does not import the module loader")
    code = code.replace('from "./__wasm_split.js"', f'from "./{loader_name}"')
    glue[0].write_text(minified(COMPILE_HINT + code), encoding="utf-8")

# Trunk's boot script (index.html, moved to a file by scripts/externalize_boot.py) compiles the
# main module through the worker too.
index = staging / "index.html"
html = index.read_text(encoding="utf-8")
if len(BOOTED.findall(html)) != 1:
    sys.exit("split_wasm: index.html's boot script does not init the wasm as expected")
html = BOOTED.sub(lambda m: f"init({{ module_or_path: compile(new URL('./{m[1]}', import.meta.url)) }})", html)
html = html.replace('<script type="module">', f'<script type="module">\nimport {{ compile }} from "./{helper_name}";', 1)
# The helper and the module loader are fetched with the glue rather than after it: the helper
# starts the compiling worker as it loads.
if len(PRELOADED.findall(html)) != 1:
    sys.exit("split_wasm: index.html does not preload the glue as expected")
html = PRELOADED.sub(lambda m: m[0] + "".join(
    f'\n<link rel="modulepreload" href="./{name}" crossorigin="anonymous">' for name in (helper_name, loader_name)), html)
index.write_text(html, encoding="utf-8")
