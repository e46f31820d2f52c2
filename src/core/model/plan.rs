//! The plan itself, its settings, and the order of the plan list.

use super::{Block, BlockId, BlockKind, Day, Format, KapRecord, Participants, Team, Time};
use crate::core::limits::{fit, TITLE_CHARS};
use crate::core::text::Lang;
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
    /// Clear liquids stop this long before a dose; 0: sips of water are fine (new in format 6).
    pub liquids_minutes: u16,
    /// A vitals check this long after the dose, besides those before and at the end; 0: none
    /// (new in format 6).
    pub vitals_check_minutes: u16,
    /// The pre-dose reading's limits: blood pressure (systolic over diastolic) and pulse
    /// (default 140/90 and 100 bpm; new in format 6).
    pub systolic_max: u16,
    pub diastolic_max: u16,
    pub pulse_max: u16,
    /// The protocol profile the values come from, or `Custom` once one is changed (format 6).
    pub profile: Profile,
}

/// A protocol profile sets the values that differ between protocols at once: how long the dose
/// is observed, the fast before it, and when vitals are checked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Profile {
    /// In office, a lozenge: today's defaults (about 3 h, 4 h without food).
    #[default]
    InOffice,
    /// Like the Spravato label: 2 h of observation, vitals at 40 min and at the end, 2 h
    /// without food and 30 min without liquids.
    SpravatoLike,
    /// Values of the therapist's own.
    Custom,
}

impl Profile {
    pub const ALL: [Profile; 3] = [Profile::InOffice, Profile::SpravatoLike, Profile::Custom];

    pub fn code(self) -> &'static str {
        match self {
            Profile::InOffice => "in_office",
            Profile::SpravatoLike => "spravato_like",
            Profile::Custom => "custom",
        }
    }

    pub fn from_code(code: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Profile::InOffice => "In office, lozenge",
            Profile::SpravatoLike => "Spravato-like observation",
            Profile::Custom => "Custom",
        }
    }

    /// Where the profile's values come from.
    pub fn source(self) -> &'static str {
        match self {
            Profile::InOffice => "in-office KAP programs: about 3 h on site, 4 h fast",
            Profile::SpravatoLike => {
                "Spravato label (REMS): 2 h observation, BP at 40 min and at discharge, 2 h food and 30 min liquids"
            }
            Profile::Custom => "values chosen by the practice",
        }
    }

    /// Its values: observation (dosing) minutes, fasting hours, liquids minutes, vitals check
    /// minutes. `Custom` has none of its own.
    pub fn values(self) -> Option<[u16; 4]> {
        match self {
            Profile::InOffice => Some([180, 4, 0, 0]),
            Profile::SpravatoLike => Some([120, 2, 30, 40]),
            Profile::Custom => None,
        }
    }
}

impl Settings {
    fn profile_values(&self) -> [u16; 4] {
        [
            self.dosing_minutes,
            self.fasting_hours,
            self.liquids_minutes,
            self.vitals_check_minutes,
        ]
    }

    /// Takes every value of the profile (`Custom` keeps today's values).
    pub fn use_profile(&mut self, profile: Profile) {
        if let Some([dosing, fasting, liquids, vitals]) = profile.values() {
            self.dosing_minutes = dosing;
            self.fasting_hours = fasting;
            self.liquids_minutes = liquids;
            self.vitals_check_minutes = vitals;
        }
        self.profile = profile;
    }

    /// The profile, or `Custom` once a value differs from it.
    pub fn checked_profile(&self) -> Profile {
        match self.profile.values() {
            Some(values) if values != self.profile_values() => Profile::Custom,
            _ => self.profile,
        }
    }

    /// The profile these values match, if any (for plans written before profiles).
    pub fn matching_profile(&self) -> Profile {
        Profile::ALL
            .into_iter()
            .find(|p| p.values() == Some(self.profile_values()))
            .unwrap_or(Profile::Custom)
    }
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
            liquids_minutes: 0,
            vitals_check_minutes: 0,
            systolic_max: 140,
            diastolic_max: 90,
            pulse_max: 100,
            profile: Profile::InOffice,
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
    /// The therapist, and a co-therapist or a sober monitor when there is one (format 7).
    pub team: Team,
    pub start_date: NaiveDate,
    pub day_start: Time,
    pub day_end: Time,
    /// IANA name of the practice's time zone, e.g. "America/Los_Angeles".
    pub time_zone: String,
    /// The language of everything the couple reads: the preview, the share page, calendar
    /// files and day cards (format 8). The therapist's screens stay in English.
    pub language: Lang,
    /// The couple's home time zone, when the therapist sets one (format 9): the preview shows
    /// each time on that clock too, where the device that opens it is on the practice's.
    pub couple_zone: Option<String>,
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

    /// Every block with its day index, in day and time order. (Collected into a list: one
    /// concrete iterator for the dozens of callers measured 1.5 KB of wasm smaller than a
    /// flattening adapter, at a small allocation per call.)
    pub fn blocks(&self) -> std::vec::IntoIter<(usize, &Block)> {
        let mut all = Vec::new();
        for (index, day) in self.days.iter().enumerate() {
            all.extend(day.blocks.iter().map(|block| (index, block)));
        }
        all.into_iter()
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
    sort_small(plans, |a, b| {
        (a.start_date, &a.title, &a.id) > (b.start_date, &b.title, &b.id)
    });
}

/// Sorts a short list (a day's blocks, the plan list) in place, stably, by insertion. The lists
/// the app sorts hold at most a few hundred items and are mostly in order already, where
/// insertion is as fast as any sort; each standard-library sort instantiates a quicksort of about
/// 2 KB of wasm, and this is a few hundred bytes (measured with twiggy).
pub fn sort_small<T>(items: &mut [T], after: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && after(&items[j - 1], &items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// A moment in the intensive: minutes since the start of day 1 at midnight.
pub fn moment(day_index: usize, time: Time) -> u32 {
    day_index as u32 * 24 * 60 + u32::from(time.minutes())
}
