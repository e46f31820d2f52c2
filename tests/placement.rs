//! KAP placement re-plans the days it touches: the clinical review's findings 4 to 7, a table of
//! placements, and a property over every template and placement.

mod common;

use common::*;
use intensive_planner::core::edit::{apply, Edit};
use intensive_planner::core::kap::{place, Change, KapTarget};
use intensive_planner::core::model::{BlockKind, Doses, KapPlacement, Plan, Time};
use intensive_planner::core::rules::{check, Rule, Severity};
use intensive_planner::core::template::build;
use proptest::prelude::*;

/// What every placed plan must satisfy; `Err` names the first breach.
fn sound(plan: &Plan) -> Result<(), String> {
    for (day, block) in plan.blocks() {
        if block.start < plan.day_start || block.end > plan.day_end {
            return Err(format!(
                "day {}: {} {}–{} outside {}–{}",
                day + 1,
                block.title,
                block.start,
                block.end,
                plan.day_start,
                plan.day_end
            ));
        }
    }
    for (day, dosing) in plan
        .blocks()
        .filter(|(_, b)| b.kind == BlockKind::KapDosing)
    {
        let blocks = &plan.days[day].blocks;
        let rest_end = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Rest)
            .map(|b| b.end)
            .max()
            .ok_or("no rest")?;
        if !blocks
            .iter()
            .any(|b| b.kind.is_meal() && b.start >= rest_end)
        {
            return Err(format!("day {}: no meal after the rest", day + 1));
        }
        let after = blocks.iter().find(|b| {
            b.start >= dosing.end
                && matches!(
                    b.kind,
                    BlockKind::CheckIn | BlockKind::JointSession | BlockKind::IndividualSession
                )
        });
        if let Some(b) = after {
            return Err(format!("day {}: {} after the dose", day + 1, b.title));
        }
        if let Some(next) = plan.days.get(day + 1) {
            let first = next.blocks.first().map(|b| b.kind);
            if first != Some(BlockKind::KapIntegration) {
                return Err(format!("day {} does not open with integration", day + 2));
            }
        }
    }
    let errors: Vec<String> = check(plan)
        .into_iter()
        // Readiness is about the records, not the agenda.
        .filter(|f| f.severity == Severity::Error && f.rule != Rule::NotReady)
        .map(|f| f.message)
        .collect();
    if !errors.is_empty() {
        return Err(format!("errors: {errors:?}"));
    }
    Ok(())
}

fn dosing_day(plan: &Plan) -> Option<usize> {
    plan.blocks()
        .find(|(_, b)| b.kind == BlockKind::KapDosing)
        .map(|(d, _)| d)
}

/// Finding 4: placing KAP midway in a 3-day couples plan without KAP used to push a morning
/// check-in to 15:30, lunch to 19:00 and joint work to 23:00.
#[test]
fn placing_kap_midway_re_plans_the_day() {
    let plain = plan(couple(), 3, KapPlacement::None);
    let placed = place(&plain, KapTarget::Midway).expect("midway fits");
    let plan = &placed.plan;
    assert_eq!(dosing_day(plan), Some(1));
    sound(plan).expect("sound");
    // Nothing ends after the day's end, the dosing day's own sessions are gone, and every
    // session that left is reported.
    let day2: Vec<_> = plan.days[1].blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        day2,
        [
            BlockKind::KapPreparation,
            BlockKind::VitalsCheck,
            BlockKind::KapDosing,
            BlockKind::VitalsCheck,
            BlockKind::Rest,
            BlockKind::Lunch
        ]
    );
    let sessions = |p: &Plan| {
        p.blocks()
            .filter(|(_, b)| !b.kind.is_pause() && !b.kind.is_kap())
            .count()
    };
    let removed = placed
        .changes
        .iter()
        .filter(|c| matches!(c, Change::Removed { .. }))
        .count();
    assert_eq!(
        sessions(plan) + removed,
        sessions(&plain),
        "{:?}",
        placed.changes
    );
    let summary = placed.summary("KAP placed.");
    assert!(
        summary.contains("“Morning check-in” on day 2 was removed"),
        "{summary}"
    );
    assert!(summary.ends_with("Undo restores all of it."), "{summary}");
    // One edit: one undo restores all of it.
    let applied = apply(&plain, &Edit::PlaceKap(KapTarget::Midway)).expect("applies");
    assert_eq!(&applied, plan);
}

/// Findings 4 and 5: at the start, day 1 no longer runs to 23:15, each partner has a pre-dose
/// check-in before the vitals, and the joint history and individual sessions follow the
/// integration on day 2.
#[test]
fn placing_kap_at_the_start_keeps_assessment_and_the_day() {
    let plain = plan(couple(), 3, KapPlacement::None);
    let placed = place(&plain, KapTarget::AtStart).expect("fits");
    let plan = &placed.plan;
    sound(plan).expect("sound");
    let day1: Vec<_> = plan.days[0]
        .blocks
        .iter()
        .map(|b| (b.kind, b.title.as_str()))
        .take(3)
        .collect();
    assert_eq!(
        day1,
        [
            (BlockKind::KapPreparation, "Pre-dose check-in with Alex"),
            (BlockKind::KapPreparation, "Pre-dose check-in with Sam"),
            (
                BlockKind::KapPreparation,
                "Preparation: intentions, set and setting"
            ),
        ]
    );
    let day2: Vec<&str> = plan.days[1]
        .blocks
        .iter()
        .filter(|b| !b.kind.is_pause())
        .map(|b| b.title.as_str())
        .take(4)
        .collect();
    assert_eq!(
        day2,
        [
            "Integration session",
            "Joint history",
            "Individual session with Alex",
            "Individual session with Sam"
        ]
    );
    assert!(placed.changes.contains(&Change::Moved {
        title: "Joint history".into(),
        from_day: 0,
        to_day: 1,
        start: t("10:45"),
    }));
}

/// Finding 6: dosing on the last day keeps a meal after the rest and integration after it, and
/// draws a warning until a follow-up appointment is recorded.
#[test]
fn dosing_on_the_last_day_has_a_meal_integration_and_asks_for_a_follow_up() {
    let plain = plan(couple(), 2, KapPlacement::None);
    let placed = place(
        &plain,
        KapTarget::At {
            day: 1,
            dose_at: t("10:15"),
        },
    )
    .expect("fits");
    let plan = &placed.plan;
    sound(plan).expect("sound");
    let last = plan.days[1].blocks.last().expect("blocks");
    assert_eq!(
        (last.kind, last.title.as_str()),
        (BlockKind::KapIntegration, "Integration and closing")
    );
    let rules: Vec<Rule> = check(plan).into_iter().map(|f| f.rule).collect();
    assert!(rules.contains(&Rule::NoFollowUp));
}

/// A placement that cannot fit in the day is refused with the time it would need; nothing is
/// pushed past the day's end.
#[test]
fn placements_that_do_not_fit_are_refused_with_the_time_needed() {
    let plain = plan(couple(), 3, KapPlacement::None);
    let cases = [
        (
            KapTarget::At {
                day: 1,
                dose_at: t("14:00"),
            },
            "17:00",
        ),
        (
            KapTarget::At {
                day: 1,
                dose_at: t("09:30"),
            },
            "10:15",
        ),
        (
            KapTarget::At {
                day: 2,
                dose_at: t("12:00"),
            },
            "integration",
        ),
        (
            KapTarget::At {
                day: 5,
                dose_at: t("10:00"),
            },
            "not part",
        ),
    ];
    for (target, said) in cases {
        let message = place(&plain, target).expect_err("refused").0;
        assert!(message.contains(said), "{target:?}: {message}");
    }
}

/// The dosing mode shapes the bundle: one partner doses (the other supports), both together,
/// or staggered; changing it re-places the bundle where it is.
#[test]
fn the_dosing_mode_shapes_the_bundle() {
    let base = plan(couple(), 3, KapPlacement::Midway);
    let with = |doses: Doses| {
        let mut record = base.kap.clone();
        record.doses = doses;
        apply(&base, &Edit::SetKap(Box::new(record))).expect("applies")
    };
    let attendees = |p: &Plan, kind: BlockKind| -> Vec<String> {
        p.blocks()
            .filter(|(_, b)| b.kind == kind)
            .map(|(_, b)| who(b.attendees))
            .collect()
    };
    let one = with(Doses::PartnerA);
    assert_eq!(
        attendees(&one, BlockKind::KapDosing),
        ["partner_a+therapist"]
    );
    assert_eq!(
        attendees(&one, BlockKind::VitalsCheck),
        ["partner_a+therapist", "partner_a+therapist"]
    );
    assert_eq!(attendees(&one, BlockKind::Rest), ["partner_a"]);
    assert_eq!(
        attendees(&one, BlockKind::KapIntegration),
        ["both+therapist"]
    );
    let together = with(Doses::Together);
    assert_eq!(
        attendees(&together, BlockKind::KapDosing),
        ["both+therapist"]
    );
    let staggered = with(Doses::Staggered);
    let doses: Vec<(Time, String)> = staggered
        .blocks()
        .filter(|(_, b)| b.kind == BlockKind::KapDosing)
        .map(|(_, b)| (b.start, who(b.attendees)))
        .collect();
    assert_eq!(
        doses,
        [
            (t("10:15"), "partner_a+therapist".to_string()),
            (t("11:45"), "partner_b+therapist".to_string())
        ]
    );
    sound(&staggered).expect("staggered is sound");
    // Each staggered dose has its own vitals before and after; no overlap, no multiple-dosing
    // error.
    let rules: Vec<Rule> = check(&staggered).into_iter().map(|f| f.rule).collect();
    for rule in [
        Rule::Overlap,
        Rule::NoVitalsBeforeDosing,
        Rule::NoVitalsAfterDosing,
        Rule::MultipleDosings,
    ] {
        assert!(!rules.contains(&rule), "{rule:?}");
    }
}

const WINDOWS: [(&str, &str); 4] = [
    ("09:00", "17:00"),
    ("08:00", "18:00"),
    ("10:00", "16:30"),
    ("08:00", "20:00"),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every placement applied to every template (format × days × window × the template's own
    /// placement × the mode): a sound plan, or a refusal.
    #[test]
    fn every_placement_on_every_template_is_sound(
        days in 1usize..=7,
        window in 0usize..4,
        from in 0usize..3,
        day in 0usize..7,
        minute in 0u16..96,
        mode in 0usize..5,
    ) {
        let placements = [KapPlacement::None, KapPlacement::AtStart, KapPlacement::Midway];
        for who in [couple(), client()] {
            let Ok(mut plan) = build(&spec(who, days, WINDOWS[window], placements[from])) else {
                continue;
            };
            plan.kap.doses = Doses::ALL[mode];
            plan.kap.sober_monitors = 1;
            let dose_at = Time::from_minutes(minute * 15).unwrap_or(Time::END_OF_DAY);
            for target in [KapTarget::AtStart, KapTarget::Midway, KapTarget::At { day, dose_at }] {
                if let Ok(placed) = place(&plan, target) {
                    prop_assert!(sound(&placed.plan).is_ok(), "{target:?}: {:?}", sound(&placed.plan));
                    prop_assert!(placed.plan.validate().is_ok());
                }
            }
        }
    }
}

/// Every template (format × placement × 1–7 days × window) is sound.
#[test]
fn every_template_is_sound() {
    let mut built = 0;
    for who in [couple(), client()] {
        for days in 1..=7 {
            for window in WINDOWS {
                for kap in [
                    KapPlacement::None,
                    KapPlacement::AtStart,
                    KapPlacement::Midway,
                ] {
                    if let Ok(plan) = build(&spec(who.clone(), days, window, kap)) {
                        built += 1;
                        assert_eq!(sound(&plan), Ok(()), "{days}d {window:?} {kap:?}");
                    }
                }
            }
        }
    }
    assert!(built >= 140, "only {built} templates fitted");
}

/// A plan with dosings on two days (a series the prescriber signed off) keeps both when who
/// doses changes: only whom the blocks concern changes.
#[test]
fn changing_who_doses_keeps_a_signed_off_series() {
    let base = plan(couple(), 3, KapPlacement::Midway);
    let mut series = base.clone();
    let mut day = series.days[1].clone();
    let next = series.next_block_id();
    for (i, block) in day.blocks.iter_mut().enumerate() {
        block.id = next + i as u32;
    }
    series.days[2] = day;
    series.kap.multiple_dosings_signed_off = true;
    let mut record = series.kap.clone();
    record.doses = Doses::PartnerB;
    let after = apply(&series, &Edit::SetKap(Box::new(record))).expect("applies");
    let doses: Vec<(usize, String)> = after
        .blocks()
        .filter(|(_, b)| b.kind == BlockKind::KapDosing)
        .map(|(d, b)| (d, who(b.attendees)))
        .collect();
    let partner_b = "partner_b+therapist".to_string();
    assert_eq!(doses, [(1, partner_b.clone()), (2, partner_b)]);
    assert_eq!(after.blocks().count(), series.blocks().count());
}
