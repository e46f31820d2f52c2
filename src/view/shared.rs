//! The couple's share page (`share.html`, its own small binary, `src/bin/share.rs`): it opens a
//! share link with nothing stored on this device and shows the preview at once (or after the
//! passphrase), the calendar files and the day cards, with "Save a copy" to keep it in this
//! browser, where the full app (`index.html`) opens it. It holds none of the editor. The
//! calendar panel's fields and the day cards load on demand (`SharedParts`).

use super::dom;
use super::parts::{later_in, not_loaded, NotLoaded, Part, SharedParts};
use super::preview_page::{calendar_panel, on_their_clock, person_filter, preview_days};
use super::route::Route;
use crate::core::model::{Person, Plan};
use crate::core::text::{say, text, Key, Lang};
use crate::shell::format::decode_plan;
use crate::shell::share::{self, Damage, ShareError};
use crate::shell::{browser, storage};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The whole share page: the link in the address bar, opened.
#[component]
pub fn SharePage(
    /// How the parts that load on demand are drawn (the share binary's split points).
    parts: SharedParts,
) -> impl IntoView {
    let fragment = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    // A new link in the address bar (pasted over this one) is a new schedule.
    let address = RwSignal::new(fragment);
    // The device's language until a schedule is open, then the schedule's own.
    let lang = RwSignal::new(browser::preferred_lang());
    set_page_lang(lang.get_untracked());
    let _links = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()) {
            address.set(hash);
        }
    });
    view! {
        <header class="app-header">
            <span class="brand">"Intensive Planner"</span>
        </header>
        <main id="main">
            {move || view! { <SharedPlan fragment=address.get() lang=lang parts=parts/> }}
        </main>
        <footer class="app-footer">
            <p lang=move || lang.get().code()>{move || text(lang.get(), Key::OpenedFromLink)}</p>
        </footer>
    }
}

/// Marks the whole page as written in a language (`<html lang>`).
fn set_page_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Opening {
    Working,
    /// Protected: ask for the passphrase; the message says what went wrong last time, if anything.
    AskPassphrase(Option<String>),
    Failed(String),
    /// The plan, and the document it was read from (for "Save a copy").
    Open(Box<Plan>, StoredValue<String>),
}

/// What the open schedule shows: the preview, or the printable day cards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    Schedule,
    Cards,
}

#[component]
fn SharedPlan(fragment: String, lang: RwSignal<Lang>, parts: SharedParts) -> impl IntoView {
    let opening = RwSignal::new(Opening::Working);
    // Before the schedule says its own language, the page speaks the device's.
    let device = lang.get_untracked();
    let fragment = StoredValue::new(fragment);
    let open = move |passphrase: Option<String>| {
        opening.set(Opening::Working);
        spawn_local(async move {
            let fragment = fragment.get_value();
            let result = share::open_document(&fragment, passphrase.as_deref())
                .await
                .and_then(|document| match decode_plan(&document) {
                    Ok(plan) => Ok((plan, document)),
                    Err(problem) => {
                        Err(ShareError::Damaged(Damage::Unreadable(problem.to_string())))
                    }
                });
            opening.set(match (result, passphrase.is_some()) {
                (Ok((plan, document)), _) => {
                    Opening::Open(Box::new(plan), StoredValue::new(document))
                }
                (Err(ShareError::NeedsPassphrase), _) => Opening::AskPassphrase(None),
                (Err(problem), true) => Opening::AskPassphrase(Some(problem.say(device))),
                (Err(problem), false) => Opening::Failed(problem.say(device)),
            });
        });
    };
    match fragment.with_value(|f| share::needs_passphrase(f)) {
        Ok(true) => opening.set(Opening::AskPassphrase(None)),
        Ok(false) => open(None),
        Err(problem) => opening.set(Opening::Failed(problem.say(device))),
    }
    let passphrase = RwSignal::new(String::new());
    let on_unlock = move |ev: SubmitEvent| {
        ev.prevent_default();
        open(Some(passphrase.get_untracked()));
    };
    move || {
        match opening.get() {
        Opening::Working => view! {
            <section class="page narrow opening">
                <h1 tabindex="-1">{text(device, Key::ShareOpening)}</h1>
            </section>
        }
        .into_any(),
        Opening::Failed(message) => view! {
            <section class="page narrow">
                <h1 tabindex="-1">{text(device, Key::ShareCannotOpen)}</h1>
                <p class="banner banner-error" role="alert">{message}</p>
                <p>{text(device, Key::ShareAskAgain)}</p>
            </section>
        }
        .into_any(),
        Opening::AskPassphrase(problem) => view! {
            <section class="page narrow">
                <h1 tabindex="-1">{text(device, Key::ShareProtected)}</h1>
                <p>{text(device, Key::ShareEnterPassphrase)}</p>
                {problem.map(|message| view! { <p class="banner banner-error" role="alert">{message}</p> })}
                <form class="plan-form" novalidate on:submit=on_unlock>
                    <div class="field">
                        <label for="unlock-passphrase">{text(device, Key::SharePassphrase)}</label>
                        <input id="unlock-passphrase" type="text" autocomplete="off" autocapitalize="none" spellcheck="false" data-lpignore="true" data-1p-ignore="true"
                            prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                    </div>
                    <button type="submit" class="button primary">{text(device, Key::ShareOpen)}</button>
                </form>
            </section>
        }
        .into_any(),
        Opening::Open(plan, document) => {
            // Everything on this page is the couple's: the whole page takes their language.
            lang.set(plan.language);
            set_page_lang(plan.language);
            open_plan(*plan, document, parts)
        }
    }
    }
}

/// An opened schedule: the preview with its tools, or the day cards.
fn open_plan(plan: Plan, document: StoredValue<String>, parts: SharedParts) -> AnyView {
    let shown = RwSignal::new(Shown::Schedule);
    // The cards take the focus when they are drawn (their part may still be on its way).
    let show = move |what: Shown| {
        shown.set(what);
        if what == Shown::Schedule {
            request_animation_frame(|| dom::focus("#preview-heading"));
        }
    };
    let person = RwSignal::new(None::<Person>);
    let full = on_their_clock(&plan);
    let title = full.title.clone();
    let zone = full.zone_line();
    let days = move || match person.get() {
        Some(p) => preview_days(&full.for_person(p)),
        None => preview_days(&full),
    };
    let lang = plan.language;
    let filter = person_filter(&plan, person, lang);
    let calendar = {
        let plan = StoredValue::new(plan.clone());
        calendar_panel(lang, move || {
            later_in((parts.calendar)(plan.get_value(), person, lang), lang)
        })
    };
    let keep = StoredValue::new(plan);
    let schedule = view! {
        <article class="page preview" aria-labelledby="preview-heading">
            <h1 id="preview-heading" tabindex="-1">{title}</h1>
            <p class="summary">{zone}</p>
            <div class="preview-tools no-print">
                {filter}
                <SaveCopy document=document lang=lang/>
                {calendar}
                <p><button type="button" class="button" on:click=move |_| show(Shown::Cards)>{text(lang, Key::DayCards)}</button></p>
            </div>
            {days}
        </article>
    };
    view! {
        <div hidden=move || shown.get() != Shown::Schedule>{schedule}</div>
        {move || (shown.get() == Shown::Cards).then(|| {
            let back = move || view! {
                <button type="button" class="link-button" on:click=move |_| show(Shown::Schedule)>{text(lang, Key::BackToSchedule)}</button>
            }
            .into_any();
            let cards = (parts.day_cards)(keep.get_value(), back(), lang);
            later_in(cards_or_way_back(cards, back, lang), lang)
        })}
    }
    .into_any()
}

/// The day cards once their part is loaded, with the focus on their heading; or, when it cannot
/// be loaded, the way back to the schedule (the schedule is hidden) above the notice.
fn cards_or_way_back(cards: Part, back: impl Fn() -> AnyView + Send + 'static, lang: Lang) -> Part {
    Box::pin(async move {
        let (drawn, focus) = match cards.await {
            Ok(cards) => (cards, "#cards-heading"),
            Err(NotLoaded) => (
                view! {
                    <section class="page narrow cards-missing">
                        <p class="crumbs">{back()}</p>
                        {not_loaded(text(lang, Key::PartNotLoaded))}
                    </section>
                }
                .into_any(),
                ".cards-missing .crumbs button",
            ),
        };
        request_animation_frame(move || dom::focus(focus));
        Ok(drawn)
    })
}

/// "Save a copy": hands the schedule over to the full app in this tab, which saves it under a
/// new id in this browser and opens it (`Route::SaveCopy`).
#[component]
fn SaveCopy(document: StoredValue<String>, lang: Lang) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let save = move |_| match document.with_value(|d| storage::hand_over(d)) {
        Ok(()) => browser::go_to(&format!("./{}", Route::SaveCopy.href())),
        Err(why) => problem.set(Some(say(
            lang,
            Key::SaveCopyFailed,
            &[("why", &why.to_string())],
        ))),
    };
    view! {
        <p>
            <button type="button" class="button primary" on:click=save>{text(lang, Key::SaveCopy)}</button>
            <span class="hint">{text(lang, Key::SaveCopyHint)}</span>
        </p>
        {move || problem.get().map(|message| view! { <p class="banner banner-error" role="alert">{message}</p> })}
    }
}
