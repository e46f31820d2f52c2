//! The one definition of a valid plan: `Plan::validate`, from the bounds in `limits`. Every way
//! into a plan calls it: templates, every edit, and the reader of stored plans, backups and share
//! links (through `shell::format`). A valid plan always encodes to a document the reader accepts.

use super::limits::{
    capitalised, json_text_bytes, plausible_plan_id, plausible_time_zone, Blank, Setting, Text,
    DIASTOLIC, EARLIEST_YEAR, FOLLOW_UP_MINUTES, LATEST_YEAR, MAX_BLOCKS_PER_DAY, MAX_BLOCK_ID,
    MAX_DAYS, MIN_DAYS, MONITORS, PLAN_TEXT_BYTES, PULSE, SYSTOLIC, USUAL_INTEGRATION_WINDOW_HOURS,
};
use super::model::{Participants, Plan};
use chrono::{Datelike, NaiveDate};
use std::fmt;

/// One way a plan is not valid: the field (a path such as `days[2].blocks[id=14].title`) and a
/// sentence the therapist can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub field: String,
    pub message: String,
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.field)
    }
}

struct Problems(Vec<Invalid>);

impl Problems {
    fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(Invalid {
            field: field.into(),
            message: message.into(),
        });
    }

    /// A text within its limit, and not blank unless it may be.
    fn text(&mut self, field: &str, text: Text, value: &str) {
        let (what, max) = (text.what(), text.max_chars());
        if text.blank() == Blank::Refused && value.trim().is_empty() {
            self.add(field, format!("{} is empty.", capitalised(what)));
        }
        let count = value.chars().count();
        if count > max {
            self.add(
                field,
                format!("Keep {what} to {max} characters (it is {count})."),
            );
        }
    }

    fn date(&mut self, field: &str, what: &str, date: NaiveDate) {
        if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&date.year()) {
            self.add(
                field,
                format!("{what} must fall between the years {EARLIEST_YEAR} and {LATEST_YEAR}."),
            );
        }
    }
}

impl Plan {
    /// Every way this plan breaks the limits, or `Ok` when it is valid.
    pub fn validate(&self) -> Result<(), Vec<Invalid>> {
        let mut p = Problems(Vec::new());
        if !plausible_plan_id(&self.id) {
            p.add("id", "The plan id is not valid.");
        }
        p.text("title", Text::PlanTitle, &self.title);
        match &self.participants {
            Participants::Couple {
                partner_a,
                partner_b,
            } => {
                p.text("partner_a", Text::PartnerA, partner_a);
                p.text("partner_b", Text::PartnerB, partner_b);
            }
            Participants::Individual { client } => {
                p.text("client", Text::Client, client);
            }
        }
        for (field, name) in [
            ("team.therapist", &self.team.therapist),
            ("team.co_therapist", &self.team.co_therapist),
            ("team.sober_monitor", &self.team.sober_monitor),
        ] {
            p.text(field, Text::TeamName, name);
        }
        p.date("start_date", "The first day", self.start_date);
        if self.day_end <= self.day_start {
            p.add("day_end", "The day must end after it starts.");
        }
        if !plausible_time_zone(&self.time_zone) {
            p.add("time_zone", "The time zone is not a time zone name.");
        }
        if let Some(zone) = &self.couple_zone {
            if !plausible_time_zone(zone) {
                p.add(
                    "couple_time_zone",
                    "The couple's time zone is not a time zone name.",
                );
            }
        }
        for setting in Setting::ALL {
            let range = setting.range();
            if !range.contains(setting.get(&self.settings)) {
                p.add(
                    format!("settings.{}", setting.key()),
                    format!(
                        "{}: enter a whole number from {} to {}.",
                        setting.label(),
                        range.min,
                        range.max
                    ),
                );
            }
        }
        let window = self.settings.integration_window_hours;
        if window > USUAL_INTEGRATION_WINDOW_HOURS && !self.settings.longer_window_on_purpose {
            p.add(
                "settings.integration_window_hours",
                format!(
                    "Integration within {window} hours is longer than the usual {USUAL_INTEGRATION_WINDOW_HOURS}: tick \"Longer on purpose\" to keep it."
                ),
            );
        }
        if !(MIN_DAYS..=MAX_DAYS).contains(&self.days.len()) {
            p.add(
                "days",
                format!("An intensive lasts {MIN_DAYS} to {MAX_DAYS} days."),
            );
        }
        let mut ids = super::model::IdSet::default();
        for (index, day) in self.days.iter().enumerate() {
            if day.blocks.len() > MAX_BLOCKS_PER_DAY {
                p.add(
                    format!("days[{index}].blocks"),
                    format!("A day holds at most {MAX_BLOCKS_PER_DAY} blocks."),
                );
            }
            for block in &day.blocks {
                let field = |name: &str| format!("days[{index}].blocks[id={}].{name}", block.id);
                if block.id > MAX_BLOCK_ID {
                    p.add(field("id"), format!("Block ids stop at {MAX_BLOCK_ID}."));
                }
                if !ids.insert(block.id) {
                    p.add(field("id"), format!("Block id {} appears twice.", block.id));
                }
                if block.end <= block.start {
                    p.add(field("end"), "A block must end after it starts.");
                }
                p.text(&field("title"), Text::BlockTitle, &block.title);
                p.text(&field("notes"), Text::Notes, &block.notes);
                if !block.attendees.fits(&self.participants, &self.team) {
                    p.add(
                        field("attendees"),
                        "A block needs at least one of the couple (or the client), and only people of this plan.",
                    );
                }
            }
        }
        let kap = &self.kap;
        let people = self.participants.people();
        for (code, clearance) in [("a", &kap.clearance_a), ("b", &kap.clearance_b)] {
            let Some(clearance) = clearance else { continue };
            let field = |name: &str| format!("kap.clearances.{code}.{name}");
            if code == "b" && people.len() < 2 {
                p.add(
                    field("person"),
                    "A clearance is recorded for someone who is not in this plan.",
                );
            }
            p.date(&field("date"), "The clearance date", clearance.date);
            p.text(
                &field("prescriber"),
                Text::Prescriber,
                &clearance.prescriber,
            );
        }
        for (index, reading) in kap.readings.iter().enumerate() {
            let field = |name: &str| format!("kap.readings[{index}].{name}");
            if reading.day >= self.days.len() || !people.contains(&reading.person) {
                p.add(
                    field("day"),
                    "A reading is recorded for a day or a person outside the plan.",
                );
            }
            for (name, value, range) in [
                ("systolic", reading.systolic, SYSTOLIC),
                ("diastolic", reading.diastolic, DIASTOLIC),
                ("pulse", reading.pulse, PULSE),
            ] {
                if !range.contains(value) {
                    p.add(
                        field(name),
                        format!("A reading's {name} must be {} to {}.", range.min, range.max),
                    );
                }
            }
        }
        for (index, ride) in kap.rides.iter().enumerate() {
            let field = |name: &str| format!("kap.rides[{index}].{name}");
            if ride.day >= self.days.len() {
                p.add(
                    field("day"),
                    "A ride home is recorded for a day outside the plan.",
                );
            }
            if !people.contains(&ride.person) {
                p.add(
                    field("person"),
                    "A ride home is recorded for someone who is not in this plan.",
                );
            }
            p.text(&field("driver"), Text::Driver, &ride.driver);
        }
        if !MONITORS.contains(u16::from(kap.sober_monitors)) {
            p.add(
                "kap.sober_monitors",
                format!(
                    "Enter the number of sober monitors, from {} to {}.",
                    MONITORS.min, MONITORS.max
                ),
            );
        }
        for (name, text) in ["on_call", "department", "address", "contact_a", "contact_b"]
            .into_iter()
            .zip(kap.emergency.texts())
        {
            p.text(&format!("kap.emergency.{name}"), Text::Emergency, text);
        }
        for (field, date) in [
            ("kap.consent.a", kap.consent.a),
            ("kap.consent.b", kap.consent.b),
        ] {
            if let Some(date) = date {
                p.date(field, "The consent date", date);
            }
        }
        if let Some(follow_up) = &kap.follow_up {
            p.date("kap.follow_up.date", "The follow-up date", follow_up.date);
            let fits = FOLLOW_UP_MINUTES.contains(follow_up.minutes)
                && follow_up.start.plus(follow_up.minutes).is_some();
            if !fits {
                p.add(
                    "kap.follow_up.minutes",
                    format!(
                        "A follow-up lasts {} to {} minutes and ends by midnight.",
                        FOLLOW_UP_MINUTES.min, FOLLOW_UP_MINUTES.max
                    ),
                );
            }
        }
        let text = self.text_bytes();
        if text > PLAN_TEXT_BYTES {
            p.add(
                "plan",
                format!(
                    "The plan's text (mostly notes) comes to {text} bytes; keep it under {PLAN_TEXT_BYTES}."
                ),
            );
        }
        if p.0.is_empty() {
            Ok(())
        } else {
            Err(p.0)
        }
    }

    /// All of the plan's text as it is written in JSON (see `limits::PLAN_TEXT_BYTES`).
    pub fn text_bytes(&self) -> usize {
        let names = match &self.participants {
            Participants::Couple {
                partner_a,
                partner_b,
            } => json_text_bytes(partner_a) + json_text_bytes(partner_b),
            Participants::Individual { client } => json_text_bytes(client),
        };
        let blocks: usize = self
            .blocks()
            .map(|(_, b)| json_text_bytes(&b.title) + json_text_bytes(&b.notes))
            .sum();
        let kap = [&self.kap.clearance_a, &self.kap.clearance_b]
            .into_iter()
            .flatten()
            .map(|c| json_text_bytes(&c.prescriber))
            .sum::<usize>()
            + self
                .kap
                .rides
                .iter()
                .map(|r| json_text_bytes(&r.driver))
                .sum::<usize>()
            + self
                .kap
                .emergency
                .texts()
                .into_iter()
                .map(json_text_bytes)
                .sum::<usize>();
        let team = [
            &self.team.therapist,
            &self.team.co_therapist,
            &self.team.sober_monitor,
        ]
        .into_iter()
        .map(|name| json_text_bytes(name))
        .sum::<usize>();
        json_text_bytes(&self.title) + names + team + blocks + kap
    }
}
