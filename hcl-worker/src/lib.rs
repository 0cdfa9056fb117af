//! IaC drift's HCL parser, built by Trunk as a web worker of its own (`data-type="worker"`), so
//! that hcl-edit stays out of the WebAssembly every page waits for. `assets/hcl-loader.js` starts
//! it and answers each message (the text typed in the editor) with `read_config`'s result.

use cloud_lab_model::iac_drift::{parse_config, wire};
use wasm_bindgen::prelude::wasm_bindgen;

/// Reads a configuration; the result as `wire` text (the page reads it back with `wire::read_read`).
#[wasm_bindgen]
pub fn read_config(text: &str) -> String {
    wire::write_read(&parse_config(text))
}
