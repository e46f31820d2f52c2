//! Adding or editing one block: kind, title, who attends, day, times, travel and notes.

use super::dom;
use super::editor::use_editing;
use super::field::{input, Draft, Kind};
use crate::core::edit::{BlockDraft, Edit};
use crate::core::limits::{NOTES_CHARS, TITLE_CHARS};
use crate::core::model::{member_label, plan_members, Attendees, Block, BlockKind, Plan, Time};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

#[component]
pub fn BlockForm(
    plan: Plan,
    day: usize,
    block: Option<Block>,
    /// A new block's start, chosen in the grid; otherwise the day's next free hour.
    #[prop(optional_no_strip)]
    at: Option<Time>,
) -> impl IntoView {
    let editing = use_editing();
    let everyone = plan.participants.everyone();
    let existing = block.as_ref().map(|b| b.id);
    let draft = block.as_ref().map(BlockDraft::of);
    let kind = RwSignal::new(draft.as_ref().map_or(BlockKind::JointSession, |d| d.kind));
    let first_title = draft.as_ref().map_or_else(
        || BlockKind::JointSession.label().to_string(),
        |d| d.title.clone(),
    );
    let title = Draft::new(move || first_title.clone());
    let attendees = RwSignal::new(draft.as_ref().map_or_else(
        || Attendees::usual(BlockKind::JointSession, everyone),
        |d| d.attendees,
    ));
    let on_day = RwSignal::new(day);
    let (default_start, default_end) = match at {
        Some(at) => (at, at.plus(60).unwrap_or(Time::END_OF_DAY)),
        None => next_free_slot(&plan, day),
    };
    let first_start = draft
        .as_ref()
        .map_or(default_start, |d| d.start)
        .to_string();
    let first_end = draft.as_ref().map_or(default_end, |d| d.end).to_string();
    let start = Draft::new(move || first_start.clone());
    let end = Draft::new(move || first_end.clone());
    let travel = RwSignal::new(draft.as_ref().is_some_and(|d| d.travel));
    let notes = RwSignal::new(draft.map(|d| d.notes).unwrap_or_default());
    let problem = RwSignal::new(None::<String>);

    let close = move || {
        editing.form.set(None);
        match existing {
            Some(id) => editing.refocus(id),
            None => editing.focus_day(day),
        }
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (Some(start_at), Some(end_at)) = (
            Time::parse(&start.get_untracked()),
            Time::parse(&end.get_untracked()),
        ) else {
            problem.set(Some(
                "Enter the start and end as times, such as 09:30 and 10:20.".into(),
            ));
            dom::focus("#block-start");
            return;
        };
        let draft = BlockDraft {
            kind: kind.get_untracked(),
            title: title.get_untracked(),
            attendees: attendees.get_untracked(),
            start: start_at,
            end: end_at,
            notes: notes.get_untracked(),
            travel: travel.get_untracked(),
        };
        let target_day = on_day.get_untracked();
        let name = draft.title.trim().to_string();
        let (edit, done) = match existing {
            Some(id) => (
                Edit::UpdateBlock {
                    id,
                    day: target_day,
                    draft,
                },
                format!("Saved “{name}”."),
            ),
            None => (
                Edit::AddBlock {
                    day: target_day,
                    draft,
                },
                format!("Added “{name}” to day {}.", target_day + 1),
            ),
        };
        let next_id = editing
            .plan
            .with_untracked(|p| p.as_ref().map(Plan::next_block_id));
        if editing.commit(edit, done) {
            editing.form.set(None);
            if let Some(id) = existing.or(next_id) {
                editing.refocus(id);
            }
        } else {
            // Say why next to the form rather than at the top of the page.
            problem.set(editing.refused.get_untracked());
            editing.refused.set(None);
        }
    };
    let heading = if existing.is_some() {
        "Edit block"
    } else {
        "New block"
    };
    let day_count = plan.days.len();
    let who = who_attends(&plan, attendees);
    request_animation_frame(|| dom::focus("#block-kind"));
    view! {
        <form
            class="block-form"
            novalidate
            on:submit=on_submit
            aria-labelledby="block-form-heading"
            aria-keyshortcuts="Escape"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    close();
                }
            }
        >
            <h3 id="block-form-heading">{heading}</h3>
            {move || problem.get().map(|message| view! {
                <p class="field-error" role="alert">{message}</p>
            })}
            <div class="field-row">
                <div class="field">
                    <label for="block-kind">"Kind"</label>
                    <select
                        id="block-kind"
                        prop:value=move || kind.get().code()
                        on:change=move |ev| {
                            let Some(next) = BlockKind::from_code(&event_target_value(&ev)) else { return };
                            // A title that still says the old kind follows the new kind.
                            let typed = title.get_untracked();
                            if typed.trim().is_empty() || typed == kind.get_untracked().label() {
                                title.set(next.label().to_string());
                            }
                            kind.set(next);
                        }
                    >
                        {BlockKind::ALL.into_iter().map(|k| view! { <option value=k.code()>{k.label()}</option> }).collect_view()}
                    </select>
                </div>
                {input("block-title", "Title", Kind::Text(TITLE_CHARS), title)}
            </div>
            {who}
            <div class="field-row">
                <div class="field">
                    <label for="block-day">"Day"</label>
                    <select
                        id="block-day"
                        prop:value=move || on_day.get().to_string()
                        on:change=move |ev| { if let Ok(d) = event_target_value(&ev).parse::<usize>() { on_day.set(d) } }
                    >
                        {(0..day_count).map(|d| view! { <option value=d.to_string()>{format!("Day {}", d + 1)}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="field-row">
                {input("block-start", "Starts", Kind::Time, start)}
                {input("block-end", "Ends", Kind::Time, end)}
            </div>
            <div class="field check">
                <input id="block-travel" type="checkbox"
                    prop:checked=move || travel.get() on:change=move |ev| travel.set(event_target_checked(&ev))/>
                <label for="block-travel">"Away from the practice (the participants travel to it)"</label>
            </div>
            <div class="field">
                <label for="block-notes">"Clinician notes"</label>
                <textarea id="block-notes" rows="3" aria-describedby="block-notes-hint" maxlength=NOTES_CHARS.to_string()
                    prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
                <p class="hint" id="block-notes-hint">"Only you see these. They are never shared with the couple."</p>
            </div>
            <div class="form-actions">
                <button type="submit" class="button primary">{if existing.is_some() { "Save block" } else { "Add block" }}</button>
                <button type="button" class="button" on:click=move |_| close()>"Cancel"</button>
                {existing.map(|id| view! {
                    <button type="button" class="button danger" on:click=move |_| {
                        if editing.commit(Edit::DeleteBlock { id }, "Block deleted. Undo brings it back.") {
                            editing.form.set(None);
                        }
                    }>"Delete block"</button>
                })}
            </div>
        </form>
    }
}

/// One box per person of the plan, the care team too: a block may be for one partner with
/// the co-therapist while the other is with the therapist.
fn who_attends(plan: &Plan, attendees: RwSignal<Attendees>) -> impl IntoView {
    let boxes = plan_members(&plan.participants, &plan.team)
        .into_iter()
        .map(|member| {
            let id = format!("block-who-{}", member.code());
            let label = member_label(member, &plan.participants, &plan.team);
            view! {
                <span class="who-box">
                    <input id=id.clone() type="checkbox"
                        prop:checked=move || attendees.get().contains(member)
                        on:change=move |ev| attendees.update(|a| {
                            *a = if event_target_checked(&ev) { a.with(member) } else { a.without(member) }
                        })/>
                    <label for=id>{label}</label>
                </span>
            }
        })
        .collect_view();
    view! {
        <fieldset class="who-attends">
            <legend>"Who attends"</legend>
            {boxes}
        </fieldset>
    }
}

/// A sensible slot for a new block: an hour from the end of the day's last block, or from the
/// start of the day.
fn next_free_slot(plan: &Plan, day: usize) -> (Time, Time) {
    let from = plan
        .days
        .get(day)
        .and_then(|d| d.blocks.iter().map(|b| b.end).max())
        .unwrap_or(plan.day_start);
    let start = if from.minutes() + 60 <= 24 * 60 {
        from
    } else {
        plan.day_start
    };
    (start, start.plus(60).unwrap_or(Time::END_OF_DAY))
}
