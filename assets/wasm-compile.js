//# allFunctionsCalledOnLoad
// Compiles the lab's wasm modules in a worker: compiling a module as it streams in is main-thread
// work in Chromium, and the page should answer meanwhile (docs/measured.md, Loading). The worker
// fetches each file itself: Chromium keeps a module's compiled code only for a module compiled
// from a response with a URL, and a body handed over from the page has none, so each visit would
// compile everything again.
// scripts/split_wasm.py puts the worker's hashed file name in place of this one.
const WORKER = './wasm-compile-worker.js';

let worker = null;
let next = 0;
const waiting = new Map();

function start() {
  const w = new Worker(new URL(WORKER, import.meta.url));
  w.onmessage = ({ data }) => {
    const pending = waiting.get(data.id);
    waiting.delete(data.id);
    if (data.module) pending.resolve(data.module);
    else pending.reject(new Error(data.error));
  };
  // The worker's script did not load or the worker died: every module it owes is compiled here.
  w.onerror = () => {
    worker = null;
    for (const pending of waiting.values()) pending.reject(new Error('the compiling worker failed'));
    waiting.clear();
  };
  return w;
}

function compileHere(url) {
  return fetch(url).then((r) => {
    if (!r.ok) throw new Error(`failed to fetch ${url}: ${r.status} ${r.statusText}`);
    return WebAssembly.compileStreaming(r);
  });
}

// Started as this file loads (index.html preloads it), so that the worker's own script is on
// its way before the first module is asked for: the worker's fetch waits for it.
try {
  worker = start();
} catch {
  // No workers here: the modules are compiled on the page.
}

// The compiled module at `url` (a promise): compiled on the page where no worker can take it
// (none, or one that failed).
export function compile(url) {
  if (!worker) return compileHere(url);
  const id = next++;
  worker.postMessage({ id, url: String(new URL(url, import.meta.url)) });
  return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }))
    .catch(() => compileHere(url));
}
