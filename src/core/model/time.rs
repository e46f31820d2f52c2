//! Times of day and calendar dates: parsing, printing, and the time type the agenda uses.

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// A time of day, in minutes after midnight (0..=1440). 1440 means the end of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(u16);

impl Time {
    pub const END_OF_DAY: Time = Time(24 * 60);

    /// A time from hours and minutes; `None` when out of range (24:00 is allowed).
    pub fn hm(hours: u16, minutes: u16) -> Option<Time> {
        if minutes >= 60 || hours > 24 || (hours == 24 && minutes != 0) {
            return None;
        }
        Some(Time(hours * 60 + minutes))
    }

    pub fn from_minutes(minutes: u16) -> Option<Time> {
        (minutes <= 24 * 60).then_some(Time(minutes))
    }

    pub fn minutes(self) -> u16 {
        self.0
    }

    /// Parses exactly `HH:MM` (two digits each).
    pub fn parse(text: &str) -> Option<Time> {
        let bytes = text.as_bytes();
        if bytes.len() != 5 || bytes[2] != b':' {
            return None;
        }
        let digits = |a: u8, b: u8| -> Option<u16> {
            if a.is_ascii_digit() && b.is_ascii_digit() {
                Some(u16::from(a - b'0') * 10 + u16::from(b - b'0'))
            } else {
                None
            }
        };
        Time::hm(digits(bytes[0], bytes[1])?, digits(bytes[3], bytes[4])?)
    }

    /// This time plus `minutes`, if it stays within the day.
    pub fn plus(self, minutes: u16) -> Option<Time> {
        Time::from_minutes(self.0.checked_add(minutes)?)
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// Parses exactly `YYYY-MM-DD` into a real calendar date.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        if part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

/// `YYYY-MM-DD`.
pub fn format_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// "Fri 4 Dec 2026": short, for the therapist's screens (the English of `core::text::date`).
pub fn display_date(date: NaiveDate) -> String {
    crate::core::text::date(crate::core::text::Lang::En, date)
}
