use super::agenda::Agenda;
use super::backups::export_plans;
use super::editor::{use_editing, AgendaView, EditBar, EditorScope};
use super::findings::FindingsPanel;
use super::parts::{later, use_parts};
use super::route::{go, Route};
use super::state::use_app_state;
use crate::core::model::{display_date, Format, Plan};
use crate::shell::browser;
use leptos::prelude::*;

/// One plan: its agenda, its findings, and every way to change them.
#[component]
pub fn PlanPage(id: String) -> impl IntoView {
    let state = use_app_state();
    let exists = {
        let id = id.clone();
        Memo::new(move |_| state.plans.with(|plans| plans.iter().any(|p| p.id == id)))
    };
    // Re-renders only when the plan appears or disappears, so the editor (and its undo
    // history) lives as long as the plan does.
    move || {
        if exists.get() {
            view! {
                <EditorScope id=id.clone()>
                    <Editor/>
                </EditorScope>
            }
            .into_any()
        } else {
            view! {
                <section class="page narrow">
                    <h1 tabindex="-1">"Plan not found"</h1>
                    <p>"There is no plan at this address in this browser. It may have been deleted."</p>
                    <p><a href="#/">"Back to plans"</a></p>
                </section>
            }
            .into_any()
        }
    }
}

fn summary(plan: &Plan) -> String {
    let kind = match plan.format() {
        Format::Couples => "Couples intensive",
        Format::Individual => "Individual intensive",
    };
    format!(
        "{kind} · {} · {} to {} · {}–{} · {}",
        plan.participants.names(),
        display_date(plan.start_date),
        display_date(plan.last_date()),
        plan.day_start,
        plan.day_end,
        plan.time_zone
    )
}

#[component]
fn Editor() -> impl IntoView {
    let state = use_app_state();
    let editing = use_editing();
    let title = move || editing.with_plan(|p| p.title.clone());
    view! {
        <article class="page plan-page" aria-labelledby="plan-heading">
            <p class="crumbs"><a href="#/">"← Plans"</a></p>
            <h1 id="plan-heading" tabindex="-1">{title}</h1>
            <p class="summary">{move || editing.with_plan(summary)}</p>
            <div class="plan-actions no-print">
                <a class="button" href=move || editing.with_plan(|p| Route::Preview(p.id.clone()).href())>"Couple's preview and sharing"</a>
                <button type="button" class="button" on:click=|_| browser::print()>"Print agenda"</button>
                <button type="button" class="button" on:click=move |_| {
                    if let Some(plan) = editing.plan.get_untracked() {
                        editing.done.set(export_plans(&[plan], &[], "intensive-plan").message());
                    }
                }>"Export this plan"</button>
            </div>
            <EditBar/>
            <div class=move || if editing.view.get() == AgendaView::Grid { "plan-layout in-grid" } else { "plan-layout" }>
                <div class="agenda">
                    <Agenda/>
                    <details class="panel keys">
                        <summary>"Keyboard commands"</summary>
                        <p>"Tab to a block, then:"</p>
                        <ul>
                            <li><kbd>"Alt"</kbd>" + "<kbd>"↑"</kbd>" / "<kbd>"↓"</kbd>": 15 minutes earlier or later"</li>
                            <li><kbd>"Alt"</kbd>" + "<kbd>"Shift"</kbd>" + "<kbd>"↑"</kbd>" / "<kbd>"↓"</kbd>": 15 minutes shorter or longer"</li>
                            <li><kbd>"Alt"</kbd>" + "<kbd>"←"</kbd>" / "<kbd>"→"</kbd>": to the previous or next day"</li>
                            <li><kbd>"Alt"</kbd>" + "<kbd>"Shift"</kbd>" + "<kbd>"←"</kbd>" / "<kbd>"→"</kbd>": to the previous or next partner's lane"</li>
                            <li><kbd>"Enter"</kbd>": edit ("<kbd>"Esc"</kbd>" closes the form); "<kbd>"Delete"</kbd>": delete"</li>
                            <li><kbd>"Ctrl"</kbd>" + "<kbd>"Z"</kbd>": undo; "<kbd>"Ctrl"</kbd>" + "<kbd>"Shift"</kbd>" + "<kbd>"Z"</kbd>": redo ("<kbd>"⌘"</kbd>" on a Mac)"</li>
                        </ul>
                        <p>"In the list, drag a block onto another block to put it right after that one, or onto a day to move it there. In the grid, drag a block to another time, day or lane, or drag its bottom edge to make it longer or shorter; click an empty place to add a block there."</p>
                    </details>
                </div>
                <div class="side">
                    <FindingsPanel/>
                    {later((use_parts().plan_panels)())}
                </div>
            </div>
            <div class="danger-zone">
                <button type="button" class="button danger" on:click=move |_| {
                    if let Some(id) = editing.plan.with_untracked(|p| p.as_ref().map(|p| p.id.clone())) {
                        state.delete(&id);
                        go(&Route::List);
                    }
                }>"Delete plan"</button>
                <p class="hint">"The list of plans offers to undo the delete."</p>
            </div>
        </article>
    }
}
