//! The agenda, day by day, in either view (a list per day, or the time grid with a lane per
//! person), and every way to change it: buttons, keyboard commands on a focused block, drag and
//! drop in the list, pointer drags in the grid (`grid.rs`).
//!
//! Days and blocks are keyed by index and id. Each block reads its own data through a memo, so
//! an edit redraws only the text of the blocks it changed, and an element keeps its focus.

use super::block_form::BlockForm;
use super::editor::{use_editing, AgendaView, FormTarget};
use super::grid;
use super::shown::{Row, Shown};
use crate::core::edit::Edit;
use crate::core::grid::{next_client_lane, Toward};
use crate::core::model::{display_date, BlockId, BlockKind};
use crate::core::rules::Severity;
use leptos::ev::{DragEvent, KeyboardEvent};
use leptos::html::Li;
use leptos::prelude::*;

/// How far one press of Earlier, Later, Shorter or Longer moves a block.
const STEP: i16 = 15;

#[component]
pub fn Agenda() -> impl IntoView {
    let editing = use_editing();
    let geometry = grid::geometry();
    let shown = Shown::follow(geometry);
    let indices = move || shown.days.with(|d| (0..d.len()).collect::<Vec<usize>>());
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
                    {day_view(day, shown, geometry)}
                </For>
            </div>
        </div>
    }
}

fn day_view(day: usize, shown: Shown, geometry: Memo<grid::Geometry>) -> impl IntoView {
    let editing = use_editing();
    // Days are keyed by index; what the section shows of its day is read here.
    let key = move || shown.days.with(|d| d.get(day).cloned());
    let date = move || key().map(|k| display_date(k.date));
    let removable = move || key().is_some_and(|k| k.removable);
    let n = day + 1;
    let heading_id = format!("day-{n}");
    let labelled_by = heading_id.clone();
    let in_grid = move || editing.view.get() == AgendaView::Grid;
    let add_button = NodeRef::<leptos::html::Button>::new();
    editing.remember_day(day, add_button);
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
                editing.commit_block(id, edit, format!("Moved to day {n}."));
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
                        <button type="button" class="button small" node_ref=add_button on:click=move |_| editing.form.set(Some(FormTarget::Add { day, at: None }))>
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
                <For each=move || shown.ids(day) key=|id| *id let:id>
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

/// One block: its row (or, in the list, its open form), and in the grid the lanes it also
/// fills. The row's element is built once and kept while the block stays in its day: its text,
/// class and place are read from the block's own signal (`Shown`), so an edit changes the few
/// nodes that differ. (Building the element again would set all its attributes again, and taking
/// `tabindex` off the focused block makes the browser lay the page out on the spot.)
fn block_item(
    day: usize,
    id: BlockId,
    shown: Shown,
    geometry: Memo<grid::Geometry>,
) -> impl IntoView {
    let editing = use_editing();
    let open = Memo::new(move |_| {
        editing.form.get() == Some(FormTarget::Edit(id)) && editing.view.get() == AgendaView::List
    });
    move || {
        let row = shown.row(id)?;
        if open.get() {
            let plan = editing.plan.get_untracked()?;
            let block = row.with_untracked(|r| r.block.clone());
            return Some(view! { <li class="block-editing"><BlockForm plan=plan day=day block=Some(block)/></li> }.into_any());
        }
        let layout = editing.view.get();
        let echoes = move || {
            (layout == AgendaView::Grid).then(|| row.with(|r| grid::echoes(&r.block, geometry)))
        };
        Some(view! { {block_view(day, id, row, layout)} {echoes} }.into_any())
    }
}

fn block_view(day: usize, id: BlockId, row: RwSignal<Row>, layout: AgendaView) -> impl IntoView {
    let editing = use_editing();
    let node = NodeRef::<Li>::new();
    editing.remember(id, node);
    // What the row shows, read as it changes; and the block as it is now, for a command.
    let read = move |f: fn(&Row) -> String| move || row.with(f);
    let now = move || Some(row.with_untracked(|r| r.block.clone()));
    let title = read(|r| r.block.title.clone());
    // Moves the block (or its end) by some minutes.
    let step = move |minutes: i16, change: Change| {
        let (edit, verb, word) = match (change, minutes < 0) {
            (Change::Move, true) => (Edit::Nudge { id, minutes }, "Moved", "earlier"),
            (Change::Move, false) => (Edit::Nudge { id, minutes }, "Moved", "later"),
            (Change::Length, true) => (Edit::Resize { id, minutes }, "Made", "shorter"),
            (Change::Length, false) => (Edit::Resize { id, minutes }, "Made", "longer"),
        };
        editing.commit_block(
            id,
            edit,
            format!("{verb} {} minutes {word}.", minutes.abs()),
        );
    };
    let to_day = move |target: usize| {
        let days = editing
            .plan
            .with_untracked(|p| p.as_ref().map_or(0, |p| p.days.len()));
        let Some(block) = now() else { return };
        let edit = Edit::MoveBlock {
            id,
            day: target,
            start: block.start,
            lane: None,
        };
        if target < days {
            editing.commit_block(id, edit, format!("Moved to day {}.", target + 1));
        }
    };
    let to_lane = move |toward: Toward| {
        let Some(block) = now() else { return };
        let lanes = editing.with_plan(crate::core::grid::lanes);
        let Some((from, to)) = next_client_lane(block.attendees, &lanes, toward) else {
            editing.refused.set(Some(
                "There is no other lane that way: everyone of the couple there is in this block already, or it is the last lane.".into(),
            ));
            return;
        };
        let edit = Edit::MoveBlock {
            id,
            day,
            start: block.start,
            lane: Some((from, to)),
        };
        let name =
            editing.with_plan(|p| crate::core::model::member_name(to, &p.participants, &p.team));
        editing.commit_block(id, edit, format!("Moved to {name}'s lane."));
    };
    let delete = move || {
        let title = now().map(|b| b.title).unwrap_or_default();
        editing.commit(
            Edit::DeleteBlock { id },
            format!("Deleted “{title}”. Undo brings it back."),
        );
        // Keep the keyboard in the agenda: the day's "Add block" button takes the focus.
        editing.focus_day(day);
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
        if let (Some(dragged), Some(here)) = (editing.dragging.get_value(), now()) {
            editing.dragging.set_value(None);
            let end = here.end;
            let edit = Edit::MoveBlock {
                id: dragged,
                day,
                start: end,
                lane: None,
            };
            if dragged != id {
                editing.commit_block(dragged, edit, format!("Moved to day {} at {end}.", day + 1));
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
    let in_grid = layout == AgendaView::Grid;
    let at =
        move |index: usize| move || row.with(|r| r.place.map(|p| p.get(index)).unwrap_or_default());
    let class = read(|r| {
        let dosing = if r.block.kind == BlockKind::KapDosing {
            " dosing"
        } else {
            ""
        };
        format!("block {}{dosing}", tone(r.block.kind))
    });
    let notes = move || {
        row.with(|r| {
            (!r.block.notes.is_empty()).then(|| {
                let notes = r.block.notes.clone();
                view! { <p class="notes"><span class="visually-hidden">"Clinician notes: "</span>{notes}</p> }
            })
        })
    };
    let travel = move || {
        row.with(|r| r.block.travel)
            .then(|| view! { <span class="travel">"Away from the practice"</span> })
    };
    let dosing = Memo::new(move |_| row.with(|r| r.block.kind == BlockKind::KapDosing));
    let marks = Memo::new(move |_| row.with(|r| r.marks.clone()));
    view! {
        <li
            node_ref=node
            id=format!("block-{id}")
            tabindex="0"
            class=class
            style:--top=at(0)
            style:--length=at(1)
            style:--lane=at(2)
            style:--width=at(3)
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
            <span class="time">{read(|r| format!("{}–{}", r.block.start, r.block.end))}</span>
            " "
            <span class="kind">{read(|r| r.block.kind.label().to_string())}</span>
            " "
            <span class="title">{title}</span>
            " "
            <span class="who">{read(|r| r.who.clone())}</span>
            {travel}
            {notes}
            {move || dosing.get().then(|| readiness(id))}
            {move || marks_view(marks.get())}
            <span class="block-tools">
                <button type="button" class="tool" on:click=move |_| editing.form.set(Some(FormTarget::Edit(id)))>
                    "Edit"<span class="visually-hidden">" “"{title}"”"</span>
                </button>
                <button type="button" class="tool" aria-label=move || format!("Move “{}” {STEP} minutes earlier", title()) on:click=move |_| step(-STEP, Change::Move)>"↑"</button>
                <button type="button" class="tool" aria-label=move || format!("Move “{}” {STEP} minutes later", title()) on:click=move |_| step(STEP, Change::Move)>"↓"</button>
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
