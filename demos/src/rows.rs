//! A list whose rows are kept by their place: `indexed(count, row)` builds row `i` once and
//! only adds or removes rows at the end when `count` changes. Each row binds its own texts to
//! the outcome, so a move that changes a row's figures rewrites only those, not the list.
//! One `For` for every such list: its keyed diff is a sizeable piece of wasm per instance.

use leptos::prelude::*;

/// Rows `0..count`, row `i` built by `row` when it first appears.
pub fn indexed(count: Signal<usize>, row: Callback<usize, AnyView>) -> impl IntoView {
    view! { <For each=move || 0..count.get() key=|i| *i children=move |i| row.run(i)/> }
}

/// Row `i` of a long list as a memo of its own (`None` while the input is invalid or the row
/// is about to go). Its texts follow the row, not the whole outcome: a move that leaves the
/// row as it was runs none of them, and the outcome keeps one subscriber a row, not one a text
/// (a subscriber that runs again leaves its source's list and joins it again, which costs as
/// much as the list is long).
pub fn row<O, T>(
    outcome: Memo<Result<O, Vec<String>>>,
    list: fn(&O) -> &Vec<T>,
    i: usize,
) -> Memo<Option<T>>
where
    O: Send + Sync + PartialEq + 'static,
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| outcome.with(|o| o.as_ref().ok().and_then(|o| list(o).get(i).cloned())))
}

/// A text of a row bound on its own, empty while there is no row. A `Signal` rather than a
/// closure, so every such text shares one rendering in the wasm.
pub fn text<T>(
    row: Memo<Option<T>>,
    f: impl Fn(&T) -> String + Send + Sync + 'static,
) -> Signal<String>
where
    T: Send + Sync + 'static,
{
    Signal::derive(move || row.with(|r| r.as_ref().map(&f).unwrap_or_default()))
}
