//! The parts of the app that may load on demand, and how a page draws one.
//!
//! Which parts load on demand is the app binary's choice: `src/main.rs` marks a split point
//! for each (`#[wasm_split]`), and the release build (`scripts/trunk-bin/wasm-bindgen`, see
//! ARCHITECTURE.md) moves each split point, and the code only it reaches, into a wasm file of
//! its own, fetched the first time that part is drawn. The split points live in the binary,
//! not here, because the library is linked into the share page and the browser tests too, and
//! a split point is an export every binary that links it would carry.
//!
//! The pages ask for a part through [`use_parts`]. The couple's share page is split the same
//! way (`src/bin/share.rs`, [`SharedParts`]): its calendar files and day cards load when asked
//! for, so the schedule, which is what a phone on a weak signal opens the link for, comes first.

use super::backups::Backups;
use super::cards::{cards_page, DayCards};
use super::new_plan::NewPlan;
use super::plan_details::PlanDetails;
use super::preview_page::{calendar_fields, PreviewPage};
use super::records::Records;
use crate::core::model::{Person, Plan};
use crate::core::text::{text, Key, Lang};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Poll, Waker};
use std::time::Duration;

/// A part's file could not be fetched (offline before the app was kept for offline use, or a
/// failed request).
pub struct NotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// A part on its way: its view once its file is loaded.
pub type Part = Pin<Box<dyn Future<Output = Result<AnyView, NotLoaded>> + Send>>;

/// How each part that may load on demand is drawn.
#[derive(Clone, Copy)]
pub struct Parts {
    pub new_plan: fn() -> Part,
    pub preview_page: fn(String) -> Part,
    pub day_cards: fn(String) -> Part,
    pub plan_panels: fn() -> Part,
    pub backups: fn() -> Part,
}

/// How each part of the share page that loads on demand is drawn (`SharePage`'s `parts`).
#[derive(Clone, Copy)]
pub struct SharedParts {
    /// The calendar panel's fields, when the panel is first opened.
    pub calendar: fn(Plan, RwSignal<Option<Person>>, Lang) -> Part,
    /// The day cards, with a way back to the schedule.
    pub day_cards: fn(Plan, AnyView, Lang) -> Part,
}

/// The parts of the app this page was mounted with (`App`'s `parts`). Nothing here may name
/// the functions below, or the app's first file would hold every part again.
pub fn use_parts() -> Parts {
    expect_context::<Parts>()
}

/// Draws a part: "Loading…" while its file loads (shown only if that takes a moment), then the
/// part, or a notice that says it could not be loaded and what to do. Drawing it again (another
/// visit to the page) tries again. The fetch starts once the page around it is painted: begun in
/// the same task, it would count as something the page's first paint waited for (Lighthouse's
/// largest contentful paint did).
pub fn later(part: Part) -> impl IntoView {
    later_or(
        part,
        Words {
            loading: "Loading…",
            not_loaded: "This part of the app could not be loaded. Check the connection, then reload the page. Your plans are safe in this browser.",
        },
    )
}

/// Draws a part of the couple's page, like [`later`], in their language.
pub fn later_in(part: Part, lang: Lang) -> impl IntoView {
    later_or(
        part,
        Words {
            loading: text(lang, Key::PartLoading),
            not_loaded: text(lang, Key::PartNotLoaded),
        },
    )
}

/// What a part on its way says.
struct Words {
    loading: &'static str,
    not_loaded: &'static str,
}

/// The status line stands before the part; the style sheet (`.later`) hides it once the part is
/// drawn beside it, and keeps it invisible for the first moments, so that a part at hand (from
/// the cache) does not make it flash. The wrapper takes no place in the page's layout.
fn later_or(part: Part, words: Words) -> impl IntoView {
    view! {
        <div class="later">
            <p class="loading" role="status">{words.loading}</p>
            {Suspend::new(async move {
                after_paint().await;
                match part.await {
                    Ok(view) => view,
                    Err(NotLoaded) => not_loaded(words.not_loaded),
                }
            })}
        </div>
    }
}

/// The notice where a part could not be loaded.
pub fn not_loaded(notice: &'static str) -> AnyView {
    view! {
        <div class="banner banner-error" role="alert">
            <p>{notice}</p>
        </div>
    }
    .into_any()
}

/// Ready in the task after the next painted frame.
fn after_paint() -> impl Future<Output = ()> + Send {
    #[derive(Default)]
    struct Painted {
        done: bool,
        waker: Option<Waker>,
    }
    let state = Arc::new(Mutex::new(Painted::default()));
    let mark = Arc::clone(&state);
    request_animation_frame(move || {
        set_timeout(
            move || {
                if let Ok(mut painted) = mark.lock() {
                    painted.done = true;
                    if let Some(waker) = painted.waker.take() {
                        waker.wake();
                    }
                }
            },
            Duration::ZERO,
        );
    });
    std::future::poll_fn(move |cx| match state.lock() {
        Ok(mut painted) if !painted.done => {
            painted.waker = Some(cx.waker().clone());
            Poll::Pending
        }
        _ => Poll::Ready(()),
    })
}

/// The new-plan form.
pub fn new_plan() -> AnyView {
    view! { <NewPlan/> }.into_any()
}

/// The couple's preview of a plan, with its sharing.
pub fn preview_page(id: String) -> AnyView {
    view! { <PreviewPage id=id/> }.into_any()
}

/// A plan's printable day cards.
pub fn day_cards(id: String) -> AnyView {
    view! { <DayCards id=id/> }.into_any()
}

/// A plan page's closed panels: its title, dates and days, and its records (screening,
/// thresholds, sign-off).
pub fn plan_panels() -> AnyView {
    view! { <PlanDetails/> <Records/> }.into_any()
}

/// Backups of every plan, and reading one back.
pub fn backups() -> AnyView {
    view! { <Backups/> }.into_any()
}

/// The share page's calendar panel's fields.
pub fn shared_calendar(plan: Plan, person: RwSignal<Option<Person>>, lang: Lang) -> AnyView {
    calendar_fields(plan, person, lang)
}

/// The share page's day cards.
pub fn shared_day_cards(plan: Plan, back: AnyView, lang: Lang) -> AnyView {
    cards_page(&plan, back, lang)
}
