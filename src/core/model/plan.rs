//! The plan itself, its settings, and the order of the plan list.

use super::{Block, BlockId, BlockKind, Day, Format, KapRecord, Participants, Time};
use crate::core::limits::{fit, TITLE_CHARS};
use chrono::NaiveDate;

/// Clinical thresholds: defaults from the domain primer, changeable per plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// How long a dosing session lasts (default 3 h).
    pub dosing_minutes: u16,
    /// How soon after a dosing integration must happen (default 72 h).
    pub integration_window_hours: u16,
    /// No food for this long before a dose (default 4 h).
    pub fasting_hours: u16,
    /// Active therapy a day before the load warning (default 6 h).
    pub daily_load_minutes: u16,
    /// The longest stretch of sessions without a break (default 3 h).
    pub max_stretch_minutes: u16,
    /// The practice's policy: sober monitors besides the therapist when both partners dose
    /// (default 1).
    pub monitors_when_both_dose: u8,
    /// Staggered couples dosing: the second dose starts this long after the first, once the
    /// first has passed its peak (default 90 min).
    pub stagger_minutes: u16,
    /// Active therapy on a dosing day before the load warning (default 4 h): the dose itself is
    /// work for the body, so a dosing day's budget is lower.
    pub dosing_day_load_minutes: u16,
    /// Time on site a day, first block to last, before the warning (default 9 h).
    pub time_on_site_minutes: u16,
    /// The therapist chose an integration window longer than 72 hours on purpose.
    pub longer_window_on_purpose: bool,
    /// A prescriber's clearance counts for a dosing up to this many days after its date
    /// (default 30; new in format 5).
    pub clearance_valid_days: u16,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            dosing_minutes: 180,
            integration_window_hours: 72,
            fasting_hours: 4,
            daily_load_minutes: 6 * 60,
            max_stretch_minutes: 3 * 60,
            monitors_when_both_dose: 1,
            stagger_minutes: 90,
            dosing_day_load_minutes: 4 * 60,
            time_on_site_minutes: 9 * 60,
            longer_window_on_purpose: false,
            clearance_valid_days: 30,
        }
    }
}

/// A title cut to the title limit, for titles the app makes ("Copy of …", "… (imported)"), so
/// that a derived title can never make a plan invalid.
pub fn fit_title(title: String) -> String {
    fit(&title, TITLE_CHARS)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub id: String,
    pub title: String,
    pub participants: Participants,
    pub start_date: NaiveDate,
    pub day_start: Time,
    pub day_end: Time,
    /// IANA name of the practice's time zone, e.g. "America/Los_Angeles".
    pub time_zone: String,
    pub settings: Settings,
    /// Clinician-only KAP records.
    pub kap: KapRecord,
    /// One entry per day of the intensive (`limits::MIN_DAYS..=MAX_DAYS`).
    pub days: Vec<Day>,
}

impl Plan {
    pub fn format(&self) -> Format {
        self.participants.format()
    }

    pub fn date_of(&self, day_index: usize) -> NaiveDate {
        self.start_date + chrono::Days::new(day_index as u64)
    }

    pub fn last_date(&self) -> NaiveDate {
        self.date_of(self.days.len().saturating_sub(1))
    }

    /// Every block with its day index, in day and time order.
    pub fn blocks(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.days
            .iter()
            .enumerate()
            .flat_map(|(index, day)| day.blocks.iter().map(move |block| (index, block)))
    }

    pub fn find_block(&self, id: BlockId) -> Option<(usize, &Block)> {
        self.blocks().find(|(_, b)| b.id == id)
    }

    /// An id no block of this plan uses yet. Ids stay below `limits::MAX_BLOCK_ID` in a valid
    /// plan, so this never wraps; an edit that would pass the bound is refused by `validate`.
    pub fn next_block_id(&self) -> BlockId {
        self.blocks()
            .map(|(_, b)| b.id)
            .max()
            .unwrap_or(0)
            .saturating_add(1)
    }

    /// The 0-based days that hold a dosing, each once, in order.
    pub fn dosing_days(&self) -> Vec<usize> {
        let mut days: Vec<usize> = self
            .blocks()
            .filter(|(_, b)| b.kind == BlockKind::KapDosing)
            .map(|(day, _)| day)
            .collect();
        days.dedup();
        days
    }

    pub fn has_kap(&self) -> bool {
        self.blocks()
            .any(|(_, block)| block.kind == BlockKind::KapDosing)
    }
}

/// The order of the plan list: by start date, then title (ids break ties).
pub fn sort_plans(plans: &mut [Plan]) {
    plans.sort_unstable_by(|a, b| {
        (a.start_date, &a.title, &a.id).cmp(&(b.start_date, &b.title, &b.id))
    });
}

/// A moment in the intensive: minutes since the start of day 1 at midnight.
pub fn moment(day_index: usize, time: Time) -> u32 {
    day_index as u32 * 24 * 60 + u32::from(time.minutes())
}
