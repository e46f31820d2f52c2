//! The app's state: the plans in memory, mirrored to storage on every change.

use crate::core::model::{fit_title, sort_plans, Plan};
use crate::shell::browser;
use crate::shell::storage::{self, Loaded, SaveError, Unreadable};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct AppState {
    pub plans: RwSignal<Vec<Plan>>,
    /// Stored entries that could not be read; kept untouched.
    pub unreadable: RwSignal<Vec<Unreadable>>,
    /// A storage problem the user must know about.
    pub notice: RwSignal<Option<String>>,
    /// The plan deleted last, offered back by the "Undo" toast until it is dismissed.
    pub deleted: RwSignal<Option<Plan>>,
    /// Plans changed on screen and not yet written to storage (see `put`).
    unsaved: StoredValue<Vec<Plan>>,
    /// The stored revision this tab last read or wrote, per plan id.
    revisions: StoredValue<Vec<(String, u64)>>,
    /// Plans written by a newer version of the app: shown read-only, never written.
    pub read_only: RwSignal<Vec<Plan>>,
    /// A save that would have overwritten another tab's newer save (or its delete).
    pub conflict: RwSignal<Option<Conflict>>,
}

/// This tab's version of a plan that another tab changed or deleted in the meantime. Storage
/// keeps the other tab's version; the user chooses what happens to this one.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub mine: Plan,
    pub deleted_elsewhere: bool,
}

impl AppState {
    /// Reads every stored plan. Storage problems become a notice; the app still starts.
    pub fn load() -> AppState {
        let (loaded, notice) = match storage::load_all() {
            Ok(loaded) => (loaded, None),
            Err(problem) => (
                Loaded::default(),
                Some(format!("Plans cannot be kept: {problem}. Anything you make will be lost when you close this tab; export it to keep it.")),
            ),
        };
        AppState {
            plans: RwSignal::new(loaded.plans),
            unreadable: RwSignal::new(loaded.unreadable),
            notice: RwSignal::new(notice),
            deleted: RwSignal::new(None),
            unsaved: StoredValue::new(Vec::new()),
            revisions: StoredValue::new(loaded.revisions),
            read_only: RwSignal::new(loaded.read_only),
            conflict: RwSignal::new(None),
        }
    }

    /// Reads storage again (another tab changed it).
    pub fn reload(&self) {
        // What this tab changed goes to storage first, then the other tab's changes come in.
        self.flush();
        self.read_storage();
    }

    fn read_storage(&self) {
        if let Ok(loaded) = storage::load_all() {
            self.plans.set(loaded.plans);
            self.unreadable.set(loaded.unreadable);
            self.read_only.set(loaded.read_only);
            self.revisions.set_value(loaded.revisions);
        }
    }

    fn revision(&self, id: &str) -> Option<u64> {
        self.revisions
            .with_value(|r| r.iter().find(|(i, _)| i == id).map(|(_, n)| *n))
    }

    fn set_revision(&self, id: &str, revision: Option<u64>) {
        self.revisions.update_value(|r| {
            r.retain(|(i, _)| i != id);
            if let Some(n) = revision {
                r.push((id.to_string(), n));
            }
        });
    }

    /// A plan id that no stored entry, readable or not, uses yet.
    pub fn fresh_id(&self) -> String {
        loop {
            let id = crate::shell::browser::new_id();
            let in_memory = self
                .plans
                .with_untracked(|ps| ps.iter().any(|p| p.id == id));
            if !in_memory && !storage::key_taken(&id) {
                return id;
            }
        }
    }

    /// Adds a new plan and saves it.
    pub fn add(&self, plan: Plan) {
        self.put(plan);
    }

    /// Saves a plan, in place of the one with the same id if there is one. The screen changes at
    /// once; the write to storage (encode, write, read back) follows right after that frame is
    /// painted, so an edit lands within the frame. `App` also flushes when the page is hidden,
    /// when frames stop. A failed write shows as a notice.
    pub fn put(&self, plan: Plan) {
        let first = self.unsaved.with_value(Vec::is_empty);
        self.unsaved.update_value(|unsaved| {
            unsaved.retain(|p| p.id != plan.id);
            unsaved.push(plan.clone());
        });
        if first {
            let state = *self;
            request_animation_frame(move || {
                set_timeout(move || state.flush(), std::time::Duration::ZERO);
            });
        }
        self.plans.update(|plans| {
            match plans.iter_mut().find(|p| p.id == plan.id) {
                Some(slot) => *slot = plan,
                None => plans.push(plan),
            }
            sort_plans(plans);
        });
    }

    /// Writes every plan changed since the last flush. A plan that another tab saved or deleted
    /// in the meantime is not written: storage keeps the other version, this tab shows it, and
    /// the conflict banner asks what to do with this tab's version.
    pub fn flush(&self) {
        let mut conflicted = false;
        let unsaved = self
            .unsaved
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        for plan in unsaved {
            match storage::save(&plan, self.revision(&plan.id)) {
                Ok(revision) => {
                    self.set_revision(&plan.id, Some(revision));
                    storage::mark_changed(&browser::today());
                }
                Err(SaveError::Failed(problem)) => self.notice.set(Some(format!(
                    "Not saved: {problem}. What was saved before is intact; export your plans to keep this change."
                ))),
                Err(other) => {
                    conflicted = true;
                    self.conflict.set(Some(Conflict {
                        mine: plan,
                        deleted_elsewhere: other == SaveError::DeletedElsewhere,
                    }));
                }
            }
        }
        if conflicted {
            self.read_storage();
        }
    }

    /// Resolves a conflict by saving this tab's version as a new plan beside the other one.
    pub fn keep_mine_as_copy(&self) -> Option<String> {
        let mut mine = self.conflict.get_untracked()?.mine;
        self.conflict.set(None);
        mine.id = self.fresh_id();
        mine.title = fit_title(format!("{} (my copy)", mine.title));
        let id = mine.id.clone();
        self.add(mine);
        Some(id)
    }

    /// Deletes a plan and keeps it in memory, so that the toast can offer it back.
    pub fn delete(&self, id: &str) {
        self.unsaved
            .update_value(|unsaved| unsaved.retain(|p| p.id != id));
        self.set_revision(id, None);
        self.report(storage::delete(id));
        let mut removed = None;
        self.plans.update(|plans| {
            if let Some(position) = plans.iter().position(|p| p.id == id) {
                removed = Some(plans.remove(position));
            }
        });
        self.deleted.set(removed);
    }

    /// Brings back the plan deleted last.
    pub fn undo_delete(&self) {
        if let Some(plan) = self.deleted.get_untracked() {
            self.deleted.set(None);
            self.add(plan);
        }
    }

    pub fn find(&self, id: &str) -> Option<Plan> {
        self.plans
            .with(|plans| plans.iter().find(|p| p.id == id).cloned())
    }

    fn report(&self, result: Result<(), String>) {
        if let Err(problem) = result {
            self.notice.set(Some(format!("Not saved: {problem}.")));
        }
    }
}

pub fn use_app_state() -> AppState {
    // Provided by `App` before any page renders.
    expect_context::<AppState>()
}
