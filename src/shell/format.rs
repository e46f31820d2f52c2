//! The persisted format (see docs/plan-format.md). It is a promise to users, so it is kept apart
//! from the domain types: only this module knows the JSON shape. Reading goes through
//! `serde_json::Value` and checks every field by hand, which names the field in every message and
//! costs far fewer wasm bytes than a derived deserializer per struct (measured: about 10 KB brotli).
//!
//! Version 2 only added fields to version 1, version 3 only added the stored entry's `revision`,
//! version 4 added the dosing modes, four settings and the follow-up appointment, and version 5
//! the emergency plan and "yes, discussed" screening answers, and version 6 the protocol
//! profile, five settings, more screening questions, the private screen, pre-dose readings and
//! a clearance per person (a version 5 clearance becomes the clearance of each person who
//! doses), and version 7 the care team and attendees as a list of people (see `attendees_from`:
//! the one step that is not additive); each has a default, and that
//! default is the migration (a stored `both` keeps its meaning, both
//! together; a window over 72 h that an older version let through is kept and marked as chosen
//! on purpose, and the reader says so). A change that is not
//! additive gets a migration step in `decode_plan`.

use crate::core::limits::{
    capitalised, fit, plausible_plan_id, plausible_time_zone, Setting, Text, DIASTOLIC,
    EARLIEST_YEAR, FOLLOW_UP_MINUTES, LATEST_YEAR, MAX_BLOCKS_PER_DAY, MAX_BLOCK_ID, MAX_DAYS,
    MIN_BLOCK_MINUTES, MIN_DAYS, MONITORS, PLAN_ID_CHARS, PULSE, SYSTOLIC, TIME_ZONE_CHARS,
    TITLE_CHARS, USUAL_INTEGRATION_WINDOW_HOURS,
};
use crate::core::model::{
    format_date, parse_date, Answer, Attendees, Block, BlockKind, Clearance, Contraindication, Day,
    Doses, FollowUp, IdSet, KapRecord, Member, Participants, Person, Plan, Profile, Reading, Ride,
    Settings, Team, Time,
};
use crate::core::text::Lang;
use serde_json::{json, Map, Value};
use std::fmt;

/// The version this build writes.
pub const FORMAT_VERSION: u32 = 9;
/// Each plan is stored under this prefix followed by its id.
pub const PLAN_KEY_PREFIX: &str = "intensive-planner.plan.";

// Migrations: when FORMAT_VERSION goes up, either add fields with defaults (additive), or add a
// step in `decode_plan` that rewrites the old document. Either way keep a fixture of every old
// version under tests/fixtures/ with a test that it migrates exactly.

/// The largest stored document read: it keeps a hostile document from costing much, and it is
/// larger than any valid plan's document (`core::limits::PLAN_TEXT_BYTES` of text plus the
/// structure of 700 blocks; `tests/limits.rs` builds the largest valid plan to prove it).
pub const MAX_DOCUMENT_BYTES: usize = 2_000_000;

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

/// Revisions stay below 2^53, where JavaScript numbers are still exact.
const MAX_REVISION: u64 = (1 << 53) - 1;

/// The revision of a stored document this app can read (0 before version 3); `None` if it cannot
/// read the document at all. A revision that is not a whole number from 0 to 2^53 − 1 (a hand
/// edit, `-1`) reads as 0, so that the plan can still be saved (the next save writes 1).
pub fn stored_revision(text: &str) -> Option<u64> {
    let document = parse_versioned(text).ok()?;
    Some(
        document
            .get("revision")
            .and_then(Value::as_u64)
            .filter(|r| *r <= MAX_REVISION)
            .unwrap_or(0),
    )
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
    read_plan(text).map(|read| read.plan)
}

/// A plan as read, and what the reader mended so that a plan written under older, looser limits
/// (a 250-character prescriber, a block id of 4294967295) still opens as a valid plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Read {
    pub plan: Plan,
    /// One per change, said to the therapist in a sentence each (`Display`); empty when nothing
    /// was mended.
    pub mended: Vec<Mended>,
}

/// One thing the reader changed so that a plan saved under older, looser limits opens. Kept as
/// data and put into words only where it is said (the app's notice), so that readers that do
/// not say it (share links, backups) carry none of the sentences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mended {
    /// A text longer than its limit, cut to it.
    TextCut { text: Text, was: usize },
    /// A setting outside its range, brought to the nearest allowed value.
    SettingKept {
        setting: Setting,
        was: u64,
        now: u16,
    },
    /// Block ids past `MAX_BLOCK_ID`, renumbered.
    IdsRenumbered,
    /// A block on a day (from 1) ending at or before its start, given the shortest length.
    BlockTimes {
        day: usize,
        was: (Time, Time),
        now: (Time, Time),
    },
    /// A block with a blank title on a day (from 1), called by its kind.
    Untitled { day: usize, kind: BlockKind },
    /// An integration window longer than the usual, marked "Longer on purpose".
    LongerWindow { hours: u16 },
    /// A prescriber clearance dated outside the allowed years or without a prescriber, set aside.
    ClearanceSetAside {
        date: chrono::NaiveDate,
        prescriber: String,
    },
    /// A ride home on a day (from 1) with an empty driver's name, left out.
    NoDriver { day: usize },
}

impl fmt::Display for Mended {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mended::TextCut { text, was } => write!(
                f,
                "{} was {was} characters long and is cut to {}.",
                capitalised(text.what()),
                text.max_chars()
            ),
            Mended::SettingKept { setting, was, now } => {
                let range = setting.range();
                write!(
                    f,
                    "{} was {was}, outside {}–{}, and is now {now}.",
                    setting.label(),
                    range.min,
                    range.max
                )
            }
            Mended::IdsRenumbered => write!(f, "Block ids above {MAX_BLOCK_ID} were renumbered."),
            Mended::BlockTimes { day, was, now } => write!(
                f,
                "A block on day {day} ran {}–{}, ending at or before its start; it now runs {}–{}.",
                was.0, was.1, now.0, now.1
            ),
            Mended::Untitled { day, kind } => write!(
                f,
                "A block with no title on day {day} is called “{}”.",
                kind.label()
            ),
            Mended::LongerWindow { hours } => write!(
                f,
                "Integration within {hours} hours is longer than the usual {USUAL_INTEGRATION_WINDOW_HOURS}; it is kept and marked \"Longer on purpose\". Check it under Thresholds."
            ),
            Mended::ClearanceSetAside { date, prescriber } => write!(
                f,
                "The prescriber clearance dated {} by “{prescriber}” was set aside: record it again with a date between {EARLIEST_YEAR} and {LATEST_YEAR} and the prescriber's name.",
                format_date(*date)
            ),
            Mended::NoDriver { day } => {
                write!(f, "An empty driver's name for day {day} was left out.")
            }
        }
    }
}

/// Reads a stored plan of any known version, saying what was mended.
pub fn read_plan(text: &str) -> Result<Read, DecodeError> {
    let document = parse_versioned(text)?;
    let plan = document
        .get("plan")
        .and_then(Value::as_object)
        .ok_or_else(|| DecodeError::Invalid("plan is missing".to_string()))?;
    read_plan_object(plan).map_err(DecodeError::Invalid)
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
        "language": plan.language.code(),
        "couple_time_zone": plan.couple_zone,
        "team": {
            "therapist": plan.team.therapist,
            "co_therapist": plan.team.co_therapist,
            "sober_monitor": plan.team.sober_monitor,
        },
        "settings": settings_value(&plan.settings),
        "kap": kap_value(&plan.kap, &plan.participants),
        "days": plan.days.iter().map(|day| json!({
            "blocks": day.blocks.iter().map(|b| json!({
                "id": b.id,
                "start": b.start.to_string(),
                "end": b.end.to_string(),
                "kind": b.kind.code(),
                "title": b.title,
                "attendees": b.attendees.members().map(|m| m.code()).collect::<Vec<_>>(),
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

fn settings_value(settings: &Settings) -> Value {
    let mut map = Map::new();
    for setting in Setting::ALL {
        map.insert(setting.key().into(), setting.get(settings).into());
    }
    map.insert(
        "longer_window_on_purpose".into(),
        settings.longer_window_on_purpose.into(),
    );
    map.insert("profile".into(), settings.profile.code().into());
    Value::Object(map)
}

fn kap_value(kap: &KapRecord, participants: &Participants) -> Value {
    let mut screening: Vec<Value> = Vec::new();
    for person in participants.people() {
        for item in Contraindication::ALL {
            let answer = kap.screening(*person).answer(item);
            if answer != Answer::Unknown {
                screening.push(
                    json!({ "person": person.code(), "item": item.code(), "answer": answer.code() }),
                );
            }
        }
    }
    json!({
        "doses": kap.doses.code(),
        "screening": screening,
        "private_screen": participants.people().iter().filter(|_| participants.people().len() == 2).filter_map(|p| {
            let answer = kap.private_answer(*p);
            (answer != Answer::Unknown).then(|| json!({ "person": p.code(), "answer": answer.code() }))
        }).collect::<Vec<_>>(),
        "clearances": participants.people().iter().filter_map(|p| kap.clearance(*p).map(|c| json!({
            "person": p.code(),
            "date": format_date(c.date),
            "prescriber": c.prescriber,
        }))).collect::<Vec<_>>(),
        "readings": kap.readings.iter().map(|r| json!({
            "day": r.day + 1,
            "person": r.person.code(),
            "systolic": r.systolic,
            "diastolic": r.diastolic,
            "pulse": r.pulse,
        })).collect::<Vec<_>>(),
        "rides": kap.rides.iter().map(|r| json!({
            "day": r.day + 1,
            "person": r.person.code(),
            "driver": r.driver,
        })).collect::<Vec<_>>(),
        "sober_monitors": kap.sober_monitors,
        "multiple_dosings_signed_off": kap.multiple_dosings_signed_off,
        "consent": {
            "dates": participants.people().iter().filter_map(|p| kap.consent.date(*p).map(|d| json!({
                "person": p.code(),
                "date": format_date(d),
            }))).collect::<Vec<_>>(),
            "touch_agreed": kap.consent.touch_agreed,
        },
        "emergency": {
            "on_call": kap.emergency.on_call,
            "department": kap.emergency.department,
            "address": kap.emergency.address,
            "contacts": participants.people().iter().map(|p| json!({
                "person": p.code(),
                "contact": kap.emergency.contact(*p),
            })).collect::<Vec<_>>(),
        },
        "follow_up": kap.follow_up.map(|f| json!({
            "date": format_date(f.date),
            "start": f.start.to_string(),
            "minutes": f.minutes,
        })),
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

fn number(object: &Object, key: &str, max: u64) -> Result<u64, String> {
    field(object, key)?
        .as_u64()
        .filter(|n| *n <= max)
        .ok_or_else(|| format!("{key} must be a whole number from 0 to {max}"))
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

/// Reads one plan and mends what older versions let through: text longer than today's limit is
/// cut to it, a setting outside its range is brought to the nearest allowed value, a blank block
/// title becomes its kind's name, a clearance dated outside the allowed years is set aside, and
/// block ids past `MAX_BLOCK_ID` are renumbered. Each mend is said in `mended`. What is left must
/// pass `Plan::validate`, so every plan read is valid.
struct Reader {
    mended: Vec<Mended>,
}

impl Reader {
    /// A text of any length, cut to its limit (and said so).
    fn text(&mut self, object: &Object, key: &str, text: Text) -> Result<String, String> {
        let value = field(object, key)?
            .as_str()
            .ok_or_else(|| format!("{key} must be text"))?;
        let (count, max) = (value.chars().count(), text.max_chars());
        if count > max {
            self.mended.push(Mended::TextCut { text, was: count });
            return Ok(fit(value, max));
        }
        Ok(value.to_string())
    }

    /// A text that may be absent (then empty).
    fn text_or_empty(&mut self, object: &Object, key: &str, text: Text) -> Result<String, String> {
        if object.get(key).is_none() {
            return Ok(String::new());
        }
        self.text(object, key, text)
    }

    /// A name: a text that must not be blank (an older file with a blank name was never valid).
    fn name(&mut self, object: &Object, key: &str, text: Text) -> Result<String, String> {
        let value = self.text(object, key, text)?;
        if value.trim().is_empty() {
            return Err(format!("{key} is empty"));
        }
        Ok(value)
    }

    /// A setting: a whole number, brought into its range (and said so). Absent means the default:
    /// version 1 lacked the later settings.
    fn setting(
        &mut self,
        object: &Object,
        setting: Setting,
        defaults: &Settings,
    ) -> Result<u16, String> {
        let key = setting.key();
        let value = match object.get(key) {
            None if !matches!(
                setting,
                Setting::DosingMinutes | Setting::IntegrationWindowHours | Setting::FastingHours
            ) =>
            {
                return Ok(setting.get(defaults))
            }
            _ => field(object, key)?
                .as_u64()
                .ok_or_else(|| format!("{key} must be a whole number"))?,
        };
        let range = setting.range();
        let kept = range.clamp(value);
        if u64::from(kept) != value {
            self.mended.push(Mended::SettingKept {
                setting,
                was: value,
                now: kept,
            });
        }
        Ok(kept)
    }
}

/// Reads one plan object (stored entry, backup, share link), mended and validated.
pub(crate) fn read_plan_object(v: &Object) -> Result<Read, String> {
    let mut reader = Reader { mended: Vec::new() };
    let mut plan = plan_from_object(v, &mut reader)?;
    let ids_too_large = plan.blocks().any(|(_, b)| b.id > MAX_BLOCK_ID);
    if ids_too_large {
        let mut id = 0;
        for day in &mut plan.days {
            for block in &mut day.blocks {
                id += 1;
                block.id = id;
            }
        }
        reader.mended.push(Mended::IdsRenumbered);
    }
    plan.validate().map_err(|problems| {
        problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    Ok(Read {
        plan,
        mended: reader.mended,
    })
}

/// Reads one plan object, discarding what was mended (backups and links say nothing of it).
pub(crate) fn plan_from(v: &Object) -> Result<Plan, String> {
    read_plan_object(v).map(|read| read.plan)
}

fn plan_from_object(v: &Object, reader: &mut Reader) -> Result<Plan, String> {
    let id = string(v, "id", PLAN_ID_CHARS)?;
    if !plausible_plan_id(id) {
        return Err("the plan id is not valid".to_string());
    }
    let format = string(v, "format", TITLE_CHARS)?;
    let participants = match format {
        "couples" => Participants::Couple {
            partner_a: reader.name(v, "partner_a", Text::PartnerA)?,
            partner_b: reader.name(v, "partner_b", Text::PartnerB)?,
        },
        "individual" => Participants::Individual {
            client: reader.name(v, "client", Text::Client)?,
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
    if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&chrono::Datelike::year(&start_date)) {
        return Err(format!(
            "start_date {start} is outside the years {EARLIEST_YEAR}–{LATEST_YEAR}"
        ));
    }
    let day_start = time(v, "day_start")?;
    let day_end = time(v, "day_end")?;
    if day_end <= day_start {
        return Err("the day ends before it starts".to_string());
    }
    let time_zone = string(v, "time_zone", TIME_ZONE_CHARS)?;
    if !plausible_time_zone(time_zone) {
        return Err(format!(
            "time_zone \"{}\" is not a time zone name",
            clip(time_zone)
        ));
    }
    let settings = settings_from(object_in(field(v, "settings")?, "settings")?, reader)?;
    let days_in = array(v, "days")?;
    if !(MIN_DAYS..=MAX_DAYS).contains(&days_in.len()) {
        return Err(format!(
            "it has {} days ({MIN_DAYS} to {MAX_DAYS} are allowed)",
            days_in.len()
        ));
    }
    let kap = match v.get("kap") {
        // Version 1 had no KAP records, and showed "both" for who doses: it keeps that meaning.
        None => KapRecord {
            doses: Doses::Together,
            ..KapRecord::default()
        },
        Some(kap) => kap_from(object_in(kap, "kap")?, &participants, days_in.len(), reader)?,
    };
    let language = match v.get("language") {
        // New in version 8; before it, the couple read English.
        None => Lang::En,
        Some(_) => {
            let code = string(v, "language", 8)?;
            Lang::from_code(code)
                .ok_or_else(|| format!("language \"{}\" is unknown", clip(code)))?
        }
    };
    let couple_zone = match v.get("couple_time_zone") {
        // New in version 9; before it, only the device's zone was used.
        None | Some(Value::Null) => None,
        Some(_) => {
            let zone = string(v, "couple_time_zone", TIME_ZONE_CHARS)?;
            if !plausible_time_zone(zone) {
                return Err(format!(
                    "couple_time_zone \"{}\" is not a time zone name",
                    clip(zone)
                ));
            }
            Some(zone.to_string())
        }
    };
    let team = match v.get("team") {
        // New in version 7; before it, the therapist was there unnamed.
        None => Team::default(),
        Some(team) => {
            let t = object_in(team, "team")?;
            Team {
                therapist: reader.text_or_empty(t, "therapist", Text::TeamName)?,
                co_therapist: reader.text_or_empty(t, "co_therapist", Text::TeamName)?,
                sober_monitor: reader.text_or_empty(t, "sober_monitor", Text::TeamName)?,
            }
        }
    };
    let mut ids = IdSet::default();
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
            let attendees = attendees_from(b, kind)?;
            if !attendees.fits(&participants, &team) {
                return Err(format!(
                    "the attendees of a block on day {} do not fit this plan",
                    index + 1
                ));
            }
            let mut start = time(b, "start")?;
            let mut end = time(b, "end")?;
            if end <= start {
                // Earlier versions read such a block and let the checker flag it; it now gets
                // the shortest length, so that the plan still opens (and says so).
                let (was_start, was_end) = (start, end);
                end = start.plus(MIN_BLOCK_MINUTES).unwrap_or(Time::END_OF_DAY);
                start = Time::from_minutes(end.minutes() - MIN_BLOCK_MINUTES).unwrap_or(start);
                reader.mended.push(Mended::BlockTimes {
                    day: index + 1,
                    was: (was_start, was_end),
                    now: (start, end),
                });
            }
            let mut title = reader.text(b, "title", Text::BlockTitle)?;
            if title.trim().is_empty() {
                reader.mended.push(Mended::Untitled {
                    day: index + 1,
                    kind,
                });
                title = kind.label().to_string();
            }
            blocks.push(Block {
                id,
                start,
                end,
                kind,
                title,
                attendees,
                notes: reader.text_or_empty(b, "notes", Text::Notes)?,
                travel: boolean_or(b, "travel")?,
            });
        }
        days.push(Day { blocks });
    }
    Ok(Plan {
        id: id.to_string(),
        title: reader.name(v, "title", Text::PlanTitle)?,
        participants,
        team,
        start_date,
        day_start,
        day_end,
        time_zone: time_zone.to_string(),
        language,
        couple_zone,
        settings,
        kap,
        days,
    })
}

/// A block's attendees: a list of members (version 7), or before it one code for the clients,
/// to which the therapist is added in every block but a break, a meal or rest.
fn attendees_from(b: &Object, kind: BlockKind) -> Result<Attendees, String> {
    let member = |code: &str| {
        Member::from_code(code).ok_or_else(|| format!("attendee \"{}\" is unknown", clip(code)))
    };
    match field(b, "attendees")? {
        Value::String(code) => {
            let clients = match code.as_str() {
                "both" => Attendees::of(&[Member::PartnerA, Member::PartnerB]),
                code => Attendees::of(&[member(code)?]).clients(),
            };
            Ok(Attendees::usual(kind, clients))
        }
        Value::Array(codes) if codes.len() <= Member::ALL.len() => {
            codes.iter().try_fold(Attendees::NONE, |set, code| {
                let code = code.as_str().ok_or("attendees must be text")?;
                Ok(set.with(member(code)?))
            })
        }
        _ => Err("attendees must be a list of people".to_string()),
    }
}

fn settings_from(s: &Object, reader: &mut Reader) -> Result<Settings, String> {
    let defaults = Settings::default();
    let mut settings = defaults;
    for setting in Setting::ALL {
        let value = reader.setting(s, setting, &defaults)?;
        setting.set(&mut settings, value);
    }
    settings.longer_window_on_purpose = boolean_or(s, "longer_window_on_purpose")?;
    settings.profile = match s.get("profile") {
        // Before version 6: the profile whose values these are, if any.
        None => settings.matching_profile(),
        Some(code) => code
            .as_str()
            .and_then(Profile::from_code)
            .ok_or("profile is not in_office, spravato_like or custom")?,
    };
    // A file whose values were changed by hand keeps them, as its own.
    settings.profile = settings.checked_profile();
    if settings.integration_window_hours > USUAL_INTEGRATION_WINDOW_HOURS
        && !settings.longer_window_on_purpose
    {
        // Versions before 4 took up to two weeks without asking: keep the therapist's number.
        settings.longer_window_on_purpose = true;
        reader.mended.push(Mended::LongerWindow {
            hours: settings.integration_window_hours,
        });
    }
    Ok(settings)
}

fn person(object: &Object, participants: &Participants) -> Result<Person, String> {
    let code = string(object, "person", 40)?;
    Person::from_code(code)
        .filter(|p| participants.people().contains(p))
        .ok_or_else(|| format!("person \"{}\" does not fit this plan", clip(code)))
}

/// A whole number in a range (a reading's value).
fn in_range(object: &Object, key: &str, range: crate::core::limits::Range) -> Result<u16, String> {
    number(object, key, u64::from(range.max))
        .ok()
        .map(|n| n as u16)
        .filter(|n| range.contains(*n))
        .ok_or_else(|| format!("a reading's {key} must be {} to {}", range.min, range.max))
}

/// One clearance, for these people. One dated outside the allowed years, or without a
/// prescriber, is set aside and said so.
#[inline(never)]
fn clearance_from(
    c: &Object,
    people: &[Person],
    record: &mut KapRecord,
    reader: &mut Reader,
) -> Result<(), String> {
    let date = string(c, "date", 10).map_err(|_| "the clearance date is not a date".to_string())?;
    let date = parse_date(date)
        .ok_or_else(|| format!("clearance date \"{}\" is not a date", clip(date)))?;
    let prescriber = reader.text(c, "prescriber", Text::Prescriber)?;
    let year = chrono::Datelike::year(&date);
    if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&year) || prescriber.trim().is_empty() {
        // Older versions took any year (Safari's split date field turns 2027 into 0005)
        // and any prescriber: say what it was, so that it can be recorded again.
        reader
            .mended
            .push(Mended::ClearanceSetAside { date, prescriber });
        return Ok(());
    }
    for person in people {
        *record.clearance_mut(*person) = Some(Clearance {
            date,
            prescriber: prescriber.clone(),
        });
    }
    Ok(())
}

fn kap_from(
    k: &Object,
    participants: &Participants,
    days: usize,
    reader: &mut Reader,
) -> Result<KapRecord, String> {
    let doses = string(k, "doses", 40)?;
    let doses = Doses::from_code(doses).ok_or_else(|| {
        format!(
            "doses \"{}\" is not not_chosen, partner_a, partner_b, both or both_staggered",
            clip(doses)
        )
    })?;
    let mut record = KapRecord {
        doses,
        sober_monitors: number(k, "sober_monitors", u64::from(MONITORS.max))? as u8,
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
                "screening answer \"{}\" is not yes, yes_discussed, no or unknown",
                clip(answer)
            )
        })?;
        match who {
            Person::PartnerB => record.screening_b.set(item, answer),
            _ => record.screening_a.set(item, answer),
        }
    }
    // Version 6 keeps a clearance per person; an earlier single clearance becomes the
    // clearance of each person who doses.
    if let Some(list) = k.get("clearances") {
        for entry in list.as_array().ok_or("clearances must be a list")? {
            let c = object_in(entry, "a clearance")?;
            let who = person(c, participants)?;
            clearance_from(c, &[who], &mut record, reader)?;
        }
    } else if let Some(one) = k.get("clearance").filter(|c| !c.is_null()) {
        let dosers = record.dosers(participants);
        clearance_from(object_in(one, "clearance")?, &dosers, &mut record, reader)?;
    }
    if let Some(list) = k.get("private_screen") {
        for entry in list.as_array().ok_or("private_screen must be a list")? {
            let e = object_in(entry, "a private screen answer")?;
            let who = person(e, participants)?;
            let answer = string(e, "answer", 40)?;
            *record.private_mut(who) = Answer::from_code(answer).ok_or_else(|| {
                format!("private screen answer \"{}\" is not known", clip(answer))
            })?;
        }
    }
    if let Some(list) = k.get("readings") {
        for entry in list.as_array().ok_or("readings must be a list")? {
            let r = object_in(entry, "a reading")?;
            let day = number(r, "day", 99)? as usize;
            if !(1..=days).contains(&day) {
                return Err(format!("a reading is on day {day}, outside the plan"));
            }
            let person = person(r, participants)?;
            let reading = Reading {
                day: day - 1,
                person,
                systolic: in_range(r, "systolic", SYSTOLIC)?,
                diastolic: in_range(r, "diastolic", DIASTOLIC)?,
                pulse: in_range(r, "pulse", PULSE)?,
            };
            record
                .readings
                .retain(|o| (o.day, o.person) != (reading.day, reading.person));
            record.readings.push(reading);
        }
    }
    if let Some(consent) = k.get("consent") {
        // New in version 5; absent before: unknown.
        let c = object_in(consent, "consent")?;
        for entry in array(c, "dates")? {
            let e = object_in(entry, "a consent date")?;
            let who = person(e, participants)?;
            let date = string(e, "date", 10)?;
            let date = parse_date(date)
                .ok_or_else(|| format!("consent date \"{}\" is not a date", clip(date)))?;
            *record.consent.date_mut(who) = Some(date);
        }
        record.consent.touch_agreed = boolean_or(c, "touch_agreed")?;
    }
    if let Some(emergency) = k.get("emergency") {
        // New in version 5; absent before, and then empty.
        let e = object_in(emergency, "emergency")?;
        record.emergency.on_call = reader.text(e, "on_call", Text::Emergency)?;
        record.emergency.department = reader.text(e, "department", Text::Emergency)?;
        record.emergency.address = reader.text(e, "address", Text::Emergency)?;
        for entry in array(e, "contacts")? {
            let c = object_in(entry, "an emergency contact")?;
            let who = person(c, participants)?;
            *record.emergency.contact_mut(who) = reader.text(c, "contact", Text::Emergency)?;
        }
    }
    match k.get("follow_up") {
        None | Some(Value::Null) => {}
        Some(follow_up) => {
            let f = object_in(follow_up, "follow_up")?;
            let date = string(f, "date", 10)?;
            let date = parse_date(date)
                .ok_or_else(|| format!("follow-up date \"{}\" is not a date", clip(date)))?;
            let start = string(f, "start", 5)?;
            let start = Time::parse(start)
                .ok_or_else(|| format!("follow-up start \"{}\" is not a time", clip(start)))?;
            let minutes = number(f, "minutes", u64::from(FOLLOW_UP_MINUTES.max))? as u16;
            record.follow_up = Some(FollowUp {
                date,
                start,
                minutes,
            });
        }
    }
    for ride in array(k, "rides")? {
        let r = object_in(ride, "a ride")?;
        let day = number(r, "day", 99)? as usize;
        if !(1..=days).contains(&day) {
            return Err(format!("a ride is on day {day}, outside the plan"));
        }
        let person = person(r, participants)?;
        let driver = reader.text(r, "driver", Text::Driver)?;
        if driver.trim().is_empty() {
            reader.mended.push(Mended::NoDriver { day });
            continue;
        }
        record.rides.push(Ride {
            day: day - 1,
            person,
            driver,
        });
    }
    Ok(record)
}
