//# allFunctionsCalledOnLoad
// Compiles the lab's wasm modules in a worker: compiling a module as it streams in is main-thread
// work in Chromium, and the page should answer meanwhile (docs/measured.md, Loading). The page
// fetches each file itself, so its download starts at once, and hands the worker the body.
// scripts/split_wasm.py puts the worker's hashed file name in place of this one.
const WORKER = './wasm-compile-worker.js';

let worker;
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

// The compiled module at `url` (a promise): compiled on the page where no worker can take it
// (none, a body that cannot be transferred, a worker that failed).
export function compile(url) {
  const response = fetch(url);
  if (worker === undefined) {
    try {
      worker = start();
    } catch {
      worker = null;
    }
  }
  return response.then((r) => {
    if (!r.ok) throw new Error(`failed to fetch ${url}: ${r.status} ${r.statusText}`);
    if (!worker || !r.body) return WebAssembly.compileStreaming(r);
    const id = next++;
    try {
      worker.postMessage({ id, body: r.body }, [r.body]);
    } catch {
      // A browser that cannot transfer a stream leaves the body as it was.
      worker = null;
      return WebAssembly.compileStreaming(r);
    }
    return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }))
      .catch(() => WebAssembly.compileStreaming(fetch(url)));
  });
}
