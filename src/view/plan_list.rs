use super::route::{go, Route};
use super::state::use_app_state;
use crate::core::model::{display_date, Plan};
use leptos::prelude::*;

#[component]
pub fn PlanList() -> impl IntoView {
    let state = use_app_state();
    let empty = move || state.plans.with(Vec::is_empty);
    view! {
        <section class="page" aria-labelledby="plans-heading">
            <div class="page-head">
                <h1 id="plans-heading" tabindex="-1">"Plans"</h1>
                <button type="button" class="button primary" on:click=move |_| go(&Route::New)>
                    "New plan"
                </button>
            </div>
            {move || if empty() {
                view! {
                    <p class="empty">"No plans yet. Start one with "<strong>"New plan"</strong>"."</p>
                }
                .into_any()
            } else {
                view! {
                    <ul class="plan-list">
                        {state.plans.get().into_iter().map(|plan| view! { <PlanItem plan=plan/> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn PlanItem(plan: Plan) -> impl IntoView {
    let days = plan.days.len();
    let when = format!(
        "{} · {days} {} · {}",
        display_date(plan.start_date),
        if days == 1 { "day" } else { "days" },
        if plan.has_kap() { "with KAP" } else { "no KAP" }
    );
    view! {
        <li class="plan-item">
            <a href=Route::Plan(plan.id.clone()).href()>{plan.title.clone()}</a>
            <span class="meta">{when}</span>
        </li>
    }
}
