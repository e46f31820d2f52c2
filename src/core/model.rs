//! The plan model: plain data, no browser types, no I/O.

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

/// "Fri 4 Dec 2026": short, language-neutral enough for the agenda headings.
pub fn display_date(date: NaiveDate) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let weekday = DAYS[date.weekday().num_days_from_monday() as usize];
    let month = MONTHS[date.month0() as usize];
    format!("{weekday} {} {month} {}", date.day(), date.year())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Couples,
    Individual,
}

/// Who the intensive is for. The format follows from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Participants {
    Couple {
        partner_a: String,
        partner_b: String,
    },
    Individual {
        client: String,
    },
}

impl Participants {
    pub fn format(&self) -> Format {
        match self {
            Participants::Couple { .. } => Format::Couples,
            Participants::Individual { .. } => Format::Individual,
        }
    }

    /// "Alex & Sam" or "Jo".
    pub fn names(&self) -> String {
        match self {
            Participants::Couple {
                partner_a,
                partner_b,
            } => format!("{partner_a} & {partner_b}"),
            Participants::Individual { client } => client.clone(),
        }
    }

    /// The people in this plan: partners A and B, or the client.
    pub fn people(&self) -> &'static [Person] {
        match self {
            Participants::Couple { .. } => &[Person::PartnerA, Person::PartnerB],
            Participants::Individual { .. } => &[Person::Client],
        }
    }

    /// Everyone who attends a joint block: both partners, or the client.
    pub fn everyone(&self) -> Attendees {
        match self {
            Participants::Couple { .. } => Attendees::Both,
            Participants::Individual { .. } => Attendees::Client,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    CheckIn,
    JointSession,
    IndividualSession,
    KapPreparation,
    VitalsCheck,
    KapDosing,
    Rest,
    KapIntegration,
    Break,
    Lunch,
    Reflection,
    Closing,
}

impl BlockKind {
    pub const ALL: [BlockKind; 12] = [
        BlockKind::CheckIn,
        BlockKind::JointSession,
        BlockKind::IndividualSession,
        BlockKind::KapPreparation,
        BlockKind::VitalsCheck,
        BlockKind::KapDosing,
        BlockKind::Rest,
        BlockKind::KapIntegration,
        BlockKind::Break,
        BlockKind::Lunch,
        BlockKind::Reflection,
        BlockKind::Closing,
    ];

    /// The stable snake_case name used in files and links.
    pub fn code(self) -> &'static str {
        match self {
            BlockKind::CheckIn => "check_in",
            BlockKind::JointSession => "joint_session",
            BlockKind::IndividualSession => "individual_session",
            BlockKind::KapPreparation => "kap_preparation",
            BlockKind::VitalsCheck => "vitals_check",
            BlockKind::KapDosing => "kap_dosing",
            BlockKind::Rest => "rest",
            BlockKind::KapIntegration => "kap_integration",
            BlockKind::Break => "break",
            BlockKind::Lunch => "lunch",
            BlockKind::Reflection => "reflection",
            BlockKind::Closing => "closing",
        }
    }

    pub fn from_code(code: &str) -> Option<BlockKind> {
        BlockKind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// The label the therapist sees.
    pub fn label(self) -> &'static str {
        match self {
            BlockKind::CheckIn => "Check-in",
            BlockKind::JointSession => "Joint session",
            BlockKind::IndividualSession => "Individual session",
            BlockKind::KapPreparation => "KAP preparation",
            BlockKind::VitalsCheck => "Vitals check",
            BlockKind::KapDosing => "KAP dosing",
            BlockKind::Rest => "Rest and recovery",
            BlockKind::KapIntegration => "KAP integration",
            BlockKind::Break => "Break",
            BlockKind::Lunch => "Lunch",
            BlockKind::Reflection => "Reflection and homework",
            BlockKind::Closing => "Closing",
        }
    }

    /// Part of the KAP bundle (preparation, vitals, dosing, recovery, integration).
    pub fn is_kap(self) -> bool {
        matches!(
            self,
            BlockKind::KapPreparation
                | BlockKind::VitalsCheck
                | BlockKind::KapDosing
                | BlockKind::Rest
                | BlockKind::KapIntegration
        )
    }

    /// Active therapy: what counts towards a day's load. The dosing itself is not (the person
    /// rests with an eye mask and music), nor are vitals checks, rest, breaks and reflection.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            BlockKind::CheckIn
                | BlockKind::JointSession
                | BlockKind::IndividualSession
                | BlockKind::KapPreparation
                | BlockKind::KapIntegration
                | BlockKind::Closing
        )
    }

    /// Time off: breaks and meals.
    pub fn is_pause(self) -> bool {
        matches!(self, BlockKind::Break | BlockKind::Lunch)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Attendees {
    Both,
    PartnerA,
    PartnerB,
    Client,
}

impl Attendees {
    pub const ALL: [Attendees; 4] = [
        Attendees::Both,
        Attendees::PartnerA,
        Attendees::PartnerB,
        Attendees::Client,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Attendees::Both => "both",
            Attendees::PartnerA => "partner_a",
            Attendees::PartnerB => "partner_b",
            Attendees::Client => "client",
        }
    }

    pub fn from_code(code: &str) -> Option<Attendees> {
        Attendees::ALL.into_iter().find(|a| a.code() == code)
    }

    /// Whether these attendees make sense for the participants (no "partner A" for an individual).
    pub fn fits(self, participants: &Participants) -> bool {
        match participants {
            Participants::Couple { .. } => self != Attendees::Client,
            Participants::Individual { .. } => self == Attendees::Client,
        }
    }

    /// Names the people attending, e.g. "Alex & Sam", "Alex".
    pub fn describe(self, participants: &Participants) -> String {
        match (self, participants) {
            (
                Attendees::Both,
                Participants::Couple {
                    partner_a,
                    partner_b,
                },
            ) => format!("{partner_a} & {partner_b}"),
            (Attendees::PartnerA, Participants::Couple { partner_a, .. }) => partner_a.clone(),
            (Attendees::PartnerB, Participants::Couple { partner_b, .. }) => partner_b.clone(),
            (_, Participants::Individual { client }) => client.clone(),
            (Attendees::Client, Participants::Couple { .. }) => "Client".to_string(),
        }
    }
}

/// A block's id: unique within its plan and stable across edits.
pub type BlockId = u32;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Block {
    pub id: BlockId,
    pub start: Time,
    pub end: Time,
    pub kind: BlockKind,
    pub title: String,
    pub attendees: Attendees,
    /// Clinician-only: never shown to the couple, never shared.
    pub notes: String,
    /// The participants must travel for this block (it is away from the practice).
    pub travel: bool,
}

impl Block {
    pub fn minutes(&self) -> u16 {
        self.end.minutes().saturating_sub(self.start.minutes())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Day {
    /// Kept sorted by start time.
    pub blocks: Vec<Block>,
}

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
    /// The practice's policy: sober monitors present when both partners dose (default 1).
    pub monitors_when_both_dose: u8,
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
        }
    }
}

/// A screening question's answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Answer {
    #[default]
    Unknown,
    Yes,
    No,
}

impl Answer {
    pub fn code(self) -> &'static str {
        match self {
            Answer::Unknown => "unknown",
            Answer::Yes => "yes",
            Answer::No => "no",
        }
    }

    pub fn from_code(code: &str) -> Option<Answer> {
        [Answer::Unknown, Answer::Yes, Answer::No]
            .into_iter()
            .find(|a| a.code() == code)
    }
}

/// Reasons to discuss KAP with the prescriber before dosing (from the domain primer). Never a
/// diagnosis: a "yes" means "talk to the prescriber first".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Contraindication {
    HighBloodPressure,
    HeartDisease,
    Pregnancy,
    Psychosis,
    BipolarMania,
    BrainInjury,
    Glaucoma,
    Epilepsy,
    SubstanceUse,
    CannotAbstain,
}

impl Contraindication {
    pub const ALL: [Contraindication; 10] = [
        Contraindication::HighBloodPressure,
        Contraindication::HeartDisease,
        Contraindication::Pregnancy,
        Contraindication::Psychosis,
        Contraindication::BipolarMania,
        Contraindication::BrainInjury,
        Contraindication::Glaucoma,
        Contraindication::Epilepsy,
        Contraindication::SubstanceUse,
        Contraindication::CannotAbstain,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Contraindication::HighBloodPressure => "high_blood_pressure",
            Contraindication::HeartDisease => "heart_disease",
            Contraindication::Pregnancy => "pregnancy_or_breastfeeding",
            Contraindication::Psychosis => "psychosis",
            Contraindication::BipolarMania => "bipolar_mania",
            Contraindication::BrainInjury => "brain_injury",
            Contraindication::Glaucoma => "glaucoma",
            Contraindication::Epilepsy => "epilepsy",
            Contraindication::SubstanceUse => "substance_use",
            Contraindication::CannotAbstain => "cannot_abstain_alcohol",
        }
    }

    pub fn question(self) -> &'static str {
        match self {
            Contraindication::HighBloodPressure => {
                "Uncontrolled high blood pressure (over 140/90 at the start of a session)"
            }
            Contraindication::HeartDisease => "Heart disease",
            Contraindication::Pregnancy => "Pregnant or breastfeeding",
            Contraindication::Psychosis => "History of psychosis",
            Contraindication::BipolarMania => "History of bipolar mania",
            Contraindication::BrainInjury => {
                "Recent traumatic brain injury or raised intracranial pressure"
            }
            Contraindication::Glaucoma => "Glaucoma",
            Contraindication::Epilepsy => "Recent epilepsy or seizures",
            Contraindication::SubstanceUse => "Active substance use",
            Contraindication::CannotAbstain => "Unable to abstain from alcohol for 24 hours",
        }
    }
}

/// One participant's screening answers, one per contraindication (in `Contraindication::ALL`
/// order).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Screening(pub [Answer; 10]);

impl Screening {
    pub fn answer(&self, item: Contraindication) -> Answer {
        self.0[item as usize]
    }

    pub fn set(&mut self, item: Contraindication, answer: Answer) {
        self.0[item as usize] = answer;
    }
}

/// A person in the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Person {
    PartnerA,
    PartnerB,
    Client,
}

impl Person {
    pub fn code(self) -> &'static str {
        match self {
            Person::PartnerA => "partner_a",
            Person::PartnerB => "partner_b",
            Person::Client => "client",
        }
    }

    pub fn from_code(code: &str) -> Option<Person> {
        [Person::PartnerA, Person::PartnerB, Person::Client]
            .into_iter()
            .find(|p| p.code() == code)
    }

    pub fn name(self, participants: &Participants) -> String {
        match (self, participants) {
            (Person::PartnerA, Participants::Couple { partner_a, .. }) => partner_a.clone(),
            (Person::PartnerB, Participants::Couple { partner_b, .. }) => partner_b.clone(),
            (_, Participants::Individual { client }) => client.clone(),
            (Person::Client, Participants::Couple { .. }) => "the client".to_string(),
        }
    }
}

/// Who takes the medicine in a couples plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Doses {
    PartnerA,
    PartnerB,
    #[default]
    Both,
}

impl Doses {
    pub fn code(self) -> &'static str {
        match self {
            Doses::PartnerA => "partner_a",
            Doses::PartnerB => "partner_b",
            Doses::Both => "both",
        }
    }

    pub fn from_code(code: &str) -> Option<Doses> {
        [Doses::PartnerA, Doses::PartnerB, Doses::Both]
            .into_iter()
            .find(|d| d.code() == code)
    }
}

/// The prescriber's medical clearance, as recorded by the therapist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clearance {
    pub date: NaiveDate,
    pub prescriber: String,
}

/// Who drives a dosing participant home on a dosing day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ride {
    /// 0-based day index.
    pub day: usize,
    pub person: Person,
    pub driver: String,
}

/// Clinician-only KAP records: screening, clearance, who doses, rides home.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KapRecord {
    /// Couples only; an individual client always doses.
    pub doses: Doses,
    /// Partner A's answers, or the client's.
    pub screening_a: Screening,
    /// Partner B's answers (couples).
    pub screening_b: Screening,
    pub clearance: Option<Clearance>,
    pub rides: Vec<Ride>,
    /// Sober monitors present when both partners dose.
    pub sober_monitors: u8,
    /// The prescriber explicitly signed off more than one dosing in this intensive.
    pub multiple_dosings_signed_off: bool,
}

impl KapRecord {
    /// The people who take the medicine.
    pub fn dosers(&self, participants: &Participants) -> Vec<Person> {
        match participants {
            Participants::Individual { .. } => vec![Person::Client],
            Participants::Couple { .. } => match self.doses {
                Doses::PartnerA => vec![Person::PartnerA],
                Doses::PartnerB => vec![Person::PartnerB],
                Doses::Both => vec![Person::PartnerA, Person::PartnerB],
            },
        }
    }

    pub fn screening(&self, person: Person) -> &Screening {
        match person {
            Person::PartnerB => &self.screening_b,
            _ => &self.screening_a,
        }
    }
}

/// Where the KAP session goes in a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KapPlacement {
    None,
    AtStart,
    Midway,
}

impl KapPlacement {
    pub fn code(self) -> &'static str {
        match self {
            KapPlacement::None => "none",
            KapPlacement::AtStart => "start",
            KapPlacement::Midway => "midway",
        }
    }

    pub fn from_code(code: &str) -> Option<KapPlacement> {
        [
            KapPlacement::None,
            KapPlacement::AtStart,
            KapPlacement::Midway,
        ]
        .into_iter()
        .find(|p| p.code() == code)
    }
}

/// A title cut to the title limit, for titles the app makes ("Copy of …", "… (imported)"), so
/// that a derived title can never make a plan invalid.
pub fn fit_title(title: String) -> String {
    super::limits::fit(&title, super::limits::TITLE_CHARS)
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
