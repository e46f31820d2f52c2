//! The app's state: the plans in memory, mirrored to storage on every change.

use crate::core::model::{sort_plans, Plan};
use crate::shell::storage::{self, Unreadable};
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
}

impl AppState {
    /// Reads every stored plan. Storage problems become a notice; the app still starts.
    pub fn load() -> AppState {
        let (plans, unreadable, notice) = match storage::load_all() {
            Ok(loaded) => (loaded.plans, loaded.unreadable, None),
            Err(problem) => (
                Vec::new(),
                Vec::new(),
                Some(format!("Plans cannot be kept: {problem}. Anything you make will be lost when you close this tab.")),
            ),
        };
        AppState {
            plans: RwSignal::new(plans),
            unreadable: RwSignal::new(unreadable),
            notice: RwSignal::new(notice),
            deleted: RwSignal::new(None),
            unsaved: StoredValue::new(Vec::new()),
        }
    }

    /// Reads storage again (another tab changed it).
    pub fn reload(&self) {
        // What this tab changed goes to storage first, then the other tab's changes come in.
        self.flush();
        if let Ok(loaded) = storage::load_all() {
            self.plans.set(loaded.plans);
            self.unreadable.set(loaded.unreadable);
        }
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

    /// Writes every plan changed since the last flush.
    pub fn flush(&self) {
        for plan in self
            .unsaved
            .try_update_value(std::mem::take)
            .unwrap_or_default()
        {
            self.report(storage::save(&plan));
        }
    }

    /// Deletes a plan and keeps it in memory, so that the toast can offer it back.
    pub fn delete(&self, id: &str) {
        self.unsaved
            .update_value(|unsaved| unsaved.retain(|p| p.id != id));
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
