// Fetches and compiles the wasm file the page names and posts the module back
// (assets/wasm-compile.js).
onmessage = async ({ data: { id, url } }) => {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`failed to fetch ${url}: ${response.status} ${response.statusText}`);
    postMessage({ id, module: await WebAssembly.compileStreaming(response) });
  } catch (e) {
    postMessage({ id, error: String(e) });
  }
};
