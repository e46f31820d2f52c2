//! localStorage, through gloo-storage. One key per plan (`intensive-planner.plan.<id>`), so one
//! damaged entry never costs the others. Entries that cannot be read are reported and left
//! exactly as they are: this module never writes or removes a key it could not read.

use super::format::{decode_plan, encode_plan, plan_key, PLAN_KEY_PREFIX};
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
    pub unreadable: Vec<Unreadable>,
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
    let storage = storage()?;
    let count = storage
        .length()
        .map_err(|_| "storage could not be read".to_string())?;
    let keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(PLAN_KEY_PREFIX))
        .collect();
    let mut loaded = Loaded::default();
    for key in keys {
        let Some(raw) = storage.get_item(&key).ok().flatten() else {
            continue;
        };
        match decode_plan(&raw) {
            Ok(plan) if plan_key(&plan.id) == key => loaded.plans.push(plan),
            Ok(plan) => loaded.unreadable.push(Unreadable {
                key,
                problem: format!("it holds plan \"{}\" under another plan's key", plan.id),
            }),
            Err(problem) => loaded.unreadable.push(Unreadable {
                key,
                problem: problem.to_string(),
            }),
        }
    }
    sort_plans(&mut loaded.plans);
    loaded.unreadable.sort_unstable_by(|a, b| a.key.cmp(&b.key));
    Ok(loaded)
}

/// Whether anything at all is stored under this plan's key (readable or not).
pub fn key_taken(id: &str) -> bool {
    storage()
        .ok()
        .and_then(|s| s.get_item(&plan_key(id)).ok().flatten())
        .is_some()
}

/// Saves a plan under its own key, then reads it back: a save that did not stick is an error.
pub fn save(plan: &Plan) -> Result<(), String> {
    let storage = storage()?;
    let key = plan_key(&plan.id);
    let text = encode_plan(plan);
    if let Err(error) = storage.set_item(&key, &text) {
        return Err(if is_quota_error(&error) {
            "this browser's storage for the app is full".to_string()
        } else {
            "the browser refused to store the plan".to_string()
        });
    }
    match storage.get_item(&key) {
        Ok(Some(back)) if back == text => Ok(()),
        _ => Err(
            "the browser did not keep the plan (reading it back gave something else)".to_string(),
        ),
    }
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
