//! A labelled text input over a draft: what the user typed, shown over a value that comes from
//! elsewhere (the plan, or a form's starting value).

use crate::core::limits::{Range, EARLIEST_YEAR, LATEST_YEAR};
use leptos::prelude::*;

/// A text the user is editing, shown over a value that comes from the plan. Once the edit is
/// committed (or undone) the plan's value shows again.
#[derive(Clone, Copy)]
pub struct Draft {
    typed: RwSignal<Option<String>>,
    from_plan: Signal<String>,
}

impl Draft {
    pub fn new(from_plan: impl Fn() -> String + Send + Sync + 'static) -> Draft {
        Draft {
            typed: RwSignal::new(None),
            from_plan: Signal::derive(from_plan),
        }
    }

    pub fn get(&self) -> String {
        self.typed.get().unwrap_or_else(|| self.from_plan.get())
    }

    pub fn get_untracked(&self) -> String {
        self.typed
            .get_untracked()
            .unwrap_or_else(|| self.from_plan.get_untracked())
    }

    pub fn set(&self, text: String) {
        self.typed.set(Some(text));
    }

    pub fn settle(&self) {
        self.typed.set(None);
    }
}

/// What an input takes, with its bounds from `core::limits` (never written in the view).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Text of at most this many characters.
    Text(usize),
    /// A date within the years a plan allows.
    Date,
    Time,
    /// A whole number in a range.
    Number(Range),
}

/// A labelled input bound to a draft. (A function, not a component: one copy serves all.)
pub fn input(id: &'static str, label: &'static str, kind: Kind, value: Draft) -> AnyView {
    labelled(id.to_string(), label.to_string(), kind, value)
}

/// `input` with an id and a label made at run time ("Emergency contact for Alex").
pub fn labelled(id: String, label: String, kind: Kind, value: Draft) -> AnyView {
    let (kind, min, max, maxlength) = attributes(kind);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type=kind autocomplete="off" min=min max=max maxlength=maxlength
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
    .into_any()
}

/// The `type`, `min`, `max` and `maxlength` attributes of an input of this kind.
pub fn attributes(kind: Kind) -> (&'static str, Option<String>, Option<String>, Option<String>) {
    match kind {
        Kind::Text(chars) => ("text", None, None, Some(chars.to_string())),
        Kind::Date => (
            "date",
            Some(format!("{EARLIEST_YEAR:04}-01-01")),
            Some(format!("{LATEST_YEAR:04}-12-31")),
            None,
        ),
        Kind::Time => ("time", None, None, None),
        Kind::Number(range) => (
            "number",
            Some(range.min.to_string()),
            Some(range.max.to_string()),
            None,
        ),
    }
}
