//! The section key: `s` brings the page's next section to the top of the screen and
//! moves the focus there, Shift+S the previous one. A presenter steps through a demo
//! (its stage, then each section) without scrolling by hand while talking.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

/// How far below the top of the screen a section may start and still count as the one
/// shown (the CSS gives sections a small `scroll-margin-top`, well inside this).
const SHOWN_WITHIN_PX: f64 = 40.0;

/// Steps one section forwards or backwards; does nothing past the first or the last.
pub fn step(forwards: bool) {
    let sections = top_level_sections();
    let tops: Vec<f64> = sections
        .iter()
        .map(|s| s.get_bounding_client_rect().top())
        .collect();
    let target = if forwards {
        tops.iter().position(|&top| top > SHOWN_WITHIN_PX)
    } else {
        tops.iter().rposition(|&top| top < -1.0)
    };
    let Some(section) = target.and_then(|i| sections.get(i)) else {
        return;
    };
    // Focus follows, so a screen reader reads the section and Tab continues from it.
    if !section.has_attribute("tabindex") {
        let _ = section.set_attribute("tabindex", "-1");
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = section.focus_with_options(&options);
    let scroll = ScrollIntoViewOptions::new();
    scroll.set_block(ScrollLogicalPosition::Start);
    section.scroll_into_view_with_scroll_into_view_options(&scroll);
}

/// The page's sections that are shown and not inside another section, in page order.
fn top_level_sections() -> Vec<HtmlElement> {
    let Ok(list) = document().query_selector_all("main section") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .filter(|el| el.get_client_rects().length() > 0)
        .filter(|el| !inside_a_section(el))
        .collect()
}

fn inside_a_section(el: &Element) -> bool {
    el.parent_element()
        .and_then(|parent| parent.closest("main section").ok().flatten())
        .is_some()
}
