//! Mounts the app; everything else lives in the library, but for the split points: the parts
//! of the app that load on demand (`view::parts`). Each `#[wasm_split]` function below becomes
//! a wasm file of its own in the release build (scripts/trunk-bin/wasm-bindgen), with the code
//! only it reaches. They live in this binary because the share page and the browser tests link
//! the library too, and a split point is an export that every binary linking it would carry.

use intensive_planner::view::parts::{self, NotLoaded, Parts};
use intensive_planner::view::App;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

fn main() {
    leptos::mount::mount_to_body(|| view! { <App parts=ON_DEMAND/> });
}

const ON_DEMAND: Parts = Parts {
    new_plan: || Box::pin(new_plan()),
    preview_page: |id| Box::pin(preview_page(id)),
    day_cards: |id| Box::pin(day_cards(id)),
    plan_panels: || Box::pin(plan_panels()),
    backups: || Box::pin(backups()),
};

#[wasm_split(new_plan, wasm_split_path = ::leptos::wasm_split, fallible)]
fn new_plan() -> Result<AnyView, NotLoaded> {
    Ok(parts::new_plan())
}

#[wasm_split(preview_page, wasm_split_path = ::leptos::wasm_split, fallible)]
fn preview_page(id: String) -> Result<AnyView, NotLoaded> {
    Ok(parts::preview_page(id))
}

#[wasm_split(day_cards, wasm_split_path = ::leptos::wasm_split, fallible)]
fn day_cards(id: String) -> Result<AnyView, NotLoaded> {
    Ok(parts::day_cards(id))
}

#[wasm_split(plan_panels, wasm_split_path = ::leptos::wasm_split, fallible)]
fn plan_panels() -> Result<AnyView, NotLoaded> {
    Ok(parts::plan_panels())
}

#[wasm_split(backups, wasm_split_path = ::leptos::wasm_split, fallible)]
fn backups() -> Result<AnyView, NotLoaded> {
    Ok(parts::backups())
}
