//! The time grid: the List / Grid switch, the hours down the side, a lane per person in each
//! day, where each block sits, the lanes it also fills, the ghost of a drag, and the pointer
//! drags themselves (mouse, pen and touch). The arithmetic is `core::grid`'s; this file only
//! measures the page and draws.
//!
//! The grid is CSS over the list's own structure (a region per day, a list of blocks), so the
//! screen-reader contract and the keyboard commands are the same in both views.

use super::block_form::BlockForm;
use super::editor::{use_editing, AgendaView, FormTarget};
use crate::core::edit::Edit;
use crate::core::grid::{hours, landing, lanes, runs, snap, Landing};
use crate::core::limits::SNAP_MINUTES;
use crate::core::model::{
    member_label, member_name, Attendees, Block, BlockId, Member, Participants, Team, Time,
};
use crate::shell::storage;
use leptos::ev::{MouseEvent, PointerEvent};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// What the grid's drawing depends on: the minutes it spans, its lanes with their labels, and
/// the people (for naming a block's attendees in both views).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Geometry {
    pub start: u16,
    pub end: u16,
    pub lanes: Vec<Member>,
    pub names: Vec<String>,
    participants: Participants,
    team: Team,
}

impl Geometry {
    /// "Alex & Sam, with Dana": a block's people by name.
    pub fn describe(&self, attendees: Attendees) -> String {
        attendees.describe_all(&self.participants, &self.team)
    }

    fn span(&self) -> u16 {
        self.end.saturating_sub(self.start).max(60)
    }
}

pub fn geometry() -> Memo<Geometry> {
    let editing = use_editing();
    Memo::new(move |_| editing.plan.with(|plan| geometry_of(plan.as_ref())))
}

/// The grid's geometry for a plan (none: the plan is gone, deleted in another tab, and the grid
/// is empty until the page leaves).
fn geometry_of(plan: Option<&crate::core::model::Plan>) -> Geometry {
    let Some(plan) = plan else {
        return Geometry {
            start: 0,
            end: 60,
            lanes: Vec::new(),
            names: Vec::new(),
            participants: Participants::Individual {
                client: String::new(),
            },
            team: Team::default(),
        };
    };
    let (start, end) = hours(plan);
    let lanes = lanes(plan);
    let names = lanes
        .iter()
        .map(|m| member_label(*m, &plan.participants, &plan.team))
        .collect();
    Geometry {
        start,
        end,
        lanes,
        names,
        participants: plan.participants.clone(),
        team: plan.team.clone(),
    }
}

/// The geometry now, for a pointer event (read once, untracked).
fn geometry_now() -> Geometry {
    use_editing()
        .plan
        .with_untracked(|plan| geometry_of(plan.as_ref()))
}

/// The grid's minutes and lanes, for its CSS (`--span`, `--lanes`). Set as style
/// properties, never as a `style` attribute, which the Content-Security-Policy refuses.
pub fn span_and_lanes(geometry: Memo<Geometry>) -> [String; 2] {
    geometry.with(|g| [g.span().to_string(), g.lanes.len().max(1).to_string()])
}

/// Where a block (or a ghost) sits in its day, as the grid's CSS reads it: minutes from the
/// grid's first hour (`--top`), minutes long (`--length`), first lane (`--lane`) and lanes
/// (`--width`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position([usize; 4]);

impl Position {
    fn of(start: Time, end: Time, run: (usize, usize), g: &Geometry) -> Position {
        Position([
            usize::from(start.minutes().saturating_sub(g.start)),
            usize::from(end.minutes().saturating_sub(start.minutes())),
            run.0,
            run.1,
        ])
    }

    /// One of the four, as the CSS property's value.
    pub fn get(&self, index: usize) -> String {
        self.0.get(index).map(usize::to_string).unwrap_or_default()
    }
}

/// The block's place: its first run of lanes (the others are `echoes`).
pub fn place(block: &Block, g: &Geometry) -> Position {
    let run = runs(block.attendees, &g.lanes)
        .first()
        .copied()
        .unwrap_or((0, g.lanes.len()));
    Position::of(block.start, block.end, run, g)
}

/// The other lanes a block fills (partner A's session with the therapist, with partner B's
/// lane between them): hidden from screen readers, which read the block once, and choosing one
/// focuses the block.
pub fn echoes(b: &Block, geometry: Memo<Geometry>) -> impl IntoView {
    let editing = use_editing();
    let pieces = geometry.with(|g| {
        runs(b.attendees, &g.lanes)
            .into_iter()
            .skip(1)
            .map(|run| Position::of(b.start, b.end, run, g))
            .collect::<Vec<_>>()
    });
    let (id, class) = (b.id, format!("echo {}", super::agenda::tone(b.kind)));
    pieces
        .into_iter()
        .map(|at| {
            let title = b.title.clone();
            view! {
                <li class=class.clone() aria-hidden="true" on:click=move |_| editing.refocus(id)
                    style:--top=at.get(0) style:--length=at.get(1) style:--lane=at.get(2) style:--width=at.get(3)>{title}</li>
            }
        })
        .collect_view()
}

/// The hours down the side, beside the first day.
pub fn time_axis(geometry: Memo<Geometry>) -> impl IntoView {
    let hours = move || {
        geometry.with(|g| {
            (g.start / 60..g.end.div_ceil(60))
                .map(|hour| {
                    let top = (hour * 60).saturating_sub(g.start).to_string();
                    view! { <span class="hour" style:--top=top>{format!("{hour:02}:00")}</span> }
                })
                .collect_view()
        })
    };
    view! { <div class="time-axis" aria-hidden="true"><div class="hours">{hours}</div></div> }
}

/// The day's lane headers, one per person, named after them.
pub fn lane_heads(geometry: Memo<Geometry>, day: usize) -> impl IntoView {
    let heads = move || {
        geometry.with(|g| {
            g.lanes
                .iter()
                .zip(&g.names)
                .map(|(member, label)| {
                    let label = label.clone();
                    let id = format!("day-{}-lane-{}", day + 1, member.code());
                    view! { <span class="lane-head" id=id>{label}</span> }
                })
                .collect_view()
        })
    };
    view! { <p class="lane-heads"><span class="visually-hidden">"Lanes: "</span>{heads}</p> }
}

/// Where the dragged block would land on this day, before it drops, and what it would
/// overlap.
pub fn ghost(day: usize, geometry: Memo<Geometry>) -> impl IntoView {
    let editing = use_editing();
    move || {
        let (_, landed) = editing.landing.get().filter(|(_, l)| l.day == day)?;
        let (at, clashes) = geometry.with(|g| {
            let run = runs(landed.attendees, &g.lanes)
                .first()
                .copied()
                .unwrap_or((0, 1));
            (
                Position::of(landed.start, landed.end, run, g),
                clash_words(&landed),
            )
        });
        let class = if clashes.is_empty() {
            "ghost"
        } else {
            "ghost ghost-clash"
        };
        Some(view! {
            <li class=class aria-hidden="true"
                style:--top=at.get(0) style:--length=at.get(1) style:--lane=at.get(2) style:--width=at.get(3)>
                <span class="time">{format!("{}–{}", landed.start, landed.end)}</span>
                {(!clashes.is_empty()).then(|| view! { <span class="clash">{clashes}</span> })}
            </li>
        })
    }
}

/// "Overlaps “Lunch” (Alex)": what a landing would run into, and who would be in both.
fn clash_words(landed: &Landing) -> String {
    let editing = use_editing();
    editing.plan.with_untracked(|plan| {
        let Some(plan) = plan else {
            return String::new();
        };
        landed
            .clashes
            .iter()
            .filter_map(|(id, who)| {
                let (_, block) = plan.find_block(*id)?;
                let names: Vec<String> = who
                    .members()
                    .map(|m| member_name(m, &plan.participants, &plan.team))
                    .collect();
                Some(format!("Overlaps “{}” ({})", block.title, names.join(", ")))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    })
}

/// In the grid, the block form opens above the grid rather than inside a block.
pub fn form_panel() -> impl IntoView {
    let editing = use_editing();
    move || {
        let target = editing.form.get()?;
        let plan = editing.plan.get_untracked()?;
        let form = match target {
            FormTarget::Add { day, at } => {
                view! { <BlockForm plan=plan day=day block=None at=at/> }
            }
            FormTarget::Edit(id) => {
                let (day, block) = plan.find_block(id).map(|(d, b)| (d, b.clone()))?;
                view! { <BlockForm plan=plan day=day block=Some(block)/> }
            }
        };
        Some(view! { <div class="grid-form">{form}</div> })
    }
}

/// The List / Grid switch, and in the grid the snap step.
#[component]
pub fn ViewSwitch() -> impl IntoView {
    let editing = use_editing();
    let button = move |view: AgendaView, label: &'static str| {
        view! {
            <button
                type="button"
                class="button small"
                aria-pressed=move || (editing.view.get() == view).to_string()
                on:click=move |_| editing.show(view)
            >{label}</button>
        }
    };
    let snap_choice = move || {
        (editing.view.get() == AgendaView::Grid).then(|| {
            view! {
                <span class="snap">
                    <label for="grid-snap">"Drag in steps of"</label>
                    <select
                        id="grid-snap"
                        prop:value=move || editing.snap.get().to_string()
                        on:change=move |ev| {
                            if let Ok(minutes) = event_target_value(&ev).parse::<u16>() {
                                if SNAP_MINUTES.contains(&minutes) {
                                    editing.snap.set(minutes);
                                    storage::set_grid_snap(minutes);
                                }
                            }
                        }
                    >
                        {SNAP_MINUTES.map(|m| view! { <option value=m.to_string()>{format!("{m} minutes")}</option> }).collect_view()}
                    </select>
                </span>
            }
        })
    };
    view! {
        <div class="view-switch no-print">
            <span role="group" aria-label="Agenda view" class="switch">
                {button(AgendaView::List, "List")}
                {button(AgendaView::Grid, "Grid")}
            </span>
            {snap_choice}
        </div>
    }
}

/// A drag in the grid, from the pointer's first press to its release.
struct Drag {
    id: BlockId,
    pointer: i32,
    x0: i32,
    y0: i32,
    start: i32,
    end: i32,
    day: usize,
    /// The lane the block was picked up in.
    grabbed: Member,
    resizing: Resizing,
    moved: bool,
    lane: Option<(Member, Member)>,
    geometry: Geometry,
}

/// Whether a drag moves the block or its end.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Resizing {
    No,
    Yes,
}

thread_local! {
    static DRAG: RefCell<Option<Drag>> = const { RefCell::new(None) };
}

/// Past this many pixels a press becomes a drag; less is a click.
const DRAG_THRESHOLD: i32 = 4;

/// The day's list under the pointer: its day and its box.
fn day_under(x: i32, y: i32) -> Option<(usize, web_sys::DomRect)> {
    let list = web_sys::window()?
        .document()?
        .element_from_point(x as f32, y as f32)?
        .closest("ol[data-day]")
        .ok()??;
    let day = list.get_attribute("data-day")?.parse().ok()?;
    Some((day, list.get_bounding_client_rect()))
}

/// The lane and the minute of the day at a point of a day's box.
fn at_point(x: i32, y: i32, rect: &web_sys::DomRect, g: &Geometry) -> (usize, i32) {
    let lanes = g.lanes.len().max(1);
    let across = (f64::from(x) - rect.left()) / rect.width().max(1.0);
    let lane = ((across * lanes as f64).floor().max(0.0) as usize).min(lanes - 1);
    let down = (f64::from(y) - rect.top()) / rect.height().max(1.0);
    let minute = i32::from(g.start) + (down * f64::from(g.span())).round() as i32;
    (lane, minute)
}

/// Minutes per pixel down the grid.
fn minutes_per_pixel(rect: &web_sys::DomRect, g: &Geometry) -> f64 {
    f64::from(g.span()) / rect.height().max(1.0)
}

pub fn pointer_down(ev: &PointerEvent, id: BlockId, day: usize) {
    let editing = use_editing();
    if editing.view.get_untracked() != AgendaView::Grid || ev.button() != 0 {
        return;
    }
    let target = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let on_control = target
        .as_ref()
        .and_then(|t| t.closest("button, summary, details, a, input, select").ok())
        .flatten()
        .is_some();
    if on_control {
        return;
    }
    let resizing = if target.is_some_and(|t| t.has_attribute("data-resize")) {
        Resizing::Yes
    } else {
        Resizing::No
    };
    let Some(block) = editing.plan.with_untracked(|p| {
        p.as_ref()
            .and_then(|p| p.find_block(id))
            .map(|(_, b)| b.clone())
    }) else {
        return;
    };
    let (x, y) = (ev.client_x(), ev.client_y());
    // The hours and lanes do not change during a drag: read once.
    let geometry = geometry_now();
    let lane = day_under(x, y).map_or(0, |(_, rect)| at_point(x, y, &rect, &geometry).0);
    let grabbed = geometry.lanes.get(lane).copied();
    let grabbed = grabbed
        .filter(|m| block.attendees.contains(*m))
        .or_else(|| block.attendees.members().next());
    let Some(grabbed) = grabbed else { return };
    if let Some(element) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    {
        let _ = element.set_pointer_capture(ev.pointer_id());
    }
    DRAG.with_borrow_mut(|drag| {
        *drag = Some(Drag {
            id,
            pointer: ev.pointer_id(),
            x0: x,
            y0: y,
            start: i32::from(block.start.minutes()),
            end: i32::from(block.end.minutes()),
            day,
            grabbed,
            resizing,
            moved: false,
            lane: None,
            geometry,
        })
    });
}

pub fn pointer_move(ev: &PointerEvent) {
    let editing = use_editing();
    let (x, y) = (ev.client_x(), ev.client_y());
    let next = DRAG.with_borrow_mut(|drag| {
        let drag = drag.as_mut().filter(|d| d.pointer == ev.pointer_id())?;
        if !drag.moved && (x - drag.x0).abs().max((y - drag.y0).abs()) < DRAG_THRESHOLD {
            return None;
        }
        drag.moved = true;
        let step = editing.snap.get_untracked();
        let (day, rect) = day_under(x, y).or_else(|| day_under(drag.x0, drag.y0))?;
        let plan = editing.plan.read_untracked();
        let plan = plan.as_ref()?;
        let g = &drag.geometry;
        let shift = (f64::from(y - drag.y0) * minutes_per_pixel(&rect, g)).round() as i32;
        let landed = match drag.resizing {
            Resizing::Yes => {
                let end = snap(drag.end + shift, step);
                landing(plan, drag.id, drag.day, drag.start, end, None)
            }
            Resizing::No => {
                let start = snap(drag.start + shift, step);
                let (lane, _) = at_point(x, y, &rect, g);
                drag.lane = g
                    .lanes
                    .get(lane)
                    .filter(|to| **to != drag.grabbed)
                    .map(|to| (drag.grabbed, *to));
                let end = start + drag.end - drag.start;
                landing(plan, drag.id, day, start, end, drag.lane)
            }
        };
        landed.map(|landed| (drag.id, landed))
    });
    if let Some(next) = next {
        ev.prevent_default();
        if editing
            .landing
            .with_untracked(|now| now.as_ref() != Some(&next))
        {
            editing.landing.set(Some(next));
        }
    }
}

pub fn pointer_up(ev: &PointerEvent) {
    let editing = use_editing();
    let Some(drag) = DRAG.with_borrow_mut(|drag| drag.take_if(|d| d.pointer == ev.pointer_id()))
    else {
        return;
    };
    let landed = editing.landing.get_untracked();
    editing.landing.set(None);
    let Some((_, landed)) = landed.filter(|_| drag.moved) else {
        return;
    };
    let id = drag.id;
    let title = editing.with_plan(|p| {
        p.find_block(id)
            .map(|(_, b)| b.title.clone())
            .unwrap_or_default()
    });
    let at = format!("{}–{}", landed.start, landed.end);
    let (edit, done) = match drag.resizing {
        Resizing::Yes => (
            Edit::Resize {
                id,
                minutes: (i32::from(landed.end.minutes()) - drag.end) as i16,
            },
            format!("“{title}” now runs {at}."),
        ),
        Resizing::No => (
            Edit::MoveBlock {
                id,
                day: landed.day,
                start: landed.start,
                lane: drag.lane,
            },
            format!("Moved “{title}” to day {}, {at}.", landed.day + 1),
        ),
    };
    let unchanged = match drag.resizing {
        Resizing::Yes => i32::from(landed.end.minutes()) == drag.end,
        Resizing::No => {
            landed.day == drag.day
                && i32::from(landed.start.minutes()) == drag.start
                && drag.lane.is_none()
        }
    };
    if !unchanged {
        editing.commit_block(id, edit, done);
    }
}

pub fn pointer_cancel() {
    DRAG.with_borrow_mut(|drag| *drag = None);
    use_editing().landing.set(None);
}

/// A click on a day's empty grid opens a new block's form at that time (the "Add block"
/// button is the keyboard's way to the same form).
pub fn add_at_click(ev: &MouseEvent, day: usize, geometry: Memo<Geometry>) {
    let editing = use_editing();
    if editing.view.get_untracked() != AgendaView::Grid || ev.target() != ev.current_target() {
        return;
    }
    let Some(list) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let rect = list.get_bounding_client_rect();
    let step = editing.snap.get_untracked();
    let minute = geometry.with_untracked(|g| at_point(ev.client_x(), ev.client_y(), &rect, g).1);
    let at = u16::try_from(snap(minute, step).clamp(0, 23 * 60))
        .ok()
        .and_then(Time::from_minutes);
    editing.form.set(Some(FormTarget::Add { day, at }));
}
