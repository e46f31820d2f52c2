//! Every sentence the couple reads, in each language, as data: one table per language
//! (`en.rs`, `es.rs`), looked up by a `Key`. A sentence with parts that change ("Stop eating at
//! {time}") names them in braces, and `say` fills them in. The therapist's own screens stay in
//! English and do not use this.
//!
//! Each table is a `match` over every key, so a key missing from a language does not compile;
//! `tests/text.rs` checks that no text is empty and that each language names the same parts.

mod en;
mod es;

use super::limits::{MAX_DAYS, MIN_DAYS};
use super::model::Participants;
use chrono::{Datelike, NaiveDate};

/// A language the couple's side is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The code in the stored format, and the HTML `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's own name for itself ("English", "Español").
    pub fn name(self) -> &'static str {
        text(self, Key::LanguageName)
    }

    /// The language's name in a sentence of another: "Spanish" in English, "español" in Spanish.
    pub fn named_in(self, lang: Lang) -> &'static str {
        let key = match self {
            Lang::En => Key::NameEnglish,
            Lang::Es => Key::NameSpanish,
        };
        text(lang, key)
    }
}

/// Looks up a text.
pub fn text(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::En => en::text(key),
        Lang::Es => es::text(key),
    }
}

/// A text with its parts filled in: `say(lang, Key::Bring, &[("list", "a, b")])`.
pub fn say(lang: Lang, key: Key, parts: &[(&str, &str)]) -> String {
    fill(text(lang, key), parts)
}

/// Replaces each `{name}` in a template by its part; a name without a part stays as it is.
pub fn fill(template: &str, parts: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match parts.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names of a template's parts, in order.
pub fn parts(template: &str) -> Vec<&str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|piece| piece.split_once('}').map(|(name, _)| name))
        .collect()
}

/// A date as the couple reads it: "Fri 4 Dec 2026", "viernes 4 de diciembre de 2026".
pub fn date(lang: Lang, date: NaiveDate) -> String {
    const WEEKDAYS: [Key; 7] = [
        Key::Monday,
        Key::Tuesday,
        Key::Wednesday,
        Key::Thursday,
        Key::Friday,
        Key::Saturday,
        Key::Sunday,
    ];
    const MONTHS: [Key; 12] = [
        Key::January,
        Key::February,
        Key::March,
        Key::April,
        Key::May,
        Key::June,
        Key::July,
        Key::August,
        Key::September,
        Key::October,
        Key::November,
        Key::December,
    ];
    let weekday = WEEKDAYS[date.weekday().num_days_from_monday() as usize];
    let month = MONTHS[date.month0() as usize];
    say(
        lang,
        Key::DatePattern,
        &[
            ("weekday", text(lang, weekday)),
            ("day", &date.day().to_string()),
            ("month", text(lang, month)),
            ("year", &date.year().to_string()),
        ],
    )
}

/// "2 hours", "30 minutes", "2 hours 30 minutes"; "2 horas y 30 minutos".
pub fn duration(lang: Lang, minutes: u16) -> String {
    let unit = |n: u16, one: Key, many: Key| {
        say(
            lang,
            if n == 1 { one } else { many },
            &[("n", &n.to_string())],
        )
    };
    let hours = |h| unit(h, Key::HourOne, Key::Hours);
    let minutes_of = |m| unit(m, Key::MinuteOne, Key::Minutes);
    match (minutes / 60, minutes % 60) {
        (0, m) => minutes_of(m),
        (h, 0) => hours(h),
        (h, m) => say(
            lang,
            Key::HoursAndMinutes,
            &[("hours", &hours(h)), ("minutes", &minutes_of(m))],
        ),
    }
}

/// "a, b and c"; "a, b y c".
pub fn list(lang: Lang, items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => say(
            lang,
            Key::ListEnd,
            &[("rest", &rest.join(", ")), ("last", last)],
        ),
    }
}

/// The titles the templates and KAP placement write (in English): `title` reads them in
/// another language. A title the therapist typed matches none and stays as written.
const TITLES: &[Key] = &[
    Key::TitleBreak,
    Key::TitleLunch,
    Key::TitleMeal,
    Key::TitleJointWork,
    Key::TitleTherapy,
    Key::TitleJointHistory,
    Key::TitleIndividualWith,
    Key::TitleHistoryGoals,
    Key::TitleMorningCheckIn,
    Key::TitleClosing,
    Key::TitleReflection,
    Key::TitleIntegration,
    Key::TitleIntegrationClosing,
    Key::TitlePreDoseCheckIn,
    Key::TitlePreparation,
    Key::TitleVitalsBefore,
    Key::TitleVitalsBeforeName,
    Key::TitleDosing,
    Key::TitleDosingName,
    Key::TitleVitalsDischarge,
    Key::TitleVitalsDischargeName,
    Key::TitleRest,
    Key::TitleRestName,
];

/// A block's title in the couple's language when it is one the templates wrote ("Lunch",
/// "Individual session with Sam"); `None` for a title of the therapist's own.
pub fn title(lang: Lang, title: &str) -> Option<String> {
    TITLES.iter().find_map(|key| {
        let english = text(Lang::En, *key);
        match english.split_once("{name}") {
            None => (english == title).then(|| text(lang, *key).to_string()),
            Some((before, after)) => {
                let name = title.strip_prefix(before)?.strip_suffix(after)?;
                (!name.is_empty()).then(|| say(lang, *key, &[("name", name)]))
            }
        }
    })
}

/// The title the new-plan form gives a plan: "Alex & Sam · 3-day couples intensive".
pub fn plan_title(lang: Lang, participants: &Participants, days: usize) -> String {
    let key = match participants {
        Participants::Couple { .. } => Key::TitlePlanCouples,
        Participants::Individual { .. } => Key::TitlePlanIndividual,
    };
    say(
        lang,
        key,
        &[
            ("names", &participants.names()),
            ("length", &plan_length(lang, days)),
        ],
    )
}

fn plan_length(lang: Lang, days: usize) -> String {
    match days {
        1 => text(lang, Key::PlanLengthOne).to_string(),
        n => say(lang, Key::PlanLength, &[("days", &n.to_string())]),
    }
}

/// A plan's title in the couple's language when it is the one the new-plan form wrote (its
/// names kept as they are); `None` for a title of the therapist's own.
pub fn read_plan_title(lang: Lang, title: &str) -> Option<String> {
    [Key::TitlePlanCouples, Key::TitlePlanIndividual]
        .into_iter()
        .flat_map(|key| (MIN_DAYS..=MAX_DAYS).map(move |days| (key, days)))
        .find_map(|(key, days)| {
            let english = say(Lang::En, key, &[("length", &plan_length(Lang::En, days))]);
            let (before, after) = english.split_once("{names}")?;
            let names = title.strip_prefix(before)?.strip_suffix(after)?;
            (!names.is_empty()).then(|| {
                say(
                    lang,
                    key,
                    &[("names", names), ("length", &plan_length(lang, days))],
                )
            })
        })
}

/// Declares `Key` and `Key::ALL` from one list, so that the list of every key cannot miss one.
macro_rules! keys {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// Every text the couple reads. A new one goes here and into every table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key {
            $($(#[$doc])* $name,)*
        }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$name,)*];
        }
    };
}

keys! {
    LanguageName,
    NameEnglish,
    NameSpanish,
    // Dates, durations, lists.
    DatePattern,
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
    January,
    February,
    March,
    April,
    May,
    June,
    July,
    August,
    September,
    October,
    November,
    December,
    HourOne,
    Hours,
    MinuteOne,
    Minutes,
    HoursAndMinutes,
    ListEnd,
    // What each kind of block is, for the couple.
    AboutCheckIn,
    AboutJointSession,
    AboutIndividualSession,
    AboutKapPreparation,
    AboutVitalsCheck,
    AboutKapDosing,
    AboutRest,
    AboutKapIntegration,
    AboutBreak,
    AboutLunch,
    AboutMeal,
    AboutReflection,
    AboutClosing,
    SupportAboutDose,
    SupportAboutRest,
    FollowUpAbout,
    // What to bring to a dosing day.
    BringMask,
    BringHeadphones,
    BringJournal,
    BringBlanket,
    BringClothes,
    // The dosing day's advice.
    FastingSameDay,
    FastingEveBefore,
    FastingOnDay,
    LiquidsSips,
    LiquidsStop,
    StopEating,
    VitalsDuring,
    Observed,
    NoAlcohol,
    Bring,
    RideWithDriver,
    RideNone,
    Integration,
    OnCall,
    Department,
    EmergencyContact,
    SupportToday,
    SupportSober,
    SupportDo,
    SupportDont,
    // The days before.
    EveSupport,
    EveTonight,
    Eve,
    EveningBeforeSupport,
    EveningBefore,
    // Headings and lines.
    EveningHeading,
    DayHeading,
    YouSupport,
    AdviceHeadingSupport,
    AdviceHeading,
    FollowUpLine,
    AfterHeading,
    ZoneLine,
    ZoneLineTheirs,
    WhenPlace,
    WhenTheirs,
    WhenHome,
    ClockTheirs,
    ClockHome,
    ZoneLineHome,
    WhenTheirDate,
    // The titles the templates and KAP placement give blocks (`title`).
    TitleBreak,
    TitleLunch,
    TitleMeal,
    TitleJointWork,
    TitleTherapy,
    TitleJointHistory,
    TitleIndividualWith,
    TitleHistoryGoals,
    TitleMorningCheckIn,
    TitleClosing,
    TitleReflection,
    TitleIntegration,
    TitleIntegrationClosing,
    TitlePreDoseCheckIn,
    TitlePreparation,
    TitleVitalsBefore,
    TitleVitalsBeforeName,
    TitleDosing,
    TitleDosingName,
    TitleVitalsDischarge,
    TitleVitalsDischargeName,
    TitleRest,
    TitleRestName,
    /// The plan's title the new-plan form writes: names, length, kind.
    TitlePlanCouples,
    TitlePlanIndividual,
    /// "3-day"; "de 3 días".
    PlanLength,
    PlanLengthOne,
    // Calendar files and their panel.
    KindCheckIn,
    KindJointSession,
    KindIndividualSession,
    KindBreak,
    KindLunch,
    KindMeal,
    KindReflection,
    KindClosing,
    NeutralPreparation,
    NeutralShortCheck,
    NeutralSession,
    NeutralRest,
    NeutralFollowUp,
    CalendarPart,
    AlarmLeave,
    AlarmFasting,
    FollowUpTitle,
    CalendarFile,
    CalendarFullTitles,
    CalendarFastingAlarm,
    CalendarLeave,
    CalendarLeaveInvalid,
    CalendarUnknownZone,
    CalendarSaved,
    CalendarSavedSkipped,
    CalendarFailed,
    CalendarEveryone,
    CalendarFor,
    // Day cards.
    CardsLead,
    PrintCards,
    CardsTimes,
    AfterLabel,
    CardsLanguages,
    CardsOne,
    CardsBoth,
    // The share page before the schedule opens, and why a link does not open.
    ShareOpening,
    ShareCannotOpen,
    ShareAskAgain,
    ShareProtected,
    ShareEnterPassphrase,
    SharePassphrase,
    ShareOpen,
    ErrNotALink,
    ErrTooLong,
    ErrNeedsPassphrase,
    ErrWrongPassphrase,
    ErrDamaged,
    WhyNoHeader,
    WhyBadCharacters,
    WhyCutOrChanged,
    WhyTooBig,
    WhyNotText,
    WhyUnreadable,
    ErrUnsupported,
    ErrTooLarge,
    ErrNoPassphrase,
    // The couple's pages around the schedule.
    ShowLabel,
    EveryonesSchedule,
    OnlyPerson,
    SaveCopy,
    SaveCopyHint,
    SaveCopyFailed,
    DayCards,
    BackToSchedule,
    OpenedFromLink,
    PartLoading,
    PartNotLoaded,
}
