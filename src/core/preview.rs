//! What the couple (or the client) sees: the plan in plain words, without anything clinical.
//! This is the one source for the preview page, the share link, the calendar file and the printed
//! day cards, so nothing clinician-only can reach any of them: notes, screening answers,
//! clearance and settings are simply not part of a `Preview`.

use super::model::{
    display_date, moment, same_name, Attendees, Block, BlockId, BlockKind, Day, EmergencyPlan,
    KapRecord, Person, Plan, Settings, Team, Time,
};
use chrono::NaiveDate;

/// Things to bring to a dosing day.
pub const BRING_LIST: [&str; 5] = [
    "an eye mask",
    "headphones, and music you find calming if you like",
    "a journal and pen",
    "a soft blanket",
    "loose, comfortable clothes",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub title: String,
    /// "Alex & Sam" or "Jo".
    pub names: String,
    pub time_zone: String,
    /// The couple's own zone, when their clock reads differently from the practice's on some
    /// block (`in_their_zone`); each such item then carries its times on their clock.
    pub their_zone: Option<String>,
    pub days: Vec<PreviewDay>,
    /// When one partner doses: the partner who supports them.
    pub supporter: Option<Supporter>,
    /// Whose view this is (`for_person`), or `None` for everyone.
    pub viewer: Option<Person>,
    /// An integration appointment after the intensive.
    pub follow_up: Option<FollowUpItem>,
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

/// What the follow-up is, for the couple.
pub const FOLLOW_UP_ABOUT: &str = "An integration session after the intensive, to keep making sense of your KAP session while the mind is still open to change.";

/// What a supporting partner's time during the dose and the rest after it is, for them.
pub fn support_about(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Rest => "Your partner comes back gently. Stay nearby, quiet and unhurried; there is nothing to fix or discuss yet.",
        _ => "You stay in the room as a calm, sober support while your partner takes the medicine. Your therapist leads; you do not need to do anything but be there.",
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
}

/// "2 hours", "30 minutes", "2 hours 30 minutes", for the couple.
fn plain_duration(minutes: u16) -> String {
    let unit = |n: u16, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    match (minutes / 60, minutes % 60) {
        (0, m) => unit(m, "minute"),
        (h, 0) => unit(h, "hour"),
        (h, m) => format!("{} {}", unit(h, "hour"), unit(m, "minute")),
    }
}

/// A warm, plain description of each kind of block, for the couple.
pub fn about(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::CheckIn => "A short, relaxed start: how you slept, how you feel, and what you hope for today.",
        BlockKind::JointSession => "Time together with your therapist to talk, listen and work on what matters to you both.",
        BlockKind::IndividualSession => "A one-to-one conversation with your therapist, at your own pace.",
        BlockKind::KapPreparation => "We talk through your intentions and any worries, and settle the room so you feel safe and comfortable.",
        BlockKind::VitalsCheck => "A quick check of blood pressure and pulse. It only takes a few minutes.",
        BlockKind::KapDosing => "The medicine session. You rest with an eye mask and music while your therapist stays with you the whole time.",
        BlockKind::Rest => "Quiet time to come back gently. There is nothing you need to do.",
        BlockKind::KapIntegration => "We make sense of what came up and turn it into small, real steps for your life and relationship.",
        BlockKind::Break => "A pause to stretch, drink some water and breathe.",
        BlockKind::Lunch => "A meal break. Eat something nourishing and take a moment for yourself.",
        BlockKind::Meal => "Time to eat or drink something and take a moment for yourself.",
        BlockKind::Reflection => "Time to write down thoughts and try a small exercise for the evening.",
        BlockKind::Closing => "We look back on the intensive together and plan the next steps.",
    }
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
                    title: b.title.clone(),
                    who: b.attendees.describe(people),
                    attendees: b.attendees,
                    about: about(b.kind),
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
        title: plan.title.clone(),
        names: people.names(),
        time_zone: plan.time_zone.clone(),
        their_zone: None,
        days,
        supporter,
        viewer: None,
        follow_up,
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
        zone: &str,
        convert: impl Fn(NaiveDate, Time) -> Option<(NaiveDate, Time)>,
    ) -> Preview {
        let mut copy = self.clone();
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
        let differs = copy
            .days
            .iter()
            .flat_map(|d| &d.items)
            .any(|i| i.theirs.is_some());
        copy.their_zone = differs.then(|| zone.to_string());
        copy
    }

    /// The line under the title saying whose clock the times are on.
    pub fn zone_line(&self) -> String {
        match &self.their_zone {
            Some(theirs) => format!(
                "Times are in {} time ({}). Your device is set to {}, so each time is shown on your clock too.",
                zone_place(&self.time_zone),
                self.time_zone,
                theirs
            ),
            None => format!("Times are in {}.", self.time_zone),
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
            .map(|d| format!(", {}", display_date(d)))
            .unwrap_or_default();
        When {
            times,
            theirs: Some((
                format!("in {}", zone_place(&self.time_zone)),
                format!("{}–{} your time{date}", theirs.start, theirs.end),
            )),
        }
    }

    /// The plain-language advice for a dosing day, one sentence per line.
    pub fn dosing_advice(&self, day: &PreviewDay) -> Vec<String> {
        let Some(dosing) = &day.dosing else {
            return Vec::new();
        };
        let (fasting_day, fasting_time) = dosing.fasting_from;
        let when = if fasting_day == day.number {
            format!("at {fasting_time}")
        } else if fasting_day + 1 == day.number {
            format!("at {fasting_time} the evening before")
        } else {
            format!("at {fasting_time} on day {fasting_day}")
        };
        let mut advice = Vec::new();
        if !dosing.rides.is_empty() {
            let liquids = match dosing.liquids_minutes {
                0 => "Sips of water are fine unless you are told otherwise.".to_string(),
                m => format!("Stop drinking, water too, {} before.", plain_duration(m)),
            };
            advice.push(format!(
                "Stop eating {when}, {} hours before your session at {}. {liquids}",
                dosing.fasting_hours, dosing.dose_at
            ));
            let during = match dosing.vitals_check_minutes {
                0 => String::new(),
                m => format!(", {} after it,", plain_duration(m)),
            };
            advice.push(format!(
                "You stay with us for at least {} after the dose while we watch over you. We check your blood pressure and pulse before the dose{during} and at the end.",
                plain_duration(dosing.observed_minutes)
            ));
            advice.push(
                "No alcohol or cannabis for 24 hours before and after, and go easy on coffee."
                    .to_string(),
            );
            advice.push(format!("Bring {}.", join_list(&BRING_LIST)));
        }
        for (_, who, driver) in &dosing.rides {
            advice.push(match driver {
                Some(driver) => format!(
                    "{who}: do not drive until the next day, after a night's sleep. {driver} takes you home."
                ),
                None => format!(
                    "{who}: do not drive until the next day, after a night's sleep. A sober adult who is not taking the medicine needs to take you home: please arrange one and tell your therapist who it is."
                ),
            });
        }
        if let Some(support) = self
            .supporter
            .as_ref()
            .filter(|s| self.viewer.is_none_or(|v| v == s.person))
        {
            advice.extend(support_advice(support, dosing.dose_at));
        }
        if !advice.is_empty() {
            advice.extend(self.emergency_lines(dosing));
        }
        if !advice.is_empty() {
            advice.push(
                "Integration sessions afterwards help you understand what came up and carry it into daily life; the days right after are when this works best."
                    .to_string(),
            );
        }
        advice
    }

    /// The emergency plan, as far as it is filled in: the on-call number, the nearest emergency
    /// department, and the emergency contact of each person this view covers who doses.
    fn emergency_lines(&self, dosing: &DosingDay) -> Vec<String> {
        let plan = &self.emergency;
        let filled = |text: &str| !text.trim().is_empty();
        let mut lines = Vec::new();
        if filled(&plan.on_call) {
            lines.push(format!(
                "If anything worries you after you leave, call the prescriber's on-call number: {}.",
                plan.on_call.trim()
            ));
        }
        let place: Vec<&str> = [plan.department.trim(), plan.address.trim()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect();
        if !place.is_empty() {
            lines.push(format!(
                "In an emergency, the nearest emergency department is {}.",
                place.join(", ")
            ));
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
                lines.push(format!("Emergency contact for {name}: {contact}."));
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
        if dosing.rides.is_empty() {
            let support = self.supporter.as_ref()?;
            return Some(format!(
                "Tomorrow {} has their KAP session at {}, and you are there as their support. Please stay sober from today, and rest well.",
                support.doser, dosing.dose_at
            ));
        }
        let (fasting_day, fasting_time) = dosing.fasting_from;
        let tonight = if fasting_day == day.number {
            format!(" Tonight, stop eating at {fasting_time}.")
        } else {
            String::new()
        };
        Some(format!(
            "Tomorrow is your KAP session, at {}. No alcohol or cannabis from today.{tonight} Tomorrow's notes below say what to bring and who takes you home.",
            dosing.dose_at
        ))
    }

    /// When the first dosing is on day 1, the evening before the intensive gets advice of its own
    /// (there is no earlier day to carry it): its date and the text; for a partner who supports,
    /// what tomorrow asks of them. `None` otherwise.
    pub fn evening_before(&self) -> Option<(NaiveDate, String)> {
        let first = self.days.first().filter(|d| d.number == 1)?;
        let dosing = first.dosing.as_ref()?;
        if dosing.rides.is_empty() {
            // A partner who supports: what tomorrow asks of them.
            let support = self.supporter.as_ref()?;
            return Some((
                first.date.pred_opt()?,
                format!(
                    "Tomorrow your intensive begins. {} has their KAP session at {}, and you are there as their support. Please stay sober from today, and rest well.",
                    support.doser, dosing.dose_at
                ),
            ));
        }
        let (fasting_day, fasting_time) = dosing.fasting_from;
        let tonight = if fasting_day == 0 {
            format!(" Tonight, stop eating at {fasting_time}.")
        } else {
            String::new()
        };
        Some((
            first.date.pred_opt()?,
            format!(
                "Tomorrow your intensive begins, with your KAP session at {}. No alcohol or cannabis from today.{tonight} Sleep well if you can. The notes for day 1 say what to bring and who takes you home.",
                dosing.dose_at
            ),
        ))
    }

    /// The heading of the evening before: "The evening before · Thu 3 Dec 2026".
    pub fn evening_heading(date: NaiveDate) -> String {
        format!("The evening before · {}", display_date(date))
    }

    /// The heading of a day: "Day 2 · Sat 5 Dec 2026".
    pub fn day_heading(day: &PreviewDay) -> String {
        format!("Day {} · {}", day.number, display_date(day.date))
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
                    item.about = support_about(item.kind);
                    item.who = format!("{} · you support", item.who);
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
                format!("Your day as {}'s support: please read", s.doser)
            }
            _ => "Your KAP day: please read".to_string(),
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
            format!(
                "Follow-up integration · {}, {}–{}",
                display_date(f.date),
                f.start,
                f.end
            )
        })
    }
}

/// Whether a person attends a block with these attendees.
pub fn attends(attendees: Attendees, person: Person) -> bool {
    attendees.contains(person.into())
}

/// What a partner who supports is asked to do and not do on the dosing day.
fn support_advice(support: &Supporter, dose_at: Time) -> Vec<String> {
    let (you, partner) = (&support.name, &support.doser);
    vec![
        format!(
            "{you}: you are {partner}'s support today. You do not take the medicine, and you do not need to fast. Be there from the start of the session at {dose_at} until {partner} is alert and steady on their feet."
        ),
        "Stay sober: no alcohol or cannabis today, so that you can be fully present.".to_string(),
        "Do: sit quietly nearby, keep your phone on silent, offer water or a blanket if asked, and tell the therapist if anything worries you.".to_string(),
        format!(
            "Don't: ask {partner} to talk about the experience yet, or leave without telling the therapist. What came up is for the integration session."
        ),
    ]
}

/// "a, b and c".
fn join_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
