//! Small DOM helpers the components share.

use wasm_bindgen::JsCast;

/// Moves the keyboard focus to the first element matching a CSS selector, if there is one.
pub fn focus(selector: &str) {
    try_focus(selector);
}

/// Moves the keyboard focus to the first element matching a CSS selector, if there is one,
/// and says whether there was.
pub fn try_focus(selector: &str) -> bool {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match element {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}

/// Whether the element has the keyboard focus.
pub fn has_focus(element: &web_sys::Element) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|active| &active == element)
}

/// Marks a panel as opened, once: what it holds is drawn from then on (and kept when it closes,
/// with whatever was typed in it).
pub fn open_once(opened: leptos::prelude::RwSignal<bool>) {
    use leptos::prelude::{GetUntracked, Set};
    if !opened.get_untracked() {
        opened.set(true);
    }
}
