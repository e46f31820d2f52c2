//! The couple's share page (`share.html`): a small entry that opens a share link, with none of
//! the therapist's editor in it. The view lives in the library (`view::SharePage`), but for the
//! split points: as in the app's binary (`src/main.rs`), each `#[wasm_split]` function below
//! becomes a wasm file of its own in the release build, fetched when its part is first drawn.

use intensive_planner::core::model::{Person, Plan};
use intensive_planner::core::text::Lang;
use intensive_planner::view::parts::{self, NotLoaded, SharedParts};
use intensive_planner::view::SharePage;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

fn main() {
    leptos::mount::mount_to_body(|| view! { <SharePage parts=ON_DEMAND/> });
}

const ON_DEMAND: SharedParts = SharedParts {
    calendar: |plan, person, lang| Box::pin(calendar(plan, person, lang)),
    day_cards: |plan, back, lang| Box::pin(day_cards(plan, back, lang)),
};

#[wasm_split(calendar, wasm_split_path = ::leptos::wasm_split, fallible)]
fn calendar(
    plan: Plan,
    person: RwSignal<Option<Person>>,
    lang: Lang,
) -> Result<AnyView, NotLoaded> {
    Ok(parts::shared_calendar(plan, person, lang))
}

#[wasm_split(day_cards, wasm_split_path = ::leptos::wasm_split, fallible)]
fn day_cards(plan: Plan, back: AnyView, lang: Lang) -> Result<AnyView, NotLoaded> {
    Ok(parts::shared_day_cards(plan, back, lang))
}
