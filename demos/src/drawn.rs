//! A long list drawn by hand, for a list whose moves add or drop dozens of rows at once: in
//! the view (`rows::indexed`) a row costs an owner, an effect per text and their
//! subscriptions, made and dropped with the row. Here an effect brings the list's element to
//! its items with `Rows::draw`: rows are kept by their place, a row taken off the page is kept
//! to come back at its place, new ones are copies of one empty row, and a row's texts are
//! written only where they changed (`put`), as the view would.

use leptos::prelude::document;

/// A row drawn by hand: a copy of one empty row, holding the nodes its texts go to.
pub trait Row: Sized {
    /// The empty row that new rows copy.
    fn empty() -> Option<web_sys::Element>;
    fn copy(empty: &web_sys::Element) -> Option<Self>;
    fn node(&self) -> &web_sys::Element;
}

/// A list's rows: those on the page, those taken off it (last first, each still showing what
/// it showed; no more than the list has held at once), and the empty row new ones copy (made
/// when first needed).
pub struct Rows<R> {
    shown: Vec<R>,
    spare: Vec<R>,
    empty: Option<web_sys::Element>,
}

impl<R> Default for Rows<R> {
    fn default() -> Self {
        Rows {
            shown: Vec::new(),
            spare: Vec::new(),
            empty: None,
        }
    }
}

impl<R: Row> Rows<R> {
    /// Brings the rows in `list` to `items`, each shown by `show`: rows are added or removed at
    /// the end. Rows that join the page are filled off it and join it together; a switch back
    /// and forth between two lists takes the same rows off and puts them back, with nothing
    /// to rewrite.
    pub fn draw<T>(
        &mut self,
        list: &web_sys::Element,
        items: &[T],
        mut show: impl FnMut(&mut R, &T),
    ) {
        for row in self.shown.drain(items.len().min(self.shown.len())..).rev() {
            row.node().remove();
            self.spare.push(row);
        }
        let new = (items.len() > self.shown.len()).then(|| document().create_document_fragment());
        if let Some(new) = &new {
            while let Some(row) = (self.shown.len() < items.len())
                .then(|| self.spare.pop().or_else(|| self.copy()))
                .flatten()
            {
                let _ = new.append_with_node_1(row.node());
                self.shown.push(row);
            }
        }
        for (row, item) in self.shown.iter_mut().zip(items) {
            show(row, item);
        }
        if let Some(new) = new {
            let _ = list.append_with_node_1(&new);
        }
    }

    fn copy(&mut self) -> Option<R> {
        if self.empty.is_none() {
            self.empty = R::empty();
        }
        self.empty.as_ref().and_then(R::copy)
    }
}

/// Where a row shows one of its texts. A style is set through the element's style object, as
/// the page's strict CSP allows (a `style` attribute would be refused).
pub enum At<'a> {
    Text(&'a web_sys::Node),
    Attribute(&'a web_sys::Element, &'static str),
    Style(&'a web_sys::CssStyleDeclaration, &'static str),
}

/// Writes `is` at `at`, where `was` is shown, if it differs: a move rewrites only what changed.
pub fn put(at: At, was: &mut String, is: &str) {
    if was == is {
        return;
    }
    match at {
        At::Text(node) => node.set_node_value(Some(is)),
        At::Attribute(el, name) => {
            let _ = el.set_attribute(name, is);
        }
        At::Style(style, name) => {
            let _ = style.set_property(name, is);
        }
    }
    is.clone_into(was);
}

/// A `<tag>` with `class` (none if empty), holding one empty text if `text`: a piece of an
/// empty row.
pub fn element(tag: &str, class: &str, text: bool) -> Option<web_sys::Element> {
    let el = document().create_element(tag).ok()?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    if text {
        el.append_with_str_1("").ok()?;
    }
    Some(el)
}
