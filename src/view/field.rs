//! A labelled text input over a draft: what the user typed, shown over a value that comes from
//! elsewhere (the plan, or a form's starting value).

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

/// A labelled input bound to a draft. (A function, not a component: one copy serves all.)
pub fn input(id: &'static str, label: &'static str, kind: &'static str, value: Draft) -> AnyView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type=kind autocomplete="off"
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
    .into_any()
}
