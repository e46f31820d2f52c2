//! The editing context of one plan: every change goes through `Editing::commit`, which applies a
//! core edit, records it for undo, saves the plan and says what happened.

use super::dom;
use super::state::{use_app_state, AppState};
use crate::core::edit::{apply, Edit, EditError, History};
use crate::core::grid::Landing;
use crate::core::limits::{DEFAULT_SNAP_MINUTES, GRID_MIN_WIDTH, SNAP_MINUTES};
use crate::core::model::{BlockId, KapRecord, Plan, Time};
use crate::core::rules::{check, Finding};
use crate::shell::{browser, storage};
use leptos::html::{Button, Li};
use leptos::prelude::*;

/// What the agenda has open for editing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormTarget {
    /// A new block on this day (0-based), at a time chosen in the grid or the day's next free
    /// hour.
    Add {
        day: usize,
        at: Option<Time>,
    },
    Edit(BlockId),
}

/// How the agenda is shown: one list per day (the default on phones), or the time grid with a
/// lane per person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgendaView {
    List,
    Grid,
}

impl AgendaView {
    pub fn code(self) -> &'static str {
        match self {
            AgendaView::List => "list",
            AgendaView::Grid => "grid",
        }
    }

    /// The view chosen last, or the grid on a screen wide enough for it.
    fn first() -> AgendaView {
        match storage::agenda_view().as_deref() {
            Some("list") => AgendaView::List,
            Some("grid") => AgendaView::Grid,
            _ if browser::window_width() >= f64::from(GRID_MIN_WIDTH) => AgendaView::Grid,
            _ => AgendaView::List,
        }
    }
}

#[derive(Clone, Copy)]
pub struct Editing {
    state: AppState,
    /// The plan as stored; edits in another tab arrive here too.
    pub plan: Memo<Option<Plan>>,
    /// Every finding for the plan as it is now.
    pub findings: Memo<Vec<Finding>>,
    history: StoredValue<History>,
    /// The plan as this tab last made it (by an edit, an undo or a redo). When the plan on screen
    /// differs, another tab changed it: the history no longer applies.
    made_here: RwSignal<Option<Plan>>,
    /// Another tab changed the plan since this tab's last edit, so undo and redo would write over
    /// its work: the history is cleared (at the next edit or undo) and the page says so.
    pub changed_elsewhere: Memo<bool>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// The outcome of the last edit, announced politely.
    pub done: RwSignal<String>,
    /// Why the last edit was refused, announced at once.
    pub refused: RwSignal<Option<String>>,
    pub form: RwSignal<Option<FormTarget>>,
    /// The block being dragged in the list, if any.
    pub dragging: StoredValue<Option<BlockId>>,
    pub view: RwSignal<AgendaView>,
    /// The grid's snap step in minutes (`limits::SNAP_MINUTES`).
    pub snap: RwSignal<u16>,
    /// Where the block dragged in the grid would land, shown as a ghost before it drops.
    pub landing: RwSignal<Option<(BlockId, Landing)>>,
    /// Each shown block's element, to give the focus back without searching the page.
    /// (The number tells two elements of one block apart while it moves between days.)
    nodes: Elements<BlockId, Li>,
    /// Each shown day's "Add block" button, where the focus goes when a block or a new block's
    /// form leaves the day.
    day_buttons: Elements<usize, Button>,
}

/// Shown elements by key (a block, a day), each with a number for that element, and a count.
type Elements<K, E> = StoredValue<(u32, Vec<(K, u32, NodeRef<E>)>)>;

/// Keeps a shown element under its key (a block, a day) until it leaves the page. The number
/// tells two elements of one key apart while one replaces the other.
fn keep<K, E>(store: Elements<K, E>, key: K, node: NodeRef<E>)
where
    K: Send + Sync + 'static,
    E: leptos::html::ElementType,
    E::Output: 'static,
    NodeRef<E>: Send + Sync,
{
    let mut token = 0;
    store.update_value(|(count, kept)| {
        *count = count.wrapping_add(1);
        token = *count;
        kept.push((key, token, node));
    });
    on_cleanup(move || store.update_value(|(_, kept)| kept.retain(|(_, t, _)| *t != token)));
}

/// The element kept last under a key, if it is on the page.
fn kept<K, E>(store: Elements<K, E>, key: K) -> Option<E::Output>
where
    K: PartialEq + Send + Sync + 'static,
    E: leptos::html::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
    NodeRef<E>: Send + Sync,
{
    store.with_value(|(_, kept)| {
        kept.iter()
            .rev()
            .find(|(shown, _, _)| *shown == key)
            .and_then(|(_, _, node)| node.get_untracked())
    })
}

impl Editing {
    fn new(id: String) -> Editing {
        let state = use_app_state();
        let plan = Memo::new(move |_| state.find(&id));
        let made_here = RwSignal::new(None::<Plan>);
        let changed_elsewhere = Memo::new(move |_| {
            made_here.with(|mine| {
                mine.as_ref()
                    .is_some_and(|mine| plan.with(|p| p.as_ref() != Some(mine)))
            })
        });
        Editing {
            state,
            plan,
            findings: Memo::new(move |_| plan.with(|p| p.as_ref().map(check).unwrap_or_default())),
            history: StoredValue::new(History::default()),
            made_here,
            changed_elsewhere,
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            done: RwSignal::new(String::new()),
            refused: RwSignal::new(None),
            form: RwSignal::new(None),
            dragging: StoredValue::new(None),
            view: RwSignal::new(AgendaView::first()),
            snap: RwSignal::new(
                storage::grid_snap()
                    .and_then(|s| s.parse().ok())
                    .filter(|s| SNAP_MINUTES.contains(s))
                    .unwrap_or(DEFAULT_SNAP_MINUTES),
            ),
            landing: RwSignal::new(None),
            nodes: StoredValue::new((0, Vec::new())),
            day_buttons: StoredValue::new((0, Vec::new())),
        }
    }

    /// Applies an edit, or says why it cannot be made. Returns whether the plan changed hands.
    pub fn commit(&self, edit: Edit, done: impl Into<String>) -> bool {
        let Some(current) = self.plan.get_untracked() else {
            return false;
        };
        let result = apply(&current, &edit);
        self.land(current, result, done.into())
    }

    /// Keeps an applied edit (recorded for undo, saved, said), or says why it was refused.
    fn land(&self, current: Plan, result: Result<Plan, EditError>, done: String) -> bool {
        self.forget_if_changed_elsewhere();
        match result {
            Ok(next) => {
                if next != current {
                    self.history.update_value(|h| h.record(current));
                    self.made_here.set(Some(next.clone()));
                    self.state.put(next);
                }
                self.settle(done);
                true
            }
            Err(problem) => {
                self.refused.set(Some(problem.0));
                false
            }
        }
    }

    pub fn undo(&self) {
        self.step(true);
    }

    pub fn redo(&self) {
        self.step(false);
    }

    /// Clears the history when another tab changed the plan since this tab's last edit: undo
    /// must never write over a revision this tab did not make.
    fn forget_if_changed_elsewhere(&self) {
        if self.changed_elsewhere.get_untracked() {
            self.history.set_value(History::default());
            self.made_here.set(None);
            self.can_undo.set(false);
            self.can_redo.set(false);
        }
    }

    fn step(&self, back: bool) {
        let Some(current) = self.plan.get_untracked() else {
            return;
        };
        if self.changed_elsewhere.get_untracked() {
            self.forget_if_changed_elsewhere();
            self.done.set(CLEARED.into());
            return;
        }
        let mut restored = None;
        self.history.update_value(|h| {
            restored = if back {
                h.undo(&current)
            } else {
                h.redo(&current)
            };
        });
        match restored {
            Some(plan) => {
                self.form.set(None);
                self.made_here.set(Some(plan.clone()));
                self.state.put(plan);
                self.settle(if back { "Undone." } else { "Redone." }.into());
            }
            None => self.done.set(
                if back {
                    "Nothing to undo."
                } else {
                    "Nothing to redo."
                }
                .into(),
            ),
        }
    }

    fn settle(&self, done: String) {
        self.refused.set(None);
        self.done.set(done);
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
    }

    /// Reads the plan, tracked. Once the plan is gone (deleted in another tab) it reads
    /// `T::default()`.
    pub fn with_plan<T: Default>(&self, f: impl FnOnce(&Plan) -> T) -> T {
        self.plan.with(|p| p.as_ref().map(f).unwrap_or_default())
    }

    /// Changes the clinician-only KAP records.
    pub fn update_kap(&self, change: impl FnOnce(&mut KapRecord), done: impl Into<String>) {
        let record = self
            .plan
            .with_untracked(|p| p.as_ref().map(|p| p.kap.clone()));
        if let Some(mut record) = record {
            change(&mut record);
            self.commit(Edit::SetKap(Box::new(record)), done);
        }
    }

    /// Commits an edit that moves or reshapes a block, and keeps the keyboard on that block.
    /// When the edit moves the block among its neighbours (or to another day), its element is
    /// moved too; moving a focused element makes the browser lay out the page on the spot, in
    /// the middle of the redraw (measured: half of a drop's time on a 150-block plan), so the
    /// block lets go of the focus first and takes it back once the agenda is drawn. Whether
    /// the edit was kept.
    pub fn commit_block(&self, id: BlockId, edit: Edit, done: impl Into<String>) -> bool {
        let Some(current) = self.plan.get_untracked() else {
            return false;
        };
        let result = apply(&current, &edit);
        let moves = result
            .as_ref()
            .is_ok_and(|next| place_of(&current, id) != place_of(next, id));
        let focused = self.node(id).filter(|node| dom::has_focus(node));
        if let Some(node) = focused.as_ref().filter(|_| moves) {
            let _ = node.blur();
        }
        let kept = self.land(current, result, done.into());
        if kept || focused.is_some() {
            self.refocus(id);
        }
        kept
    }

    /// The element showing a block, if it is on the page.
    fn node(&self, id: BlockId) -> Option<web_sys::HtmlLiElement> {
        kept(self.nodes, id)
    }

    /// Puts the focus back on a block once the agenda has been drawn again.
    pub fn refocus(&self, id: BlockId) {
        let editing = *self;
        request_animation_frame(move || {
            if let Some(node) = editing.node(id).filter(|node| !dom::has_focus(node)) {
                let _ = node.focus();
            }
        });
    }

    /// Moves the focus to a shown block now (a finding's "Show …" link); false if it is not shown.
    pub fn focus_block(&self, id: BlockId) -> bool {
        self.node(id).is_some_and(|node| node.focus().is_ok())
    }

    /// Gives the focus to a day's "Add block" button once the agenda has been drawn again.
    pub fn focus_day(&self, day: usize) {
        let buttons = self.day_buttons;
        request_animation_frame(move || {
            if let Some(button) = kept(buttons, day) {
                let _ = button.focus();
            }
        });
    }

    /// Remembers a day's "Add block" button while the day is shown.
    pub fn remember_day(&self, day: usize, node: NodeRef<Button>) {
        keep(self.day_buttons, day, node);
    }

    /// Remembers a shown block's element until it leaves the page.
    pub fn remember(&self, id: BlockId, node: NodeRef<Li>) {
        keep(self.nodes, id, node);
    }

    /// Switches the agenda between the list and the grid, and remembers the choice.
    pub fn show(&self, view: AgendaView) {
        self.view.set(view);
        self.form.set(None);
        storage::set_agenda_view(view.code());
    }
}

/// Where a block is in its plan: its day, and its place in that day's order.
fn place_of(plan: &Plan, id: BlockId) -> Option<(usize, usize)> {
    plan.days.iter().enumerate().find_map(|(day, d)| {
        d.blocks
            .iter()
            .position(|b| b.id == id)
            .map(|index| (day, index))
    })
}

const CLEARED: &str = "Undo history cleared: this plan was changed in another tab.";

pub fn use_editing() -> Editing {
    // Provided by `EditorScope` before the agenda and the panels render.
    expect_context::<Editing>()
}

/// Provides the editing context for a plan to its children, with Ctrl+Z / Ctrl+Shift+Z (Cmd on
/// macOS) for undo and redo anywhere on the page except inside a text field, which keeps its own.
#[component]
pub fn EditorScope(id: String, children: Children) -> impl IntoView {
    let editing = Editing::new(id);
    provide_context(editing);
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() || in_text_field(&ev) {
            return;
        }
        match ev.key().as_str() {
            "z" | "Z" if ev.shift_key() => editing.redo(),
            "z" | "Z" => editing.undo(),
            "y" | "Y" if !ev.shift_key() => editing.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    children()
}

fn in_text_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Undo and redo buttons, and the live regions that say what the last edit did.
#[component]
pub fn EditBar() -> impl IntoView {
    let editing = use_editing();
    view! {
        <div class="edit-bar">
            <button
                type="button"
                class="button"
                aria-keyshortcuts="Control+Z Meta+Z"
                disabled=move || !editing.can_undo.get() || editing.changed_elsewhere.get()
                on:click=move |_| editing.undo()
            >"Undo"</button>
            <button
                type="button"
                class="button"
                aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
                disabled=move || !editing.can_redo.get() || editing.changed_elsewhere.get()
                on:click=move |_| editing.redo()
            >"Redo"</button>
            <button type="button" class="button quiet findings-jump" on:click=|_| dom::focus("#findings-heading")>
                {move || match editing.findings.with(Vec::len) {
                    0 => "No findings".to_string(),
                    1 => "1 finding".to_string(),
                    n => format!("{n} findings"),
                }}
            </button>
            <p class="edit-status" role="status">{move || {
                let history = editing.can_undo.get() || editing.can_redo.get();
                if editing.changed_elsewhere.get() && history {
                    CLEARED.to_string()
                } else {
                    editing.done.get()
                }
            }}</p>
        </div>
        <div role="alert" class="edit-alert">
            {move || editing.refused.get().map(|message| view! {
                <p class="banner banner-error">{message}</p>
            })}
        </div>
    }
}
