//! The persisted format (see docs/plan-format.md). It is a promise to users, so it is kept apart
//! from the domain types: these `*V1` structs mirror the JSON field by field, and conversion to
//! the domain validates everything. Older versions are migrated forward step by step.

use crate::core::model::{
    format_date, parse_date, Attendees, Block, BlockKind, Day, Participants, Plan, Settings, Time,
    MAX_DAYS, MIN_DAYS,
};
use serde::{Deserialize, Serialize};
use serde_json::error::Category;
use std::collections::HashSet;
use std::fmt;

/// The version this build writes.
pub const FORMAT_VERSION: u32 = 1;
/// Each plan is stored under this prefix followed by its id.
pub const PLAN_KEY_PREFIX: &str = "intensive-planner.plan.";

// Migrations: when FORMAT_VERSION goes up, keep the old `*V1` structs, add the new ones, and add
// a step in `decode_plan` plus a fixture under tests/fixtures/ for the old version.

// Limits that keep a hostile document from costing much.
pub const MAX_DOCUMENT_BYTES: usize = 1_000_000;
pub const MAX_TEXT_CHARS: usize = 200;
pub const MAX_NOTES_CHARS: usize = 10_000;
pub const MAX_BLOCKS_PER_DAY: usize = 100;

pub fn plan_key(id: &str) -> String {
    format!("{PLAN_KEY_PREFIX}{id}")
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    TooLarge(usize),
    /// Not JSON at all (corrupt or cut off).
    Json(String),
    /// JSON, but without a usable `format_version`.
    NoVersion,
    /// Written by a newer version of the app.
    Newer(u32),
    /// Well-formed JSON of a known version whose content is not a valid plan.
    Invalid(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::TooLarge(n) => write!(f, "it is too large ({n} bytes)"),
            DecodeError::Json(e) => write!(f, "it is not valid JSON ({e})"),
            DecodeError::NoVersion => write!(f, "it has no format version"),
            DecodeError::Newer(v) => write!(
                f,
                "it was written by a newer version of Intensive Planner (format {v}; this one reads up to {FORMAT_VERSION})"
            ),
            DecodeError::Invalid(e) => write!(f, "it is not a valid plan: {e}"),
        }
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct StoredPlanV1 {
    pub format_version: u32,
    pub plan: PlanV1,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct PlanV1 {
    pub id: String,
    pub title: String,
    /// "couples" or "individual".
    pub format: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_a: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_b: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    pub start_date: String,
    pub day_start: String,
    pub day_end: String,
    pub time_zone: String,
    pub settings: SettingsV1,
    pub days: Vec<DayV1>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SettingsV1 {
    pub dosing_minutes: u16,
    pub integration_window_hours: u16,
    pub fasting_hours: u16,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct DayV1 {
    pub blocks: Vec<BlockV1>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct BlockV1 {
    pub id: u32,
    pub start: String,
    pub end: String,
    pub kind: String,
    pub title: String,
    pub attendees: String,
    #[serde(default)]
    pub notes: String,
}

/// The document stored for a plan.
pub fn stored(plan: &Plan) -> StoredPlanV1 {
    StoredPlanV1 {
        format_version: FORMAT_VERSION,
        plan: to_v1(plan),
    }
}

/// The JSON text stored for a plan.
pub fn encode_plan(plan: &Plan) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string(&stored(plan)).unwrap_or_default()
}

/// Only the version, read before anything else.
#[derive(Deserialize)]
struct Head {
    format_version: Option<u64>,
}

/// Reads a stored plan of any known version.
pub fn decode_plan(text: &str) -> Result<Plan, DecodeError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(DecodeError::TooLarge(text.len()));
    }
    if !text.trim_start().starts_with('{') {
        // Valid JSON of another shape has no version; anything else is not JSON.
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Ok(_) => DecodeError::NoVersion,
            Err(e) => DecodeError::Json(e.to_string()),
        });
    }
    let head: Head = serde_json::from_str(text).map_err(|e| match e.classify() {
        Category::Data => DecodeError::NoVersion,
        _ => DecodeError::Json(e.to_string()),
    })?;
    let version = head
        .format_version
        .and_then(|v| u32::try_from(v).ok())
        .filter(|v| *v >= 1)
        .ok_or(DecodeError::NoVersion)?;
    if version > FORMAT_VERSION {
        return Err(DecodeError::Newer(version));
    }
    // Each older version is read with its own structs and migrated forward one step at a time,
    // e.g. `1 => migrate_v1_to_v2(from_str::<StoredPlanV1>(text)?)`, once version 2 exists.
    let stored: StoredPlanV1 =
        serde_json::from_str(text).map_err(|e| DecodeError::Invalid(e.to_string()))?;
    from_v1(stored.plan).map_err(DecodeError::Invalid)
}

pub fn to_v1(plan: &Plan) -> PlanV1 {
    let (format, partner_a, partner_b, client) = match &plan.participants {
        Participants::Couple {
            partner_a,
            partner_b,
        } => (
            "couples",
            Some(partner_a.clone()),
            Some(partner_b.clone()),
            None,
        ),
        Participants::Individual { client } => ("individual", None, None, Some(client.clone())),
    };
    PlanV1 {
        id: plan.id.clone(),
        title: plan.title.clone(),
        format: format.to_string(),
        partner_a,
        partner_b,
        client,
        start_date: format_date(plan.start_date),
        day_start: plan.day_start.to_string(),
        day_end: plan.day_end.to_string(),
        time_zone: plan.time_zone.clone(),
        settings: SettingsV1 {
            dosing_minutes: plan.settings.dosing_minutes,
            integration_window_hours: plan.settings.integration_window_hours,
            fasting_hours: plan.settings.fasting_hours,
        },
        days: plan
            .days
            .iter()
            .map(|day| DayV1 {
                blocks: day
                    .blocks
                    .iter()
                    .map(|b| BlockV1 {
                        id: b.id,
                        start: b.start.to_string(),
                        end: b.end.to_string(),
                        kind: b.kind.code().to_string(),
                        title: b.title.clone(),
                        attendees: b.attendees.code().to_string(),
                        notes: b.notes.clone(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn text(field: &str, value: String, max: usize) -> Result<String, String> {
    let count = value.chars().count();
    if count > max {
        return Err(format!(
            "{field} is {count} characters long (at most {max})"
        ));
    }
    Ok(value)
}

fn name(field: &str, value: Option<String>) -> Result<String, String> {
    let value = value.ok_or_else(|| format!("{field} is missing"))?;
    if value.trim().is_empty() {
        return Err(format!("{field} is empty"));
    }
    text(field, value, MAX_TEXT_CHARS)
}

fn time(field: &str, value: &str) -> Result<Time, String> {
    Time::parse(value).ok_or_else(|| format!("{field} \"{}\" is not a time HH:MM", clip(value)))
}

/// At most 40 characters of a bad value, for messages.
fn clip(value: &str) -> String {
    value.chars().take(40).collect()
}

pub fn from_v1(v: PlanV1) -> Result<Plan, String> {
    if v.id.is_empty()
        || v.id.len() > 64
        || !v.id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err("the plan id is not valid".to_string());
    }
    let participants = match v.format.as_str() {
        "couples" => Participants::Couple {
            partner_a: name("partner_a", v.partner_a)?,
            partner_b: name("partner_b", v.partner_b)?,
        },
        "individual" => Participants::Individual {
            client: name("client", v.client)?,
        },
        other => {
            return Err(format!(
                "format \"{}\" is neither couples nor individual",
                clip(other)
            ))
        }
    };
    let start_date = parse_date(&v.start_date).ok_or_else(|| {
        format!(
            "start_date \"{}\" is not a date YYYY-MM-DD",
            clip(&v.start_date)
        )
    })?;
    let day_start = time("day_start", &v.day_start)?;
    let day_end = time("day_end", &v.day_end)?;
    if day_end <= day_start {
        return Err("the day ends before it starts".to_string());
    }
    if !crate::core::form::plausible_time_zone(&v.time_zone) {
        return Err(format!(
            "time_zone \"{}\" is not a time zone name",
            clip(&v.time_zone)
        ));
    }
    if !(MIN_DAYS..=MAX_DAYS).contains(&v.days.len()) {
        return Err(format!("it has {} days (1 to 7 are allowed)", v.days.len()));
    }
    let settings = Settings {
        dosing_minutes: v.settings.dosing_minutes,
        integration_window_hours: v.settings.integration_window_hours,
        fasting_hours: v.settings.fasting_hours,
    };
    if settings.dosing_minutes == 0 || settings.dosing_minutes > 24 * 60 {
        return Err("dosing_minutes is out of range".to_string());
    }
    let mut ids = HashSet::new();
    let mut days = Vec::with_capacity(v.days.len());
    for (index, day) in v.days.into_iter().enumerate() {
        if day.blocks.len() > MAX_BLOCKS_PER_DAY {
            return Err(format!(
                "day {} has more than {MAX_BLOCKS_PER_DAY} blocks",
                index + 1
            ));
        }
        let mut blocks = Vec::with_capacity(day.blocks.len());
        for b in day.blocks {
            if !ids.insert(b.id) {
                return Err(format!("block id {} appears twice", b.id));
            }
            let kind = BlockKind::from_code(&b.kind)
                .ok_or_else(|| format!("block kind \"{}\" is unknown", clip(&b.kind)))?;
            let attendees = Attendees::from_code(&b.attendees)
                .filter(|a| a.fits(&participants))
                .ok_or_else(|| {
                    format!("attendees \"{}\" do not fit this plan", clip(&b.attendees))
                })?;
            blocks.push(Block {
                id: b.id,
                start: time("start", &b.start)?,
                end: time("end", &b.end)?,
                kind,
                title: text("a block title", b.title, MAX_TEXT_CHARS)?,
                attendees,
                notes: text("notes", b.notes, MAX_NOTES_CHARS)?,
            });
        }
        days.push(Day { blocks });
    }
    Ok(Plan {
        id: v.id,
        title: name("title", Some(v.title))?,
        participants,
        start_date,
        day_start,
        day_end,
        time_zone: v.time_zone,
        settings,
        days,
    })
}
