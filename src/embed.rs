//! Embedding: `embed=1` in any link shows that page alone — no header, navigation or
//! footer — for an `<iframe>` in slides or a course page. "Copy embed code" gives the
//! snippet for the page as it is now (its link keeps the demo's exact state).

use cloud_lab_demos::address_bar;
use cloud_lab_model::catalog::DemoId;
use cloud_lab_model::link::{Query, Route};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The link key that asks for the embedded layout.
pub const KEY: &str = "embed";

/// True when a link asks for the embedded layout.
pub fn requested(query: &Query) -> bool {
    query.get(KEY) == Some("1")
}

/// `href` (a whole address) with `embed=1` in its hash, or without it: any `embed` it
/// had is replaced, every other key (the demo's state) is kept.
pub fn link(href: &str, embedded: bool) -> String {
    let (base, hash) = href.split_once('#').unwrap_or((href, ""));
    let route = Route::parse(hash);
    let raw_query = hash.split_once('?').map_or("", |(_, q)| q);
    let mut kept: Vec<&str> = raw_query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| pair.split('=').next() != Some(KEY))
        .collect();
    let embed = format!("{KEY}=1");
    if embedded {
        kept.push(&embed);
    }
    format!("{base}{}", Route::hash(&route.page, &kept.join("&")))
}

/// The `<iframe>` snippet for a page of the lab at `url`, titled after the page.
pub fn snippet(url: &str, page: &str) -> String {
    let title = match DemoId::from_slug(page) {
        Some(demo) => format!("Cloud Lab: {}", demo.info().title),
        None if page == cloud_lab_demos::tour::PAGE => {
            "Cloud Lab: tour of the worked example".into()
        }
        None => "Cloud Lab".into(),
    };
    format!(
        r#"<iframe src="{}" title="{}" width="960" height="640" style="border:0;max-width:100%" loading="lazy"></iframe>"#,
        attribute(url),
        attribute(&title)
    )
}

/// Escapes text for a double-quoted HTML attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The header's "Copy embed code": copies the snippet and shows it, so it can also be
/// copied by hand where the browser refuses the clipboard.
#[component]
pub fn EmbedCode() -> impl IntoView {
    let code = RwSignal::new(None::<String>);
    let status = RwSignal::new("");
    let copy = move |_| {
        // The snippet embeds the demo as it is now, its last move included.
        address_bar::catch_up();
        let href = window().location().href().unwrap_or_default();
        let page = Route::parse(&window().location().hash().unwrap_or_default()).page;
        let text = snippet(&link(&href, true), &page);
        code.set(Some(text.clone()));
        status.set("Copying…");
        leptos::task::spawn_local(async move {
            let copied = copy_text(&text).await;
            status.set(if copied {
                "Copied to the clipboard."
            } else {
                "The browser did not allow the clipboard: copy the code from the box."
            });
        });
    };
    view! {
        <button data-testid="embed-copy" on:click=copy aria-expanded=move || code.with(|c| c.is_some()).to_string()
            aria-controls="embed-code">"Copy embed code"</button>
        <div id="embed-code" class="embed-code" hidden=move || code.with(|c| c.is_none())>
            <label>"Embed code for this page"
                <textarea readonly rows="3" data-testid="embed-snippet" prop:value=move || code.get().unwrap_or_default()></textarea>
            </label>
            <p role="status" data-testid="embed-status">{move || status.get()}</p>
            <button on:click=move |_| code.set(None)>"Close"</button>
        </div>
    }
}

/// Writes to the clipboard; false where there is no clipboard (a page not served over
/// HTTPS) or the browser refuses.
async fn copy_text(text: &str) -> bool {
    let navigator = window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined());
    if !has_clipboard {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_gains_or_loses_the_key_and_keeps_the_state() {
        let cases = [
            ("https://x.edu/lab/", "https://x.edu/lab/#/?embed=1"),
            ("https://x.edu/lab/#/", "https://x.edu/lab/#/?embed=1"),
            (
                "https://x.edu/lab/#/availability?slo=99.99&cloud=azure",
                "https://x.edu/lab/#/availability?slo=99.99&cloud=azure&embed=1",
            ),
            (
                "http://127.0.0.1:4260/#/cost?embed=0&a=1",
                "http://127.0.0.1:4260/#/cost?a=1&embed=1",
            ),
            (
                "https://x.edu/#/tour?step=3&embed=1",
                "https://x.edu/#/tour?step=3&embed=1",
            ),
        ];
        for (href, expected) in cases {
            assert_eq!(link(href, true), expected, "{href}");
        }
        assert_eq!(
            link("https://x.edu/#/cost?a=1&embed=1&b=2", false),
            "https://x.edu/#/cost?a=1&b=2"
        );
        assert_eq!(link("https://x.edu/#/?embed=1", false), "https://x.edu/#/");
    }

    #[test]
    fn the_snippet_names_the_page_and_escapes_the_link() {
        let s = snippet(r#"https://x.edu/#/cost?a="><script>&b=1"#, "cost");
        assert!(
            s.starts_with(
                r#"<iframe src="https://x.edu/#/cost?a=&quot;&gt;&lt;script&gt;&amp;b=1""#
            ),
            "{s}"
        );
        assert!(s.contains(r#"title="Cloud Lab: "#), "{s}");
        assert!(!s.contains("<script>"), "{s}");
        assert!(snippet("u", "tour").contains("tour of the worked example"));
        assert!(snippet("u", "").contains(r#"title="Cloud Lab""#));
    }

    #[test]
    fn only_embed_1_asks_for_the_embedded_layout() {
        assert!(requested(&Query::parse("embed=1")));
        assert!(requested(&Query::parse("a=2&embed=1")));
        assert!(!requested(&Query::parse("embed=0")));
        assert!(!requested(&Query::parse("embed=true")));
        assert!(!requested(&Query::parse("")));
    }
}
