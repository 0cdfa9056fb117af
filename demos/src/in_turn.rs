//! A demo's sections, laid out in turn. style.css renders a section of `.in-turn` only near
//! the screen (`content-visibility: auto`), so the task that first shows a page lays out its
//! first screen, not the whole page (on a phone, most of that task). Once the page is shown,
//! one section a frame is made to render for good: the layout is spread over frames, and no
//! section stays unrendered, which tools that read colours and boxes (axe, Lighthouse) would
//! read wrongly.

use wasm_bindgen::JsCast;

/// Renders each of `article`'s sections for good, in page order, one an animation frame.
pub fn lay_out(article: web_sys::Element) {
    let Ok(sections) = article.query_selector_all(":scope > section") else {
        return;
    };
    let sections: Vec<web_sys::HtmlElement> = (0..sections.length())
        .filter_map(|i| sections.item(i)?.dyn_into().ok())
        .collect();
    next(sections, 0);
}

fn next(sections: Vec<web_sys::HtmlElement>, i: usize) {
    leptos::prelude::request_animation_frame(move || {
        // The reader may have left the page meanwhile.
        let Some(section) = sections.get(i).filter(|s| s.is_connected()) else {
            return;
        };
        let _ = section
            .style()
            .set_property("content-visibility", "visible");
        next(sections, i + 1);
    });
}
