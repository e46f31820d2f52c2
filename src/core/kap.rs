//! Where KAP goes: the bundle of blocks around a dose, for each way a couple can dose, and
//! placement that re-plans the days it touches instead of pushing sessions into the evening.
//!
//! **The bundle.** (With KAP at the start of a couples intensive, a brief individual pre-dose
//! check-in with each partner first: safety, consent, intentions.) Joint preparation, then the
//! pre-dose vitals check, the dosing, the vitals and discharge check and rest, back to back. The
//! vitals checks, the dosing and the rest concern the people who dose; a supporting partner is
//! described to the couple by the preview. When both dose *staggered*, the second partner's
//! vitals check and dose follow the first dose by `Settings::stagger_minutes`; the blocks of the
//! two partners overlap, which the checker allows for KAP blocks of different people (the
//! therapist is in the room with both).
//!
//! **Placement.** Placing KAP (`place`) first takes every KAP block out of the plan, then:
//! - the dosing day keeps the blocks that end before the bundle starts; its other sessions are
//!   *displaced*, and a meal follows the rest. On the last day, integration (and the closing, when
//!   it fits) follow the meal. Nothing may end after the day's end: a placement that cannot fit is
//!   refused with the time it would need.
//! - the day after the dosing opens with KAP integration. Its check-ins are dropped (the
//!   integration opens the day); then come its morning sessions, its lunch, the sessions displaced
//!   from the dosing day, its afternoon sessions and its closing or reflection. Whatever no longer
//!   fits (the latest session first, never the closing) is displaced too.
//! - a displaced session goes into a free gap on another day without a dosing, or is removed.
//!   A displaced check-in is removed: it belongs to its own morning.
//!
//! Every session that changes day or is removed is reported (`Change`), and the whole placement
//! is one edit, so one undo restores all of it.

use super::edit::EditError;
use super::model::{Attendees, Block, BlockKind, Day, Participants, Person, Plan, Settings, Time};
use std::fmt;

// Durations in minutes.
pub const PRE_DOSE_CHECK_IN: u16 = 15;
pub const PREPARATION: u16 = 60;
pub const VITALS: u16 = 15;
pub const REST: u16 = 30;
pub const MEAL: u16 = 60;
pub const INTEGRATION: u16 = 90;
pub const CLOSING: u16 = 60;
pub const BREAK: u16 = 15;
pub const INTEGRATION_TITLE: &str = "Integration session";
pub const INTEGRATION_AND_CLOSING_TITLE: &str = "Integration and closing";
pub const CLOSING_TITLE: &str = "Closing and next steps";
/// Lunch starts in this range; later, the meal after a dose is called a meal.
pub const LUNCH_EARLIEST: u16 = 11 * 60;
pub const LUNCH_LATEST: u16 = 14 * 60 + 30;

/// Where to put the KAP session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KapTarget {
    None,
    AtStart,
    Midway,
    /// The (first) dose starts on this day (0-based) at this time.
    At {
        day: usize,
        dose_at: Time,
    },
}

/// Whether the bundle opens with a brief individual check-in with each partner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreDose {
    CheckIns,
    PreparationOnly,
}

/// One block of the bundle, placed relative to the bundle's start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub kind: BlockKind,
    pub title: String,
    pub attendees: Attendees,
    pub offset: u16,
    pub minutes: u16,
}

/// The blocks from the first pre-dose block to the end of the last rest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bundle {
    pub parts: Vec<Part>,
    /// Minutes from the bundle's start to the (first) dose.
    pub dose_offset: u16,
    /// Minutes from the bundle's start to the end of the last block.
    pub span: u16,
}

/// The attendees of the blocks that concern the people who dose.
fn dosers_attend(plan_people: &Participants, doses: super::model::Doses) -> Attendees {
    use super::model::Doses;
    match (plan_people, doses) {
        (Participants::Individual { .. }, _) => Person::Client.alone(),
        (Participants::Couple { .. }, Doses::PartnerA) => Person::PartnerA.alone(),
        (Participants::Couple { .. }, Doses::PartnerB) => Person::PartnerB.alone(),
        (Participants::Couple { .. }, _) => plan_people.everyone(),
    }
}

/// The bundle for the plan's participants, dosing mode and settings.
pub fn bundle(plan: &Plan, pre_dose: PreDose) -> Bundle {
    bundle_for(&plan.participants, plan.kap.doses, &plan.settings, pre_dose)
}

pub fn bundle_for(
    participants: &Participants,
    doses: super::model::Doses,
    settings: &Settings,
    pre_dose: PreDose,
) -> Bundle {
    let mut parts = Vec::new();
    let mut at = 0;
    // The therapist is in every part but the rest.
    let push = |parts: &mut Vec<Part>, kind, title: String, attendees, offset, minutes| {
        parts.push(Part {
            kind,
            title,
            attendees: Attendees::usual(kind, attendees),
            offset,
            minutes,
        })
    };
    if let (PreDose::CheckIns, Participants::Couple { .. }) = (pre_dose, participants) {
        for person in [Person::PartnerA, Person::PartnerB] {
            let attendees = person.alone();
            push(
                &mut parts,
                BlockKind::KapPreparation,
                format!("Pre-dose check-in with {}", person.name(participants)),
                attendees,
                at,
                PRE_DOSE_CHECK_IN,
            );
            at += PRE_DOSE_CHECK_IN;
        }
    }
    push(
        &mut parts,
        BlockKind::KapPreparation,
        "Preparation: intentions, set and setting".to_string(),
        participants.everyone(),
        at,
        PREPARATION,
    );
    at += PREPARATION;
    let dosing = settings.dosing_minutes;
    let staggered = matches!(participants, Participants::Couple { .. })
        && doses == super::model::Doses::Staggered;
    let dose_offset = at + VITALS;
    let span = if staggered {
        let second = dose_offset + settings.stagger_minutes;
        let (a, b) = (Person::PartnerA.alone(), Person::PartnerB.alone());
        let (name_a, name_b) = (a.describe(participants), b.describe(participants));
        // In time order: the stagger (45–120 min) is never longer than the dose (at least 120),
        // so the second dose starts before the first one's discharge check.
        for (kind, title, attendees, offset, minutes) in [
            (
                BlockKind::VitalsCheck,
                format!("Vitals check before {name_a}'s dose"),
                a,
                dose_offset - VITALS,
                VITALS,
            ),
            (
                BlockKind::KapDosing,
                format!("KAP dosing session: {name_a}"),
                a,
                dose_offset,
                dosing,
            ),
            (
                BlockKind::VitalsCheck,
                format!("Vitals check before {name_b}'s dose"),
                b,
                second - VITALS,
                VITALS,
            ),
            (
                BlockKind::KapDosing,
                format!("KAP dosing session: {name_b}"),
                b,
                second,
                dosing,
            ),
            (
                BlockKind::VitalsCheck,
                format!("Vitals and discharge check: {name_a}"),
                a,
                dose_offset + dosing,
                VITALS,
            ),
            (
                BlockKind::Rest,
                format!("Rest and recovery: {name_a}"),
                a,
                dose_offset + dosing + VITALS,
                REST,
            ),
            (
                BlockKind::VitalsCheck,
                format!("Vitals and discharge check: {name_b}"),
                b,
                second + dosing,
                VITALS,
            ),
            (
                BlockKind::Rest,
                format!("Rest and recovery: {name_b}"),
                b,
                second + dosing + VITALS,
                REST,
            ),
        ] {
            push(&mut parts, kind, title, attendees, offset, minutes);
        }
        second + dosing + VITALS + REST
    } else {
        let who = dosers_attend(participants, doses);
        for (kind, title, minutes) in [
            (
                BlockKind::VitalsCheck,
                "Vitals check before the dose",
                VITALS,
            ),
            (BlockKind::KapDosing, "KAP dosing session", dosing),
            (BlockKind::VitalsCheck, "Vitals and discharge check", VITALS),
            (BlockKind::Rest, "Rest and recovery", REST),
        ] {
            push(&mut parts, kind, title.to_string(), who, at, minutes);
            at += minutes;
        }
        at
    };
    Bundle {
        parts,
        dose_offset,
        span,
    }
}

/// The meal after the rest on a dosing day: lunch when it starts by `LUNCH_LATEST`.
pub fn meal_title(start: u16) -> &'static str {
    if start <= LUNCH_LATEST {
        "Lunch"
    } else {
        "Meal"
    }
}

/// The 0-based day that holds the midpoint of `days` equal daily windows (the later day on a tie).
pub fn midway_day(days: usize) -> usize {
    days / 2
}

/// What placing KAP did to the sessions around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A session moved to another day (days 0-based).
    Moved {
        title: String,
        from_day: usize,
        to_day: usize,
        start: Time,
    },
    /// A session no longer fits anywhere and was removed.
    Removed { title: String, from_day: usize },
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Moved {
                title,
                from_day,
                to_day,
                start,
            } => write!(
                f,
                "“{title}” moved from day {} to day {} at {start}",
                from_day + 1,
                to_day + 1
            ),
            Change::Removed { title, from_day } => {
                write!(f, "“{title}” on day {} was removed", from_day + 1)
            }
        }
    }
}

/// A placed plan and what happened to the sessions around the KAP session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    pub plan: Plan,
    pub changes: Vec<Change>,
}

impl Placed {
    /// The status message: what was placed, then each change.
    pub fn summary(&self, done: &str) -> String {
        if self.changes.is_empty() {
            return done.to_string();
        }
        // The same change to several sessions of one name is said once, with a count.
        let mut said: Vec<(String, usize)> = Vec::new();
        for change in &self.changes {
            let text = change.to_string();
            match said.iter_mut().find(|(t, _)| *t == text) {
                Some((_, count)) => *count += 1,
                None => said.push((text, 1)),
            }
        }
        let changes: Vec<String> = said
            .into_iter()
            .map(|(text, count)| match count {
                1 => text,
                n => format!("{text} ({n} sessions)"),
            })
            .collect();
        format!("{done} {}. Undo restores all of it.", changes.join("; "))
    }
}

fn refuse<T>(message: String) -> Result<T, EditError> {
    Err(EditError(message))
}

/// The first dose's day and time, if the plan has one.
pub fn first_dose(plan: &Plan) -> Option<(usize, Time)> {
    plan.blocks()
        .find(|(_, b)| b.kind == BlockKind::KapDosing)
        .map(|(day, b)| (day, b.start))
}

/// Whether the plan's bundle opens with the individual pre-dose check-ins.
fn pre_dose_of(plan: &Plan) -> PreDose {
    let individual_preparation = plan.blocks().any(|(_, b)| {
        b.kind == BlockKind::KapPreparation && b.attendees.clients() != plan.participants.everyone()
    });
    if individual_preparation {
        PreDose::CheckIns
    } else {
        PreDose::PreparationOnly
    }
}

/// The plan with KAP placed at `target`, or why it cannot be.
pub fn place_kap(plan: &Plan, target: KapTarget) -> Result<Plan, EditError> {
    place(plan, target).map(|placed| placed.plan)
}

/// Places KAP again where it is, after a change of who doses or how (the bundle's shape follows
/// the dosing mode). A plan without KAP is returned as it is. A plan with dosings on more than
/// one day (a series the prescriber signed off, or the therapist's own arrangement) is not laid
/// out again: its vitals checks, dosings and rests only change whom they concern.
pub fn replace(plan: &Plan) -> Result<Placed, EditError> {
    match (first_dose(plan), plan.dosing_days().len()) {
        (Some((day, dose_at)), 1) => {
            place_with(plan, KapTarget::At { day, dose_at }, pre_dose_of(plan))
        }
        _ => {
            let mut next = plan.clone();
            let who = dosers_attend(&plan.participants, plan.kap.doses);
            for day in &mut next.days {
                for block in &mut day.blocks {
                    if matches!(
                        block.kind,
                        BlockKind::VitalsCheck | BlockKind::KapDosing | BlockKind::Rest
                    ) {
                        block.attendees = block.attendees.with_clients(who);
                    }
                }
            }
            Ok(Placed {
                plan: next,
                changes: Vec::new(),
            })
        }
    }
}

/// Places KAP at `target`, re-planning the days it touches (see the module's documentation).
pub fn place(plan: &Plan, target: KapTarget) -> Result<Placed, EditError> {
    let pre_dose = match target {
        KapTarget::AtStart => PreDose::CheckIns,
        _ => PreDose::PreparationOnly,
    };
    place_with(plan, target, pre_dose)
}

fn place_with(plan: &Plan, target: KapTarget, pre_dose: PreDose) -> Result<Placed, EditError> {
    let mut next = plan.clone();
    for day in &mut next.days {
        day.blocks.retain(|b| !b.kind.is_kap());
    }
    let n = next.days.len();
    let bundle = bundle(&next, pre_dose);
    let day_start = next.day_start.minutes();
    let day_end = next.day_end.minutes();
    let last_day_tail = BREAK + INTEGRATION;
    if let KapTarget::At { day, .. } = target {
        if day >= n {
            return refuse(format!("Day {} is not part of this {n}-day plan.", day + 1));
        }
    }
    let (day, start) = match target {
        KapTarget::None => {
            return Ok(Placed {
                plan: next,
                changes: Vec::new(),
            })
        }
        KapTarget::AtStart => (0, day_start),
        KapTarget::Midway if n == 1 => (0, one_day_start(&next, &bundle)?),
        KapTarget::Midway => (midway_day(n), day_start),
        KapTarget::At { day, dose_at } => {
            let start = dose_at.minutes().checked_sub(bundle.dose_offset);
            match start {
                Some(start) if start >= day_start => (day, start),
                _ => {
                    return refuse(format!(
                        "Preparation and vitals need {} minutes before the dose, and the day starts at {}: choose a dose at {} or later.",
                        bundle.dose_offset,
                        next.day_start,
                        clock(day_start + bundle.dose_offset)
                    ))
                }
            }
        }
    };
    if day >= n {
        return refuse(format!("Day {} is not part of this {n}-day plan.", day + 1));
    }
    let last = day + 1 == n;
    if !last && day_start + INTEGRATION > day_end {
        return refuse(format!(
            "Integration opens the day after the dose and takes {INTEGRATION} minutes; the days here are shorter."
        ));
    }
    let meal_start = start + bundle.span;
    let needed = meal_start + MEAL + if last { last_day_tail } else { 0 };
    if needed > day_end {
        let what = if last {
            "the dose, recovery, a meal and integration"
        } else {
            "the dose, recovery and a meal"
        };
        return refuse(format!(
            "On day {}, {what} need until {}, after the day's end at {}. Choose an earlier time, longer days, or another day.",
            day + 1,
            clock(needed),
            next.day_end
        ));
    }

    let mut ids = next.next_block_id();
    let mut make = |kind, title: &str, attendees, from: u16, minutes: u16| {
        let block = Block {
            id: ids,
            start: time(from),
            end: time(from + minutes),
            kind,
            title: title.to_string(),
            attendees: Attendees::usual(kind, attendees),
            notes: String::new(),
            travel: false,
        };
        ids += 1;
        block
    };
    let everyone = next.participants.everyone();

    // The dosing day: what ends before the bundle stays; the rest is displaced.
    let fasting_from =
        (start + bundle.dose_offset).saturating_sub(next.settings.fasting_hours.saturating_mul(60));
    let mut displaced: Vec<(usize, Block)> = Vec::new();
    let mut kept = Vec::new();
    for block in std::mem::take(&mut next.days[day].blocks) {
        let before = block.end.minutes() <= start;
        let meal_in_fast = block.kind.is_meal() && block.end.minutes() > fasting_from;
        if before && !meal_in_fast {
            kept.push(block);
        } else if !block.kind.is_pause() {
            displaced.push((day, block));
        }
    }
    for part in &bundle.parts {
        kept.push(make(
            part.kind,
            &part.title,
            part.attendees,
            start + part.offset,
            part.minutes,
        ));
    }
    kept.push(make(
        BlockKind::Lunch,
        meal_title(meal_start),
        everyone,
        meal_start,
        MEAL,
    ));
    if last {
        let at = meal_start + MEAL + BREAK;
        let closing_fits = at + INTEGRATION + BREAK + CLOSING <= day_end;
        let title = if closing_fits {
            INTEGRATION_TITLE
        } else {
            INTEGRATION_AND_CLOSING_TITLE
        };
        kept.push(make(
            BlockKind::Break,
            "Break",
            everyone,
            meal_start + MEAL,
            BREAK,
        ));
        kept.push(make(
            BlockKind::KapIntegration,
            title,
            everyone,
            at,
            INTEGRATION,
        ));
        if closing_fits {
            let closing_at = at + INTEGRATION + BREAK;
            kept.push(make(
                BlockKind::Break,
                "Break",
                everyone,
                at + INTEGRATION,
                BREAK,
            ));
            kept.push(make(
                BlockKind::Closing,
                CLOSING_TITLE,
                everyone,
                closing_at,
                CLOSING,
            ));
            displaced.retain(|(_, b)| b.kind != BlockKind::Closing);
        } else {
            displaced.retain(|(_, b)| b.kind != BlockKind::Closing);
        }
        // The dosing day's own reflection has no place after integration on the last day.
        displaced.retain(|(_, b)| b.kind != BlockKind::Reflection);
    } else {
        // A dosing day ends with the meal: its reflection or closing is not moved elsewhere.
        displaced.retain(|(_, b)| !matches!(b.kind, BlockKind::Reflection | BlockKind::Closing));
    }
    next.days[day].blocks = kept;

    let mut changes = Vec::new();
    // A displaced check-in is removed: it belongs to its own morning.
    let mut sessions: Vec<(usize, Block)> = Vec::new();
    for (from, block) in displaced {
        if block.kind == BlockKind::CheckIn {
            changes.push(Change::Removed {
                title: block.title,
                from_day: from,
            });
        } else {
            sessions.push((from, block));
        }
    }
    let mut homeless: Vec<(usize, Block)> = Vec::new();
    if !last {
        // The next day opens with integration, then its own morning, lunch, the displaced
        // sessions, its afternoon and its end.
        let integration = make(
            BlockKind::KapIntegration,
            INTEGRATION_TITLE,
            everyone,
            day_start,
            INTEGRATION,
        );
        let following = day + 1;
        let own = std::mem::take(&mut next.days[following].blocks);
        // Sessions displaced from the dosing day come first (they were due earlier in the
        // intensive: an opening, say), then the day's own sessions and lunch, then its end.
        let mut queue = sessions;
        let mut ending: Vec<(usize, Block)> = Vec::new();
        for block in own {
            match block.kind {
                BlockKind::CheckIn => changes.push(Change::Removed {
                    title: block.title,
                    from_day: following,
                }),
                BlockKind::Break => {}
                BlockKind::Closing | BlockKind::Reflection => ending.push((following, block)),
                _ => queue.push((following, block)),
            }
        }
        queue.extend(ending);
        let (placed, overflow) = pack(&next, integration, queue, &mut make);
        next.days[following].blocks = placed;
        homeless.extend(overflow);
    } else {
        homeless = sessions;
    }

    // Sessions with nowhere to go: a free gap on a day without KAP, or removal.
    let mut moved_ids = Vec::new();
    for (from, block) in homeless {
        if block.kind.is_pause() {
            continue;
        }
        let length = block.minutes();
        let gap = (0..n)
            .filter(|d| !next.days[*d].blocks.iter().any(|b| b.kind.is_kap()))
            .find_map(|d| free_gap(&next, &next.days[d], length, block.kind).map(|s| (d, s)));
        match gap {
            Some((to, at)) => {
                moved_ids.push(block.id);
                let title = block.title.clone();
                let mut moved = block;
                moved.start = time(at);
                moved.end = time(at + length);
                next.days[to].blocks.push(moved);
                changes.push(Change::Moved {
                    title,
                    from_day: from,
                    to_day: to,
                    start: time(at),
                });
            }
            None => changes.push(Change::Removed {
                title: block.title,
                from_day: from,
            }),
        }
    }
    // Sessions that moved day within the packing (from the dosing day to the next) are reported
    // too, with where they landed.
    for (index, d) in next.days.iter().enumerate() {
        for block in &d.blocks {
            if let Some((was, _)) = plan.find_block(block.id) {
                let reported = moved_ids.contains(&block.id);
                let session = !block.kind.is_pause() && !block.kind.is_kap();
                if was != index && session && !reported {
                    changes.push(Change::Moved {
                        title: block.title.clone(),
                        from_day: was,
                        to_day: index,
                        start: block.start,
                    });
                }
            }
        }
    }
    for d in &mut next.days {
        super::edit::sort_day(d);
    }
    Ok(Placed {
        plan: next,
        changes,
    })
}

/// On a 1-day intensive, KAP midway doses as near the middle of the day as the dose, recovery, a
/// meal and integration after it allow, with at least an hour of therapy before it: the bundle's
/// start, if there is one.
pub fn one_day_bundle_start(day_start: u16, day_end: u16, bundle: &Bundle) -> Option<u16> {
    let midpoint = (day_start + day_end) / 2;
    let wanted = (midpoint.div_ceil(15) * 15).saturating_sub(bundle.dose_offset);
    let latest = day_end.checked_sub(bundle.span + MEAL + BREAK + INTEGRATION)?;
    let start = wanted.min(latest) / 15 * 15;
    (start >= day_start + 60).then_some(start)
}

fn one_day_start(plan: &Plan, bundle: &Bundle) -> Result<u16, EditError> {
    let day_start = plan.day_start.minutes();
    let day_end = plan.day_end.minutes();
    one_day_bundle_start(day_start, day_end, bundle).ok_or_else(|| {
        EditError(format!(
            "A one-day intensive with KAP midway needs at least an hour of therapy before the preparation, then the dose, recovery, a meal and integration: {} in all. This day has {}. Try a longer day, or KAP at the start.",
            super::rules::hours(u32::from(60 + bundle.span + MEAL + BREAK + INTEGRATION)),
            super::rules::hours(u32::from(day_end.saturating_sub(day_start)))
        ))
    })
}

/// Lays out `queue` after the integration that opens the day, with a break between two
/// sessions, the day's lunch (if it has one) at lunchtime, and nothing past the day's end. What
/// does not fit is returned, the latest session first to go, never the day's closing or
/// reflection.
fn pack(
    plan: &Plan,
    integration: Block,
    mut queue: Vec<(usize, Block)>,
    make: &mut impl FnMut(BlockKind, &str, Attendees, u16, u16) -> Block,
) -> (Vec<Block>, Vec<(usize, Block)>) {
    let day_end = plan.day_end.minutes();
    let lunch = queue
        .iter()
        .position(|(_, b)| b.kind.is_meal())
        .map(|i| queue.remove(i).1);
    let mut overflow = Vec::new();
    loop {
        // Lay out: (index in the queue, or None for lunch, start).
        let mut at = integration.end.minutes();
        let mut break_due = true;
        let mut slots: Vec<(Option<usize>, u16)> = Vec::with_capacity(queue.len() + 1);
        let mut lunch_at = None;
        let mut fits = true;
        for (index, (_, block)) in queue.iter().enumerate() {
            let length = block.minutes();
            let mut start = if break_due { at + BREAK } else { at };
            if let (Some(meal), None) = (&lunch, lunch_at) {
                // Lunch goes before the first session that would end after 13:30, or once
                // it is noon.
                if at >= 12 * 60 || start + length > 13 * 60 + 30 {
                    let from = at.max(LUNCH_EARLIEST);
                    lunch_at = Some(from);
                    slots.push((None, from));
                    at = from + meal.minutes();
                    start = at;
                }
            }
            let end = start + length;
            if end > day_end {
                fits = false;
                break;
            }
            slots.push((Some(index), start));
            at = end;
            break_due = true;
        }
        if let (Some(meal), None, true) = (&lunch, lunch_at, fits) {
            let from = at.max(LUNCH_EARLIEST);
            if from <= LUNCH_LATEST && from + meal.minutes() <= day_end {
                slots.push((None, from));
            }
        }
        if fits {
            let mut blocks = vec![integration.clone()];
            let mut previous: Option<u16> = Some(integration.end.minutes());
            let mut queue: Vec<Option<(usize, Block)>> = queue.into_iter().map(Some).collect();
            let everyone = plan.participants.everyone();
            for (slot, start) in slots {
                let mut block = match slot {
                    Some(index) => match queue[index].take() {
                        Some((_, block)) => block,
                        None => continue,
                    },
                    None => match lunch.clone() {
                        Some(meal) => meal,
                        None => continue,
                    },
                };
                if let Some(end) = previous {
                    if start > end && !block.kind.is_pause() {
                        blocks.push(make(BlockKind::Break, "Break", everyone, end, start - end));
                    }
                }
                let length = block.minutes();
                block.start = time(start);
                block.end = time(start + length);
                previous = (!block.kind.is_pause()).then_some(start + length);
                blocks.push(block);
            }
            return (blocks, overflow);
        }
        // Drop the latest session, never a closing or a reflection.
        let removable = |b: &Block| !matches!(b.kind, BlockKind::Closing | BlockKind::Reflection);
        match (0..queue.len()).rev().find(|i| removable(&queue[*i].1)) {
            Some(i) => overflow.push(queue.remove(i)),
            None => match queue.pop() {
                Some(last) => overflow.push(last),
                None => return (vec![integration], overflow),
            },
        }
    }
}

/// The earliest start on `day` where a block of this length fits inside the daily window with a
/// break between it and any session next to it.
fn free_gap(plan: &Plan, day: &Day, length: u16, kind: BlockKind) -> Option<u16> {
    let day_start = plan.day_start.minutes();
    let day_end = plan.day_end.minutes();
    let tiring = |k: BlockKind| !k.is_pause() && k != BlockKind::Rest;
    let gap_next_to = |other: BlockKind| {
        if tiring(kind) && tiring(other) {
            BREAK
        } else {
            0
        }
    };
    let fits = |start: u16| {
        let end = start + length;
        start >= day_start
            && end <= day_end
            && day.blocks.iter().all(|b| {
                let gap = gap_next_to(b.kind);
                b.end.minutes() + gap <= start || end + gap <= b.start.minutes()
            })
    };
    // The earliest of: the day's start, or the end of a block (after a break when due).
    let mut best = Some(day_start).filter(|s| fits(*s));
    for block in &day.blocks {
        let start = block.end.minutes() + gap_next_to(block.kind);
        if fits(start) && best.is_none_or(|b| start < b) {
            best = Some(start);
        }
    }
    best
}

fn time(minutes: u16) -> Time {
    Time::from_minutes(minutes).unwrap_or(Time::END_OF_DAY)
}

fn clock(minutes: u16) -> String {
    if minutes >= 24 * 60 {
        "after midnight".to_string()
    } else {
        time(minutes).to_string()
    }
}
