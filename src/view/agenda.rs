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

/// What a day section shows apart from its blocks (its date, and whether it may be removed).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct DayKey {
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
                    date: plan.date_of(index),
                    removable: plan.days.len() > 1,
                })
                .collect::<Vec<_>>()
        })
    });
    let indices = move || days.with(|d| (0..d.len()).collect::<Vec<usize>>());
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
                <For each=indices key=|day| *day let:day>
                    {day_view(day, days, geometry)}
                </For>
            </div>
        </div>
    }
}

fn day_view(day: usize, days: Memo<Vec<DayKey>>, geometry: Memo<grid::Geometry>) -> impl IntoView {
    let editing = use_editing();
    // Days are keyed by index; what the section shows of its day is read here.
    let key = Memo::new(move |_| days.with(|d| d.get(day).cloned()));
    let date = move || key.with(|k| k.as_ref().map(|k| display_date(k.date)));
    let removable = move || key.with(|k| k.as_ref().is_some_and(|k| k.removable));
    let n = day + 1;
    let heading_id = format!("day-{n}");
    let labelled_by = heading_id.clone();
    let in_grid = move || editing.view.get() == AgendaView::Grid;
    // The day's blocks, then its block ids in the day's order, then the findings that name its
    // blocks: an edit re-runs the blocks of the days it changed, not every block of the plan.
    let blocks = Memo::new(move |_| {
        editing.with_plan(|plan| {
            plan.days
                .get(day)
                .map(|d| d.blocks.clone())
                .unwrap_or_default()
        })
    });
    let ids = Memo::new(move |_| blocks.with(|b| b.iter().map(|b| b.id).collect::<Vec<_>>()));
    let marks = Memo::new(move |_| {
        let ids = ids.get();
        editing.findings.with(|findings| {
            let mut marks = Vec::new();
            for f in findings.iter().filter(|f| f.severity != Severity::Info) {
                for id in f.blocks.iter().filter(|id| ids.contains(id)) {
                    marks.push((*id, f.severity, f.message.clone()));
                }
            }
            marks
        })
    });
    let shown = DayData { blocks, marks };
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
                    <h2 id=heading_id>{format!("Day {n} · ")}{date}</h2>
                    <div class="day-actions">
                        <button type="button" class="button small" on:click=move |_| editing.form.set(Some(FormTarget::Add { day, at: None }))>
                            "Add block"<span class="visually-hidden">{format!(" to day {n}")}</span>
                        </button>
                        <button type="button" class="button small" on:click=move |_| {
                            editing.commit(Edit::DuplicateDay { day }, format!("Day {n} duplicated as day {}.", n + 1));
                        }>
                            "Duplicate"<span class="visually-hidden">{format!(" day {n}")}</span>
                        </button>
                        {move || removable().then(|| view! {
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
                    {block_item(day, id, shown, geometry)}
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

/// What a day's blocks read: the day's blocks, and the errors and warnings naming them.
#[derive(Clone, Copy)]
struct DayData {
    blocks: Memo<Vec<Block>>,
    marks: Memo<Vec<(BlockId, Severity, String)>>,
}

/// One block: its row (or, in the list, its open form), and in the grid the lanes it also
/// fills. The row is drawn from the block's own memo, and drawn again, whole, only when that
/// block, its people's names or its findings change: an edit redraws the blocks it touched and
/// no other (each reactive part inside a row would be one more node every edit visits).
fn block_item(
    day: usize,
    id: BlockId,
    shown: DayData,
    geometry: Memo<grid::Geometry>,
) -> impl IntoView {
    let editing = use_editing();
    // One memo per block, with all a row shows: every memo downstream of the plan is one more
    // node that each edit visits, so a block has one.
    let row = Memo::new(move |_| {
        let block = shown
            .blocks
            .with(|blocks| blocks.iter().find(|b| b.id == id).cloned())?;
        let who = geometry.with(|g| g.describe(block.attendees));
        let marks = shown.marks.with(|marks| {
            marks
                .iter()
                .filter(|(block, _, _)| *block == id)
                .map(|(_, severity, message)| (*severity, message.clone()))
                .collect::<Vec<_>>()
        });
        Some(Row { block, who, marks })
    });
    let open = Memo::new(move |_| {
        editing.form.get() == Some(FormTarget::Edit(id)) && editing.view.get() == AgendaView::List
    });
    move || {
        if open.get() {
            let plan = editing.plan.get_untracked();
            let shown = row.with_untracked(|r| r.as_ref().map(|r| r.block.clone()));
            return plan
                .zip(shown)
                .map(|(plan, shown)| {
                    view! { <li class="block-editing"><BlockForm plan=plan day=day block=Some(shown)/></li> }
                })
                .into_any();
        }
        let Some(Row {
            block: b,
            who,
            marks,
        }) = row.get()
        else {
            return ().into_any();
        };
        let layout = if editing.view.get() == AgendaView::Grid {
            Layout::Grid(geometry.with(|g| grid::place(&b, g)))
        } else {
            Layout::List
        };
        let echoes = grid::echoes(&b, &layout, geometry);
        view! { {block_view(day, b, who, marks, layout)} {echoes} }.into_any()
    }
}

/// What a block's row shows: the block, its people by name, and its errors and warnings.
#[derive(Clone, PartialEq)]
struct Row {
    block: Block,
    who: String,
    marks: Vec<(Severity, String)>,
}

/// How a row is laid out: in the list, or placed in the grid.
pub enum Layout {
    List,
    Grid(grid::Position),
}

fn block_view(
    day: usize,
    block: Block,
    who: String,
    marks: Vec<(Severity, String)>,
    layout: Layout,
) -> impl IntoView {
    let editing = use_editing();
    let id = block.id;
    let node = NodeRef::<Li>::new();
    editing.remember(id, node);
    let title = block.title.clone();
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
    let (start, end, attendees) = (block.start, block.end, block.attendees);
    let to_day = move |target: usize| {
        let days = editing
            .plan
            .with_untracked(|p| p.as_ref().map_or(0, |p| p.days.len()));
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
        let lanes = editing.with_plan(crate::core::grid::lanes);
        let Some((from, to)) = next_client_lane(attendees, &lanes, toward) else {
            editing.refused.set(Some(
                "There is no other lane that way: everyone of the couple there is in this block already, or it is the last lane.".into(),
            ));
            return;
        };
        let edit = Edit::MoveBlock {
            id,
            day,
            start,
            lane: Some((from, to)),
        };
        let name =
            editing.with_plan(|p| crate::core::model::member_name(to, &p.participants, &p.team));
        if editing.commit(edit, format!("Moved to {name}'s lane.")) {
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
    let dosing = if block.kind == BlockKind::KapDosing {
        " dosing"
    } else {
        ""
    };
    let class = format!("block {}{dosing}", tone(block.kind));
    let (in_grid, place) = match layout {
        Layout::Grid(place) => (true, place),
        Layout::List => (false, grid::Position::default()),
    };
    let notes = (!block.notes.is_empty()).then(|| {
        view! { <p class="notes"><span class="visually-hidden">"Clinician notes: "</span>{block.notes.clone()}</p> }
    });
    let travel = block
        .travel
        .then(|| view! { <span class="travel">"Away from the practice"</span> });
    let readiness = (block.kind == BlockKind::KapDosing).then(|| readiness(id));
    view! {
        <li
            node_ref=node
            id=format!("block-{id}")
            tabindex="0"
            class=class
            style:--top=place.get(0)
            style:--length=place.get(1)
            style:--lane=place.get(2)
            style:--width=place.get(3)
            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Alt+Shift+ArrowUp Alt+Shift+ArrowDown Alt+ArrowLeft Alt+ArrowRight Alt+Shift+ArrowLeft Alt+Shift+ArrowRight Enter Delete"
            draggable=(!in_grid).then_some("true")
            on:dragstart=on_drag_start
            on:dragend=move |_| editing.dragging.set_value(None)
            on:dragover=|ev: DragEvent| ev.prevent_default()
            on:drop=on_drop
            on:keydown=on_key
            on:dblclick=move |_| editing.form.set(Some(FormTarget::Edit(id)))
            on:pointerdown=move |ev| grid::pointer_down(&ev, id, day)
            on:pointermove=move |ev| grid::pointer_move(&ev)
            on:pointerup=move |ev| grid::pointer_up(&ev)
            on:pointercancel=move |_| grid::pointer_cancel()
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
            {readiness}
            {marks_view(marks)}
            <span class="block-tools">
                <button type="button" class="tool" on:click=move |_| editing.form.set(Some(FormTarget::Edit(id)))>
                    "Edit"<span class="visually-hidden">{format!(" “{title}”")}</span>
                </button>
                <button type="button" class="tool" aria-label=format!("Move “{}” {STEP} minutes earlier", block.title) on:click=move |_| step(-STEP, Change::Move)>"↑"</button>
                <button type="button" class="tool" aria-label=format!("Move “{}” {STEP} minutes later", block.title) on:click=move |_| step(STEP, Change::Move)>"↓"</button>
            </span>
            {in_grid.then(|| view! { <span class="resize-handle" aria-hidden="true" data-resize="true"></span> })}
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
fn marks_view(mine: Vec<(Severity, String)>) -> Option<impl IntoView> {
    if mine.is_empty() {
        return None;
    }
    let open = RwSignal::new(false);
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
    let items = move || {
        open.get().then(|| {
            let items = mine
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
