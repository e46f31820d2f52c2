//! The rule checker: every safety and logistics finding for a plan, at once. It warns; it never
//! blocks. `docs/rules.md` lists every code.

use super::model::{
    member_name, moment, Answer, Attendees, Block, BlockId, BlockKind, Contraindication, Doses,
    Plan,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The agenda contradicts a safety or logistics rule.
    Error,
    /// Something to check, or still to record.
    Warning,
    /// For information.
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
            Severity::Info => "Info",
        }
    }
}

/// Every rule the checker applies. Each has a stable snake_case code, used in the page
/// (`data-code`) and documented in docs/rules.md (a test keeps the two in step).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    BlockTimes,
    OutsideWindow,
    Overlap,
    DosingWithoutPreparation,
    NoVitalsBeforeDosing,
    NoVitalsAfterDosing,
    DosingTooShort,
    NoIntegrationInWindow,
    MealInFastingWindow,
    FastingStart,
    LastDayDosingWithoutIntegration,
    DosingLastDayNothingAfter,
    DailyLoad,
    NoBreak,
    IntegrationOutsideWindow,
    ScreeningFlag,
    ScreeningIncomplete,
    NoClearance,
    NoRideHome,
    DriverNotSober,
    TravelAfterDosing,
    TooFewMonitors,
    MultipleDosings,
    DosesNotChosen,
    SessionAfterDose,
    NoMealAfterDose,
    TimeOnSite,
    NoFollowUp,
    NotReady,
    ReadingOverLimit,
}

impl Rule {
    pub const ALL: [Rule; 30] = [
        Rule::BlockTimes,
        Rule::OutsideWindow,
        Rule::Overlap,
        Rule::DosingWithoutPreparation,
        Rule::NoVitalsBeforeDosing,
        Rule::NoVitalsAfterDosing,
        Rule::DosingTooShort,
        Rule::NoIntegrationInWindow,
        Rule::MealInFastingWindow,
        Rule::FastingStart,
        Rule::LastDayDosingWithoutIntegration,
        Rule::DosingLastDayNothingAfter,
        Rule::DailyLoad,
        Rule::NoBreak,
        Rule::IntegrationOutsideWindow,
        Rule::ScreeningFlag,
        Rule::ScreeningIncomplete,
        Rule::NoClearance,
        Rule::NoRideHome,
        Rule::DriverNotSober,
        Rule::TravelAfterDosing,
        Rule::TooFewMonitors,
        Rule::MultipleDosings,
        Rule::DosesNotChosen,
        Rule::SessionAfterDose,
        Rule::NoMealAfterDose,
        Rule::TimeOnSite,
        Rule::NoFollowUp,
        Rule::NotReady,
        Rule::ReadingOverLimit,
    ];

    /// The stable code, as in docs/rules.md.
    pub fn code(self) -> &'static str {
        match self {
            Rule::BlockTimes => "block_times",
            Rule::OutsideWindow => "outside_window",
            Rule::Overlap => "overlap",
            Rule::DosingWithoutPreparation => "dosing_without_preparation",
            Rule::NoVitalsBeforeDosing => "no_vitals_before_dosing",
            Rule::NoVitalsAfterDosing => "no_vitals_after_dosing",
            Rule::DosingTooShort => "dosing_too_short",
            Rule::NoIntegrationInWindow => "no_integration_in_window",
            Rule::MealInFastingWindow => "meal_in_fasting_window",
            Rule::FastingStart => "fasting_start",
            Rule::LastDayDosingWithoutIntegration => "last_day_dosing_without_integration",
            Rule::DosingLastDayNothingAfter => "dosing_last_day_nothing_after",
            Rule::DailyLoad => "daily_load",
            Rule::NoBreak => "no_break",
            Rule::IntegrationOutsideWindow => "integration_outside_window",
            Rule::ScreeningFlag => "screening_flag",
            Rule::ScreeningIncomplete => "screening_incomplete",
            Rule::NoClearance => "no_clearance",
            Rule::NoRideHome => "no_ride_home",
            Rule::DriverNotSober => "driver_not_sober",
            Rule::TravelAfterDosing => "travel_after_dosing",
            Rule::TooFewMonitors => "too_few_monitors",
            Rule::MultipleDosings => "multiple_dosings",
            Rule::DosesNotChosen => "doses_not_chosen",
            Rule::SessionAfterDose => "session_after_dose",
            Rule::NoMealAfterDose => "no_meal_after_dose",
            Rule::TimeOnSite => "time_on_site",
            Rule::NoFollowUp => "no_follow_up",
            Rule::NotReady => "not_ready",
            Rule::ReadingOverLimit => "reading_over_limit",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Finding {
    pub severity: Severity,
    /// Which rule found it; its code is documented in docs/rules.md.
    pub rule: Rule,
    /// Plain language, naming the fact behind the rule.
    pub message: String,
    /// The blocks concerned.
    pub blocks: Vec<BlockId>,
}

use super::limits::VITALS_GAP_MINUTES;

/// All findings for the plan: errors first, then warnings, then information; within a severity
/// in the order of the agenda.
pub fn check(plan: &Plan) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (index, day) in plan.days.iter().enumerate() {
        check_day(plan, index, &day.blocks, &mut findings);
    }
    for (index, dosing) in plan
        .blocks()
        .filter(|(_, b)| b.kind == BlockKind::KapDosing)
    {
        check_dosing(plan, index, dosing, &mut findings);
    }
    check_integrations(plan, &mut findings);
    check_kap_records(plan, &mut findings);
    for ready in super::readiness::readiness(plan)
        .into_iter()
        .filter(|r| !r.ready())
    {
        let at = plan
            .find_block(ready.dosing)
            .map(|(_, b)| b.start.to_string())
            .unwrap_or_default();
        findings.push(Finding {
            severity: Severity::Error,
            rule: Rule::NotReady,
            message: format!(
                "The dosing on day {} at {at} is not ready to go ahead: {}.",
                ready.day + 1,
                ready
                    .missing
                    .iter()
                    .map(|m| m.describe(&plan.participants))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            blocks: vec![ready.dosing],
        });
    }
    // Errors first, keeping the agenda order within each severity.
    let mut ordered = Vec::with_capacity(findings.len());
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        ordered.extend(findings.iter().filter(|f| f.severity == severity).cloned());
    }
    ordered
}

fn check_day(plan: &Plan, index: usize, blocks: &[Block], findings: &mut Vec<Finding>) {
    let day = index + 1;
    for block in blocks {
        if block.start >= block.end {
            findings.push(Finding {
                severity: Severity::Error,
                rule: Rule::BlockTimes,
                message: format!(
                    "\"{}\" on day {day} ends at {}, which is not after its start at {}.",
                    block.title, block.end, block.start
                ),
                blocks: vec![block.id],
            });
        } else if block.start < plan.day_start || block.end > plan.day_end {
            findings.push(Finding {
                severity: Severity::Warning,
                rule: Rule::OutsideWindow,
                message: format!(
                    "\"{}\" on day {day} ({}–{}) runs outside the day's hours, {}–{}.",
                    block.title, block.start, block.end, plan.day_start, plan.day_end
                ),
                blocks: vec![block.id],
            });
        }
    }
    let mut sorted: Vec<&Block> = blocks.iter().filter(|b| b.start < b.end).collect();
    super::model::sort_small(&mut sorted, |a, b| a.in_order_after(b));
    check_load(plan, day, &sorted, findings);
    for (i, first) in sorted.iter().enumerate() {
        for second in sorted[i + 1..].iter().take_while(|b| b.start < first.end) {
            let shared = clash(first, second);
            if shared.is_empty() {
                continue;
            }
            let who = shared
                .members()
                .map(|m| member_name(m, &plan.participants, &plan.team))
                .collect::<Vec<_>>()
                .join(" and ");
            findings.push(Finding {
                severity: Severity::Error,
                rule: Rule::Overlap,
                message: format!(
                    "On day {day}, \"{}\" ({}–{}) and \"{}\" ({}–{}) overlap, and {who} cannot be in both at once.",
                    first.title, first.start, first.end, second.title, second.start, second.end
                ),
                blocks: vec![first.id, second.id],
            });
        }
    }
}

/// The people two blocks that overlap in time would each need to be in at once (nobody: they
/// may overlap). Staggered dosing is the exception: KAP blocks of different partners run side by
/// side, the care team in the room with both. The checker and the grid's drop preview ask this.
pub fn clash(first: &Block, second: &Block) -> Attendees {
    let shared = first.attendees.common(second.attendees);
    let side_by_side = first.kind.is_kap() && second.kind.is_kap() && shared.clients().is_empty();
    if side_by_side {
        Attendees::NONE
    } else {
        shared
    }
}

fn check_dosing(plan: &Plan, index: usize, dosing: &Block, findings: &mut Vec<Finding>) {
    let day = index + 1;
    let start = moment(index, dosing.start);
    let end = moment(index, dosing.end);
    let at = format!("The dosing on day {day} at {}", dosing.start);

    let prepared = plan
        .blocks()
        .any(|(i, b)| b.kind == BlockKind::KapPreparation && moment(i, b.end) <= start);
    if !prepared {
        findings.push(Finding {
            severity: Severity::Error,
            rule: Rule::DosingWithoutPreparation,
            message: format!(
                "{at} has no preparation session before it. Intentions, fears and set and setting are explored before any medicine."
            ),
            blocks: vec![dosing.id],
        });
    }

    // The blocks of the people this dosing concerns (staggered doses run side by side).
    let same_day: Vec<&Block> = plan.days[index]
        .blocks
        .iter()
        .filter(|b| b.attendees.clients().shares(dosing.attendees.clients()))
        .collect();
    let before = same_day
        .iter()
        .filter(|b| b.id != dosing.id && b.end <= dosing.start)
        .max_by_key(|b| (b.end, b.start));
    let vitals_before = before.is_some_and(|b| {
        b.kind == BlockKind::VitalsCheck
            && dosing.start.minutes() - b.end.minutes() <= VITALS_GAP_MINUTES
    });
    if !vitals_before {
        findings.push(Finding {
            severity: Severity::Error,
            rule: Rule::NoVitalsBeforeDosing,
            message: format!(
                "{at} needs a vitals check (blood pressure and pulse) right before the dose, ending no more than {VITALS_GAP_MINUTES} minutes before it."
            ),
            blocks: vec![dosing.id],
        });
    }
    let after = same_day
        .iter()
        .filter(|b| b.id != dosing.id && b.start >= dosing.end)
        .min_by_key(|b| (b.start, b.end));
    let vitals_after = after.is_some_and(|b| {
        b.kind == BlockKind::VitalsCheck
            && b.start.minutes() - dosing.end.minutes() <= VITALS_GAP_MINUTES
    });
    if !vitals_after {
        findings.push(Finding {
            severity: Severity::Error,
            rule: Rule::NoVitalsAfterDosing,
            message: format!(
                "{at} needs a vitals check right after it, before discharge, starting no more than {VITALS_GAP_MINUTES} minutes after it ends."
            ),
            blocks: vec![dosing.id],
        });
    }

    if dosing.start < dosing.end && dosing.minutes() < plan.settings.dosing_minutes {
        findings.push(Finding {
            severity: Severity::Warning,
            rule: Rule::DosingTooShort,
            message: format!(
                "{at} lasts {} minutes; this plan's dosing sessions last {} minutes, because the effects take that long to fade.",
                dosing.minutes(),
                plan.settings.dosing_minutes
            ),
            blocks: vec![dosing.id],
        });
    }

    let window = u32::from(plan.settings.integration_window_hours) * 60;
    let integrated = plan.blocks().any(|(i, b)| {
        let at = moment(i, b.start);
        b.kind == BlockKind::KapIntegration && at >= end && at <= end + window
    });
    if !integrated {
        findings.push(Finding {
            severity: Severity::Error,
            rule: Rule::NoIntegrationInWindow,
            message: format!(
                "{at} has no integration session within {} hours after it. The mind stays especially open for a few days after a dose; integration turns what arose into change.",
                plan.settings.integration_window_hours
            ),
            blocks: vec![dosing.id],
        });
    }

    // Fasting: counted back from the dose.
    let fasting = u32::from(plan.settings.fasting_hours) * 60;
    let fasting_from = start.saturating_sub(fasting);
    for (i, meal) in plan.blocks().filter(|(_, b)| b.kind.is_meal()) {
        if moment(i, meal.end) > fasting_from && moment(i, meal.start) < start {
            findings.push(Finding {
                severity: Severity::Warning,
                rule: Rule::MealInFastingWindow,
                message: format!(
                    "\"{}\" on day {} at {} falls within the {} hours of fasting before the dose on day {day} at {}. No food for {} hours before a dose.",
                    meal.title,
                    i + 1,
                    meal.start,
                    plan.settings.fasting_hours,
                    dosing.start,
                    plan.settings.fasting_hours
                ),
                blocks: vec![meal.id, dosing.id],
            });
        }
    }
    let fasting_day = fasting_from / (24 * 60);
    let fasting_time = (fasting_from % (24 * 60)) as u16;
    let when = if fasting_day as usize == index {
        "".to_string()
    } else if fasting_day as usize + 1 == index {
        " the evening before".to_string()
    } else {
        format!(" on day {}", fasting_day + 1)
    };
    findings.push(Finding {
        severity: Severity::Info,
        rule: Rule::FastingStart,
        message: format!(
            "Fasting starts at {}{when}: {} hours before the dose on day {day} at {}. Clear liquids may be allowed for longer; follow the prescriber.",
            super::model::Time::from_minutes(fasting_time).unwrap_or(dosing.start),
            plan.settings.fasting_hours,
            dosing.start
        ),
        blocks: vec![dosing.id],
    });

    for block in same_day.iter().filter(|b| {
        b.start >= dosing.end
            && matches!(
                b.kind,
                BlockKind::CheckIn | BlockKind::JointSession | BlockKind::IndividualSession
            )
    }) {
        findings.push(Finding {
            severity: Severity::Warning,
            rule: Rule::SessionAfterDose,
            message: format!(
                "\"{}\" at {} comes after the dose on day {day}. After a dose the rest of the day is for recovery, a meal and integration; move it to another day.",
                block.title, block.start
            ),
            blocks: vec![block.id, dosing.id],
        });
    }
    let fed = plan.days[index]
        .blocks
        .iter()
        .any(|b| b.kind.is_meal() && b.start >= dosing.end);
    if !fed {
        findings.push(Finding {
            severity: Severity::Warning,
            rule: Rule::NoMealAfterDose,
            message: format!(
                "{at} has no meal after it that day. After fasting and a dose, a meal belongs after the rest, before anyone leaves."
            ),
            blocks: vec![dosing.id],
        });
    }

    let last_day = index + 1 == plan.days.len();
    if last_day {
        let followed_up = plan.kap.follow_up.is_some_and(|f| {
            let days = (f.date - plan.start_date).num_days();
            u32::try_from(days).is_ok_and(|d| {
                let at = d * 24 * 60 + u32::from(f.start.minutes());
                at >= end && at <= end + window
            })
        });
        if !followed_up {
            findings.push(Finding {
                severity: Severity::Warning,
                rule: Rule::NoFollowUp,
                message: format!(
                    "{at} is on the last day, and no follow-up integration appointment within {} hours after it is recorded. Record one under Screening and logistics: it goes into the couple's preview and calendar.",
                    plan.settings.integration_window_hours
                ),
                blocks: vec![dosing.id],
            });
        }
    }
    let integrated_after = plan.days[index]
        .blocks
        .iter()
        .any(|b| b.kind == BlockKind::KapIntegration && b.start >= dosing.end);
    if last_day && !integrated_after {
        findings.push(Finding {
            severity: Severity::Error,
            rule: Rule::LastDayDosingWithoutIntegration,
            message: format!(
                "{at} is on the last day with no integration after it. Every dosing is followed by integration, and this is the last chance within the intensive."
            ),
            blocks: vec![dosing.id],
        });
    }

    if last_day && after.is_none() {
        findings.push(Finding {
            severity: Severity::Error,
            rule: Rule::DosingLastDayNothingAfter,
            message: format!(
                "{at} is on the last day with nothing after it: there is no time left for recovery, discharge or integration."
            ),
            blocks: vec![dosing.id],
        });
    }
}

/// Daily load and stretches without a break (`sorted`: the day's well-formed blocks by start).
fn check_load(plan: &Plan, day: usize, sorted: &[&Block], findings: &mut Vec<Finding>) {
    let active: Vec<&&Block> = sorted.iter().filter(|b| b.kind.is_active()).collect();
    let load: u32 = active.iter().map(|b| u32::from(b.minutes())).sum();
    let dosing_day = sorted.iter().any(|b| b.kind == BlockKind::KapDosing);
    let (budget, whose) = if dosing_day {
        (
            plan.settings.dosing_day_load_minutes,
            "a dosing day's budget",
        )
    } else {
        (plan.settings.daily_load_minutes, "this plan's daily budget")
    };
    if load > u32::from(budget) {
        findings.push(Finding {
            severity: Severity::Warning,
            rule: Rule::DailyLoad,
            message: format!(
                "Day {day} has {} of active sessions; {whose} is {}. Intensive work is draining, and many programs cap it at about 4–6 hours a day, less around a dose.",
                hours(load),
                hours(u32::from(budget))
            ),
            blocks: active.iter().map(|b| b.id).collect(),
        });
    }
    if let (Some(first), Some(last_end)) = (sorted.first(), sorted.iter().map(|b| b.end).max()) {
        let on_site = u32::from(last_end.minutes() - first.start.minutes());
        if on_site > u32::from(plan.settings.time_on_site_minutes) {
            findings.push(Finding {
                severity: Severity::Warning,
                rule: Rule::TimeOnSite,
                message: format!(
                    "Day {day} runs {} on site, from {} to {}; this plan allows {}. A long day wears everyone out, breaks and all.",
                    hours(on_site),
                    first.start,
                    last_end,
                    hours(u32::from(plan.settings.time_on_site_minutes))
                ),
                blocks: sorted.iter().map(|b| b.id).collect(),
            });
        }
    }
    // A stretch runs through active sessions that follow each other with less than 15 minutes
    // between them; breaks, meals, rest, the dosing itself and gaps of 15 minutes end it.
    let limit = u32::from(plan.settings.max_stretch_minutes);
    let mut stretch: Vec<&Block> = Vec::new();
    let flush = |stretch: &mut Vec<&Block>, findings: &mut Vec<Finding>| {
        if let (Some(first), Some(last)) = (stretch.first(), stretch.last()) {
            let length = u32::from(last.end.minutes() - first.start.minutes());
            if length > limit {
                findings.push(Finding {
                    severity: Severity::Warning,
                    rule: Rule::NoBreak,
                    message: format!(
                        "Day {day} runs {} without a break, from {} to {}; this plan allows {} at most. A break of 15 minutes or more helps everyone stay present.",
                        hours(length), first.start, last.end, hours(limit)
                    ),
                    blocks: stretch.iter().map(|b| b.id).collect(),
                });
            }
        }
        stretch.clear();
    };
    for block in sorted {
        if !block.kind.is_active() {
            flush(&mut stretch, findings);
            continue;
        }
        if let Some(last) = stretch.last() {
            if block.start.minutes() >= last.end.minutes() + 15 {
                flush(&mut stretch, findings);
            }
        }
        stretch.push(block);
    }
    flush(&mut stretch, findings);
}

/// "2 h 30 min", "45 min", "6 h".
pub fn hours(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// Integration sessions that no dosing's window covers.
fn check_integrations(plan: &Plan, findings: &mut Vec<Finding>) {
    let window = u32::from(plan.settings.integration_window_hours) * 60;
    let dosing_ends: Vec<u32> = plan
        .blocks()
        .filter(|(_, b)| b.kind == BlockKind::KapDosing)
        .map(|(i, b)| moment(i, b.end))
        .collect();
    if dosing_ends.is_empty() {
        return;
    }
    for (index, block) in plan
        .blocks()
        .filter(|(_, b)| b.kind == BlockKind::KapIntegration)
    {
        let at = moment(index, block.start);
        let covered = dosing_ends
            .iter()
            .any(|end| at >= *end && at <= end + window);
        if !covered {
            findings.push(Finding {
                severity: Severity::Warning,
                rule: Rule::IntegrationOutsideWindow,
                message: format!(
                    "\"{}\" on day {} at {} is not within {} hours after a dosing. Integration works best while the mind is still especially open.",
                    block.title,
                    index + 1,
                    block.start,
                    plan.settings.integration_window_hours
                ),
                blocks: vec![block.id],
            });
        }
    }
}

/// Screening, clearance, rides, monitors and sign-off: only when the plan has a dosing.
fn check_kap_records(plan: &Plan, findings: &mut Vec<Finding>) {
    let dosings: Vec<(usize, &Block)> = plan
        .blocks()
        .filter(|(_, b)| b.kind == BlockKind::KapDosing)
        .collect();
    if dosings.is_empty() {
        return;
    }
    let ids: Vec<BlockId> = dosings.iter().map(|(_, b)| b.id).collect();
    let kap = &plan.kap;
    for person in kap.dosers(&plan.participants) {
        let name = person.name(&plan.participants);
        let screening = kap.screening(person);
        let flagged: Vec<&str> = Contraindication::ALL
            .iter()
            .filter(|c| screening.answer(**c) == Answer::Yes)
            .map(|c| c.question())
            .collect();
        if !flagged.is_empty() {
            findings.push(Finding {
                severity: Severity::Error,
                rule: Rule::ScreeningFlag,
                message: format!(
                    "Screening for {name} answered yes to: {}. Discuss with the prescriber before dosing.",
                    flagged.join("; ")
                ),
                blocks: ids.clone(),
            });
        }
        let unknown = Contraindication::ALL
            .iter()
            .filter(|c| screening.answer(**c) == Answer::Unknown)
            .count();
        if unknown > 0 {
            findings.push(Finding {
                severity: Severity::Warning,
                rule: Rule::ScreeningIncomplete,
                message: format!(
                    "Screening for {name} is incomplete ({unknown} of {} questions unanswered). Discuss with the prescriber before dosing.",
                    Contraindication::ALL.len()
                ),
                blocks: ids.clone(),
            });
        }
    }
    for person in kap.dosers(&plan.participants) {
        if kap.clearance(person).is_none() {
            findings.push(Finding {
                severity: Severity::Warning,
                rule: Rule::NoClearance,
                message: format!("No prescriber clearance is recorded for {}. A licensed prescriber screens medically and must clear each person before any dosing.", person.name(&plan.participants)),
                blocks: ids.clone(),
            });
        }
    }
    let s = &plan.settings;
    for reading in kap.readings.iter().filter(|r| r.over_limit(s)) {
        findings.push(Finding {
            severity: Severity::Error,
            rule: Rule::ReadingOverLimit,
            message: format!(
                "The pre-dose reading of {} on day {} is {}/{}, pulse {}: over the limit of {}/{} and {} bpm. Hold the dose until the prescriber has reviewed it.",
                reading.person.name(&plan.participants),
                reading.day + 1,
                reading.systolic,
                reading.diastolic,
                reading.pulse,
                s.systolic_max,
                s.diastolic_max,
                s.pulse_max
            ),
            blocks: dosings
                .iter()
                .filter(|(day, _)| *day == reading.day)
                .map(|(_, b)| b.id)
                .collect(),
        });
    }
    let mut dosing_days: Vec<usize> = dosings.iter().map(|(day, _)| *day).collect();
    dosing_days.dedup();
    for day in dosing_days {
        for person in kap.dosers(&plan.participants) {
            let has_ride = kap
                .rides
                .iter()
                .any(|r| r.day == day && r.person == person && !r.driver.trim().is_empty());
            if !has_ride {
                findings.push(Finding {
                    severity: Severity::Warning,
                    rule: Rule::NoRideHome,
                    message: format!(
                        "No ride home is recorded for {} on day {}. Nobody drives after a dose until the next day, after sleep.",
                        person.name(&plan.participants),
                        day + 1
                    ),
                    blocks: dosings.iter().filter(|(d, _)| *d == day).map(|(_, b)| b.id).collect(),
                });
            }
        }
        // A ride home needs a sober adult: not someone who doses that day, and not the person
        // themselves.
        let same = crate::core::model::same_name;
        let dosers = kap.dosers(&plan.participants);
        for ride in kap
            .rides
            .iter()
            .filter(|r| r.day == day && dosers.contains(&r.person))
        {
            let passenger = ride.person.name(&plan.participants);
            let driver = dosers
                .iter()
                .map(|p| p.name(&plan.participants))
                .find(|name| same(name, &ride.driver));
            if let Some(driver) = driver {
                let message = if same(&driver, &passenger) {
                    format!(
                        "{passenger} is down to drive themselves home after the dose on day {}. Nobody drives after a dose until the next day, after sleep: name a sober adult.",
                        day + 1
                    )
                } else {
                    format!(
                        "{driver} is down to drive {passenger} home on day {}, but {driver} doses that day too. A ride home needs a sober adult who does not dose.",
                        day + 1
                    )
                };
                findings.push(Finding {
                    severity: Severity::Error,
                    rule: Rule::DriverNotSober,
                    message,
                    blocks: dosings
                        .iter()
                        .filter(|(d, _)| *d == day)
                        .map(|(_, b)| b.id)
                        .collect(),
                });
            }
        }
        let first_dose_end = dosings
            .iter()
            .filter(|(d, _)| *d == day)
            .map(|(_, b)| b.end)
            .min();
        if let Some(end) = first_dose_end {
            for block in plan.days[day]
                .blocks
                .iter()
                .filter(|b| b.travel && b.start >= end)
            {
                findings.push(Finding {
                    severity: Severity::Error,
                    rule: Rule::TravelAfterDosing,
                    message: format!(
                        "\"{}\" on day {} at {} needs travel after a dose the same day. Keep the rest of a dosing day at the practice or at home.",
                        block.title,
                        day + 1,
                        block.start
                    ),
                    blocks: vec![block.id],
                });
            }
        }
    }
    if kap.both_dose(&plan.participants)
        && kap.sober_monitors < plan.settings.monitors_when_both_dose
    {
        // Together, nobody else in the room is sober but the therapist: an error. Staggered,
        // the second partner is sober for the first minutes only: still a warning.
        let (severity, how) = match kap.doses {
            Doses::Together => (Severity::Error, "together"),
            _ => (Severity::Warning, "staggered"),
        };
        findings.push(Finding {
            severity,
            rule: Rule::TooFewMonitors,
            message: format!(
                "Both partners dose {how}, with {} sober monitor(s) recorded besides the therapist; this plan asks for {}. Neither partner can monitor the other: each needs a sober adult within voice range.",
                kap.sober_monitors, plan.settings.monitors_when_both_dose
            ),
            blocks: ids.clone(),
        });
    }
    if matches!(
        plan.participants,
        crate::core::model::Participants::Couple { .. }
    ) && kap.doses == Doses::NotChosen
    {
        findings.push(Finding {
            severity: Severity::Warning,
            rule: Rule::DosesNotChosen,
            message: "Who doses is not chosen yet: one partner (the other supports), both together, or staggered. Published approaches differ, so it is your explicit choice; until then screening and rides are asked of both.".to_string(),
            blocks: ids.clone(),
        });
    }
    // More than one dosing for the same person (a staggered pair is one dosing each).
    let most = plan
        .participants
        .people()
        .iter()
        .map(|person| {
            dosings
                .iter()
                .filter(|(_, b)| b.attendees.shares(person.alone()))
                .count()
        })
        .max()
        .unwrap_or(0);
    if most > 1 && !kap.multiple_dosings_signed_off {
        findings.push(Finding {
            severity: Severity::Error,
            rule: Rule::MultipleDosings,
            message: format!(
                "This intensive has {most} dosing sessions for one person. More than one dosing in an intensive is unusual and needs the prescriber's explicit sign-off."
            ),
            blocks: ids,
        });
    }
}
