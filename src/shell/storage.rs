//! localStorage, through gloo-storage. One key per plan (`intensive-planner.plan.<id>`), so one
//! damaged entry never costs the others. Entries that cannot be read are reported and left
//! exactly as they are: this module never writes or removes a key it could not read.

use super::format::{
    decode_newer_plan, decode_plan, encode_stored, plan_key, read_plan, stored_revision,
    DecodeError, PLAN_KEY_PREFIX,
};
use crate::core::model::{sort_plans, Plan};
use gloo_storage::{LocalStorage, Storage};

/// A stored entry that could not be read, kept untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub problem: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    pub plans: Vec<Plan>,
    /// The stored revision of each plan in `plans`, by id.
    pub revisions: Vec<(String, u64)>,
    pub unreadable: Vec<Unreadable>,
    /// Plans written by a newer version of the app that this version can still show, read-only.
    /// Their entries are also in `unreadable`, and are never written.
    pub read_only: Vec<Plan>,
    /// Plans saved under older, looser limits that the reader mended: the plan's title and one
    /// sentence per change. Storage keeps the old text until the plan is next saved.
    pub mended: Vec<(String, Vec<String>)>,
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Storage refused or lost the write.
    Failed(String),
    /// Another tab saved this plan since this tab read it.
    ChangedElsewhere,
    /// Another tab deleted this plan since this tab read it.
    DeletedElsewhere,
    /// The document would not read back as this plan; nothing was written.
    WouldNotReadBack(String),
}

fn storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .ok_or("there is no browser window")?
        .local_storage()
        .ok()
        .flatten()
        .ok_or_else(|| {
            "this browser does not allow the app to keep data (localStorage is unavailable)"
                .to_string()
        })
}

/// Every plan in storage, and every entry under our prefix that could not be read.
pub fn load_all() -> Result<Loaded, String> {
    load_where(&|key| key.starts_with(PLAN_KEY_PREFIX))
}

/// One plan's entry, as `load_all` reads it: what a page that shows one plan needs first, before
/// the other plans are read (a hundred stored plans took 150 ms of a phone-speed CPU to read).
pub fn load_one(id: &str) -> Result<Loaded, String> {
    let key = plan_key(id);
    load_where(&|stored| stored == key)
}

fn load_where(wanted: &dyn Fn(&str) -> bool) -> Result<Loaded, String> {
    let storage = storage()?;
    let count = storage
        .length()
        .map_err(|_| "storage could not be read".to_string())?;
    let keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| wanted(key))
        .collect();
    let mut loaded = Loaded::default();
    for key in keys {
        let Some(raw) = storage.get_item(&key).ok().flatten() else {
            continue;
        };
        match read_plan(&raw) {
            Ok(read) if plan_key(&read.plan.id) == key => {
                let plan = read.plan;
                loaded
                    .revisions
                    .push((plan.id.clone(), stored_revision(&raw).unwrap_or(0)));
                if !read.mended.is_empty() {
                    let said = read.mended.iter().map(ToString::to_string).collect();
                    loaded.mended.push((plan.title.clone(), said));
                }
                loaded.plans.push(plan);
            }
            Ok(read) => loaded.unreadable.push(Unreadable {
                key,
                problem: format!(
                    "it holds plan \"{}\" under another plan's key",
                    read.plan.id
                ),
            }),
            Err(problem) => {
                if matches!(problem, DecodeError::Newer(_)) {
                    if let Some(plan) = decode_newer_plan(&raw).filter(|p| plan_key(&p.id) == key) {
                        loaded.read_only.push(plan);
                    }
                }
                loaded.unreadable.push(Unreadable {
                    key,
                    problem: problem.to_string(),
                });
            }
        }
    }
    sort_plans(&mut loaded.plans);
    crate::core::model::sort_small(&mut loaded.unreadable, |a, b| a.key > b.key);
    Ok(loaded)
}

/// Whether anything at all is stored under this plan's key (readable or not).
fn key_taken(id: &str) -> bool {
    storage()
        .ok()
        .and_then(|s| s.get_item(&plan_key(id)).ok().flatten())
        .is_some()
}

/// A new plan id that nothing stored uses, readable or not, and that `also_taken` does not
/// name (the plans a tab holds but has not written yet).
pub fn fresh_id(also_taken: impl Fn(&str) -> bool) -> String {
    loop {
        let id = crate::shell::browser::new_id();
        if !also_taken(&id) && !key_taken(&id) {
            return id;
        }
    }
}

/// Saves a plan under its own key, then reads it back: a save that did not stick is an error.
/// `expected` is the revision this tab last read or wrote (`None` for a plan new to storage); if
/// the stored entry moved on or vanished since, nothing is written and the caller decides.
/// Returns the new revision.
pub fn save(plan: &Plan, expected: Option<u64>) -> Result<u64, SaveError> {
    let storage = storage().map_err(SaveError::Failed)?;
    let key = plan_key(&plan.id);
    let current = storage.get_item(&key).ok().flatten();
    let revision = match (current, expected) {
        (None, None) => 1,
        (None, Some(_)) => return Err(SaveError::DeletedElsewhere),
        (Some(_), None) => return Err(SaveError::ChangedElsewhere),
        (Some(text), Some(expected)) => match stored_revision(&text) {
            Some(stored) if stored == expected => expected + 1,
            _ => return Err(SaveError::ChangedElsewhere),
        },
    };
    let text = encode_stored(plan, revision);
    // Never write what this app could not read back: `Plan::validate` should make this
    // impossible, and this is the last guard before storage.
    match decode_plan(&text) {
        Ok(back) if back == *plan => {}
        Ok(_) => {
            return Err(SaveError::WouldNotReadBack(
                "it would read back differently".to_string(),
            ))
        }
        Err(problem) => return Err(SaveError::WouldNotReadBack(problem.to_string())),
    }
    if let Err(error) = storage.set_item(&key, &text) {
        return Err(SaveError::Failed(if is_quota_error(&error) {
            "this browser's storage for the app is full".to_string()
        } else {
            "the browser refused to store the plan".to_string()
        }));
    }
    match storage.get_item(&key) {
        Ok(Some(back)) if back == text => Ok(revision),
        _ => Err(SaveError::Failed(
            "the browser did not keep the plan (reading it back gave something else)".to_string(),
        )),
    }
}

/// The raw text stored under a key, for downloading an entry the app cannot read.
pub fn raw(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok().flatten()
}

// The backup reminder's dates, as YYYY-MM-DD. Outside the plan prefix, so never read as plans.
const UNEXPORTED_SINCE_KEY: &str = "intensive-planner.meta.unexported-since";
const SNOOZED_KEY: &str = "intensive-planner.meta.reminder-snoozed-until";

/// Notes the first day with changes not yet in a backup (later changes keep that day).
pub fn mark_changed(today: &str) {
    if reminder_dates()[0].is_none() {
        set_meta(UNEXPORTED_SINCE_KEY, today);
    }
}

/// Notes that every plan is in a backup now.
pub fn mark_exported() {
    if let Ok(storage) = storage() {
        let _ = storage.remove_item(UNEXPORTED_SINCE_KEY);
    }
}

/// Puts off the backup reminder until this date.
pub fn snooze_reminder(until: &str) {
    set_meta(SNOOZED_KEY, until);
}

/// The reminder's dates: changes unexported since, snoozed until.
pub fn reminder_dates() -> [Option<String>; 2] {
    [UNEXPORTED_SINCE_KEY, SNOOZED_KEY]
        .map(|key| storage().ok().and_then(|s| s.get_item(key).ok().flatten()))
}

fn set_meta(key: &str, value: &str) {
    if let Ok(storage) = storage() {
        // Best effort: a reminder date that cannot be kept costs nothing but a reminder.
        let _ = storage.set_item(key, value);
    }
}

// The editor's view preferences (list or grid, the grid's snap step): outside the plan prefix,
// never read as plans, and never in a backup.
const AGENDA_VIEW_KEY: &str = "intensive-planner.meta.agenda-view";
const SNAP_KEY: &str = "intensive-planner.meta.grid-snap";

/// The agenda view the therapist chose last ("list" or "grid"), if any.
pub fn agenda_view() -> Option<String> {
    storage().ok()?.get_item(AGENDA_VIEW_KEY).ok().flatten()
}

pub fn set_agenda_view(view: &str) {
    set_meta(AGENDA_VIEW_KEY, view);
}

/// The grid's snap step the therapist chose last, if any.
pub fn grid_snap() -> Option<String> {
    storage().ok()?.get_item(SNAP_KEY).ok().flatten()
}

pub fn set_grid_snap(minutes: u16) {
    set_meta(SNAP_KEY, &minutes.to_string());
}

/// Browsers name a full storage differently: `QuotaExceededError` (the standard),
/// `NS_ERROR_DOM_QUOTA_REACHED` (older Firefox), or code 22 (older WebKit).
fn is_quota_error(error: &wasm_bindgen::JsValue) -> bool {
    let get = |name: &str| js_sys::Reflect::get(error, &name.into()).ok();
    let name = get("name").and_then(|n| n.as_string()).unwrap_or_default();
    let code = get("code").and_then(|c| c.as_f64());
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || code == Some(22.0)
}

pub fn delete(id: &str) -> Result<(), String> {
    storage()?;
    LocalStorage::delete(plan_key(id));
    Ok(())
}

/// Where the share page leaves a schedule for the full app ("Save a copy"): this tab's session
/// storage, which the next page in the tab reads once and empties.
const HANDOVER_KEY: &str = "intensive-planner.handover";

fn session() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .ok_or_else(|| "this browser does not allow the app to keep data".to_string())
}

/// Leaves a plan document (JSON text) for the full app to save, in this tab only.
pub fn hand_over(document: &str) -> Result<(), String> {
    session()?
        .set_item(HANDOVER_KEY, document)
        .map_err(|_| "this browser's storage for the app is full".to_string())
}

/// The plan document the share page left in this tab, if any; it is removed as it is read.
pub fn take_handover() -> Option<String> {
    let session = session().ok()?;
    let document = session.get_item(HANDOVER_KEY).ok().flatten();
    let _ = session.remove_item(HANDOVER_KEY);
    document
}
