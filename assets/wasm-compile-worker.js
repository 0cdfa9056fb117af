// Fetches and compiles the wasm file the page names and posts the module back
// (assets/wasm-compile.js, which fetches and compiles it itself if this fails).
onmessage = async ({ data: { id, url } }) => {
  try {
    postMessage({ id, module: await WebAssembly.compileStreaming(fetch(url)) });
  } catch (e) {
    postMessage({ id, error: String(e) });
  }
};
