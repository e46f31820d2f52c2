//! Templates: a complete default agenda from (participants, days, daily window, KAP placement).
//!
//! Each day is described as a sequence of [`Slot`]s and laid out from the start of the daily
//! window: a 15-minute break goes between two sessions unless they are chained (the KAP bundle
//! runs without gaps), optional items are left out when they would crowd out a required one, and
//! "fill" slots become work sessions for whatever time remains (within a daily load of active
//! therapy). A required item that cannot fit is an error, never a broken agenda.
//!
//! **Where KAP goes.**
//! - *At the start*: day 1 opens with preparation, the pre-dose vitals check, the dosing, the
//!   post-dose vitals/discharge check and rest. The first integration follows later that day, or
//!   opens day 2 if the day is too short. The opening (a couple's joint history and individual
//!   sessions, or a client's history) then opens day 2: day 1 belongs to the KAP session. A 1-day
//!   intensive with KAP at the start has no separate opening.
//! - *Midway*: the **middle** of an intensive is the midpoint of its therapy hours, counted as the
//!   sum of its daily windows. The dosing goes on the day containing that midpoint; when the
//!   midpoint falls exactly between two days, on the later one. With equal daily windows that is
//!   day ⌊n/2⌋+1 of n (day 2 of 2 or 3, day 3 of 4 or 5, day 4 of 6 or 7). On that day the KAP
//!   bundle opens the morning, so fasting runs overnight, and integration follows in the
//!   afternoon (or opens the next day). A 1-day intensive has no earlier day, so there the dosing
//!   starts at the midpoint of the day itself (rounded up to the quarter hour), with therapy
//!   before it, and a combined integration and closing session after it.

use super::kap::{
    bundle_for, meal_title, midway_day, one_day_bundle_start, Bundle, PreDose, BREAK, CLOSING,
    CLOSING_TITLE, INTEGRATION, INTEGRATION_AND_CLOSING_TITLE, INTEGRATION_TITLE, LUNCH_EARLIEST,
    LUNCH_LATEST, MEAL,
};
use super::limits::{decapitalised, MAX_DAYS, MIN_DAYS};
use super::model::{
    Attendees, Block, BlockKind, Day, KapPlacement, Member, Participants, Person, Plan, Settings,
    Team, Time,
};
use super::text::Lang;
use chrono::NaiveDate;
use std::fmt;

/// What a template needs to know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateSpec {
    pub id: String,
    pub title: String,
    pub participants: Participants,
    /// With a co-therapist, a couple's individual sessions run side by side.
    pub team: Team,
    pub start_date: NaiveDate,
    pub days: usize,
    pub day_start: Time,
    pub day_end: Time,
    pub time_zone: String,
    pub kap: KapPlacement,
    pub settings: Settings,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateError {
    /// The number of days is outside 1..=7.
    DayCount(usize),
    /// The day ends before it starts.
    Window,
    /// The plan breaks a limit (a name too long, a year out of range, ...).
    Invalid(Vec<crate::core::valid::Invalid>),
    /// Something required does not fit in a day.
    DoesNotFit {
        /// 1-based day number.
        day: usize,
        what: String,
        kap: KapPlacement,
    },
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::DayCount(n) => {
                write!(
                    f,
                    "An intensive lasts {MIN_DAYS} to {MAX_DAYS} days, not {n}."
                )
            }
            TemplateError::Window => write!(f, "The day must end after it starts."),
            TemplateError::Invalid(problems) => {
                let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
                f.write_str(&messages.join(" "))
            }
            TemplateError::DoesNotFit { day, what, kap } => {
                let hint = match kap {
                    KapPlacement::Midway => {
                        " Try longer days, more days, or the KAP session at the start."
                    }
                    KapPlacement::AtStart => " Try longer days or more days.",
                    KapPlacement::None => " Try longer days.",
                };
                write!(
                    f,
                    "This agenda does not fit: on day {day} there is no room for {what}.{hint}"
                )
            }
        }
    }
}

// Durations in minutes (the KAP ones live in `core::kap`, shared with placement).
const CHECK_IN: u16 = 30;
const HISTORY: u16 = 90;
const INDIVIDUAL: u16 = 60;
const LUNCH: u16 = 60;
const REFLECTION: u16 = 30;
const SESSION_LENGTHS: [u16; 4] = [90, 75, 60, 45];
/// A morning fill stops so that lunch starts by this time.
const LUNCH_TARGET: u16 = 12 * 60 + 30;

#[derive(Clone, Debug)]
struct Item {
    kind: BlockKind,
    title: String,
    attendees: Attendees,
    minutes: u16,
    required: bool,
    /// The next item follows with no break (the KAP bundle).
    chained: bool,
    /// A block at the same time for other people (a parallel track), its title and attendees.
    beside: Option<(String, Attendees)>,
}

#[derive(Clone, Debug)]
enum Slot {
    Item(Item),
    /// The KAP bundle, laid out as one piece (its blocks may overlap when dosing is staggered).
    Bundle(Bundle),
    /// As many work sessions as fit.
    Fill,
    /// The next item starts exactly here; a fill before it stops in time.
    At(Time),
}

/// What the template's daily budget counts: active sessions and, so that a dosing day is not
/// packed with more work, the dosing itself.
fn active(kind: BlockKind) -> bool {
    kind.is_active() || kind == BlockKind::KapDosing
}

/// After these, the next session needs a break first.
fn tiring(kind: BlockKind) -> bool {
    !(kind.is_pause() || kind == BlockKind::Rest)
}

struct Cursor {
    at: u16,
    break_due: bool,
}

impl Cursor {
    /// Where an item of this kind would start.
    fn start_for(&self, kind: BlockKind) -> u16 {
        if self.break_due && tiring(kind) {
            self.at + BREAK
        } else {
            self.at
        }
    }
}

/// The end of the shortest layout of `slots` (required items only) from `cursor`, if it fits.
fn minimal_end(slots: &[Slot], cursor: &Cursor, day_end: u16) -> Option<u16> {
    let mut at = cursor.at;
    let mut break_due = cursor.break_due;
    for slot in slots {
        match slot {
            Slot::Fill => {}
            Slot::At(time) => {
                if at > time.minutes() {
                    return None;
                }
                at = time.minutes();
                break_due = false;
            }
            Slot::Item(item) if item.required => {
                if break_due && tiring(item.kind) {
                    at += BREAK;
                }
                at += item.minutes;
                break_due = tiring(item.kind) && !item.chained;
            }
            Slot::Item(_) => {}
            Slot::Bundle(bundle) => {
                if break_due {
                    at += BREAK;
                }
                at += bundle.span;
                break_due = false;
            }
        }
    }
    (at <= day_end).then_some(at)
}

/// The active minutes of the required items in `slots`.
fn reserved(slots: &[Slot]) -> u16 {
    slots
        .iter()
        .map(|slot| match slot {
            Slot::Item(item) if item.required && active(item.kind) => item.minutes,
            _ => 0,
        })
        .sum()
}

struct Layout<'a> {
    participants: &'a Participants,
    next_id: u32,
    /// Active therapy a day (the plan's `daily_load_minutes`): work sessions fill up to it,
    /// leaving room for the required sessions still to come.
    budget: u16,
}

impl Layout<'_> {
    fn block(
        &mut self,
        kind: BlockKind,
        title: &str,
        attendees: Attendees,
        start: u16,
        end: u16,
    ) -> Block {
        self.next_id += 1;
        Block {
            id: self.next_id,
            start: Time::from_minutes(start).unwrap_or(Time::END_OF_DAY),
            end: Time::from_minutes(end).unwrap_or(Time::END_OF_DAY),
            kind,
            title: title.to_string(),
            attendees,
            notes: String::new(),
            travel: false,
        }
    }

    /// Lays out one day, or names the first required item that does not fit.
    fn day(&mut self, slots: &[Slot], day_start: Time, day_end: Time) -> Result<Day, String> {
        let end = day_end.minutes();
        let mut cursor = Cursor {
            at: day_start.minutes(),
            break_due: false,
        };
        let mut blocks = Vec::new();
        let mut active_minutes = 0u16;
        for (index, slot) in slots.iter().enumerate() {
            let rest = &slots[index + 1..];
            match slot {
                Slot::At(time) => {
                    if cursor.at > time.minutes() {
                        return Err("the morning before the KAP session".to_string());
                    }
                    cursor = Cursor {
                        at: time.minutes(),
                        break_due: false,
                    };
                }
                Slot::Fill => {
                    let lunch_next =
                        matches!(rest.first(), Some(Slot::Item(i)) if i.kind == BlockKind::Lunch);
                    let limit = match rest.first() {
                        Some(Slot::At(time)) => time.minutes(),
                        _ if lunch_next => LUNCH_TARGET.min(end),
                        _ => end,
                    };
                    'sessions: loop {
                        let start = cursor.start_for(BlockKind::JointSession);
                        for length in SESSION_LENGTHS {
                            let finish = start + length;
                            let after = Cursor {
                                at: finish,
                                break_due: true,
                            };
                            let fits = finish <= limit
                                && active_minutes + length + reserved(rest) <= self.budget
                                && minimal_end(rest, &after, end).is_some();
                            if fits {
                                self.place_break(&mut blocks, &cursor, start);
                                let (kind, title) = self.work_session();
                                let attendees =
                                    Attendees::usual(kind, self.participants.everyone());
                                blocks.push(self.block(kind, title, attendees, start, finish));
                                active_minutes += length;
                                cursor = after;
                                continue 'sessions;
                            }
                        }
                        break;
                    }
                }
                Slot::Bundle(bundle) => {
                    let start = cursor.start_for(BlockKind::KapPreparation);
                    let after = Cursor {
                        at: start + bundle.span,
                        break_due: false,
                    };
                    if start + bundle.span > end || minimal_end(rest, &after, end).is_none() {
                        return Err("the KAP session, recovery and a meal".to_string());
                    }
                    self.place_break(&mut blocks, &cursor, start);
                    for part in &bundle.parts {
                        blocks.push(self.block(
                            part.kind,
                            &part.title,
                            part.attendees,
                            start + part.offset,
                            start + part.offset + part.minutes,
                        ));
                    }
                    cursor = after;
                }
                Slot::Item(item) => {
                    let start = cursor.start_for(item.kind);
                    let finish = start + item.minutes;
                    let after = Cursor {
                        at: finish,
                        break_due: tiring(item.kind) && !item.chained,
                    };
                    // The meal after a dose is required and may be late; an ordinary lunch
                    // keeps to lunchtime or is left out.
                    let lunch_time_ok = item.kind != BlockKind::Lunch
                        || item.required
                        || (LUNCH_EARLIEST..=LUNCH_LATEST).contains(&start);
                    let fits = finish <= end && minimal_end(rest, &after, end).is_some();
                    if fits && lunch_time_ok {
                        self.place_break(&mut blocks, &cursor, start);
                        let title = match item.kind {
                            BlockKind::Lunch if item.required => meal_title(start),
                            _ => &item.title,
                        };
                        blocks.push(self.block(item.kind, title, item.attendees, start, finish));
                        if active(item.kind) {
                            active_minutes += item.minutes;
                        }
                        if let Some((title, attendees)) = &item.beside {
                            blocks.push(self.block(item.kind, title, *attendees, start, finish));
                            // The same work as one after the other, in less time: the day
                            // ends earlier rather than filling up with more sessions.
                            active_minutes += item.minutes;
                        }
                        cursor = after;
                    } else if item.required {
                        return Err(decapitalised(&item.title));
                    }
                }
            }
        }
        Ok(Day { blocks })
    }

    fn place_break(&mut self, blocks: &mut Vec<Block>, cursor: &Cursor, start: u16) {
        if start > cursor.at {
            let attendees = self.participants.everyone();
            blocks.push(self.block(BlockKind::Break, "Break", attendees, cursor.at, start));
        }
    }

    fn work_session(&self) -> (BlockKind, &'static str) {
        match self.participants {
            Participants::Couple { .. } => (BlockKind::JointSession, "Joint work session"),
            Participants::Individual { .. } => (BlockKind::IndividualSession, "Therapy session"),
        }
    }
}

fn item(kind: BlockKind, title: &str, attendees: Attendees, minutes: u16) -> Slot {
    Slot::Item(Item {
        kind,
        title: title.to_string(),
        attendees: Attendees::usual(kind, attendees),
        minutes,
        required: true,
        chained: false,
        beside: None,
    })
}

fn optional(kind: BlockKind, title: &str, attendees: Attendees, minutes: u16) -> Slot {
    Slot::Item(Item {
        kind,
        title: title.to_string(),
        attendees: Attendees::usual(kind, attendees),
        minutes,
        required: false,
        chained: false,
        beside: None,
    })
}

/// `slot` with `other` at the same time, led by the co-therapist instead of the therapist.
fn beside(slot: Slot, other: Item) -> Slot {
    let attendees = other
        .attendees
        .without(Member::Therapist)
        .with(Member::CoTherapist);
    match slot {
        Slot::Item(item) => Slot::Item(Item {
            beside: Some((other.title, attendees)),
            ..item
        }),
        other => other,
    }
}

fn chained(slot: Slot) -> Slot {
    match slot {
        Slot::Item(item) => Slot::Item(Item {
            chained: true,
            ..item
        }),
        other => other,
    }
}

/// The parts of a day, before layout.
struct Parts<'a> {
    participants: &'a Participants,
    team: &'a Team,
    settings: &'a Settings,
}

impl Parts<'_> {
    fn everyone(&self) -> Attendees {
        self.participants.everyone()
    }

    /// Joint history, then an individual session with each partner (couples), or the client's
    /// opening session.
    fn opening(&self) -> Vec<Slot> {
        match self.participants {
            Participants::Couple {
                partner_a,
                partner_b,
            } => {
                let history = item(
                    BlockKind::JointSession,
                    "Joint history",
                    self.everyone(),
                    HISTORY,
                );
                let with = |person: Person, name: &str| {
                    item(
                        BlockKind::IndividualSession,
                        &format!("Individual session with {name}"),
                        person.alone(),
                        INDIVIDUAL,
                    )
                };
                let (first, second) = (
                    with(Person::PartnerA, partner_a),
                    with(Person::PartnerB, partner_b),
                );
                match (self.team.has(Member::CoTherapist), second) {
                    // Side by side: partner A with the therapist, partner B with the
                    // co-therapist.
                    (true, Slot::Item(second)) => vec![history, beside(first, second)],
                    (_, second) => vec![history, first, second],
                }
            }
            Participants::Individual { .. } => vec![item(
                BlockKind::IndividualSession,
                "History and goals",
                Person::Client.alone(),
                HISTORY,
            )],
        }
    }

    fn check_in(&self) -> Slot {
        // A short check-in flows straight into the first session.
        chained(item(
            BlockKind::CheckIn,
            "Morning check-in",
            self.everyone(),
            CHECK_IN,
        ))
    }

    fn lunch(&self) -> Slot {
        optional(BlockKind::Lunch, "Lunch", self.everyone(), LUNCH)
    }

    fn day_end(&self, last_day: bool) -> Slot {
        if last_day {
            item(
                BlockKind::Closing,
                "Closing and next steps",
                self.everyone(),
                CLOSING,
            )
        } else {
            optional(
                BlockKind::Reflection,
                "Reflection and homework",
                self.everyone(),
                REFLECTION,
            )
        }
    }

    /// The KAP bundle (see `core::kap`); in a new plan, who doses is not chosen yet.
    fn kap_bundle(&self, pre_dose: PreDose) -> Slot {
        Slot::Bundle(bundle_for(
            self.participants,
            Default::default(),
            self.settings,
            pre_dose,
        ))
    }

    /// The meal after the rest on a dosing day: required, whatever the hour.
    fn meal_after_dose(&self) -> Slot {
        item(BlockKind::Lunch, "Lunch", self.everyone(), MEAL)
    }

    fn integration(&self) -> Slot {
        item(
            BlockKind::KapIntegration,
            INTEGRATION_TITLE,
            self.everyone(),
            INTEGRATION,
        )
    }

    /// An ordinary day: `first` (opening or check-in), work, lunch, work, and the day's end.
    fn ordinary(&self, first: Vec<Slot>, after_lunch: Vec<Slot>, last_day: bool) -> Vec<Slot> {
        let mut slots = first;
        slots.extend([Slot::Fill, self.lunch()]);
        slots.extend(after_lunch);
        slots.extend([Slot::Fill, self.day_end(last_day)]);
        slots
    }
}

/// Builds a plan from a template, or explains why the placement cannot fit.
pub fn build(spec: &TemplateSpec) -> Result<Plan, TemplateError> {
    let n = spec.days;
    if !(MIN_DAYS..=MAX_DAYS).contains(&n) {
        return Err(TemplateError::DayCount(n));
    }
    if spec.day_end <= spec.day_start {
        return Err(TemplateError::Window);
    }
    let parts = Parts {
        participants: &spec.participants,
        team: &spec.team,
        settings: &spec.settings,
    };
    let last = |index: usize| index + 1 == n;

    // The KAP day, if any, and what goes on it before the bundle.
    let kap_day = match spec.kap {
        KapPlacement::None => None,
        KapPlacement::AtStart => Some(0),
        KapPlacement::Midway => Some(midway_day(n)),
    };

    let mut layout = Layout {
        participants: &spec.participants,
        next_id: 0,
        budget: spec.settings.daily_load_minutes,
    };
    let mut days = Vec::with_capacity(n);
    for index in 0..n {
        let does_not_fit = |what: String| TemplateError::DoesNotFit {
            day: index + 1,
            what,
            kap: spec.kap,
        };
        let mut first = Vec::new();
        // The day after a dosing opens with integration.
        if kap_day.is_some_and(|day| day + 1 == index) {
            first.push(parts.integration());
        }
        let opening_here = match spec.kap {
            // Day 1 belongs to the KAP session; the couple's opening follows integration on day 2.
            KapPlacement::AtStart if n > 1 => index == 1,
            _ => index == 0,
        };
        if Some(index) == kap_day {
            let slots = kap_day_slots(&parts, spec, last(index)).map_err(does_not_fit)?;
            let mut day = layout
                .day(&slots, spec.day_start, spec.day_end)
                .map_err(does_not_fit)?;
            if last(index) && !day.blocks.iter().any(|b| b.kind == BlockKind::Closing) {
                // No room for a separate closing: the integration closes the intensive.
                for block in &mut day.blocks {
                    if block.kind == BlockKind::KapIntegration {
                        block.title = INTEGRATION_AND_CLOSING_TITLE.to_string();
                    }
                }
            }
            days.push(day);
            continue;
        }
        let mut after_lunch = Vec::new();
        if opening_here && !first.is_empty() {
            // After the morning's integration, the joint history before lunch and the
            // individual sessions after it.
            let mut opening = parts.opening().into_iter();
            first.extend(opening.next());
            after_lunch.extend(opening);
        } else if opening_here {
            first.extend(parts.opening());
        } else if first.is_empty() {
            first.push(parts.check_in());
        }
        let slots = parts.ordinary(first, after_lunch, last(index));
        days.push(
            layout
                .day(&slots, spec.day_start, spec.day_end)
                .map_err(does_not_fit)?,
        );
    }

    let plan = Plan {
        id: spec.id.clone(),
        title: spec.title.clone(),
        participants: spec.participants.clone(),
        team: spec.team.clone(),
        start_date: spec.start_date,
        day_start: spec.day_start,
        day_end: spec.day_end,
        time_zone: spec.time_zone.clone(),
        language: Lang::default(),
        couple_zone: None,
        settings: spec.settings,
        kap: Default::default(),
        days,
    };
    plan.validate().map_err(TemplateError::Invalid)?;
    Ok(plan)
}

/// The dosing day: (on a 1-day intensive with KAP midway, therapy first), the KAP bundle, the
/// meal after the rest, and on the last day integration and the closing if it fits.
fn kap_day_slots(
    parts: &Parts<'_>,
    spec: &TemplateSpec,
    last_day: bool,
) -> Result<Vec<Slot>, String> {
    let pre_dose = match spec.kap {
        KapPlacement::AtStart => PreDose::CheckIns,
        _ => PreDose::PreparationOnly,
    };
    let Slot::Bundle(bundle) = parts.kap_bundle(pre_dose) else {
        return Err("the KAP session".to_string());
    };
    let mut slots = Vec::new();
    if spec.days == 1 && spec.kap == KapPlacement::Midway {
        // Therapy in the first part of the day; the bundle starts as near the middle as fits.
        let start = one_day_bundle_start(spec.day_start.minutes(), spec.day_end.minutes(), &bundle)
            .ok_or_else(|| {
                "an hour of therapy before the KAP session, then the dose, recovery, a meal and integration".to_string()
            })?;
        slots.extend(parts.opening());
        slots.push(Slot::Fill);
        slots.push(Slot::At(
            Time::from_minutes(start).unwrap_or(spec.day_start),
        ));
    }
    slots.push(Slot::Bundle(bundle));
    slots.push(parts.meal_after_dose());
    if last_day {
        slots.push(item(
            BlockKind::KapIntegration,
            INTEGRATION_TITLE,
            parts.everyone(),
            INTEGRATION,
        ));
        slots.push(optional(
            BlockKind::Closing,
            CLOSING_TITLE,
            parts.everyone(),
            CLOSING,
        ));
    }
    Ok(slots)
}
