//! Templates: a table of (format, days, window, KAP placement) and what the agenda must hold.

mod common;

use common::*;
use intensive_planner::core::model::{BlockKind, KapPlacement, Participants};
use intensive_planner::core::rules::{check, Rule, Severity};
use intensive_planner::core::template::{build, TemplateError};

/// The full expected agenda of the headline case: 3-day couples intensive, KAP midway.
#[test]
fn couples_three_days_kap_midway_agenda() {
    let plan = plan(couple(), 3, KapPlacement::Midway);
    let expected = [
        "d1 09:00-10:30 joint_session both+therapist",
        "d1 10:30-10:45 break both",
        "d1 10:45-11:45 individual_session partner_a+therapist",
        "d1 11:45-12:00 break both",
        "d1 12:00-13:00 individual_session partner_b+therapist",
        "d1 13:00-14:00 lunch both",
        "d1 14:00-15:30 joint_session both+therapist",
        "d1 15:30-15:45 break both",
        "d1 15:45-16:45 joint_session both+therapist",
        "d2 09:00-10:00 kap_preparation both+therapist",
        "d2 10:00-10:15 vitals_check both+therapist",
        "d2 10:15-13:15 kap_dosing both+therapist",
        "d2 13:15-13:30 vitals_check both+therapist",
        "d2 13:30-14:00 rest both",
        // A dosing day ends with the meal after the rest; no work after the dose.
        "d2 14:00-15:00 lunch both",
        // The day after the dosing opens with integration.
        "d3 09:00-10:30 kap_integration both+therapist",
        "d3 10:30-10:45 break both",
        "d3 10:45-12:15 joint_session both+therapist",
        "d3 12:15-13:15 lunch both",
        "d3 13:15-14:45 joint_session both+therapist",
        "d3 14:45-15:00 break both",
        // The closing's hour is kept within the daily budget of 6 h of active work.
        "d3 15:00-16:00 closing both+therapist",
    ];
    assert_eq!(agenda(&plan), expected);
}

/// Where the dosing lands, by placement and length: (participants, days, placement, dosing day).
#[test]
fn dosing_day_by_placement() {
    // (participants, days, placement, the day of the dosing)
    type Case = (fn() -> Participants, usize, KapPlacement, Option<usize>);
    let cases: &[Case] = &[
        (couple, 1, KapPlacement::None, None),
        (couple, 3, KapPlacement::None, None),
        (couple, 1, KapPlacement::AtStart, Some(1)),
        (couple, 2, KapPlacement::AtStart, Some(1)),
        (couple, 4, KapPlacement::AtStart, Some(1)),
        (couple, 2, KapPlacement::Midway, Some(2)),
        (couple, 3, KapPlacement::Midway, Some(2)),
        (couple, 4, KapPlacement::Midway, Some(3)),
        (couple, 5, KapPlacement::Midway, Some(3)),
        (couple, 6, KapPlacement::Midway, Some(4)),
        (couple, 7, KapPlacement::Midway, Some(4)),
        (client, 1, KapPlacement::AtStart, Some(1)),
        (client, 2, KapPlacement::Midway, Some(2)),
        (client, 7, KapPlacement::AtStart, Some(1)),
    ];
    for (who, days, kap, expected) in cases {
        let plan = plan(who(), *days, *kap);
        let dosing_days: Vec<usize> = plan
            .blocks()
            .filter(|(_, b)| b.kind == BlockKind::KapDosing)
            .map(|(day, _)| day + 1)
            .collect();
        assert_eq!(
            dosing_days,
            expected.iter().copied().collect::<Vec<_>>(),
            "{days} days, {kap:?}"
        );
    }
}

/// Every template that fits has no error findings, across formats, lengths, windows and placements.
#[test]
fn templates_have_no_error_findings() {
    let windows = [
        ("09:00", "17:00"),
        ("08:00", "18:00"),
        ("10:00", "16:30"),
        ("08:00", "20:00"),
    ];
    let mut built = 0;
    for who in [couple(), client()] {
        for days in 1..=7 {
            for window in windows {
                for kap in [
                    KapPlacement::None,
                    KapPlacement::AtStart,
                    KapPlacement::Midway,
                ] {
                    let Ok(plan) = build(&spec(who.clone(), days, window, kap)) else {
                        continue;
                    };
                    built += 1;
                    // A new plan's dosing is never ready: its records are still to take.
                    let findings = check(&plan);
                    assert_eq!(
                        findings.iter().filter(|f| f.rule == Rule::NotReady).count(),
                        usize::from(plan.has_kap()),
                        "{days}d {window:?} {kap:?}"
                    );
                    let errors: Vec<_> = findings
                        .into_iter()
                        .filter(|f| f.severity == Severity::Error && f.rule != Rule::NotReady)
                        .collect();
                    assert!(errors.is_empty(), "{days}d {window:?} {kap:?}: {errors:#?}");
                    assert_eq!(plan.days.len(), days);
                    for (_, b) in plan.blocks() {
                        assert!(
                            b.start < b.end && b.start >= plan.day_start && b.end <= plan.day_end
                        );
                        assert!(b.attendees.fits(&plan.participants, &plan.team));
                    }
                    let ids: std::collections::HashSet<_> =
                        plan.blocks().map(|(_, b)| b.id).collect();
                    assert_eq!(ids.len(), plan.blocks().count(), "block ids are unique");
                }
            }
        }
    }
    // 2 formats x 7 lengths x 4 windows x 3 placements; only a few short ones cannot fit.
    assert!(built >= 150, "only {built} templates fitted");
}

/// What each kind of agenda must contain.
#[test]
fn template_contents() {
    // Couples: joint history and an individual session with each partner on day 1.
    let plan = plan(couple(), 2, KapPlacement::None);
    let day1: Vec<_> = plan.days[0]
        .blocks
        .iter()
        .map(|b| (b.kind, who(b.attendees)))
        .collect();
    let day1: Vec<(BlockKind, &str)> = day1.iter().map(|(k, w)| (*k, w.as_str())).collect();
    assert!(day1.contains(&(BlockKind::JointSession, "both+therapist")));
    assert!(day1.contains(&(BlockKind::IndividualSession, "partner_a+therapist")));
    assert!(day1.contains(&(BlockKind::IndividualSession, "partner_b+therapist")));
    assert!(day1.iter().any(|(k, _)| *k == BlockKind::Lunch));
    assert!(plan.days[1]
        .blocks
        .iter()
        .any(|b| b.kind == BlockKind::Closing));
    assert!(!plan.has_kap());
    assert!(
        plan.blocks().all(|(_, b)| !b.kind.is_kap()),
        "None means no KAP block at all"
    );

    // At the start: a brief pre-dose check-in with each partner alone, joint preparation and
    // vitals first on day 1, then dosing, vitals, rest, and a meal.
    let plan = plan_with(couple(), 3, KapPlacement::AtStart);
    let kinds: Vec<_> = plan.days[0]
        .blocks
        .iter()
        .map(|b| (b.kind, who(b.attendees)))
        .collect();
    let kinds: Vec<(BlockKind, &str)> = kinds.iter().map(|(k, w)| (*k, w.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (BlockKind::KapPreparation, "partner_a+therapist"),
            (BlockKind::KapPreparation, "partner_b+therapist"),
            (BlockKind::KapPreparation, "both+therapist"),
            (BlockKind::VitalsCheck, "both+therapist"),
            (BlockKind::KapDosing, "both+therapist"),
            (BlockKind::VitalsCheck, "both+therapist"),
            (BlockKind::Rest, "both"),
            (BlockKind::Lunch, "both"),
        ]
    );
    // Day 2 opens with integration, then the joint history before lunch and the individual
    // sessions after it.
    let day2: Vec<_> = plan.days[1]
        .blocks
        .iter()
        .filter(|b| !b.kind.is_pause())
        .map(|b| (b.kind, b.title.as_str()))
        .take(4)
        .collect();
    assert_eq!(
        day2,
        [
            (BlockKind::KapIntegration, "Integration session"),
            (BlockKind::JointSession, "Joint history"),
            (BlockKind::IndividualSession, "Individual session with Alex"),
            (BlockKind::IndividualSession, "Individual session with Sam"),
        ]
    );

    // Midway: preparation before the dosing and integration after it, inside the intensive.
    let plan = plan_with(client(), 2, KapPlacement::Midway);
    let order: Vec<_> = plan
        .blocks()
        .filter(|(_, b)| {
            b.kind.is_kap() && b.kind != BlockKind::VitalsCheck && b.kind != BlockKind::Rest
        })
        .map(|(_, b)| b.kind)
        .collect();
    assert_eq!(
        order,
        [
            BlockKind::KapPreparation,
            BlockKind::KapDosing,
            BlockKind::KapIntegration
        ]
    );
}

fn plan_with(
    who: Participants,
    days: usize,
    kap: KapPlacement,
) -> intensive_planner::core::model::Plan {
    plan(who, days, kap)
}

/// The day after a dosing opens with integration, whatever the daily window.
#[test]
fn the_day_after_a_dosing_opens_with_integration() {
    for window in [("09:00", "17:00"), ("08:00", "18:00"), ("08:00", "20:00")] {
        for kap in [KapPlacement::AtStart, KapPlacement::Midway] {
            let plan = build(&spec(couple(), 3, window, kap)).expect("fits");
            let (dosing_day, _) = plan
                .blocks()
                .find(|(_, b)| b.kind == BlockKind::KapDosing)
                .expect("a dosing");
            assert!(
                !plan.days[dosing_day]
                    .blocks
                    .iter()
                    .any(|b| b.kind == BlockKind::KapIntegration),
                "{window:?} {kap:?}: the dosing day ends with the meal"
            );
            let first = &plan.days[dosing_day + 1].blocks[0];
            assert_eq!(
                (first.kind, first.start),
                (BlockKind::KapIntegration, t(window.0)),
                "{window:?} {kap:?}"
            );
            assert!(check(&plan)
                .iter()
                .all(|f| f.severity != Severity::Error || f.rule == Rule::NotReady));
        }
    }
}

/// A 1-day intensive with KAP midway doses as near the middle of the day as the dose, recovery,
/// a meal and integration after it allow, with therapy before it.
#[test]
fn one_day_midway_doses_as_near_the_middle_as_fits() {
    let plan = build(&spec(couple(), 1, ("08:00", "20:00"), KapPlacement::Midway)).expect("fits");
    let agenda = agenda(&plan);
    let expected_tail = [
        "d1 12:15-13:15 kap_preparation both+therapist",
        "d1 13:15-13:30 vitals_check both+therapist",
        "d1 13:30-16:30 kap_dosing both+therapist",
        "d1 16:30-16:45 vitals_check both+therapist",
        "d1 16:45-17:15 rest both",
        "d1 17:15-18:15 lunch both",
        "d1 18:15-19:45 kap_integration both+therapist",
    ];
    assert_eq!(agenda[agenda.len() - 7..], expected_tail);
    assert!(plan.days[0]
        .blocks
        .iter()
        .any(|b| b.kind == BlockKind::JointSession && b.end <= t("12:15")));
    let last = plan.days[0].blocks.last().expect("blocks");
    assert_eq!(last.title, "Integration and closing");
    assert!(plan.days[0].blocks.iter().any(|b| b.title == "Meal"));
}

/// Placements that cannot fit say so instead of producing a broken agenda.
#[test]
fn placements_that_cannot_fit_are_refused() {
    let cases = [
        (couple(), 1, ("09:00", "17:00"), KapPlacement::Midway, 1),
        (client(), 1, ("09:00", "13:00"), KapPlacement::AtStart, 1),
        (couple(), 2, ("09:00", "13:00"), KapPlacement::Midway, 2),
        (couple(), 1, ("09:00", "11:00"), KapPlacement::None, 1),
    ];
    for (who, days, window, kap, day) in cases {
        match build(&spec(who, days, window, kap)) {
            Err(TemplateError::DoesNotFit { day: d, .. }) => {
                assert_eq!(d, day, "{window:?} {kap:?}")
            }
            other => panic!("{days}d {window:?} {kap:?} should not fit, got {other:?}"),
        }
    }
    let message = build(&spec(couple(), 1, ("09:00", "17:00"), KapPlacement::Midway))
        .expect_err("does not fit")
        .to_string();
    assert!(
        message.contains("day 1") && message.contains("KAP session at the start"),
        "{message}"
    );
    assert_eq!(
        build(&spec(couple(), 0, ("09:00", "17:00"), KapPlacement::None)),
        Err(TemplateError::DayCount(0))
    );
    assert_eq!(
        build(&spec(couple(), 8, ("09:00", "17:00"), KapPlacement::None)),
        Err(TemplateError::DayCount(8))
    );
    assert_eq!(
        build(&spec(couple(), 2, ("17:00", "09:00"), KapPlacement::None)),
        Err(TemplateError::Window)
    );
}

/// With a co-therapist, the partners' individual sessions run side by side on day 1: partner A
/// with the therapist, partner B with the co-therapist. The checker finds no overlap, and the
/// day ends earlier than without (the same work, in less time).
#[test]
fn a_co_therapist_runs_the_individual_sessions_side_by_side() {
    for kap in [
        KapPlacement::None,
        KapPlacement::Midway,
        KapPlacement::AtStart,
    ] {
        let alone = build(&spec(couple(), 3, ("09:00", "17:00"), kap)).expect("fits");
        let mut with = spec(couple(), 3, ("09:00", "17:00"), kap);
        with.team.co_therapist = "Jordan".into();
        let plan = build(&with).expect("fits");
        let individual: Vec<(usize, String, String)> = plan
            .blocks()
            .filter(|(_, b)| b.kind == BlockKind::IndividualSession)
            .map(|(d, b)| (d, format!("{}-{}", b.start, b.end), who(b.attendees)))
            .collect();
        assert_eq!(individual.len(), 2, "{kap:?}");
        assert_eq!(individual[0].0, individual[1].0, "{kap:?}: the same day");
        assert_eq!(individual[0].1, individual[1].1, "{kap:?}: the same time");
        assert_eq!(individual[0].2, "partner_a+therapist");
        assert_eq!(individual[1].2, "partner_b+co_therapist");
        let errors: Vec<_> = check(&plan)
            .into_iter()
            .filter(|f| f.severity == Severity::Error && f.rule != Rule::NotReady)
            .collect();
        assert!(errors.is_empty(), "{kap:?}: {errors:#?}");
        let day = individual[0].0;
        let last_end = |p: &intensive_planner::core::model::Plan| {
            p.days[day].blocks.iter().map(|b| b.end).max()
        };
        let (earlier, later) = (last_end(&plan), last_end(&alone));
        assert!(
            earlier.zip(later).is_some_and(|(e, l)| e < l),
            "{kap:?}: {earlier:?} against {later:?}"
        );
    }
}
