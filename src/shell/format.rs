//! The persisted format (see docs/plan-format.md). It is a promise to users, so it is kept apart
//! from the domain types: the `*V2` structs mirror the current JSON field by field, and conversion
//! to the domain validates everything. Older versions keep their own structs (`v1`) and are
//! migrated forward one step at a time.

use crate::core::model::{
    format_date, parse_date, Answer, Attendees, Block, BlockKind, Clearance, Contraindication, Day,
    Doses, KapRecord, Participants, Person, Plan, Ride, Screening, Settings, Time, MAX_DAYS,
    MIN_DAYS,
};
use serde::{Deserialize, Serialize};
use serde_json::error::Category;
use std::collections::BTreeMap;
use std::collections::HashSet;
use std::fmt;

/// The version this build writes.
pub const FORMAT_VERSION: u32 = 2;
/// Each plan is stored under this prefix followed by its id.
pub const PLAN_KEY_PREFIX: &str = "intensive-planner.plan.";

// Migrations: when FORMAT_VERSION goes up, move the current structs into a module of their own
// (as `v1` is), add the new ones, add a step in `decode_plan`, and keep a fixture of the old
// version under tests/fixtures/ with a test that it migrates exactly.

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

/// Version 1 (Intensive Planner 0.1): no KAP records, no travel flag, three settings.
pub mod v1 {
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct StoredPlan {
        pub format_version: u32,
        pub plan: Plan,
    }

    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct Plan {
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
        pub settings: Settings,
        pub days: Vec<Day>,
    }

    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct Settings {
        pub dosing_minutes: u16,
        pub integration_window_hours: u16,
        pub fasting_hours: u16,
    }

    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct Day {
        pub blocks: Vec<Block>,
    }

    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct Block {
        pub id: u32,
        pub start: String,
        pub end: String,
        pub kind: String,
        pub title: String,
        pub attendees: String,
        #[serde(default)]
        pub notes: String,
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct StoredPlanV2 {
    pub format_version: u32,
    pub plan: PlanV2,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct PlanV2 {
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
    pub settings: SettingsV2,
    pub kap: KapV2,
    pub days: Vec<DayV2>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SettingsV2 {
    pub dosing_minutes: u16,
    pub integration_window_hours: u16,
    pub fasting_hours: u16,
    pub daily_load_minutes: u16,
    pub max_stretch_minutes: u16,
    pub monitors_when_both_dose: u8,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct KapV2 {
    /// "partner_a", "partner_b" or "both" (couples; ignored for an individual).
    pub doses: String,
    /// Answers by person ("partner_a", "partner_b", "client"), then by contraindication code.
    pub screening: BTreeMap<String, BTreeMap<String, String>>,
    pub clearance: Option<ClearanceV2>,
    pub rides: Vec<RideV2>,
    pub sober_monitors: u8,
    pub multiple_dosings_signed_off: bool,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct ClearanceV2 {
    pub date: String,
    pub prescriber: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct RideV2 {
    /// 1-based day number.
    pub day: usize,
    pub person: String,
    pub driver: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct DayV2 {
    pub blocks: Vec<BlockV2>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct BlockV2 {
    pub id: u32,
    pub start: String,
    pub end: String,
    pub kind: String,
    pub title: String,
    pub attendees: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub travel: bool,
}

/// Version 1 to 2: the new settings take their defaults, KAP records start empty (both partners
/// dose, every screening answer unknown), and no block requires travel.
pub fn migrate_v1(old: v1::StoredPlan) -> StoredPlanV2 {
    let p = old.plan;
    let defaults = Settings::default();
    StoredPlanV2 {
        format_version: 2,
        plan: PlanV2 {
            id: p.id,
            title: p.title,
            format: p.format,
            partner_a: p.partner_a,
            partner_b: p.partner_b,
            client: p.client,
            start_date: p.start_date,
            day_start: p.day_start,
            day_end: p.day_end,
            time_zone: p.time_zone,
            settings: SettingsV2 {
                dosing_minutes: p.settings.dosing_minutes,
                integration_window_hours: p.settings.integration_window_hours,
                fasting_hours: p.settings.fasting_hours,
                daily_load_minutes: defaults.daily_load_minutes,
                max_stretch_minutes: defaults.max_stretch_minutes,
                monitors_when_both_dose: defaults.monitors_when_both_dose,
            },
            kap: KapV2 {
                doses: "both".to_string(),
                ..KapV2::default()
            },
            days: p
                .days
                .into_iter()
                .map(|day| DayV2 {
                    blocks: day
                        .blocks
                        .into_iter()
                        .map(|b| BlockV2 {
                            id: b.id,
                            start: b.start,
                            end: b.end,
                            kind: b.kind,
                            title: b.title,
                            attendees: b.attendees,
                            notes: b.notes,
                            travel: false,
                        })
                        .collect(),
                })
                .collect(),
        },
    }
}

/// The document stored for a plan.
pub fn stored(plan: &Plan) -> StoredPlanV2 {
    StoredPlanV2 {
        format_version: FORMAT_VERSION,
        plan: to_v2(plan),
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
    let invalid = |e: serde_json::Error| DecodeError::Invalid(e.to_string());
    // Each older version is read with its own structs and migrated one step at a time.
    let stored: StoredPlanV2 = match version {
        1 => migrate_v1(serde_json::from_str(text).map_err(invalid)?),
        _ => serde_json::from_str(text).map_err(invalid)?,
    };
    from_v2(stored.plan).map_err(DecodeError::Invalid)
}

pub fn to_v2(plan: &Plan) -> PlanV2 {
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
    PlanV2 {
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
        settings: SettingsV2 {
            dosing_minutes: plan.settings.dosing_minutes,
            integration_window_hours: plan.settings.integration_window_hours,
            fasting_hours: plan.settings.fasting_hours,
            daily_load_minutes: plan.settings.daily_load_minutes,
            max_stretch_minutes: plan.settings.max_stretch_minutes,
            monitors_when_both_dose: plan.settings.monitors_when_both_dose,
        },
        kap: kap_to_v2(&plan.kap, &plan.participants),
        days: plan
            .days
            .iter()
            .map(|day| DayV2 {
                blocks: day
                    .blocks
                    .iter()
                    .map(|b| BlockV2 {
                        id: b.id,
                        start: b.start.to_string(),
                        end: b.end.to_string(),
                        kind: b.kind.code().to_string(),
                        title: b.title.clone(),
                        attendees: b.attendees.code().to_string(),
                        notes: b.notes.clone(),
                        travel: b.travel,
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn people(participants: &Participants) -> &'static [Person] {
    match participants {
        Participants::Couple { .. } => &[Person::PartnerA, Person::PartnerB],
        Participants::Individual { .. } => &[Person::Client],
    }
}

fn kap_to_v2(kap: &KapRecord, participants: &Participants) -> KapV2 {
    KapV2 {
        doses: kap.doses.code().to_string(),
        screening: people(participants)
            .iter()
            .map(|person| {
                let answers = Contraindication::ALL
                    .iter()
                    .map(|item| {
                        let answer = kap.screening(*person).answer(*item);
                        (item.code().to_string(), answer.code().to_string())
                    })
                    .collect();
                (person.code().to_string(), answers)
            })
            .collect(),
        clearance: kap.clearance.as_ref().map(|c| ClearanceV2 {
            date: format_date(c.date),
            prescriber: c.prescriber.clone(),
        }),
        rides: kap
            .rides
            .iter()
            .map(|r| RideV2 {
                day: r.day + 1,
                person: r.person.code().to_string(),
                driver: r.driver.clone(),
            })
            .collect(),
        sober_monitors: kap.sober_monitors,
        multiple_dosings_signed_off: kap.multiple_dosings_signed_off,
    }
}

fn kap_from_v2(v: KapV2, participants: &Participants, days: usize) -> Result<KapRecord, String> {
    let doses = Doses::from_code(&v.doses).ok_or_else(|| {
        format!(
            "doses \"{}\" is not partner_a, partner_b or both",
            clip(&v.doses)
        )
    })?;
    let mut record = KapRecord {
        doses,
        sober_monitors: v.sober_monitors,
        multiple_dosings_signed_off: v.multiple_dosings_signed_off,
        ..KapRecord::default()
    };
    for (who, answers) in v.screening {
        let person = Person::from_code(&who)
            .filter(|p| people(participants).contains(p))
            .ok_or_else(|| format!("screening for \"{}\" does not fit this plan", clip(&who)))?;
        let mut screening = Screening::default();
        for (code, answer) in answers {
            let item = Contraindication::ALL
                .into_iter()
                .find(|c| c.code() == code)
                .ok_or_else(|| format!("screening item \"{}\" is unknown", clip(&code)))?;
            let answer = Answer::from_code(&answer).ok_or_else(|| {
                format!(
                    "screening answer \"{}\" is not yes, no or unknown",
                    clip(&answer)
                )
            })?;
            screening.set(item, answer);
        }
        match person {
            Person::PartnerB => record.screening_b = screening,
            _ => record.screening_a = screening,
        }
    }
    if let Some(c) = v.clearance {
        record.clearance = Some(Clearance {
            date: parse_date(&c.date)
                .ok_or_else(|| format!("clearance date \"{}\" is not a date", clip(&c.date)))?,
            prescriber: text("the prescriber", c.prescriber, MAX_TEXT_CHARS)?,
        });
    }
    for ride in v.rides {
        let person = Person::from_code(&ride.person)
            .filter(|p| people(participants).contains(p))
            .ok_or_else(|| {
                format!(
                    "a ride for \"{}\" does not fit this plan",
                    clip(&ride.person)
                )
            })?;
        if !(1..=days).contains(&ride.day) {
            return Err(format!("a ride is on day {}, outside the plan", ride.day));
        }
        record.rides.push(Ride {
            day: ride.day - 1,
            person,
            driver: text("a driver", ride.driver, MAX_TEXT_CHARS)?,
        });
    }
    Ok(record)
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

pub fn from_v2(v: PlanV2) -> Result<Plan, String> {
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
        daily_load_minutes: v.settings.daily_load_minutes,
        max_stretch_minutes: v.settings.max_stretch_minutes,
        monitors_when_both_dose: v.settings.monitors_when_both_dose,
    };
    if settings.dosing_minutes == 0 || settings.dosing_minutes > 24 * 60 {
        return Err("dosing_minutes is out of range".to_string());
    }
    let kap = kap_from_v2(v.kap, &participants, v.days.len())?;
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
                travel: b.travel,
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
        kap,
        days,
    })
}
