//! The agenda, day by day, and every way to change it: buttons, keyboard commands on a focused
//! block, and drag and drop.

use super::block_form::BlockForm;
use super::editor::{use_editing, FormTarget};
use crate::core::edit::Edit;
use crate::core::model::{display_date, Block, BlockId, BlockKind, Plan};
use chrono::NaiveDate;
use leptos::ev::{DragEvent, KeyboardEvent};
use leptos::prelude::*;

/// How far one press of Earlier, Later, Shorter or Longer moves a block.
const STEP: i16 = 15;

/// What a day section shows apart from its blocks; it is drawn again only when this changes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct DayKey {
    index: usize,
    date: NaiveDate,
    removable: bool,
}

/// Days and blocks are keyed, so an edit redraws only the blocks it changed.
#[component]
pub fn Agenda() -> impl IntoView {
    let editing = use_editing();
    let days = Memo::new(move |_| {
        editing.with_plan(|plan| {
            (0..plan.days.len())
                .map(|index| DayKey {
                    index,
                    date: plan.date_of(index),
                    removable: plan.days.len() > 1,
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <For each=move || days.get() key=|day| day.clone() let:day>
            {day_view(day)}
        </For>
    }
}

fn day_view(key: DayKey) -> impl IntoView {
    let editing = use_editing();
    let day = key.index;
    let n = day + 1;
    let heading_id = format!("day-{n}");
    let labelled_by = heading_id.clone();
    // The day's blocks, each with whether its form is open.
    let blocks = Memo::new(move |_| {
        let open = editing.form.get();
        editing.with_plan(|plan| {
            plan.days.get(day).map_or_else(Vec::new, |d| {
                d.blocks
                    .iter()
                    .map(|b| (open == Some(FormTarget::Edit(b.id)), b.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let adding = move || {
        (editing.form.get() == Some(FormTarget::Add(day)))
            .then(|| editing.plan.get_untracked())
            .flatten()
            .map(|plan| view! { <BlockForm plan=plan day=day block=None/> })
    };
    // Dropping a block on the day (not on another block) moves it to this day at its own time.
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        if let Some(id) = editing.dragging.get_value() {
            editing.dragging.set_value(None);
            let start = editing.plan.with_untracked(|p| {
                p.as_ref()
                    .and_then(|p| p.find_block(id))
                    .map(|(_, b)| b.start)
            });
            if let Some(start) = start {
                if editing.commit(
                    Edit::MoveBlock {
                        id,
                        day,
                        start,
                        lane: None,
                    },
                    format!("Moved to day {n}."),
                ) {
                    editing.refocus(id);
                }
            }
        }
    };
    view! {
        <section
            class="day"
            aria-labelledby=labelled_by
            on:dragover=|ev: DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            <div class="day-head">
                <h2 id=heading_id>{format!("Day {n} · {}", display_date(key.date))}</h2>
                <div class="day-actions">
                    <button type="button" class="button small" on:click=move |_| editing.form.set(Some(FormTarget::Add(day)))>
                        "Add block"<span class="visually-hidden">{format!(" to day {n}")}</span>
                    </button>
                    <button type="button" class="button small" on:click=move |_| {
                        editing.commit(Edit::DuplicateDay { day }, format!("Day {n} duplicated as day {}.", n + 1));
                    }>
                        "Duplicate"<span class="visually-hidden">{format!(" day {n}")}</span>
                    </button>
                    {key.removable.then(|| view! {
                        <button type="button" class="button small danger" on:click=move |_| {
                            editing.commit(Edit::RemoveDay { day }, format!("Day {n} removed. Undo brings it back."));
                        }>
                            "Remove"<span class="visually-hidden">{format!(" day {n}")}</span>
                        </button>
                    })}
                </div>
            </div>
            <ol class="blocks">
                <For each=move || blocks.get() key=block_key let:entry>
                    {block_or_form(day, entry)}
                </For>
            </ol>
            {adding}
        </section>
    }
}

/// What a block's row is keyed by. A shown block by its whole content, so that a change redraws
/// it; a block whose form is open by its id alone, so that a change from another tab never
/// remounts the form and loses what the therapist is typing.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum BlockKey {
    Shown(Block),
    Open(BlockId),
}

fn block_key((open, block): &(bool, Block)) -> BlockKey {
    if *open {
        BlockKey::Open(block.id)
    } else {
        BlockKey::Shown(block.clone())
    }
}

/// A CSS class grouping kinds by colour: sessions, KAP, pauses.
fn tone(kind: BlockKind) -> &'static str {
    if kind.is_kap() {
        "tone-kap"
    } else if kind.is_pause() {
        "tone-pause"
    } else {
        "tone-session"
    }
}

fn block_or_form(day: usize, (open, block): (bool, Block)) -> AnyView {
    let editing = use_editing();
    match editing.plan.get_untracked() {
        Some(plan) if open => view! {
            <li class="block-editing"><BlockForm plan=plan day=day block=Some(block)/></li>
        }
        .into_any(),
        Some(plan) => block_view(&plan, day, &block).into_any(),
        None => ().into_any(),
    }
}

fn block_view(plan: &Plan, day: usize, block: &Block) -> impl IntoView {
    let editing = use_editing();
    let id = block.id;
    let who = block.attendees.describe_all(&plan.participants, &plan.team);
    let title = block.title.clone();
    let notes = (!block.notes.is_empty()).then(|| {
        view! { <p class="notes"><span class="visually-hidden">"Clinician notes: "</span>{block.notes.clone()}</p> }
    });
    let travel = block
        .travel
        .then(|| view! { <span class="travel">"Away from the practice"</span> });
    // Moves the block (or, with `longer_or_shorter`, its end) by some minutes.
    let step = move |minutes: i16, longer_or_shorter: bool| {
        let (edit, verb, word) = match (longer_or_shorter, minutes < 0) {
            (false, true) => (Edit::Nudge { id, minutes }, "Moved", "earlier"),
            (false, false) => (Edit::Nudge { id, minutes }, "Moved", "later"),
            (true, true) => (Edit::Resize { id, minutes }, "Made", "shorter"),
            (true, false) => (Edit::Resize { id, minutes }, "Made", "longer"),
        };
        if editing.commit(edit, format!("{verb} {} minutes {word}.", minutes.abs())) {
            editing.refocus(id);
        }
    };
    let start = block.start;
    let to_day = move |target: usize| {
        let days = editing
            .plan
            .with_untracked(|p| p.as_ref().map_or(0, |p| p.days.len()));
        if target < days
            && editing.commit(
                Edit::MoveBlock {
                    id,
                    day: target,
                    start,
                    lane: None,
                },
                format!("Moved to day {}.", target + 1),
            )
        {
            editing.refocus(id);
        }
    };
    let delete = {
        let title = title.clone();
        move || {
            editing.commit(
                Edit::DeleteBlock { id },
                format!("Deleted “{title}”. Undo brings it back."),
            );
            // Keep the keyboard in the agenda: the day's first button takes the focus.
            let n = day + 1;
            request_animation_frame(move || {
                super::dom::focus(&format!("#day-{n} ~ .day-actions button"))
            });
        }
    };
    let on_key = {
        let delete = delete.clone();
        move |ev: KeyboardEvent| {
            // Only when the block itself has the focus, not one of its buttons.
            if ev.target() != ev.current_target() {
                return;
            }
            let handled = match (ev.key().as_str(), ev.alt_key(), ev.shift_key()) {
                ("ArrowUp", true, shift) => {
                    step(-STEP, shift);
                    true
                }
                ("ArrowDown", true, shift) => {
                    step(STEP, shift);
                    true
                }
                ("ArrowLeft", true, _) => {
                    to_day(day.wrapping_sub(1));
                    true
                }
                ("ArrowRight", true, _) => {
                    to_day(day + 1);
                    true
                }
                ("Enter", false, false) => {
                    editing.form.set(Some(FormTarget::Edit(id)));
                    true
                }
                ("Delete", false, false) => {
                    delete();
                    true
                }
                _ => false,
            };
            if handled {
                ev.prevent_default();
            }
        }
    };
    // Dropping a block on this one puts it right after this one.
    let end = block.end;
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        ev.stop_propagation();
        if let Some(dragged) = editing.dragging.get_value() {
            editing.dragging.set_value(None);
            if dragged != id
                && editing.commit(
                    Edit::MoveBlock {
                        id: dragged,
                        day,
                        start: end,
                        lane: None,
                    },
                    format!("Moved to day {} at {end}.", day + 1),
                )
            {
                editing.refocus(dragged);
            }
        }
    };
    let on_drag_start = move |ev: DragEvent| {
        editing.dragging.set_value(Some(id));
        if let Some(transfer) = ev.data_transfer() {
            transfer.set_effect_allowed("move");
            let _ = transfer.set_data("text/plain", &format!("block-{id}"));
        }
    };
    view! {
        <li
            id=format!("block-{id}")
            tabindex="0"
            class=format!("block {}", tone(block.kind))
            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Alt+Shift+ArrowUp Alt+Shift+ArrowDown Alt+ArrowLeft Alt+ArrowRight Enter Delete"
            draggable="true"
            on:dragstart=on_drag_start
            on:dragend=move |_| editing.dragging.set_value(None)
            on:dragover=|ev: DragEvent| ev.prevent_default()
            on:drop=on_drop
            on:keydown=on_key
        >
            <span class="time">{format!("{}–{}", block.start, block.end)}</span>
            " "
            <span class="kind">{block.kind.label()}</span>
            " "
            <span class="title">{title.clone()}</span>
            " "
            <span class="who">{who}</span>
            {travel}
            {notes}
            {(block.kind == BlockKind::KapDosing).then(|| readiness(id))}
            <span class="block-tools">
                <button type="button" class="tool" on:click=move |_| editing.form.set(Some(FormTarget::Edit(id)))>
                    "Edit"<span class="visually-hidden">{format!(" “{title}”")}</span>
                </button>
                <button type="button" class="tool" aria-label=format!("Move “{}” {STEP} minutes earlier", block.title) on:click=move |_| step(-STEP, false)>"↑"</button>
                <button type="button" class="tool" aria-label=format!("Move “{}” {STEP} minutes later", block.title) on:click=move |_| step(STEP, false)>"↓"</button>
            </span>
        </li>
    }
}

/// A dosing's readiness (`core::readiness`), kept current as the records change: "Ready", or
/// "Not ready" with what is missing. In words, never by colour alone.
fn readiness(id: BlockId) -> impl IntoView {
    let editing = use_editing();
    // A plain derived closure: a memo type of its own would cost wasm for one short line.
    move || {
        editing
            .with_plan(|p| {
                crate::core::readiness::of_dosing(p, id)
                    .map(|r| (r.ready(), r.summary(&p.participants)))
            })
            .map(|(ready, text)| {
                let class = if ready {
                    "readiness ready"
                } else {
                    "readiness not-ready"
                };
                view! { <p class=class>{text}</p> }
            })
    }
}
