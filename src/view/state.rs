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
    /// Plans whose last save failed (storage full or refused): their titles. They stay in
    /// memory, are never replaced by a re-read, and are tried again on the next change, when the
    /// page gets the focus, and with "Try again".
    pub failed: RwSignal<Vec<String>>,
    /// Why those saves failed, in the browser's words.
    pub save_problem: RwSignal<String>,
    /// Whether the browser protects this site's storage from automatic clearing (`None`: unknown).
    pub persisted: RwSignal<Option<bool>>,
    /// Whether a flush is already scheduled after the next frame.
    scheduled: StoredValue<bool>,
    /// Plans saved under older, looser limits that the reader mended (title, what changed).
    pub mended: RwSignal<Vec<(String, Vec<String>)>>,
    /// The plan deleted last, offered back by the "Undo" toast until it is dismissed.
    pub deleted: RwSignal<Option<Plan>>,
    /// Plans changed on screen and not yet written to storage (see `put`).
    unsaved: StoredValue<Vec<Plan>>,
    /// The stored revision this tab last read or wrote, per plan id.
    revisions: StoredValue<Vec<(String, u64)>>,
    /// Plans written by a newer version of the app: shown read-only, never written.
    pub read_only: RwSignal<Vec<Plan>>,
    /// Saves that would have overwritten another tab's newer save (or its delete), each
    /// resolved on its own.
    pub conflicts: RwSignal<Vec<Conflict>>,
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
    ///
    /// When the app opens on one plan's page (`first`), only that plan is read at once, and the
    /// others in a task of their own once the first frame is painted: the page is drawn, and
    /// painted, before the rest are read. (A task queued at once could run before the frame's
    /// paint and hold it; reading the rest inside the animation frame made the frame itself a
    /// long task, 170–340 ms of a phone-speed CPU. The race, in turn: repeat visit 1,632 / 1,724
    /// → 1,368 / 1,556 ms to the first day painted; the cold load unchanged through the noise.)
    pub fn load(first: Option<&str>) -> AppState {
        let read = match first {
            Some(id) => storage::load_one(id),
            None => storage::load_all(),
        };
        let (loaded, notice) = match read {
            Ok(loaded) => (loaded, None),
            Err(problem) => (
                Loaded::default(),
                Some(format!("Plans cannot be kept: {problem}. Anything you make will be lost when you close this tab; export it to keep it.")),
            ),
        };
        let state = AppState {
            plans: RwSignal::new(loaded.plans),
            unreadable: RwSignal::new(loaded.unreadable),
            notice: RwSignal::new(notice),
            deleted: RwSignal::new(None),
            failed: RwSignal::new(Vec::new()),
            save_problem: RwSignal::new(String::new()),
            scheduled: StoredValue::new(false),
            persisted: RwSignal::new(None),
            mended: RwSignal::new(loaded.mended),
            unsaved: StoredValue::new(Vec::new()),
            revisions: StoredValue::new(loaded.revisions),
            read_only: RwSignal::new(loaded.read_only),
            conflicts: RwSignal::new(Vec::new()),
        };
        if first.is_some() {
            // What the reader mended in the other plans is said too, as when all are read at once.
            let read_the_rest = move || {
                if let Some(mended) = state.read_storage() {
                    state.mended.set(mended);
                }
            };
            request_animation_frame(move || set_timeout(read_the_rest, std::time::Duration::ZERO));
        }
        state
    }

    /// Finds out whether storage is protected from automatic clearing.
    pub fn check_persistence(&self) {
        let persisted = self.persisted;
        leptos::task::spawn_local(async move {
            persisted.set(browser::storage_persisted().await);
        });
    }

    /// Asks the browser to protect storage from automatic clearing, unless it already does.
    pub fn ask_persistence(&self) {
        if self.persisted.get_untracked() == Some(true) {
            return;
        }
        let persisted = self.persisted;
        leptos::task::spawn_local(async move {
            if let Some(granted) = browser::ask_persistent_storage().await {
                persisted.set(Some(granted));
            }
        });
    }

    /// Reads storage again (another tab changed it).
    pub fn reload(&self) {
        // What this tab changed goes to storage first, then the other tab's changes come in.
        self.flush();
        self.read_storage();
    }

    /// Shows what storage holds, except plans with changes not yet saved (a failed save), which
    /// keep this tab's version: a re-read never replaces unsaved work. Gives what the reader
    /// mended, for the caller to say or not.
    fn read_storage(&self) -> Option<Vec<(String, Vec<String>)>> {
        let loaded = storage::load_all().ok()?;
        let mut plans = loaded.plans;
        self.unsaved.with_value(|unsaved| {
            for mine in unsaved {
                match plans.iter_mut().find(|p| p.id == mine.id) {
                    Some(slot) => *slot = mine.clone(),
                    None => plans.push(mine.clone()),
                }
            }
        });
        sort_plans(&mut plans);
        self.plans.set(plans);
        self.unreadable.set(loaded.unreadable);
        self.read_only.set(loaded.read_only);
        self.revisions.set_value(loaded.revisions);
        Some(loaded.mended)
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
        storage::fresh_id(|id| {
            self.plans
                .with_untracked(|ps| ps.iter().any(|p| p.id == id))
        })
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
        self.unsaved.update_value(|unsaved| {
            unsaved.retain(|p| p.id != plan.id);
            unsaved.push(plan.clone());
        });
        if !self.scheduled.get_value() {
            self.scheduled.set_value(true);
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
    /// the conflict banner asks what to do with this tab's version. A plan whose write failed
    /// stays unsaved, in memory and on screen, and is tried again at the next flush.
    pub fn flush(&self) {
        self.scheduled.set_value(false);
        let pending = self.unsaved.with_value(Vec::clone);
        if pending.is_empty() {
            return;
        }
        let mut conflicted = false;
        let mut failed = Vec::new();
        let mut problems = Vec::new();
        for plan in pending {
            match storage::save(&plan, self.revision(&plan.id)) {
                Ok(revision) => {
                    self.set_revision(&plan.id, Some(revision));
                    self.settle(&plan.id);
                    storage::mark_changed(&browser::today());
                }
                Err(SaveError::Failed(problem) | SaveError::WouldNotReadBack(problem)) => {
                    failed.push(plan.title.clone());
                    problems.push(problem);
                }
                Err(other) => {
                    conflicted = true;
                    self.settle(&plan.id);
                    let conflict = Conflict {
                        deleted_elsewhere: other == SaveError::DeletedElsewhere,
                        mine: plan,
                    };
                    self.conflicts.update(|all| {
                        all.retain(|c| c.mine.id != conflict.mine.id);
                        all.push(conflict);
                    });
                }
            }
        }
        problems.dedup();
        self.save_problem.set(problems.join("; "));
        self.failed.set(failed);
        if conflicted {
            self.read_storage();
        }
    }

    /// Whether any plan has changes not yet in storage.
    pub fn has_unsaved(&self) -> bool {
        self.unsaved.with_value(|u| !u.is_empty())
    }

    /// Forgets a plan's pending write (it was saved, or is now a conflict).
    fn settle(&self, id: &str) {
        self.unsaved.update_value(|u| u.retain(|p| p.id != id));
    }

    /// Resolves a conflict by saving this tab's version as a new plan beside the other one.
    pub fn keep_mine_as_copy(&self, id: &str) -> Option<String> {
        let mut mine = self.take_conflict(id)?.mine;
        mine.id = self.fresh_id();
        mine.title = fit_title(format!("{} (my copy)", mine.title));
        let id = mine.id.clone();
        self.add(mine);
        Some(id)
    }

    /// Resolves a conflict by keeping the other tab's version (or its delete).
    pub fn let_go(&self, id: &str) {
        self.take_conflict(id);
    }

    fn take_conflict(&self, id: &str) -> Option<Conflict> {
        let mut taken = None;
        self.conflicts.update(|all| {
            if let Some(position) = all.iter().position(|c| c.mine.id == id) {
                taken = Some(all.remove(position));
            }
        });
        taken
    }

    /// Deletes a plan and keeps it in memory, so that the toast can offer it back.
    pub fn delete(&self, id: &str) {
        self.settle(id);
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
