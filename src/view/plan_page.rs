use super::agenda::Agenda;
use super::findings::FindingsPanel;
use super::route::{go, Route};
use super::state::use_app_state;
use crate::core::model::{display_date, Format, Plan};
use crate::core::rules::check;
use leptos::prelude::*;

/// One plan: its agenda, its findings and its actions.
#[component]
pub fn PlanPage(id: String) -> impl IntoView {
    let state = use_app_state();
    // Re-renders only when the list of plans changes (a plan is added, replaced or deleted).
    move || match state.find(&id) {
        None => view! {
            <section class="page narrow">
                <h1 tabindex="-1">"Plan not found"</h1>
                <p>"There is no plan at this address in this browser. It may have been deleted."</p>
                <p><a href="#/">"Back to plans"</a></p>
            </section>
        }
        .into_any(),
        Some(plan) => view! { <PlanView plan=plan/> }.into_any(),
    }
}

#[component]
fn PlanView(plan: Plan) -> impl IntoView {
    let state = use_app_state();
    let findings = check(&plan);
    let confirming = RwSignal::new(false);
    let kind = match plan.format() {
        Format::Couples => "Couples intensive",
        Format::Individual => "Individual intensive",
    };
    let summary = format!(
        "{kind} · {} · {} to {} · {}–{} · {}",
        plan.participants.names(),
        display_date(plan.start_date),
        display_date(plan.last_date()),
        plan.day_start,
        plan.day_end,
        plan.time_zone
    );
    let id = plan.id.clone();
    let title = plan.title.clone();
    view! {
        <article class="page plan-page" aria-labelledby="plan-heading">
            <p class="crumbs"><a href="#/">"← Plans"</a></p>
            <h1 id="plan-heading" tabindex="-1">{plan.title.clone()}</h1>
            <p class="summary">{summary}</p>
            <div class="plan-layout">
                <Agenda plan=plan.clone()/>
                <FindingsPanel findings=findings plan=plan/>
            </div>
            <div class="danger-zone">
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button type="button" class="button danger" on:click=move |_| confirming.set(true)>
                            "Delete plan"
                        </button>
                    }
                >
                    <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
                        <p id="confirm-text">"Delete “"{title.clone()}"” from this browser? This cannot be undone."</p>
                        <button type="button" class="button danger" on:click={
                            let id = id.clone();
                            move |_| {
                                state.delete(&id);
                                go(&Route::List);
                            }
                        }>"Yes, delete"</button>
                        <button type="button" class="button" on:click=move |_| confirming.set(false)>"Keep it"</button>
                    </div>
                </Show>
            </div>
        </article>
    }
}
