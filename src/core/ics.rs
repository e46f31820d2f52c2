//! Calendar files (iCalendar, RFC 5545) from the couple's preview.
//!
//! - **Times.** Every event is written in UTC (`DTSTART:20261204T170000Z`), converted from the
//!   plan's local time by the caller's `to_utc` (the browser's Intl knows the plan's IANA zone).
//!   A UTC time needs no VTIMEZONE, and every calendar shows it at the right local hour.
//! - **Stable UIDs.** `<plan id>-<block id>@intensive-planner` (and `<plan id>-follow-up@…` for
//!   the follow-up appointment), so importing again updates events.
//! - **Neutral titles** by default: a phone's lock screen shows them, so nothing names the
//!   medicine ("Session", "Follow-up session", …). Full titles are an option.
//! - **Alarms.** One at the start of fasting before a dose, and one "time to leave" before the
//!   first event of each day; both optional.

use super::model::{BlockKind, Person, Time};
use super::preview::{attends, support_about, Preview, PreviewItem};
use super::text::{text, Key, Lang};
use chrono::{Datelike, NaiveDate};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarOptions {
    /// Use the blocks' own titles instead of neutral ones.
    pub full_titles: bool,
    /// An alarm when fasting starts before a dose.
    pub fasting_alarm: bool,
    /// An alarm this many minutes before the first event of each day ("time to leave").
    pub leave_minutes: Option<u16>,
    /// Only this person's blocks and the joint ones; `None` for everyone.
    pub person: Option<Person>,
    /// DTSTAMP, in UTC: when the file was made.
    pub stamp: (NaiveDate, Time),
}

/// A neutral title that reveals nothing clinical, in the couple's language.
pub fn neutral_title(lang: Lang, kind: BlockKind) -> &'static str {
    let key = match kind {
        BlockKind::KapPreparation => Key::NeutralPreparation,
        BlockKind::VitalsCheck => Key::NeutralShortCheck,
        BlockKind::KapDosing => Key::NeutralSession,
        BlockKind::Rest => Key::NeutralRest,
        BlockKind::KapIntegration => Key::NeutralFollowUp,
        BlockKind::CheckIn => Key::KindCheckIn,
        BlockKind::JointSession => Key::KindJointSession,
        BlockKind::IndividualSession => Key::KindIndividualSession,
        BlockKind::Break => Key::KindBreak,
        BlockKind::Lunch => Key::KindLunch,
        BlockKind::Meal => Key::KindMeal,
        BlockKind::Reflection => Key::KindReflection,
        BlockKind::Closing => Key::KindClosing,
    };
    text(lang, key)
}

/// The calendar file. `to_utc` turns a local date and time in the plan's zone into UTC; an event
/// it cannot convert is left out (`skipped` counts them).
pub fn calendar(
    plan_id: &str,
    preview: &Preview,
    options: &CalendarOptions,
    to_utc: impl Fn(NaiveDate, Time) -> Option<(NaiveDate, Time)>,
) -> Calendar {
    let mut out = Lines::default();
    out.push("BEGIN:VCALENDAR");
    out.push("VERSION:2.0");
    out.push("PRODID:-//Intensive Planner//EN");
    out.push("CALSCALE:GREGORIAN");
    out.push("METHOD:PUBLISH");
    let mut events = 0;
    let mut skipped = 0;
    for day in &preview.days {
        let items: Vec<&PreviewItem> = day
            .items
            .iter()
            .filter(|i| i.kind != BlockKind::Break)
            .filter(|i| preview.shows(i, options.person))
            .collect();
        for (position, item) in items.iter().enumerate() {
            let (Some(start), Some(end)) =
                (to_utc(day.date, item.start), to_utc(day.date, item.end))
            else {
                skipped += 1;
                continue;
            };
            events += 1;
            let title = if options.full_titles {
                item.title.as_str()
            } else {
                neutral_title(preview.lang, item.kind)
            };
            out.push("BEGIN:VEVENT");
            out.push(&format!("UID:{plan_id}-{}@intensive-planner", item.id));
            out.push(&format!("DTSTAMP:{}", stamp(options.stamp)));
            out.push(&format!("DTSTART:{}", stamp(start)));
            out.push(&format!("DTEND:{}", stamp(end)));
            out.push(&format!("SUMMARY:{}", escape(title)));
            // A partner who supports sees the dose described for them.
            let supporting = options.person.is_some_and(|p| !attends(item.attendees, p));
            let about = if supporting {
                support_about(preview.lang, item.kind)
            } else {
                item.about
            };
            let description = if options.full_titles || !item.kind.is_kap() {
                about.to_string()
            } else {
                preview.text(Key::CalendarPart).to_string()
            };
            out.push(&format!("DESCRIPTION:{}", escape(&description)));
            if position == 0 {
                if let Some(minutes) = options.leave_minutes {
                    alarm(&mut out, minutes, preview.text(Key::AlarmLeave));
                }
            }
            if item.kind == BlockKind::KapDosing && options.fasting_alarm {
                // Only someone who doses fasts: a partner's own calendar gets no fasting alarm
                // unless they dose too.
                let fasts = |d: &&crate::core::preview::DosingDay| {
                    options
                        .person
                        .is_none_or(|p| d.rides.iter().any(|(who, _, _)| *who == p))
                };
                if let Some(dosing) = day
                    .dosing
                    .as_ref()
                    .filter(|d| d.dose_at == item.start)
                    .filter(fasts)
                {
                    alarm(
                        &mut out,
                        dosing.fasting_hours * 60,
                        preview.text(Key::AlarmFasting),
                    );
                }
            }
            out.push("END:VEVENT");
        }
    }
    if let Some(follow_up) = &preview.follow_up {
        match (
            to_utc(follow_up.date, follow_up.start),
            to_utc(follow_up.date, follow_up.end),
        ) {
            (Some(start), Some(end)) => {
                events += 1;
                let title = if options.full_titles {
                    preview.text(Key::FollowUpTitle)
                } else {
                    preview.text(Key::NeutralFollowUp)
                };
                let description = if options.full_titles {
                    preview.follow_up_about()
                } else {
                    preview.text(Key::CalendarPart)
                };
                out.push("BEGIN:VEVENT");
                out.push(&format!("UID:{plan_id}-follow-up@intensive-planner"));
                out.push(&format!("DTSTAMP:{}", stamp(options.stamp)));
                out.push(&format!("DTSTART:{}", stamp(start)));
                out.push(&format!("DTEND:{}", stamp(end)));
                out.push(&format!("SUMMARY:{title}"));
                out.push(&format!("DESCRIPTION:{}", escape(description)));
                out.push("END:VEVENT");
            }
            _ => skipped += 1,
        }
    }
    out.push("END:VCALENDAR");
    Calendar {
        text: out.0,
        events,
        skipped,
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    pub text: String,
    pub events: usize,
    pub skipped: usize,
}

fn alarm(out: &mut Lines, minutes_before: u16, text: &str) {
    out.push("BEGIN:VALARM");
    out.push("ACTION:DISPLAY");
    out.push(&format!("DESCRIPTION:{}", escape(text)));
    out.push(&format!("TRIGGER:-PT{minutes_before}M"));
    out.push("END:VALARM");
}

fn stamp((date, time): (NaiveDate, Time)) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}00Z",
        date.year(),
        date.month(),
        date.day(),
        time.minutes() / 60,
        time.minutes() % 60
    )
}

/// TEXT escaping (RFC 5545 §3.3.11). Control characters other than a tab are not allowed in
/// TEXT (§3.3.11, `TSAFE-CHAR`): a line break becomes `\n`, the others are dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Content lines, CRLF-terminated and folded at 75 octets (RFC 5545 §3.1).
#[derive(Default)]
struct Lines(String);

impl Lines {
    fn push(&mut self, line: &str) {
        let mut width = 0;
        for c in line.chars() {
            let len = c.len_utf8();
            if width + len > 75 {
                self.0.push_str("\r\n ");
                width = 1;
            }
            self.0.push(c);
            width += len;
        }
        self.0.push_str("\r\n");
    }
}
