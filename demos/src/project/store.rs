//! Where the project lives outside the page: the browser's localStorage (so a reload keeps
//! it), a JSON file saved and read back, and the lab's scenario the linked demos open on.

use crate::lab::Lab;
use cloud_lab_model::project::json::{from_json, to_json, MAX_BYTES};
use cloud_lab_model::project::{validate, Project};
use cloud_lab_model::scenario::Scenario;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const KEY: &str = "cloud-lab-project";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The project kept in this browser; PhotoShare when there is none or it no longer reads.
pub fn stored() -> Project {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|text| from_json(&text).ok())
        .unwrap_or_default()
}

/// Makes a valid project the one the linked demos open on, and keeps it. PhotoShare itself
/// is kept as no entry. Called from event handlers only.
pub fn adopt(lab: Lab, p: &Project) {
    if validate(p).is_err() {
        return;
    }
    lab.scenario.set(Scenario::of(p.clone()));
    if let Some(s) = storage() {
        let _ = if *p == Project::default() {
            s.remove_item(KEY)
        } else {
            s.set_item(KEY, &to_json(p))
        };
    }
}

/// A file name from the project's name: "ChatterBox (chat backend)" → "chatterbox-chat-backend".
/// ASCII only: Unicode's case tables would weigh more than a file name is worth.
pub fn file_stem(p: &Project) -> String {
    let mut stem = String::new();
    for c in p.name.chars() {
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "project".to_string()
    } else {
        stem.to_string()
    }
}

/// Reads the file chosen in a file input and hands its project (or the reasons it has
/// none) to `done`. A file too large is refused unread.
pub fn read_upload(
    ev: &leptos::ev::Event,
    done: impl FnOnce(Result<Project, Vec<String>>) + 'static,
) {
    let file = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| {
            let file = input.files().and_then(|files| files.get(0));
            // The same file chosen again must fire `change` again.
            input.set_value("");
            file
        });
    let Some(file) = file else { return };
    if file.size() > MAX_BYTES as f64 {
        done(Err(vec![format!(
            "This file is not a Cloud Lab project: it is larger than {} KB.",
            MAX_BYTES / 1024
        )]));
        return;
    }
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        done(match text.ok().and_then(|t| t.as_string()) {
            Some(text) => from_json(&text),
            None => Err(vec!["The file could not be read as text.".to_string()]),
        });
    });
}
