// The IaC drift page's HCL parser, a web worker: starts its WebAssembly (built by Trunk from
// hcl-worker/) and answers each message, a configuration's text, with [text, the parse as wire
// text]. Messages that come while the WebAssembly loads wait for it, in order. If it cannot
// load, the error is thrown where the page's Worker sees it (its `error` event).
importScripts('./cloud-lab-hcl-worker.js');
const ready = wasm_bindgen({ module_or_path: './cloud-lab-hcl-worker_bg.wasm' });
ready.catch((e) => setTimeout(() => { throw e; }));
self.onmessage = (event) => {
  const text = String(event.data);
  ready.then(() => self.postMessage([text, wasm_bindgen.read_config(text)]));
};
