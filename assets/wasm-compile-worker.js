// Compiles the wasm body the page hands over and posts the module back (assets/wasm-compile.js).
onmessage = async ({ data: { id, body } }) => {
  try {
    const response = new Response(body, { headers: { 'Content-Type': 'application/wasm' } });
    postMessage({ id, module: await WebAssembly.compileStreaming(response) });
  } catch (e) {
    postMessage({ id, error: String(e) });
  }
};
