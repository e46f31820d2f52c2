//! Backup files: every plan (or one) in the stored format, and a careful import. Importing
//! first reads and checks the whole file (all or nothing), then says what would be added or
//! replaced; nothing is changed until the user chooses, and nothing is overwritten unasked.

use super::format::{parse_versioned_capped, plan_from, plan_value, DecodeError, FORMAT_VERSION};
use crate::core::model::{fit_title, Plan};
use serde_json::{json, Value};

/// A backup may hold many plans: at most this many plans, and at most what localStorage can hold
/// for a site in every major browser (about 5 MB), which is checked before the file is parsed.
pub const MAX_BACKUP_BYTES: usize = 5_000_000;
pub const MAX_BACKUP_PLANS: usize = 500;

/// A stored entry this version could not read (damaged, or from a newer version), carried in a
/// backup as the exact text stored, so that a backup holds everything the browser holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawEntry {
    pub key: String,
    pub problem: String,
    pub text: String,
}

/// The backup file for these plans, and the raw text of entries this version cannot read
/// (`unreadable`, omitted when there are none). Importing reads `plans` only.
pub fn export(plans: &[Plan], unreadable: &[RawEntry], exported_at: &str) -> String {
    let mut document = json!({
        "format_version": FORMAT_VERSION,
        "exported_at": exported_at,
        "plans": plans.iter().map(plan_value).collect::<Vec<_>>(),
    });
    if let (false, Value::Object(map)) = (unreadable.is_empty(), &mut document) {
        map.insert(
            "unreadable".into(),
            unreadable
                .iter()
                .map(|e| json!({ "key": e.key, "problem": e.problem, "text": e.text }))
                .collect(),
        );
    }
    document.to_string()
}

/// The raw entries a backup carries (see `export`); entries that are not well formed are left out.
pub fn raw_entries(text: &str) -> Vec<RawEntry> {
    let Ok(document) = parse_versioned_capped(text, MAX_BACKUP_BYTES) else {
        return Vec::new();
    };
    let text_of =
        |entry: &Value, key: &str| entry.get(key).and_then(Value::as_str).map(String::from);
    document
        .get("unreadable")
        .and_then(Value::as_array)
        .map(|entries| {
            entries
                .iter()
                .filter_map(|e| {
                    Some(RawEntry {
                        key: text_of(e, "key")?,
                        problem: text_of(e, "problem")?,
                        text: text_of(e, "text")?,
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Reads a backup file (or a single stored plan document). Any bad plan refuses the whole file,
/// naming the plan and the problem.
pub fn read_backup(text: &str) -> Result<Vec<Plan>, DecodeError> {
    let document = parse_versioned_capped(text, MAX_BACKUP_BYTES)?;
    let plans: Vec<&Value> = match (document.get("plans"), document.get("plan")) {
        (Some(Value::Array(plans)), _) => plans.iter().collect(),
        (None, Some(plan)) => vec![plan],
        _ => {
            return Err(DecodeError::Invalid(
                "there is no list of plans in it".to_string(),
            ))
        }
    };
    if plans.len() > MAX_BACKUP_PLANS {
        return Err(DecodeError::Invalid(format!(
            "it holds {} plans (at most {MAX_BACKUP_PLANS})",
            plans.len()
        )));
    }
    let mut out: Vec<Plan> = Vec::with_capacity(plans.len());
    for (index, plan) in plans.into_iter().enumerate() {
        let object = plan
            .as_object()
            .ok_or_else(|| DecodeError::Invalid(format!("plan {} is not an object", index + 1)))?;
        let plan = plan_from(object).map_err(|problem| {
            let title = object
                .get("title")
                .and_then(Value::as_str)
                .unwrap_or("untitled");
            let title: String = title.chars().take(60).collect();
            DecodeError::Invalid(format!("plan {} (\"{title}\"): {problem}", index + 1))
        })?;
        if out.iter().any(|p| p.id == plan.id) {
            return Err(DecodeError::Invalid(format!(
                "plan {} has the same id as an earlier plan in the file",
                index + 1
            )));
        }
        out.push(plan);
    }
    Ok(out)
}

/// What importing a plan would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// No plan with this id exists here.
    Add,
    /// A plan with this id exists and is identical.
    Unchanged,
    /// A plan with this id exists and differs: ask before replacing.
    Conflict { existing_title: String },
}

/// For each incoming plan, what importing it would do.
pub fn analyse(existing: &[Plan], incoming: &[Plan]) -> Vec<Effect> {
    incoming
        .iter()
        .map(|plan| match existing.iter().find(|p| p.id == plan.id) {
            None => Effect::Add,
            Some(same) if same == plan => Effect::Unchanged,
            Some(other) => Effect::Conflict {
                existing_title: other.title.clone(),
            },
        })
        .collect()
}

/// The user's answer for a conflicting plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Keep what is here; do not import this one.
    Skip,
    /// Replace the plan here with the imported one.
    Replace,
    /// Keep both: the imported plan becomes a copy with a new id.
    KeepBoth,
}

/// The plans to save after an import: additions, chosen replacements and copies. `choices` is
/// read for conflicts only (missing means Skip); `fresh_id` gives ids for copies.
pub fn plans_to_save(
    existing: &[Plan],
    incoming: Vec<Plan>,
    choices: &[Choice],
    mut fresh_id: impl FnMut() -> String,
) -> Vec<Plan> {
    let effects = analyse(existing, &incoming);
    let mut out = Vec::new();
    for (index, (mut plan, effect)) in incoming.into_iter().zip(effects).enumerate() {
        match effect {
            Effect::Add => out.push(plan),
            Effect::Unchanged => {}
            Effect::Conflict { .. } => match choices.get(index).copied().unwrap_or(Choice::Skip) {
                Choice::Skip => {}
                Choice::Replace => out.push(plan),
                Choice::KeepBoth => {
                    plan.id = fresh_id();
                    plan.title = fit_title(format!("{} (imported)", plan.title));
                    out.push(plan);
                }
            },
        }
    }
    out
}
