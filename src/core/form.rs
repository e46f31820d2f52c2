//! The new-plan form: raw text in, a template spec or a message per field out.

use super::limits::{
    plausible_time_zone, EARLIEST_YEAR, LATEST_YEAR, MAX_DAYS, MIN_DAYS, NAME_CHARS,
};
use super::model::{parse_date, Format, KapPlacement, Participants, Settings, Team, Time};
use super::template::TemplateSpec;
use super::text::{self, Lang};

/// The form's fields exactly as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanForm {
    pub format: Format,
    pub partner_a: String,
    pub partner_b: String,
    pub client: String,
    /// Optional: with a co-therapist, a couple's individual sessions run side by side.
    pub co_therapist: String,
    pub start_date: String,
    pub days: String,
    pub day_starts: String,
    pub day_ends: String,
    pub time_zone: String,
    pub kap: KapPlacement,
}

impl PlanForm {
    /// A blank form with sensible defaults (3 days, 09:00–17:00, no KAP).
    pub fn new(start_date: &str, time_zone: &str) -> PlanForm {
        PlanForm {
            format: Format::Couples,
            partner_a: String::new(),
            partner_b: String::new(),
            client: String::new(),
            co_therapist: String::new(),
            start_date: start_date.to_string(),
            days: "3".to_string(),
            day_starts: "09:00".to_string(),
            day_ends: "17:00".to_string(),
            time_zone: time_zone.to_string(),
            kap: KapPlacement::None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    PartnerA,
    PartnerB,
    Client,
    CoTherapist,
    StartDate,
    Days,
    DayStarts,
    DayEnds,
    TimeZone,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

fn name(field: Field, label: &str, value: &str, errors: &mut Vec<FieldError>) -> String {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        errors.push(FieldError {
            field,
            message: format!("Enter {label}."),
        });
    } else if trimmed.chars().count() > NAME_CHARS {
        errors.push(FieldError {
            field,
            message: format!("Keep the name to {NAME_CHARS} characters or fewer."),
        });
    }
    trimmed.to_string()
}

/// Checks every field and returns all problems at once, or the spec for a template.
pub fn validate(form: &PlanForm, id: &str) -> Result<TemplateSpec, Vec<FieldError>> {
    let mut errors = Vec::new();
    let participants = match form.format {
        Format::Couples => Participants::Couple {
            partner_a: name(
                Field::PartnerA,
                "partner A's name",
                &form.partner_a,
                &mut errors,
            ),
            partner_b: name(
                Field::PartnerB,
                "partner B's name",
                &form.partner_b,
                &mut errors,
            ),
        },
        Format::Individual => Participants::Individual {
            client: name(
                Field::Client,
                "the client's name",
                &form.client,
                &mut errors,
            ),
        },
    };

    let co_therapist = form.co_therapist.trim();
    if co_therapist.chars().count() > NAME_CHARS {
        errors.push(FieldError {
            field: Field::CoTherapist,
            message: format!("Keep the name to {NAME_CHARS} characters or fewer."),
        });
    }

    let start_date = parse_date(form.start_date.trim());
    match start_date {
        None => errors.push(FieldError {
            field: Field::StartDate,
            message: "Enter a real date as YYYY-MM-DD.".to_string(),
        }),
        Some(date) if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&chrono::Datelike::year(&date)) => {
            errors.push(FieldError {
                field: Field::StartDate,
                message: format!("Choose a date between {EARLIEST_YEAR} and {LATEST_YEAR}."),
            })
        }
        Some(_) => {}
    }

    let days = form.days.trim().parse::<usize>().ok();
    if !days.is_some_and(|n| (MIN_DAYS..=MAX_DAYS).contains(&n)) {
        errors.push(FieldError {
            field: Field::Days,
            message: format!("An intensive lasts {MIN_DAYS} to {MAX_DAYS} days."),
        });
    }

    let day_start = Time::parse(form.day_starts.trim());
    let day_end = Time::parse(form.day_ends.trim());
    if day_start.is_none() {
        errors.push(FieldError {
            field: Field::DayStarts,
            message: "Enter a time as HH:MM.".to_string(),
        });
    }
    match (day_start, day_end) {
        (_, None) => errors.push(FieldError {
            field: Field::DayEnds,
            message: "Enter a time as HH:MM.".to_string(),
        }),
        (Some(start), Some(end)) if end <= start => errors.push(FieldError {
            field: Field::DayEnds,
            message: format!("The day must end after it starts ({start})."),
        }),
        _ => {}
    }

    let time_zone = form.time_zone.trim();
    if !plausible_time_zone(time_zone) {
        errors.push(FieldError {
            field: Field::TimeZone,
            message: "Enter a time zone name such as America/Los_Angeles.".to_string(),
        });
    }

    match (start_date, days, day_start, day_end) {
        (Some(start_date), Some(days), Some(day_start), Some(day_end)) if errors.is_empty() => {
            Ok(TemplateSpec {
                id: id.to_string(),
                title: text::plan_title(Lang::En, &participants, days),
                participants,
                team: Team {
                    co_therapist: co_therapist.to_string(),
                    ..Team::default()
                },
                start_date,
                days,
                day_start,
                day_end,
                time_zone: time_zone.to_string(),
                kap: form.kap,
                settings: Settings::default(),
            })
        }
        _ => Err(errors),
    }
}
