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
        }
    }

    /// Reads storage again (another tab changed it).
    pub fn reload(&self) {
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
        self.report(storage::save(&plan));
        self.plans.update(|plans| {
            plans.push(plan);
            sort_plans(plans);
        });
    }

    pub fn delete(&self, id: &str) {
        self.report(storage::delete(id));
        self.plans.update(|plans| plans.retain(|p| p.id != id));
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
