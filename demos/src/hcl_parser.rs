//! IaC drift's HCL parser (hcl-edit) is a module of the wasm of its own (`split::read_hcl`):
//! the page shows PhotoShare's own configurations without it (they ship already read, see
//! `iac_drift::wire`), and fetches it the first time a student's typed text needs reading.

use crate::split::read_hcl;
use cloud_lab_model::iac_drift::{Config, ParseError};
use leptos::task::spawn_local_scoped_with_cancellation;
use std::rc::Rc;

/// The parser for the current page's life: what to do with each parse, and with a module
/// that cannot be fetched.
#[derive(Clone)]
pub struct HclParser {
    on_read: Rc<dyn Fn(String, Result<Config, ParseError>)>,
    on_fail: Rc<dyn Fn(String)>,
}

impl HclParser {
    /// `on_read` gets each parse with the text it read; `on_fail` says why the parser cannot
    /// run (its module could not be fetched).
    pub fn new(
        on_read: impl Fn(String, Result<Config, ParseError>) + 'static,
        on_fail: impl Fn(String) + 'static,
    ) -> HclParser {
        HclParser {
            on_read: Rc::new(on_read),
            on_fail: Rc::new(on_fail),
        }
    }

    /// Reads `text`, at once when the module is here and otherwise once it has arrived. A
    /// read still waiting when its caller's owner is cleaned up (newer text, or the page
    /// left) is dropped.
    pub fn read(&self, text: &str) {
        let (parser, text) = (self.clone(), text.to_string());
        spawn_local_scoped_with_cancellation(async move {
            match read_hcl(&text).await {
                Ok(read) => (parser.on_read)(text, read),
                Err(_) => (parser.on_fail)("its module could not be downloaded".into()),
            }
        });
    }
}
