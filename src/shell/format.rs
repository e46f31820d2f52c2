//! The persisted format (see docs/plan-format.md). It is a promise to users, so it is kept apart
//! from the domain types: only this module knows the JSON shape. Reading goes through
//! `serde_json::Value` and checks every field by hand, which names the field in every message and
//! costs far fewer wasm bytes than a derived deserializer per struct (measured: about 10 KB brotli).
//!
//! Version 2 only added fields to version 1, and version 3 only added the stored entry's
//! `revision`; each has a default, and that default is the migration. A change that is not
//! additive gets a migration step in `decode_plan`.

use crate::core::model::{
    format_date, parse_date, Answer, Attendees, Block, BlockKind, Clearance, Contraindication, Day,
    Doses, KapRecord, Participants, Person, Plan, Ride, Settings, Time, MAX_BLOCKS_PER_DAY,
    MAX_DAYS, MAX_NOTES_CHARS, MAX_TEXT_CHARS, MIN_DAYS,
};
use serde_json::{json, Map, Value};
use std::collections::HashSet;
use std::fmt;

/// The version this build writes.
pub const FORMAT_VERSION: u32 = 3;
/// Each plan is stored under this prefix followed by its id.
pub const PLAN_KEY_PREFIX: &str = "intensive-planner.plan.";

// Migrations: when FORMAT_VERSION goes up, either add fields with defaults (additive), or add a
// step in `decode_plan` that rewrites the old document. Either way keep a fixture of every old
// version under tests/fixtures/ with a test that it migrates exactly.

// Limits that keep a hostile document from costing much.
pub const MAX_DOCUMENT_BYTES: usize = 1_000_000;

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

type Object = Map<String, Value>;

/// The JSON text stored for a plan at a revision. The revision counts the saves of this entry,
/// so that a tab can tell that another tab saved the plan since it last read it.
pub fn encode_stored(plan: &Plan, revision: u64) -> String {
    json!({ "format_version": FORMAT_VERSION, "revision": revision, "plan": plan_value(plan) })
        .to_string()
}

/// The JSON text of a plan document at revision 0 (share links, tests).
pub fn encode_plan(plan: &Plan) -> String {
    encode_stored(plan, 0)
}

/// The revision of a stored document this app can read (0 before version 3); `None` if it cannot
/// read the document at all.
pub fn stored_revision(text: &str) -> Option<u64> {
    let document = parse_versioned(text).ok()?;
    match document.get("revision") {
        None => Some(0),
        Some(revision) => revision.as_u64(),
    }
}

/// A plan written by a newer version of the app, read as far as this version understands it,
/// to show it read-only. `None` when even that fails.
pub fn decode_newer_plan(text: &str) -> Option<Plan> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return None;
    }
    let document: Value = serde_json::from_str(text).ok()?;
    plan_from(document.get("plan")?.as_object()?).ok()
}

/// Reads a stored plan of any known version.
pub fn decode_plan(text: &str) -> Result<Plan, DecodeError> {
    let document = parse_versioned(text)?;
    let plan = document
        .get("plan")
        .and_then(Value::as_object)
        .ok_or_else(|| DecodeError::Invalid("plan is missing".to_string()))?;
    plan_from(plan).map_err(DecodeError::Invalid)
}

/// Parses JSON text of at most `MAX_DOCUMENT_BYTES` whose `format_version` this app can read.
pub(crate) fn parse_versioned(text: &str) -> Result<Value, DecodeError> {
    parse_versioned_capped(text, MAX_DOCUMENT_BYTES)
}

pub(crate) fn parse_versioned_capped(text: &str, cap: usize) -> Result<Value, DecodeError> {
    if text.len() > cap {
        return Err(DecodeError::TooLarge(text.len()));
    }
    let document: Value =
        serde_json::from_str(text).map_err(|e| DecodeError::Json(e.to_string()))?;
    let version = document
        .get("format_version")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .filter(|v| *v >= 1)
        .ok_or(DecodeError::NoVersion)?;
    if version > FORMAT_VERSION {
        return Err(DecodeError::Newer(version));
    }
    Ok(document)
}

pub(crate) fn plan_value(plan: &Plan) -> Value {
    let mut value = json!({
        "id": plan.id,
        "title": plan.title,
        "start_date": format_date(plan.start_date),
        "day_start": plan.day_start.to_string(),
        "day_end": plan.day_end.to_string(),
        "time_zone": plan.time_zone,
        "settings": {
            "dosing_minutes": plan.settings.dosing_minutes,
            "integration_window_hours": plan.settings.integration_window_hours,
            "fasting_hours": plan.settings.fasting_hours,
            "daily_load_minutes": plan.settings.daily_load_minutes,
            "max_stretch_minutes": plan.settings.max_stretch_minutes,
            "monitors_when_both_dose": plan.settings.monitors_when_both_dose,
        },
        "kap": kap_value(&plan.kap, &plan.participants),
        "days": plan.days.iter().map(|day| json!({
            "blocks": day.blocks.iter().map(|b| json!({
                "id": b.id,
                "start": b.start.to_string(),
                "end": b.end.to_string(),
                "kind": b.kind.code(),
                "title": b.title,
                "attendees": b.attendees.code(),
                "notes": b.notes,
                "travel": b.travel,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    if let Value::Object(map) = &mut value {
        match &plan.participants {
            Participants::Couple {
                partner_a,
                partner_b,
            } => {
                map.insert("format".into(), "couples".into());
                map.insert("partner_a".into(), partner_a.as_str().into());
                map.insert("partner_b".into(), partner_b.as_str().into());
            }
            Participants::Individual { client } => {
                map.insert("format".into(), "individual".into());
                map.insert("client".into(), client.as_str().into());
            }
        }
    }
    value
}

fn kap_value(kap: &KapRecord, participants: &Participants) -> Value {
    let screening: Vec<Value> = participants
        .people()
        .iter()
        .flat_map(|person| {
            Contraindication::ALL.iter().filter_map(move |item| {
                let answer = kap.screening(*person).answer(*item);
                (answer != Answer::Unknown).then(|| {
                    json!({ "person": person.code(), "item": item.code(), "answer": answer.code() })
                })
            })
        })
        .collect();
    json!({
        "doses": kap.doses.code(),
        "screening": screening,
        "clearance": kap.clearance.as_ref().map(|c| json!({
            "date": format_date(c.date),
            "prescriber": c.prescriber,
        })),
        "rides": kap.rides.iter().map(|r| json!({
            "day": r.day + 1,
            "person": r.person.code(),
            "driver": r.driver,
        })).collect::<Vec<_>>(),
        "sober_monitors": kap.sober_monitors,
        "multiple_dosings_signed_off": kap.multiple_dosings_signed_off,
    })
}

// Reading: small checked accessors that name the field in every message. ----------------------

fn field<'a>(object: &'a Object, key: &str) -> Result<&'a Value, String> {
    object.get(key).ok_or_else(|| format!("{key} is missing"))
}

fn string<'a>(object: &'a Object, key: &str, max: usize) -> Result<&'a str, String> {
    let value = field(object, key)?
        .as_str()
        .ok_or_else(|| format!("{key} must be text"))?;
    let count = value.chars().count();
    if count > max {
        return Err(format!("{key} is {count} characters long (at most {max})"));
    }
    Ok(value)
}

/// Text that may be absent (then empty).
fn string_or_empty<'a>(object: &'a Object, key: &str, max: usize) -> Result<&'a str, String> {
    if object.get(key).is_none() {
        return Ok("");
    }
    string(object, key, max)
}

fn name(object: &Object, key: &str) -> Result<String, String> {
    let value = string(object, key, MAX_TEXT_CHARS)?;
    if value.trim().is_empty() {
        return Err(format!("{key} is empty"));
    }
    Ok(value.to_string())
}

fn number(object: &Object, key: &str, max: u64) -> Result<u64, String> {
    field(object, key)?
        .as_u64()
        .filter(|n| *n <= max)
        .ok_or_else(|| format!("{key} must be a whole number from 0 to {max}"))
}

/// A number that version 1 did not have: absent means the default.
fn number_or(object: &Object, key: &str, default: u64, max: u64) -> Result<u64, String> {
    if object.get(key).is_none() {
        return Ok(default);
    }
    number(object, key, max)
}

fn boolean_or(object: &Object, key: &str) -> Result<bool, String> {
    match object.get(key) {
        None => Ok(false),
        Some(value) => value
            .as_bool()
            .ok_or_else(|| format!("{key} must be true or false")),
    }
}

fn array<'a>(object: &'a Object, key: &str) -> Result<&'a Vec<Value>, String> {
    field(object, key)?
        .as_array()
        .ok_or_else(|| format!("{key} must be a list"))
}

fn object_in<'a>(value: &'a Value, what: &str) -> Result<&'a Object, String> {
    value
        .as_object()
        .ok_or_else(|| format!("{what} must be an object"))
}

fn time(object: &Object, key: &str) -> Result<Time, String> {
    let value = string(object, key, 5).map_err(|_| format!("{key} is not a time HH:MM"))?;
    Time::parse(value).ok_or_else(|| format!("{key} \"{}\" is not a time HH:MM", clip(value)))
}

/// At most 40 characters of a bad value, for messages.
fn clip(value: &str) -> String {
    value.chars().take(40).collect()
}

pub(crate) fn plan_from(v: &Object) -> Result<Plan, String> {
    let id = string(v, "id", 64)?;
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err("the plan id is not valid".to_string());
    }
    let format = string(v, "format", MAX_TEXT_CHARS)?;
    let participants = match format {
        "couples" => Participants::Couple {
            partner_a: name(v, "partner_a")?,
            partner_b: name(v, "partner_b")?,
        },
        "individual" => Participants::Individual {
            client: name(v, "client")?,
        },
        other => {
            return Err(format!(
                "format \"{}\" is neither couples nor individual",
                clip(other)
            ))
        }
    };
    let start = string(v, "start_date", 10)
        .map_err(|_| "start_date is not a date YYYY-MM-DD".to_string())?;
    let start_date = parse_date(start)
        .ok_or_else(|| format!("start_date \"{}\" is not a date YYYY-MM-DD", clip(start)))?;
    let years = crate::core::form::EARLIEST_YEAR..=crate::core::form::LATEST_YEAR;
    if !years.contains(&chrono::Datelike::year(&start_date)) {
        return Err(format!(
            "start_date {start} is outside the years {}–{}",
            years.start(),
            years.end()
        ));
    }
    let day_start = time(v, "day_start")?;
    let day_end = time(v, "day_end")?;
    if day_end <= day_start {
        return Err("the day ends before it starts".to_string());
    }
    let time_zone = string(v, "time_zone", 64)?;
    if !crate::core::form::plausible_time_zone(time_zone) {
        return Err(format!(
            "time_zone \"{}\" is not a time zone name",
            clip(time_zone)
        ));
    }
    let settings = settings_from(object_in(field(v, "settings")?, "settings")?)?;
    let days_in = array(v, "days")?;
    if !(MIN_DAYS..=MAX_DAYS).contains(&days_in.len()) {
        return Err(format!(
            "it has {} days (1 to 7 are allowed)",
            days_in.len()
        ));
    }
    let kap = match v.get("kap") {
        // Version 1 had no KAP records.
        None => KapRecord::default(),
        Some(kap) => kap_from(object_in(kap, "kap")?, &participants, days_in.len())?,
    };
    let mut ids = HashSet::new();
    let mut days = Vec::with_capacity(days_in.len());
    for (index, day) in days_in.iter().enumerate() {
        let blocks_in = array(object_in(day, "a day")?, "blocks")?;
        if blocks_in.len() > MAX_BLOCKS_PER_DAY {
            return Err(format!(
                "day {} has more than {MAX_BLOCKS_PER_DAY} blocks",
                index + 1
            ));
        }
        let mut blocks = Vec::with_capacity(blocks_in.len());
        for block in blocks_in {
            let b = object_in(block, "a block")?;
            let id = number(b, "id", u64::from(u32::MAX))? as u32;
            if !ids.insert(id) {
                return Err(format!("block id {id} appears twice"));
            }
            let kind = string(b, "kind", 40)?;
            let kind = BlockKind::from_code(kind)
                .ok_or_else(|| format!("block kind \"{}\" is unknown", clip(kind)))?;
            let attendees = string(b, "attendees", 40)?;
            let attendees = Attendees::from_code(attendees)
                .filter(|a| a.fits(&participants))
                .ok_or_else(|| format!("attendees \"{}\" do not fit this plan", clip(attendees)))?;
            blocks.push(Block {
                id,
                start: time(b, "start")?,
                end: time(b, "end")?,
                kind,
                title: string(b, "title", MAX_TEXT_CHARS)?.to_string(),
                attendees,
                notes: string_or_empty(b, "notes", MAX_NOTES_CHARS)?.to_string(),
                travel: boolean_or(b, "travel")?,
            });
        }
        days.push(Day { blocks });
    }
    Ok(Plan {
        id: id.to_string(),
        title: name(v, "title")?,
        participants,
        start_date,
        day_start,
        day_end,
        time_zone: time_zone.to_string(),
        settings,
        kap,
        days,
    })
}

fn settings_from(s: &Object) -> Result<Settings, String> {
    let defaults = Settings::default();
    let minutes = |key: &str| number(s, key, 24 * 60).map(|n| n as u16);
    let dosing_minutes = minutes("dosing_minutes")?;
    if dosing_minutes == 0 {
        return Err("dosing_minutes must be more than 0".to_string());
    }
    Ok(Settings {
        dosing_minutes,
        integration_window_hours: number(s, "integration_window_hours", 24 * 14)? as u16,
        fasting_hours: number(s, "fasting_hours", 24)? as u16,
        daily_load_minutes: number_or(
            s,
            "daily_load_minutes",
            defaults.daily_load_minutes.into(),
            24 * 60,
        )? as u16,
        max_stretch_minutes: number_or(
            s,
            "max_stretch_minutes",
            defaults.max_stretch_minutes.into(),
            24 * 60,
        )? as u16,
        monitors_when_both_dose: number_or(
            s,
            "monitors_when_both_dose",
            defaults.monitors_when_both_dose.into(),
            9,
        )? as u8,
    })
}

fn person(object: &Object, participants: &Participants) -> Result<Person, String> {
    let code = string(object, "person", 40)?;
    Person::from_code(code)
        .filter(|p| participants.people().contains(p))
        .ok_or_else(|| format!("person \"{}\" does not fit this plan", clip(code)))
}

fn kap_from(k: &Object, participants: &Participants, days: usize) -> Result<KapRecord, String> {
    let doses = string(k, "doses", 40)?;
    let doses = Doses::from_code(doses).ok_or_else(|| {
        format!(
            "doses \"{}\" is not partner_a, partner_b or both",
            clip(doses)
        )
    })?;
    let mut record = KapRecord {
        doses,
        sober_monitors: number(k, "sober_monitors", 9)? as u8,
        multiple_dosings_signed_off: boolean_or(k, "multiple_dosings_signed_off")?,
        ..KapRecord::default()
    };
    for entry in array(k, "screening")? {
        let entry = object_in(entry, "a screening answer")?;
        let who = person(entry, participants)?;
        let code = string(entry, "item", 40)?;
        let item = Contraindication::ALL
            .into_iter()
            .find(|c| c.code() == code)
            .ok_or_else(|| format!("screening item \"{}\" is unknown", clip(code)))?;
        let answer = string(entry, "answer", 40)?;
        let answer = Answer::from_code(answer).ok_or_else(|| {
            format!(
                "screening answer \"{}\" is not yes, no or unknown",
                clip(answer)
            )
        })?;
        match who {
            Person::PartnerB => record.screening_b.set(item, answer),
            _ => record.screening_a.set(item, answer),
        }
    }
    match field(k, "clearance")? {
        Value::Null => {}
        clearance => {
            let c = object_in(clearance, "clearance")?;
            let date = string(c, "date", 10)
                .map_err(|_| "the clearance date is not a date".to_string())?;
            record.clearance = Some(Clearance {
                date: parse_date(date)
                    .ok_or_else(|| format!("clearance date \"{}\" is not a date", clip(date)))?,
                prescriber: string(c, "prescriber", MAX_TEXT_CHARS)?.to_string(),
            });
        }
    }
    for ride in array(k, "rides")? {
        let r = object_in(ride, "a ride")?;
        let day = number(r, "day", 99)? as usize;
        if !(1..=days).contains(&day) {
            return Err(format!("a ride is on day {day}, outside the plan"));
        }
        record.rides.push(Ride {
            day: day - 1,
            person: person(r, participants)?,
            driver: string(r, "driver", MAX_TEXT_CHARS)?.to_string(),
        });
    }
    Ok(record)
}
