//! Every bound of a valid plan, once. The checker of a valid plan (`Plan::validate`, in
//! `valid.rs`), the edits, the new-plan form, the stored-format reader and the view's inputs
//! (`min`, `max`, `maxlength`) all read their limits from here; no bound is written anywhere else.

use super::model::Settings;

/// An intensive lasts 1 to 7 days.
pub const MIN_DAYS: usize = 1;
pub const MAX_DAYS: usize = 7;
/// Blocks in one day.
pub const MAX_BLOCKS_PER_DAY: usize = 100;
/// The shortest block, in minutes (resizing stops there).
pub const MIN_BLOCK_MINUTES: u16 = 5;
/// Block ids stay well below `u32::MAX` (and below JavaScript's exact integers), so that a new
/// id (`max + 1`) can never wrap. The reader renumbers a plan whose ids pass this.
pub const MAX_BLOCK_ID: u32 = 9_999_999;

/// The years a plan's dates may fall in.
pub const EARLIEST_YEAR: i32 = 2000;
pub const LATEST_YEAR: i32 = 2100;

/// Text lengths, in characters.
pub const TITLE_CHARS: usize = 200;
/// A participant's name.
pub const NAME_CHARS: usize = 80;
/// A block's clinician notes.
pub const NOTES_CHARS: usize = 10_000;
/// The prescriber who cleared a dosing, and a driver's name.
pub const PERSON_TEXT_CHARS: usize = 200;
/// An IANA time zone name.
pub const TIME_ZONE_CHARS: usize = 64;
/// A plan id (letters, digits and hyphens).
pub const PLAN_ID_CHARS: usize = 64;

/// All the text of a plan together, as it is written in JSON (escapes counted). With the rest
/// of a plan's structure this keeps every valid plan's stored document under
/// `shell::format::MAX_DOCUMENT_BYTES` (a test builds the largest valid plan to prove it).
pub const PLAN_TEXT_BYTES: usize = 1_000_000;

/// The steps a drag in the time grid snaps to, in minutes (a setting of the grid).
pub const SNAP_MINUTES: [u16; 3] = [5, 10, 15];
/// The grid's snap step until the therapist chooses another.
pub const DEFAULT_SNAP_MINUTES: u16 = 15;
/// The time grid replaces the list from this window width up, in CSS pixels (the list stays
/// on phones).
pub const GRID_MIN_WIDTH: u16 = 900;

/// Sober monitors recorded for a dosing.
pub const MAX_MONITORS: u16 = 9;

/// Every text a plan holds: its limit, whether it may be blank, and how messages name it. The
/// checker of a valid plan and the reader of older files both speak of a text through this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    PlanTitle,
    PartnerA,
    PartnerB,
    Client,
    /// The name of someone in the care team (blank: the therapist unnamed, or nobody).
    TeamName,
    BlockTitle,
    Notes,
    Prescriber,
    Driver,
    /// A part of the emergency plan (a number, a place, an address, a contact).
    Emergency,
}

/// Whether a text may be left blank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blank {
    Allowed,
    Refused,
}

impl Text {
    pub fn max_chars(self) -> usize {
        match self {
            Text::PlanTitle | Text::BlockTitle => TITLE_CHARS,
            Text::PartnerA | Text::PartnerB | Text::Client | Text::TeamName => NAME_CHARS,
            Text::Notes => NOTES_CHARS,
            Text::Prescriber | Text::Driver | Text::Emergency => PERSON_TEXT_CHARS,
        }
    }

    pub fn blank(self) -> Blank {
        match self {
            Text::Notes | Text::Emergency | Text::TeamName => Blank::Allowed,
            _ => Blank::Refused,
        }
    }

    /// How a message names it, mid-sentence ("the prescriber's name").
    pub fn what(self) -> &'static str {
        match self {
            Text::PlanTitle => "the plan's title",
            Text::PartnerA => "partner A's name",
            Text::PartnerB => "partner B's name",
            Text::Client => "the client's name",
            Text::TeamName => "a name in the care team",
            Text::BlockTitle => "a block's title",
            Text::Notes => "the notes",
            Text::Prescriber => "the prescriber's name",
            Text::Driver => "the driver's name",
            Text::Emergency => "a part of the emergency plan",
        }
    }
}

/// A text with its first letter in upper case, to start a sentence. The texts it is used on
/// are the app's own ("the title", "a driver's name"), so ASCII is enough, and Unicode case
/// tables would cost kilobytes of wasm.
pub fn capitalised(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// A text with its first letter in lower case, to continue a sentence ("no room for joint
/// history"); names later in the text keep their case.
pub fn decapitalised(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    out
}

/// An inclusive range of whole numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub min: u16,
    pub max: u16,
}

impl Range {
    pub fn contains(self, value: u16) -> bool {
        (self.min..=self.max).contains(&value)
    }

    /// The nearest value inside the range.
    pub fn clamp(self, value: u64) -> u16 {
        u16::try_from(value.min(u64::from(self.max)))
            .unwrap_or(self.max)
            .max(self.min)
    }
}

/// The sober monitors a dosing can record.
pub const MONITORS: Range = Range {
    min: 0,
    max: MAX_MONITORS,
};

/// The longest gap between a vitals check and the dosing it belongs to: "right before" and
/// "right after" the dose. Fixed protocol, not a setting.
pub const VITALS_GAP_MINUTES: u16 = 15;

/// A pre-dose reading that can be recorded: blood pressure (systolic over diastolic, mmHg) and
/// pulse (beats a minute). Wide enough for any real reading, narrow enough to catch a typo.
pub const SYSTOLIC: Range = Range { min: 50, max: 300 };
pub const DIASTOLIC: Range = Range { min: 20, max: 200 };
pub const PULSE: Range = Range { min: 20, max: 250 };

/// The usual ceiling of the integration window: longer only when the therapist says so
/// (`Settings::longer_window_on_purpose`).
pub const USUAL_INTEGRATION_WINDOW_HOURS: u16 = 72;

/// A follow-up integration appointment's length, in minutes.
pub const FOLLOW_UP_MINUTES: Range = Range { min: 15, max: 240 };

/// A calendar file's "time to leave" reminder, in minutes before the day's first session.
pub const LEAVE_REMINDER: Range = Range {
    min: 0,
    max: 24 * 60,
};

/// A plan's clinical thresholds: each with its key in files, its label, its unit and its range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    DosingMinutes,
    IntegrationWindowHours,
    FastingHours,
    DailyLoadMinutes,
    MaxStretchMinutes,
    MonitorsWhenBothDose,
    StaggerMinutes,
    DosingDayLoadMinutes,
    TimeOnSiteMinutes,
    ClearanceValidDays,
    LiquidsMinutes,
    VitalsCheckMinutes,
    SystolicMax,
    DiastolicMax,
    PulseMax,
}

impl Setting {
    pub const ALL: [Setting; 15] = [
        Setting::DosingMinutes,
        Setting::IntegrationWindowHours,
        Setting::FastingHours,
        Setting::LiquidsMinutes,
        Setting::VitalsCheckMinutes,
        Setting::SystolicMax,
        Setting::DiastolicMax,
        Setting::PulseMax,
        Setting::DailyLoadMinutes,
        Setting::DosingDayLoadMinutes,
        Setting::TimeOnSiteMinutes,
        Setting::MaxStretchMinutes,
        Setting::MonitorsWhenBothDose,
        Setting::StaggerMinutes,
        Setting::ClearanceValidDays,
    ];

    /// The key in stored files.
    pub fn key(self) -> &'static str {
        match self {
            Setting::DosingMinutes => "dosing_minutes",
            Setting::IntegrationWindowHours => "integration_window_hours",
            Setting::FastingHours => "fasting_hours",
            Setting::DailyLoadMinutes => "daily_load_minutes",
            Setting::MaxStretchMinutes => "max_stretch_minutes",
            Setting::MonitorsWhenBothDose => "monitors_when_both_dose",
            Setting::StaggerMinutes => "stagger_minutes",
            Setting::DosingDayLoadMinutes => "dosing_day_load_minutes",
            Setting::TimeOnSiteMinutes => "time_on_site_minutes",
            Setting::ClearanceValidDays => "clearance_valid_days",
            Setting::LiquidsMinutes => "liquids_minutes",
            Setting::VitalsCheckMinutes => "vitals_check_minutes",
            Setting::SystolicMax => "systolic_max",
            Setting::DiastolicMax => "diastolic_max",
            Setting::PulseMax => "pulse_max",
        }
    }

    /// What the therapist reads next to the input.
    pub fn label(self) -> &'static str {
        match self {
            Setting::DosingMinutes => "Dosing lasts (minutes, default 180)",
            Setting::IntegrationWindowHours => "Integration within (hours, default 72)",
            Setting::FastingHours => "Fasting before a dose (hours, default 4)",
            Setting::DailyLoadMinutes => "Active therapy a day (minutes, default 360)",
            Setting::MaxStretchMinutes => "Longest stretch without a break (minutes, default 180)",
            Setting::MonitorsWhenBothDose => {
                "Sober monitors besides the therapist when both dose (default 1)"
            }
            Setting::StaggerMinutes => "Staggered dosing: second dose after (minutes, default 90)",
            Setting::DosingDayLoadMinutes => {
                "Active therapy on a dosing day (minutes, default 240)"
            }
            Setting::TimeOnSiteMinutes => "Time on site a day (minutes, default 540)",
            Setting::ClearanceValidDays => "A clearance counts for (days, default 30)",
            Setting::LiquidsMinutes => "No liquids before a dose (minutes, 0: sips are fine)",
            Setting::VitalsCheckMinutes => "Vitals during the dose at (minutes after, 0: none)",
            Setting::SystolicMax => "Pre-dose blood pressure limit: systolic (default 140)",
            Setting::DiastolicMax => "Pre-dose blood pressure limit: diastolic (default 90)",
            Setting::PulseMax => "Pre-dose pulse limit (bpm, default 100)",
        }
    }

    /// Where the default comes from (shown under the settings; docs/rules.md has more).
    pub fn source(self) -> &'static str {
        match self {
            Setting::DosingMinutes => "about 3 h in office; at least 2 h of observation (Spravato)",
            Setting::IntegrationWindowHours => "within 24–72 h of a dose",
            Setting::FastingHours => "1–6 h in published protocols; 2 h on the Spravato label",
            Setting::DailyLoadMinutes => "programs cap active work at about 4–6 h a day",
            Setting::DosingDayLoadMinutes => "the dose, recovery and a meal leave little room",
            Setting::TimeOnSiteMinutes => "the practice's ceiling for a draining day",
            Setting::MaxStretchMinutes => "segments of about 2–3 h with breaks",
            Setting::MonitorsWhenBothDose => "neither partner can monitor the other",
            Setting::StaggerMinutes => "past the peak (30–45 min) of a lozenge",
            Setting::ClearanceValidDays => "a clearance dated before the dose, at most 30 days",
            Setting::LiquidsMinutes => "30 min on the Spravato label; 2 h in some protocols",
            Setting::VitalsCheckMinutes => "Spravato label: about 40 min after the dose",
            Setting::SystolicMax | Setting::DiastolicMax => {
                "clinics hold a dose over 140/90 at the start"
            }
            Setting::PulseMax => "clinics hold a dose with a resting pulse over 100",
        }
    }

    pub fn range(self) -> Range {
        let (min, max) = match self {
            // Observation after a dose lasts at least 2 h (Spravato); about 3 h in office.
            Setting::DosingMinutes => (120, 12 * 60),
            // 72 h is the usual ceiling; up to two weeks only with `longer_window_on_purpose`.
            Setting::IntegrationWindowHours => (1, 14 * 24),
            // The shortest published fast before a dose is 1 h (rapid-dissolve tablets).
            Setting::FastingHours => (1, 24),
            Setting::DailyLoadMinutes => (60, 24 * 60),
            Setting::MaxStretchMinutes => (30, 24 * 60),
            Setting::MonitorsWhenBothDose => (0, MAX_MONITORS),
            // After the peak (30–45 min) and before the first dose ends (at least 120 min).
            Setting::StaggerMinutes => (45, 120),
            Setting::DosingDayLoadMinutes => (60, 24 * 60),
            Setting::TimeOnSiteMinutes => (2 * 60, 24 * 60),
            Setting::ClearanceValidDays => (1, 365),
            Setting::LiquidsMinutes => (0, 6 * 60),
            Setting::VitalsCheckMinutes => (0, 3 * 60),
            Setting::SystolicMax => (100, 200),
            Setting::DiastolicMax => (60, 130),
            Setting::PulseMax => (60, 150),
        };
        Range { min, max }
    }

    pub fn get(self, settings: &Settings) -> u16 {
        match self {
            Setting::DosingMinutes => settings.dosing_minutes,
            Setting::IntegrationWindowHours => settings.integration_window_hours,
            Setting::FastingHours => settings.fasting_hours,
            Setting::DailyLoadMinutes => settings.daily_load_minutes,
            Setting::MaxStretchMinutes => settings.max_stretch_minutes,
            Setting::MonitorsWhenBothDose => u16::from(settings.monitors_when_both_dose),
            Setting::StaggerMinutes => settings.stagger_minutes,
            Setting::DosingDayLoadMinutes => settings.dosing_day_load_minutes,
            Setting::TimeOnSiteMinutes => settings.time_on_site_minutes,
            Setting::ClearanceValidDays => settings.clearance_valid_days,
            Setting::LiquidsMinutes => settings.liquids_minutes,
            Setting::VitalsCheckMinutes => settings.vitals_check_minutes,
            Setting::SystolicMax => settings.systolic_max,
            Setting::DiastolicMax => settings.diastolic_max,
            Setting::PulseMax => settings.pulse_max,
        }
    }

    /// Sets the value, clamped into the range.
    pub fn set(self, settings: &mut Settings, value: u16) {
        let value = self.range().clamp(u64::from(value));
        match self {
            Setting::DosingMinutes => settings.dosing_minutes = value,
            Setting::IntegrationWindowHours => settings.integration_window_hours = value,
            Setting::FastingHours => settings.fasting_hours = value,
            Setting::DailyLoadMinutes => settings.daily_load_minutes = value,
            Setting::MaxStretchMinutes => settings.max_stretch_minutes = value,
            Setting::MonitorsWhenBothDose => {
                settings.monitors_when_both_dose = u8::try_from(value).unwrap_or(u8::MAX)
            }
            Setting::StaggerMinutes => settings.stagger_minutes = value,
            Setting::DosingDayLoadMinutes => settings.dosing_day_load_minutes = value,
            Setting::TimeOnSiteMinutes => settings.time_on_site_minutes = value,
            Setting::ClearanceValidDays => settings.clearance_valid_days = value,
            Setting::LiquidsMinutes => settings.liquids_minutes = value,
            Setting::VitalsCheckMinutes => settings.vitals_check_minutes = value,
            Setting::SystolicMax => settings.systolic_max = value,
            Setting::DiastolicMax => settings.diastolic_max = value,
            Setting::PulseMax => settings.pulse_max = value,
        }
    }
}

/// A text cut to at most `max` characters (trailing spaces dropped), for titles the app makes
/// ("Copy of …") and for over-long text read from older files.
pub fn fit(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => text[..cut].trim_end().to_string(),
        None => text.to_string(),
    }
}

/// The bytes a text takes inside a JSON string, escapes included (as serde_json writes it:
/// `"` and `\` and the named controls take two bytes, other controls six).
pub fn json_text_bytes(text: &str) -> usize {
    text.chars()
        .map(|c| match c {
            '"' | '\\' | '\n' | '\r' | '\t' | '\u{8}' | '\u{c}' => 2,
            c if u32::from(c) < 0x20 => 6,
            c => c.len_utf8(),
        })
        .sum()
}

/// Whether a time zone name looks like an IANA name ("Europe/Berlin", "UTC").
pub fn plausible_time_zone(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= TIME_ZONE_CHARS
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'-' | b'+'))
        && !name.starts_with('/')
        && !name.ends_with('/')
}

/// Whether a plan id is usable as part of a storage key and a route.
pub fn plausible_plan_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= PLAN_ID_CHARS
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}
