//! Opening a share link: it needs nothing stored on this device. The preview shows at once (or
//! after the passphrase), with "Save a copy" to keep it in this browser.

use super::preview_page::preview_days;
use super::route::{go, Route};
use super::state::use_app_state;
use crate::core::model::Plan;
use crate::core::preview::preview;
use crate::shell::share::{self, ShareError};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Debug, PartialEq)]
enum Opening {
    Working,
    /// Protected: ask for the passphrase; the message says what went wrong last time, if anything.
    AskPassphrase(Option<String>),
    Failed(String),
    Open(Box<Plan>),
}

#[component]
pub fn SharedPlan(fragment: String) -> impl IntoView {
    let state = use_app_state();
    let opening = RwSignal::new(Opening::Working);
    let fragment = StoredValue::new(fragment);
    let open = move |passphrase: Option<String>| {
        opening.set(Opening::Working);
        spawn_local(async move {
            let fragment = fragment.get_value();
            let result = share::open_fragment(&fragment, passphrase.as_deref()).await;
            opening.set(match (result, passphrase.is_some()) {
                (Ok(plan), _) => Opening::Open(Box::new(plan)),
                (Err(ShareError::NeedsPassphrase), _) => Opening::AskPassphrase(None),
                (Err(problem), true) => Opening::AskPassphrase(Some(problem.to_string())),
                (Err(problem), false) => Opening::Failed(problem.to_string()),
            });
        });
    };
    match fragment.with_value(|f| share::needs_passphrase(f)) {
        Ok(true) => opening.set(Opening::AskPassphrase(None)),
        Ok(false) => open(None),
        Err(problem) => opening.set(Opening::Failed(problem.to_string())),
    }
    let passphrase = RwSignal::new(String::new());
    let saved = RwSignal::new(None::<String>);
    let on_unlock = move |ev: SubmitEvent| {
        ev.prevent_default();
        open(Some(passphrase.get_untracked()));
    };
    move || {
        match opening.get() {
        Opening::Working => view! {
            <section class="page narrow">
                <h1 tabindex="-1">"Opening the shared schedule…"</h1>
            </section>
        }
        .into_any(),
        Opening::Failed(message) => view! {
            <section class="page narrow">
                <h1 tabindex="-1">"This link cannot be opened"</h1>
                <p class="banner banner-error" role="alert">{message}</p>
                <p><a href="#/">"Go to your plans"</a></p>
            </section>
        }
        .into_any(),
        Opening::AskPassphrase(problem) => view! {
            <section class="page narrow">
                <h1 tabindex="-1">"A protected schedule"</h1>
                <p>"Enter the passphrase your therapist gave you. It never leaves this device."</p>
                {problem.map(|message| view! { <p class="banner banner-error" role="alert">{message}</p> })}
                <form class="plan-form" novalidate on:submit=on_unlock>
                    <div class="field">
                        <label for="unlock-passphrase">"Passphrase"</label>
                        <input id="unlock-passphrase" type="text" autocomplete="off" autocapitalize="none" spellcheck="false" data-lpignore="true" data-1p-ignore="true"
                            prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                    </div>
                    <button type="submit" class="button primary">"Open"</button>
                </form>
            </section>
        }
        .into_any(),
        Opening::Open(plan) => {
            let shown = preview(&plan);
            let keep = StoredValue::new(*plan);
            let save = move |_| {
                let mut copy = keep.get_value();
                copy.id = state.fresh_id();
                let id = copy.id.clone();
                state.add(copy);
                saved.set(Some(id));
            };
            view! {
                <article class="page preview" aria-labelledby="preview-heading">
                    <h1 id="preview-heading" tabindex="-1">{shown.title.clone()}</h1>
                    <p class="summary">{format!("Times are in {}.", shown.time_zone)}</p>
                    <div class="preview-tools no-print">
                        {move || match saved.get() {
                            None => view! {
                                <p>
                                    <button type="button" class="button primary" on:click=save>"Save a copy"</button>
                                    <span class="hint">" Keeps this schedule in this browser, on this device only."</span>
                                </p>
                            }
                            .into_any(),
                            Some(id) => view! {
                                <p role="status">
                                    "Saved in this browser. "
                                    <button type="button" class="link-button" on:click=move |_| go(&Route::Preview(id.clone()))>"Open your copy"</button>
                                </p>
                            }
                            .into_any(),
                        }}
                    </div>
                    {preview_days(&shown)}
                </article>
            }
            .into_any()
        }
    }
    }
}
