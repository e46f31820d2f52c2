//! What the couple (or the client) sees: the plan in plain words, without anything clinical.
//! This is the one source for the preview page, the share link, the calendar file and the printed
//! day cards, so nothing clinician-only can reach any of them: notes, screening answers,
//! clearance and settings are simply not part of a `Preview`.

use super::model::{
    moment, same_name, Attendees, Block, BlockId, BlockKind, Day, EmergencyPlan, KapRecord, Person,
    Plan, Settings, Team, Time,
};
use super::text::{self, duration, list, say, text, Key, Lang};
use chrono::NaiveDate;

/// Things to bring to a dosing day.
pub const BRING_LIST: [Key; 5] = [
    Key::BringMask,
    Key::BringHeadphones,
    Key::BringJournal,
    Key::BringBlanket,
    Key::BringClothes,
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// The couple's language: every text below is written in it.
    pub lang: Lang,
    pub title: String,
    /// "Alex & Sam" or "Jo".
    pub names: String,
    pub time_zone: String,
    /// The couple's own zone, when their clock reads differently from the practice's on some
    /// block (`in_their_zone`); each such item then carries its times on their clock.
    pub their_zone: Option<String>,
    /// Whose that zone is: the device's ("your time") or the home the therapist set.
    pub their_clock: TheirClock,
    pub days: Vec<PreviewDay>,
    /// When one partner doses: the partner who supports them.
    pub supporter: Option<Supporter>,
    /// Whose view this is (`for_person`), or `None` for everyone.
    pub viewer: Option<Person>,
    /// An integration appointment after the intensive.
    pub follow_up: Option<FollowUpItem>,
    /// Its start and end on the couple's clock, when it reads differently.
    pub their_follow_up: Option<(Time, Time)>,
    /// What to do if something goes wrong on a dosing day.
    pub emergency: EmergencyPlan,
}

/// The partner who is present and sober while the other doses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Supporter {
    pub person: Person,
    pub name: String,
    /// The name of the partner who doses.
    pub doser: String,
}

/// The follow-up integration appointment, for the preview and the calendar file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FollowUpItem {
    pub date: NaiveDate,
    pub start: Time,
    pub end: Time,
}

/// What a supporting partner's time during the dose and the rest after it is, for them.
pub fn support_about(lang: Lang, kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Rest => text(lang, Key::SupportAboutRest),
        _ => text(lang, Key::SupportAboutDose),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewDay {
    /// 1-based.
    pub number: usize,
    pub date: NaiveDate,
    pub items: Vec<PreviewItem>,
    /// Present on a dosing day.
    pub dosing: Option<DosingDay>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewItem {
    /// The block's id: stable, and not clinical.
    pub id: BlockId,
    pub start: Time,
    pub end: Time,
    pub kind: BlockKind,
    pub title: String,
    /// "Alex & Sam", "Alex", …
    pub who: String,
    pub attendees: Attendees,
    /// What happens, in plain words.
    pub about: &'static str,
    /// Its times on the couple's clock, when their zone reads differently.
    pub theirs: Option<TheirTime>,
}

/// An item's times as the couple reads them: on the practice's clock, and when theirs reads
/// differently, where the practice is and their own times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct When {
    pub times: String,
    pub theirs: Option<(String, String)>,
}

/// Whose clock the second time beside each block is on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TheirClock {
    /// The device's that opens the preview: "12:00–13:30 your time".
    #[default]
    Device,
    /// The couple's home, as the therapist set it: "12:00–13:30 in New York".
    Home,
}

impl TheirClock {
    /// Of two texts, the one written for this clock.
    fn key(self, device: Key, home: Key) -> Key {
        match self {
            TheirClock::Device => device,
            TheirClock::Home => home,
        }
    }
}

/// The second clock a preview shows, if any: the device's own when it is not on the practice's
/// zone (a couple at home a week before), else the couple's home zone when the therapist set
/// one (the therapist's own screen, or a couple's phone already on the practice's clock);
/// `None` when both read the practice's zone.
pub fn second_clock(plan: &Plan, device_zone: &str) -> Option<(String, TheirClock)> {
    if device_zone != plan.time_zone {
        return Some((device_zone.to_string(), TheirClock::Device));
    }
    plan.couple_zone
        .as_ref()
        .filter(|home| **home != plan.time_zone)
        .map(|home| (home.clone(), TheirClock::Home))
}

/// A block's times on the couple's own clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TheirTime {
    pub start: Time,
    pub end: Time,
    /// Their date, when it is not the day's own date (a morning in California is the evening
    /// before in Sydney).
    pub date: Option<NaiveDate>,
}

/// Where a zone's clock is, for the couple: "Los Angeles" for "America/Los_Angeles", "UTC" for
/// "UTC".
pub fn zone_place(zone: &str) -> String {
    zone.rsplit('/').next().unwrap_or(zone).replace('_', " ")
}

/// What the couple must know on a dosing day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DosingDay {
    /// When the (first) dose of the day starts.
    pub dose_at: Time,
    /// When to stop eating: the day (1-based; may be the day before the intensive, 0) and time.
    pub fasting_from: (usize, Time),
    pub fasting_hours: u16,
    /// No liquids for this long before the dose (0: sips of water are fine).
    pub liquids_minutes: u16,
    /// How long the dose is watched over, and when vitals are checked during it (0: only
    /// before and at the end): from the plan's protocol profile.
    pub observed_minutes: u16,
    pub vitals_check_minutes: u16,
    /// Who takes whom home: the person who doses, their name, and the driver if recorded.
    pub rides: Vec<(Person, String, Option<String>)>,
    /// The dose's and the fasting's times on the couple's clock, when it reads differently
    /// (`Preview::in_their_zone`).
    pub theirs: Option<(Time, Time)>,
}

/// A warm, plain description of each kind of block, for the couple.
pub fn about(lang: Lang, kind: BlockKind) -> &'static str {
    let key = match kind {
        BlockKind::CheckIn => Key::AboutCheckIn,
        BlockKind::JointSession => Key::AboutJointSession,
        BlockKind::IndividualSession => Key::AboutIndividualSession,
        BlockKind::KapPreparation => Key::AboutKapPreparation,
        BlockKind::VitalsCheck => Key::AboutVitalsCheck,
        BlockKind::KapDosing => Key::AboutKapDosing,
        BlockKind::Rest => Key::AboutRest,
        BlockKind::KapIntegration => Key::AboutKapIntegration,
        BlockKind::Break => Key::AboutBreak,
        BlockKind::Lunch => Key::AboutLunch,
        BlockKind::Meal => Key::AboutMeal,
        BlockKind::Reflection => Key::AboutReflection,
        BlockKind::Closing => Key::AboutClosing,
    };
    text(lang, key)
}

/// The plan as it may travel to the couple (in a share link, or saved on their device), built
/// field by field from an explicit list: the agenda (times, kinds, titles, who attends, travel),
/// the names, dates and zone, who doses and who drives them home, the fasting time, the follow-up
/// appointment and the emergency plan. Notes,
/// screening answers, clearance, monitors, sign-off and every other setting are left out, and a
/// field added to `Plan`, `Block`, `KapRecord` or `Settings` later stays out until someone adds it
/// here on purpose (the struct literals below name every field, so the compiler asks).
///
/// With a person, only what concerns them travels: their own and the joint sessions (and, for a
/// supporting partner, the dose they support), and their own ride home.
pub fn public_plan(plan: &Plan, person: Option<Person>) -> Plan {
    let supporter = plan.kap.supporter(&plan.participants);
    let concerns = |block: &Block| {
        person.is_none_or(|p| attends(block.attendees, p) || supports(block.kind, supporter, p))
    };
    let days = plan
        .days
        .iter()
        .map(|day| Day {
            blocks: day
                .blocks
                .iter()
                .filter(|b| concerns(b))
                .map(|b| Block {
                    id: b.id,
                    start: b.start,
                    end: b.end,
                    kind: b.kind,
                    title: b.title.clone(),
                    // The couple's own: the care team stays on the therapist's device.
                    attendees: b.attendees.clients(),
                    notes: String::new(),
                    travel: b.travel,
                })
                .collect(),
        })
        .collect();
    let defaults = Settings::default();
    Plan {
        id: plan.id.clone(),
        title: plan.title.clone(),
        participants: plan.participants.clone(),
        team: Team::default(),
        start_date: plan.start_date,
        day_start: plan.day_start,
        day_end: plan.day_end,
        time_zone: plan.time_zone.clone(),
        // The couple's language travels with their plan.
        language: plan.language,
        // So is their home clock, when the therapist set one.
        couple_zone: plan.couple_zone.clone(),
        settings: Settings {
            // The protocol's figures are the couple's to know: how long they fast and are watched.
            dosing_minutes: plan.settings.dosing_minutes,
            integration_window_hours: defaults.integration_window_hours,
            fasting_hours: plan.settings.fasting_hours,
            liquids_minutes: plan.settings.liquids_minutes,
            vitals_check_minutes: plan.settings.vitals_check_minutes,
            profile: plan.settings.profile,
            systolic_max: defaults.systolic_max,
            diastolic_max: defaults.diastolic_max,
            pulse_max: defaults.pulse_max,
            daily_load_minutes: defaults.daily_load_minutes,
            max_stretch_minutes: defaults.max_stretch_minutes,
            monitors_when_both_dose: defaults.monitors_when_both_dose,
            stagger_minutes: defaults.stagger_minutes,
            dosing_day_load_minutes: defaults.dosing_day_load_minutes,
            time_on_site_minutes: defaults.time_on_site_minutes,
            longer_window_on_purpose: defaults.longer_window_on_purpose,
            clearance_valid_days: defaults.clearance_valid_days,
        },
        kap: KapRecord {
            doses: plan.kap.doses,
            screening_a: Default::default(),
            screening_b: Default::default(),
            private_a: Default::default(),
            private_b: Default::default(),
            clearance_a: None,
            clearance_b: None,
            readings: Vec::new(),
            rides: plan
                .kap
                .rides
                .iter()
                .filter(|r| person.is_none_or(|p| r.person == p))
                .cloned()
                .collect(),
            sober_monitors: 0,
            multiple_dosings_signed_off: false,
            // The follow-up appointment is the couple's to know (it goes in their calendar).
            follow_up: plan.kap.follow_up,
            // Consent is a clinical record: it stays with the therapist.
            consent: Default::default(),
            // Safety information for the couple; a link for one person carries their contact.
            emergency: {
                let mut emergency = plan.kap.emergency.clone();
                if let Some(p) = person {
                    for other in plan.participants.people().iter().filter(|o| **o != p) {
                        emergency.contact_mut(*other).clear();
                    }
                }
                emergency
            },
        },
        days,
    }
}

/// The couple's view of a plan.
pub fn preview(plan: &Plan) -> Preview {
    let people = &plan.participants;
    let days = plan
        .days
        .iter()
        .enumerate()
        .map(|(index, day)| {
            let items = day
                .blocks
                .iter()
                .map(|b| PreviewItem {
                    id: b.id,
                    start: b.start,
                    end: b.end,
                    kind: b.kind,
                    // A title the templates wrote reads in the couple's language.
                    title: match plan.language {
                        Lang::En => b.title.clone(),
                        lang => text::title(lang, &b.title).unwrap_or_else(|| b.title.clone()),
                    },
                    who: b.attendees.describe(people),
                    attendees: b.attendees,
                    about: about(plan.language, b.kind),
                    theirs: None,
                })
                .collect();
            let dosing = day
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::KapDosing)
                .map(|b| b.start)
                .min()
                .map(|dose_at| {
                    let fasting = u32::from(plan.settings.fasting_hours) * 60;
                    // Counted from the start of the day before day 1, so it cannot go negative.
                    let from = moment(index + 1, dose_at).saturating_sub(fasting);
                    let fasting_from = (
                        (from / (24 * 60)) as usize,
                        Time::from_minutes((from % (24 * 60)) as u16).unwrap_or(dose_at),
                    );
                    let dosers = plan.kap.dosers(people);
                    let doser_names: Vec<String> = dosers.iter().map(|p| p.name(people)).collect();
                    let rides = dosers
                        .into_iter()
                        .map(|person| {
                            // Only a sober adult takes someone home: a driver who doses is
                            // not shown as their ride (the checker flags it).
                            let driver = plan
                                .kap
                                .rides
                                .iter()
                                .find(|r| {
                                    r.day == index
                                        && r.person == person
                                        && !r.driver.trim().is_empty()
                                })
                                .map(|r| r.driver.clone())
                                .filter(|d| !doser_names.iter().any(|n| same_name(n, d)));
                            (person, person.name(people), driver)
                        })
                        .collect();
                    DosingDay {
                        dose_at,
                        fasting_from,
                        fasting_hours: plan.settings.fasting_hours,
                        liquids_minutes: plan.settings.liquids_minutes,
                        observed_minutes: plan.settings.dosing_minutes,
                        vitals_check_minutes: plan.settings.vitals_check_minutes,
                        rides,
                        theirs: None,
                    }
                });
            PreviewDay {
                number: index + 1,
                date: plan.date_of(index),
                items,
                dosing,
            }
        })
        .collect();
    let supporter = plan.kap.supporter(people).map(|person| Supporter {
        person,
        name: person.name(people),
        doser: plan
            .kap
            .dosers(people)
            .first()
            .map(|d| d.name(people))
            .unwrap_or_default(),
    });
    let follow_up = plan.kap.follow_up.and_then(|f| {
        Some(FollowUpItem {
            date: f.date,
            start: f.start,
            end: f.start.plus(f.minutes)?,
        })
    });
    Preview {
        lang: plan.language,
        // The title the new-plan form wrote reads in the couple's language.
        title: text::read_plan_title(plan.language, &plan.title)
            .filter(|_| plan.language != Lang::En)
            .unwrap_or_else(|| plan.title.clone()),
        names: people.names(),
        time_zone: plan.time_zone.clone(),
        their_zone: None,
        their_clock: TheirClock::Device,
        days,
        supporter,
        viewer: None,
        follow_up,
        their_follow_up: None,
        emergency: plan.kap.emergency.clone(),
    }
}

/// Whether a partner who supports sees a block of this kind that they do not attend: the dose
/// and the rest after it, which they sit through with their partner.
pub fn supports(kind: BlockKind, supporter: Option<Person>, person: Person) -> bool {
    supporter == Some(person) && matches!(kind, BlockKind::KapDosing | BlockKind::Rest)
}

impl Preview {
    /// The same preview with each time also on the couple's clock: `zone` is theirs (the
    /// device's that opens it), `convert` turns a date and time on the practice's clock into
    /// theirs (`None`: unknown). Nothing changes when the two clocks read the same everywhere.
    pub fn in_their_zone(
        &self,
        (zone, clock): (&str, TheirClock),
        convert: impl Fn(NaiveDate, Time) -> Option<(NaiveDate, Time)>,
    ) -> Preview {
        let mut copy = self.clone();
        copy.their_clock = clock;
        if zone == self.time_zone {
            return copy;
        }
        for day in &mut copy.days {
            for item in &mut day.items {
                let (Some(start), Some(end)) =
                    (convert(day.date, item.start), convert(day.date, item.end))
                else {
                    continue;
                };
                if start != (day.date, item.start) {
                    item.theirs = Some(TheirTime {
                        start: start.1,
                        end: end.1,
                        date: (start.0 != day.date).then_some(start.0),
                    });
                }
            }
        }
        // The dose and the fasting, which the advice names, on their clock too.
        for day in &mut copy.days {
            let (date, number) = (day.date, day.number);
            if let Some(dosing) = &mut day.dosing {
                let (fasting_day, fasting_at) = dosing.fasting_from;
                let fasting_date = number
                    .checked_sub(fasting_day)
                    .and_then(|back| date.checked_sub_days(chrono::Days::new(back as u64)));
                let dose = convert(date, dosing.dose_at).map(|t| t.1);
                let fasting = fasting_date
                    .and_then(|d| convert(d, fasting_at))
                    .map(|t| t.1);
                if let (Some(dose), Some(fasting)) = (dose, fasting) {
                    dosing.theirs = (dose != dosing.dose_at || fasting != fasting_at)
                        .then_some((dose, fasting));
                }
            }
        }
        if let Some(f) = self.follow_up {
            if let (Some(start), Some(end)) = (convert(f.date, f.start), convert(f.date, f.end)) {
                copy.their_follow_up = (start != (f.date, f.start)).then_some((start.1, end.1));
            }
        }
        let differs = copy
            .days
            .iter()
            .flat_map(|d| &d.items)
            .any(|i| i.theirs.is_some());
        copy.their_zone = differs.then(|| zone.to_string());
        copy
    }

    /// Says a text in the couple's language, with its parts filled in.
    fn say(&self, key: Key, parts: &[(&str, &str)]) -> String {
        say(self.lang, key, parts)
    }

    /// A time the advice names, with the couple's own beside it when the preview shows their
    /// clock: "07:00 (10:00 your time)", "07:00 (10:00 in New York)".
    fn clock(&self, time: Time, theirs: Option<Time>) -> String {
        match (theirs, &self.their_zone) {
            (Some(theirs), Some(zone)) => self.say(
                self.their_clock.key(Key::ClockTheirs, Key::ClockHome),
                &[
                    ("time", &time.to_string()),
                    ("theirs", &theirs.to_string()),
                    ("home", &zone_place(zone)),
                ],
            ),
            _ => time.to_string(),
        }
    }

    /// The dose's and the fasting's times as the advice writes them.
    fn dosing_times(&self, dosing: &DosingDay) -> (String, String) {
        let (dose, fasting) = dosing.theirs.unzip();
        (
            self.clock(dosing.dose_at, dose),
            self.clock(dosing.fasting_from.1, fasting),
        )
    }

    /// A date in the couple's language.
    pub fn date(&self, date: NaiveDate) -> String {
        text::date(self.lang, date)
    }

    /// The line under the title saying whose clock the times are on.
    pub fn zone_line(&self) -> String {
        match &self.their_zone {
            Some(theirs) => self.say(
                self.their_clock.key(Key::ZoneLineTheirs, Key::ZoneLineHome),
                &[
                    ("place", &zone_place(&self.time_zone)),
                    ("zone", &self.time_zone),
                    ("theirs", theirs),
                    ("home", &zone_place(theirs)),
                ],
            ),
            None => self.say(Key::ZoneLine, &[("zone", &self.time_zone)]),
        }
    }

    /// An item's times: "09:00–10:30", or on two clocks, "09:00–10:30", "in Los Angeles" and
    /// "12:00–13:30 your time" (with their date when it differs).
    pub fn when(&self, item: &PreviewItem) -> When {
        let times = format!("{}–{}", item.start, item.end);
        let Some(theirs) = item.theirs else {
            return When {
                times,
                theirs: None,
            };
        };
        let date = theirs
            .date
            .map(|d| self.say(Key::WhenTheirDate, &[("date", &self.date(d))]))
            .unwrap_or_default();
        When {
            times,
            theirs: Some((
                self.say(Key::WhenPlace, &[("place", &zone_place(&self.time_zone))]),
                self.their_range(theirs.start, theirs.end, &date),
            )),
        }
    }

    /// Times on the couple's clock: "12:00–13:30 your time", "12:00–13:30 in New York", with
    /// their date after it when it differs (`date`, already written, or empty).
    fn their_range(&self, start: Time, end: Time, date: &str) -> String {
        let home = self
            .their_zone
            .as_deref()
            .map(zone_place)
            .unwrap_or_default();
        self.say(
            self.their_clock.key(Key::WhenTheirs, Key::WhenHome),
            &[
                ("start", &start.to_string()),
                ("end", &end.to_string()),
                ("date", date),
                ("home", &home),
            ],
        )
    }

    /// The plain-language advice for a dosing day, one sentence per line.
    pub fn dosing_advice(&self, day: &PreviewDay) -> Vec<String> {
        let Some(dosing) = &day.dosing else {
            return Vec::new();
        };
        let lang = self.lang;
        let fasting_day = dosing.fasting_from.0;
        let (dose_at, fasting_time) = self.dosing_times(dosing);
        let when = if fasting_day == day.number {
            self.say(Key::FastingSameDay, &[("time", &fasting_time)])
        } else if fasting_day + 1 == day.number {
            self.say(Key::FastingEveBefore, &[("time", &fasting_time)])
        } else {
            self.say(
                Key::FastingOnDay,
                &[("time", &fasting_time), ("day", &fasting_day.to_string())],
            )
        };
        let mut advice = Vec::new();
        if !dosing.rides.is_empty() {
            let liquids = match dosing.liquids_minutes {
                0 => text(lang, Key::LiquidsSips).to_string(),
                m => self.say(Key::LiquidsStop, &[("duration", &duration(lang, m))]),
            };
            advice.push(self.say(
                Key::StopEating,
                &[
                    ("when", &when),
                    ("hours", &dosing.fasting_hours.to_string()),
                    ("time", &dose_at),
                    ("liquids", &liquids),
                ],
            ));
            let during = match dosing.vitals_check_minutes {
                0 => String::new(),
                m => self.say(Key::VitalsDuring, &[("duration", &duration(lang, m))]),
            };
            advice.push(self.say(
                Key::Observed,
                &[
                    ("duration", &duration(lang, dosing.observed_minutes)),
                    ("during", &during),
                ],
            ));
            advice.push(text(lang, Key::NoAlcohol).to_string());
            let bring: Vec<&str> = BRING_LIST.iter().map(|k| text(lang, *k)).collect();
            advice.push(self.say(Key::Bring, &[("list", &list(lang, &bring))]));
        }
        for (_, who, driver) in &dosing.rides {
            advice.push(match driver {
                Some(driver) => self.say(Key::RideWithDriver, &[("who", who), ("driver", driver)]),
                None => self.say(Key::RideNone, &[("who", who)]),
            });
        }
        if let Some(support) = self
            .supporter
            .as_ref()
            .filter(|s| self.viewer.is_none_or(|v| v == s.person))
        {
            advice.extend(self.support_advice(support, &dose_at));
        }
        if !advice.is_empty() {
            advice.extend(self.emergency_lines(dosing));
        }
        if !advice.is_empty() {
            advice.push(text(lang, Key::Integration).to_string());
        }
        advice
    }

    /// What a partner who supports is asked to do and not do on the dosing day.
    fn support_advice(&self, support: &Supporter, dose_at: &str) -> Vec<String> {
        let (you, partner) = (support.name.as_str(), support.doser.as_str());
        vec![
            self.say(
                Key::SupportToday,
                &[("you", you), ("partner", partner), ("time", dose_at)],
            ),
            text(self.lang, Key::SupportSober).to_string(),
            text(self.lang, Key::SupportDo).to_string(),
            self.say(Key::SupportDont, &[("partner", partner)]),
        ]
    }

    /// The emergency plan, as far as it is filled in: the on-call number, the nearest emergency
    /// department, and the emergency contact of each person this view covers who doses.
    fn emergency_lines(&self, dosing: &DosingDay) -> Vec<String> {
        let plan = &self.emergency;
        let filled = |text: &str| !text.trim().is_empty();
        let mut lines = Vec::new();
        if filled(&plan.on_call) {
            lines.push(self.say(Key::OnCall, &[("number", plan.on_call.trim())]));
        }
        let place: Vec<&str> = [plan.department.trim(), plan.address.trim()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect();
        if !place.is_empty() {
            lines.push(self.say(Key::Department, &[("place", &place.join(", "))]));
        }
        let mut people: Vec<(Person, String)> = dosing
            .rides
            .iter()
            .map(|(person, name, _)| (*person, name.clone()))
            .collect();
        if let Some(support) = self
            .supporter
            .as_ref()
            .filter(|s| self.viewer == Some(s.person))
        {
            if let Some(doser) = [Person::PartnerA, Person::PartnerB]
                .into_iter()
                .find(|p| *p != support.person)
            {
                people.push((doser, support.doser.clone()));
            }
        }
        for (person, name) in people {
            let contact = plan.contact(person).trim();
            if !contact.is_empty() {
                lines.push(self.say(
                    Key::EmergencyContact,
                    &[("name", &name), ("contact", contact)],
                ));
            }
        }
        lines
    }

    /// A reminder for the day before a dosing day (nothing on other days): the dosing is
    /// tomorrow, no alcohol or cannabis from now on, and when to stop eating if that is tonight.
    /// A supporting partner is told what tomorrow asks of them instead.
    pub fn eve_advice(&self, day: &PreviewDay) -> Option<String> {
        let next = self.days.iter().find(|d| d.number == day.number + 1)?;
        let dosing = next.dosing.as_ref()?;
        let dose_at = self.dosing_times(dosing).0;
        if dosing.rides.is_empty() {
            let support = self.supporter.as_ref()?;
            return Some(self.say(
                Key::EveSupport,
                &[("partner", &support.doser), ("time", &dose_at)],
            ));
        }
        let tonight = self.tonight(dosing, day.number);
        Some(self.say(Key::Eve, &[("time", &dose_at), ("tonight", &tonight)]))
    }

    /// " Tonight, stop eating at 20:00." when fasting starts on this day, else nothing.
    fn tonight(&self, dosing: &DosingDay, day: usize) -> String {
        if dosing.fasting_from.0 == day {
            self.say(Key::EveTonight, &[("time", &self.dosing_times(dosing).1)])
        } else {
            String::new()
        }
    }

    /// When the first dosing is on day 1, the evening before the intensive gets advice of its own
    /// (there is no earlier day to carry it): its date and the text; for a partner who supports,
    /// what tomorrow asks of them. `None` otherwise.
    pub fn evening_before(&self) -> Option<(NaiveDate, String)> {
        let first = self.days.first().filter(|d| d.number == 1)?;
        let dosing = first.dosing.as_ref()?;
        let dose_at = self.dosing_times(dosing).0;
        if dosing.rides.is_empty() {
            // A partner who supports: what tomorrow asks of them.
            let support = self.supporter.as_ref()?;
            return Some((
                first.date.pred_opt()?,
                self.say(
                    Key::EveningBeforeSupport,
                    &[("partner", &support.doser), ("time", &dose_at)],
                ),
            ));
        }
        let tonight = self.tonight(dosing, 0);
        Some((
            first.date.pred_opt()?,
            self.say(
                Key::EveningBefore,
                &[("time", &dose_at), ("tonight", &tonight)],
            ),
        ))
    }

    /// The heading of the evening before: "The evening before · Thu 3 Dec 2026".
    pub fn evening_heading(&self, date: NaiveDate) -> String {
        self.say(Key::EveningHeading, &[("date", &self.date(date))])
    }

    /// The heading of a day: "Day 2 · Sat 5 Dec 2026".
    pub fn day_heading(&self, day: &PreviewDay) -> String {
        self.say(
            Key::DayHeading,
            &[
                ("n", &day.number.to_string()),
                ("date", &self.date(day.date)),
            ],
        )
    }

    /// Only what one person attends: their own blocks and the joint ones.
    pub fn for_person(&self, person: Person) -> Preview {
        let mut copy = self.clone();
        copy.viewer = Some(person);
        let supporter = self.supporter.as_ref().map(|s| s.person);
        let supporting = supporter == Some(person);
        for day in &mut copy.days {
            day.items.retain(|item| {
                attends(item.attendees, person) || supports(item.kind, supporter, person)
            });
            for item in &mut day.items {
                if !attends(item.attendees, person) {
                    // The dose they sit through with their partner, described for them.
                    item.about = support_about(self.lang, item.kind);
                    item.who = self.say(Key::YouSupport, &[("who", &item.who)]);
                }
            }
            if let Some(dosing) = &mut day.dosing {
                dosing.rides.retain(|(who, _, _)| *who == person);
            }
            // The dosing advice (fasting, no driving) is for the people who dose; a supporting
            // partner gets advice of their own.
            if day.dosing.as_ref().is_some_and(|d| d.rides.is_empty()) && !supporting {
                day.dosing = None;
            }
        }
        copy
    }

    /// The heading over a dosing day's advice: a supporting partner's differs.
    pub fn advice_heading(&self) -> String {
        match &self.supporter {
            Some(s) if self.viewer == Some(s.person) => {
                self.say(Key::AdviceHeadingSupport, &[("partner", &s.doser)])
            }
            _ => text(self.lang, Key::AdviceHeading).to_string(),
        }
    }

    /// Whether this item is in the view of this person (or everyone's, with `None`).
    pub fn shows(&self, item: &PreviewItem, person: Option<Person>) -> bool {
        let supporter = self.supporter.as_ref().map(|s| s.person);
        person.is_none_or(|p| attends(item.attendees, p) || supports(item.kind, supporter, p))
    }

    /// "Follow-up integration · Mon 7 Dec 2026, 10:00–11:00".
    pub fn follow_up_line(&self) -> Option<String> {
        self.follow_up.map(|f| {
            self.say(
                Key::FollowUpLine,
                &[
                    ("date", &self.date(f.date)),
                    ("start", &f.start.to_string()),
                    ("end", &self.follow_up_end(f.end)),
                ],
            )
        })
    }

    /// The follow-up's end, with its times on the couple's clock after it when they differ:
    /// "11:00 (13:00–14:00 your time)".
    fn follow_up_end(&self, end: Time) -> String {
        match (self.their_follow_up, &self.their_zone) {
            (Some((start, their_end)), Some(_)) => {
                format!("{end} ({})", self.their_range(start, their_end, ""))
            }
            _ => end.to_string(),
        }
    }

    /// What the follow-up is, for the couple.
    pub fn follow_up_about(&self) -> &'static str {
        text(self.lang, Key::FollowUpAbout)
    }

    /// A text in the couple's language, as it is (a heading, say).
    pub fn text(&self, key: Key) -> &'static str {
        text(self.lang, key)
    }
}

/// Whether a person attends a block with these attendees.
pub fn attends(attendees: Attendees, person: Person) -> bool {
    attendees.contains(person.into())
}
