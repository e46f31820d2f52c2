//! The agenda, day by day, in either view (a list per day, or the time grid with a lane per
//! person), and every way to change it: buttons, keyboard commands on a focused block, drag and
//! drop in the list, pointer drags in the grid (`grid.rs`).
//!
//! Days and blocks are keyed by index and id. Each block reads its own data through a memo, so
//! an edit redraws only the text of the blocks it changed, and an element keeps its focus.

use super::block_form::BlockForm;
use super::editor::{use_editing, AgendaView, FormTarget};
use super::grid;
use crate::core::edit::Edit;
use crate::core::grid::{next_client_lane, Toward};
use crate::core::model::{display_date, Block, BlockId, BlockKind};
use crate::core::rules::Severity;
use chrono::NaiveDate;
use leptos::ev::{DragEvent, KeyboardEvent};
use leptos::html::Li;
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
    let geometry = grid::geometry();
    let in_grid = move || editing.view.get() == AgendaView::Grid;
    view! {
        <grid::ViewSwitch/>
        {move || in_grid().then(grid::form_panel)}
        <div class=move || if in_grid() { "agenda-days grid-agenda" } else { "agenda-days" }
            style:--span=move || grid::span_and_lanes(geometry)[0].clone()
            style:--lanes=move || grid::span_and_lanes(geometry)[1].clone()>
            {move || in_grid().then(|| grid::time_axis(geometry))}
            <div class="days">
                <For each=move || days.get() key=|day| day.clone() let:day>
                    {day_view(day, geometry)}
                </For>
            </div>
        </div>
    }
}

fn day_view(key: DayKey, geometry: Memo<grid::Geometry>) -> impl IntoView {
    let editing = use_editing();
    let day = key.index;
    let n = day + 1;
    let heading_id = format!("day-{n}");
    let labelled_by = heading_id.clone();
    let in_grid = move || editing.view.get() == AgendaView::Grid;
    // The day's block ids, in the day's order.
    let ids = Memo::new(move |_| {
        editing.with_plan(|plan| {
            plan.days
                .get(day)
                .map(|d| d.blocks.iter().map(|b| b.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let adding = move || match editing.form.get() {
        Some(FormTarget::Add { day: on, at }) if on == day && !in_grid() => editing
            .plan
            .get_untracked()
            .map(|plan| view! { <BlockForm plan=plan day=day block=None at=at/> }),
        _ => None,
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
                let edit = Edit::MoveBlock {
                    id,
                    day,
                    start,
                    lane: None,
                };
                if editing.commit(edit, format!("Moved to day {n}.")) {
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
            <div class="day-top">
                <div class="day-head">
                    <h2 id=heading_id>{format!("Day {n} · {}", display_date(key.date))}</h2>
                    <div class="day-actions">
                        <button type="button" class="button small" on:click=move |_| editing.form.set(Some(FormTarget::Add { day, at: None }))>
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
                {move || in_grid().then(|| grid::lane_heads(geometry, day))}
            </div>
            <ol class="blocks" data-day=day.to_string() on:click=move |ev| grid::add_at_click(&ev, day, geometry)>
                <For each=move || ids.get() key=|id| *id let:id>
                    {block_item(day, id, geometry)}
                </For>
                {move || in_grid().then(|| grid::ghost(day, geometry))}
            </ol>
            {adding}
        </section>
    }
}

/// A CSS class grouping kinds by colour: sessions, KAP, pauses. The kind's label is always
/// written out beside it.
pub fn tone(kind: BlockKind) -> &'static str {
    if kind.is_kap() {
        "tone-kap"
    } else if kind.is_pause() {
        "tone-pause"
    } else {
        "tone-session"
    }
}

/// One block: its row (or, in the list, its open form), and in the grid the lanes it also
/// fills. Everything shown reads the block's own memo.
fn block_item(day: usize, id: BlockId, geometry: Memo<grid::Geometry>) -> impl IntoView {
    let editing = use_editing();
    let block = Memo::new(move |_| {
        editing.with_plan(|plan| {
            plan.days
                .get(day)
                .and_then(|d| d.blocks.iter().find(|b| b.id == id))
                .cloned()
        })
    });
    let open = Memo::new(move |_| {
        editing.form.get() == Some(FormTarget::Edit(id)) && editing.view.get() == AgendaView::List
    });
    move || {
        if open.get() {
            let plan = editing.plan.get_untracked();
            let shown = block.get_untracked();
            plan.zip(shown)
                .map(|(plan, shown)| {
                    view! { <li class="block-editing"><BlockForm plan=plan day=day block=Some(shown)/></li> }
                })
                .into_any()
        } else {
            view! {
                {block_view(day, id, block, geometry)}
                {move || grid::echoes(block, geometry)}
            }
            .into_any()
        }
    }
}

fn block_view(
    day: usize,
    id: BlockId,
    block: Memo<Option<Block>>,
    geometry: Memo<grid::Geometry>,
) -> impl IntoView {
    let editing = use_editing();
    let node = NodeRef::<Li>::new();
    editing.remember(id, node);
    let in_grid = move || editing.view.get() == AgendaView::Grid;
    let title = Memo::new(move |_| block.with(|b| b.as_ref().map(|b| b.title.clone())));
    let named = move || title.get().unwrap_or_default();
    let who = Memo::new(move |_| {
        let attendees = block.with(|b| b.as_ref().map(|b| b.attendees));
        editing.with_plan(|plan| attendees.map(|a| a.describe_all(&plan.participants, &plan.team)))
    });
    // Moves the block (or its end) by some minutes.
    let step = move |minutes: i16, change: Change| {
        let (edit, verb, word) = match (change, minutes < 0) {
            (Change::Move, true) => (Edit::Nudge { id, minutes }, "Moved", "earlier"),
            (Change::Move, false) => (Edit::Nudge { id, minutes }, "Moved", "later"),
            (Change::Length, true) => (Edit::Resize { id, minutes }, "Made", "shorter"),
            (Change::Length, false) => (Edit::Resize { id, minutes }, "Made", "longer"),
        };
        if editing.commit(edit, format!("{verb} {} minutes {word}.", minutes.abs())) {
            editing.refocus(id);
        }
    };
    let to_day = move |target: usize| {
        let days = editing
            .plan
            .with_untracked(|p| p.as_ref().map_or(0, |p| p.days.len()));
        let Some(start) = block.with_untracked(|b| b.as_ref().map(|b| b.start)) else {
            return;
        };
        let edit = Edit::MoveBlock {
            id,
            day: target,
            start,
            lane: None,
        };
        if target < days && editing.commit(edit, format!("Moved to day {}.", target + 1)) {
            editing.refocus(id);
        }
    };
    let to_lane = move |toward: Toward| {
        let Some(b) = block.get_untracked() else {
            return;
        };
        let lanes = geometry.with_untracked(|g| g.lanes.clone());
        let Some((from, to)) = next_client_lane(b.attendees, &lanes, toward) else {
            editing.refused.set(Some(
                "There is no other lane that way: everyone of the couple there is in this block already, or it is the last lane.".into(),
            ));
            return;
        };
        let edit = Edit::MoveBlock {
            id,
            day,
            start: b.start,
            lane: Some((from, to)),
        };
        let name =
            editing.with_plan(|p| crate::core::model::member_name(to, &p.participants, &p.team));
        if editing.commit(edit, format!("Moved to {name}'s lane.")) {
            editing.refocus(id);
        }
    };
    let delete = move || {
        let name = named();
        editing.commit(
            Edit::DeleteBlock { id },
            format!("Deleted “{name}”. Undo brings it back."),
        );
        // Keep the keyboard in the agenda: the day's first button takes the focus.
        let n = day + 1;
        request_animation_frame(move || {
            super::dom::focus(&format!("#day-{n} ~ .day-actions button"))
        });
    };
    let on_key = move |ev: KeyboardEvent| {
        // Only when the block itself has the focus, not one of its buttons.
        if ev.target() != ev.current_target() {
            return;
        }
        match (ev.key().as_str(), ev.alt_key(), ev.shift_key()) {
            ("ArrowUp", true, true) => step(-STEP, Change::Length),
            ("ArrowDown", true, true) => step(STEP, Change::Length),
            ("ArrowUp", true, false) => step(-STEP, Change::Move),
            ("ArrowDown", true, false) => step(STEP, Change::Move),
            ("ArrowLeft", true, true) => to_lane(Toward::Previous),
            ("ArrowRight", true, true) => to_lane(Toward::Next),
            ("ArrowLeft", true, false) => to_day(day.wrapping_sub(1)),
            ("ArrowRight", true, false) => to_day(day + 1),
            ("Enter", false, false) => editing.form.set(Some(FormTarget::Edit(id))),
            ("Delete", false, false) => delete(),
            _ => return,
        }
        ev.prevent_default();
    };
    // Dropping a block on this one (in the list) puts it right after this one.
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        ev.stop_propagation();
        let Some(end) = block.with_untracked(|b| b.as_ref().map(|b| b.end)) else {
            return;
        };
        if let Some(dragged) = editing.dragging.get_value() {
            editing.dragging.set_value(None);
            let edit = Edit::MoveBlock {
                id: dragged,
                day,
                start: end,
                lane: None,
            };
            if dragged != id && editing.commit(edit, format!("Moved to day {} at {end}.", day + 1))
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
    let class = move || {
        block.with(|b| {
            b.as_ref().map(|b| {
                let dosing = if b.kind == BlockKind::KapDosing {
                    " dosing"
                } else {
                    ""
                };
                format!("block {}{dosing}", tone(b.kind))
            })
        })
    };
    // The grid's CSS places the block (the list ignores it), through style properties: the
    // Content-Security-Policy refuses a `style` attribute. One effect rather than a reactive
    // attribute per property: it measured smaller.
    Effect::new(move |_| {
        let place = block.with(|b| b.as_ref().map(|b| grid::place(b, geometry)));
        if let (Some(element), Some(place)) = (node.get(), place) {
            place.apply(&element);
        }
    });
    // What the block says, redrawn as one when it changes: its times, kind, title, people,
    // travel and notes.
    let body = move || {
        let who = who.get().unwrap_or_default();
        block.with(|b| {
            b.as_ref().map(|b| {
                let travel = b
                    .travel
                    .then(|| view! { <span class="travel">"Away from the practice"</span> });
                let notes = (!b.notes.is_empty()).then(|| {
                    view! { <p class="notes"><span class="visually-hidden">"Clinician notes: "</span>{b.notes.clone()}</p> }
                });
                view! {
                    <span class="time">{format!("{}–{}", b.start, b.end)}</span>
                    " "
                    <span class="kind">{b.kind.label()}</span>
                    " "
                    <span class="title">{b.title.clone()}</span>
                    " "
                    <span class="who">{who}</span>
                    {travel}
                    {notes}
                }
            })
        })
    };
    let dosing = move || {
        block
            .with(|b| b.as_ref().is_some_and(|b| b.kind == BlockKind::KapDosing))
            .then(|| readiness(id))
    };
    view! {
        <li
            node_ref=node
            id=format!("block-{id}")
            tabindex="0"
            class=class
            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Alt+Shift+ArrowUp Alt+Shift+ArrowDown Alt+ArrowLeft Alt+ArrowRight Alt+Shift+ArrowLeft Alt+Shift+ArrowRight Enter Delete"
            draggable=move || (!in_grid()).then_some("true")
            on:dragstart=on_drag_start
            on:dragend=move |_| editing.dragging.set_value(None)
            on:dragover=|ev: DragEvent| ev.prevent_default()
            on:drop=on_drop
            on:keydown=on_key
            on:dblclick=move |_| editing.form.set(Some(FormTarget::Edit(id)))
            on:pointerdown=move |ev| grid::pointer_down(&ev, id, day, geometry)
            on:pointermove=move |ev| grid::pointer_move(&ev, geometry)
            on:pointerup=move |ev| grid::pointer_up(&ev)
            on:pointercancel=move |_| grid::pointer_cancel()
        >
            {body}
            {dosing}
            {marks(id)}
            <span class="block-tools">
                <button type="button" class="tool" on:click=move |_| editing.form.set(Some(FormTarget::Edit(id)))>
                    "Edit"<span class="visually-hidden">{move || format!(" “{}”", named())}</span>
                </button>
                <button type="button" class="tool" aria-label=move || format!("Move “{}” {STEP} minutes earlier", named()) on:click=move |_| step(-STEP, Change::Move)>"↑"</button>
                <button type="button" class="tool" aria-label=move || format!("Move “{}” {STEP} minutes later", named()) on:click=move |_| step(STEP, Change::Move)>"↓"</button>
            </span>
            {move || in_grid().then(|| view! { <span class="resize-handle" aria-hidden="true" data-resize="true"></span> })}
        </li>
    }
}

/// What a step changes: the block's place in time, or its length.
#[derive(Clone, Copy)]
enum Change {
    Move,
    Length,
}

/// The block's findings as a mark: how many errors and warnings, in words and by shape; the
/// findings themselves show when the mark is chosen (and only then, so that a block's text is
/// its own).
fn marks(id: BlockId) -> impl IntoView {
    let editing = use_editing();
    let mine = Memo::new(move |_| {
        editing.findings.with(|findings| {
            findings
                .iter()
                .filter(|f| f.severity != Severity::Info && f.blocks.contains(&id))
                .map(|f| (f.severity, f.message.clone()))
                .collect::<Vec<_>>()
        })
    });
    let open = RwSignal::new(false);
    move || {
        mine.with(|mine| {
            if mine.is_empty() {
                return None;
            }
            let errors = mine.iter().filter(|(s, _)| *s == Severity::Error).count();
            let warnings = mine.len() - errors;
            let (class, sign) = if errors > 0 {
                ("marks mark-error", "✖")
            } else {
                ("marks mark-warning", "▲")
            };
            let mut words = Vec::new();
            if errors > 0 {
                words.push(format!("{errors} {}", plural(errors, "error")));
            }
            if warnings > 0 {
                words.push(format!("{warnings} {}", plural(warnings, "warning")));
            }
            let list = mine.clone();
            let items = move || {
                open.get().then(|| {
                    let items = list
                        .iter()
                        .map(|(severity, message)| {
                            view! { <li><strong>{severity.label()}": "</strong>{message.clone()}</li> }
                        })
                        .collect_view();
                    view! { <ul class="mark-list">{items}</ul> }
                })
            };
            Some(view! {
                <span class=class>
                    <button type="button" class="mark" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                        <span aria-hidden="true">{sign}" "</span>{words.join(", ")}
                    </button>
                    {items}
                </span>
            })
        })
    }
}

fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        word.to_string()
    } else {
        format!("{word}s")
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
