//! The rule checker, data-driven: each case edits the 3-day couples template with KAP midway and
//! lists the finding codes it must produce (and so, by omission, the ones it must not).

mod common;

use common::*;
use intensive_planner::core::model::{BlockKind, KapPlacement, Plan};
use intensive_planner::core::rules::{check, Severity};

fn base() -> Plan {
    plan(couple(), 3, KapPlacement::Midway)
}

fn find(
    plan: &mut Plan,
    kind: BlockKind,
    nth: usize,
) -> &mut intensive_planner::core::model::Block {
    plan.days
        .iter_mut()
        .flat_map(|d| d.blocks.iter_mut())
        .filter(|b| b.kind == kind)
        .nth(nth)
        .unwrap_or_else(|| panic!("no {kind:?} #{nth}"))
}

fn remove(plan: &mut Plan, kind: BlockKind, nth: usize) {
    let id = find(plan, kind, nth).id;
    for day in &mut plan.days {
        day.blocks.retain(|b| b.id != id);
    }
}

type Edit = fn(&mut Plan);

#[test]
fn rules_table() {
    let cases: &[(&str, Edit, &[&str])] = &[
        ("template as made", |_| {}, &[]),
        // Overlaps.
        (
            "a session runs into the next",
            |p| p.days[0].blocks[0].end = t("10:40"),
            &["overlap"],
        ),
        (
            "back to back is fine",
            |p| p.days[0].blocks[1].end = t("10:45"),
            &[],
        ),
        // The daily window.
        (
            "closing runs late",
            |p| find(p, BlockKind::Closing, 0).end = t("17:30"),
            &["outside_window"],
        ),
        (
            "closing ends on the hour",
            |p| find(p, BlockKind::Closing, 0).end = t("17:00"),
            &[],
        ),
        (
            "starts before the day",
            |p| p.days[0].blocks[0].start = t("08:30"),
            &["outside_window"],
        ),
        (
            "ends before it starts",
            |p| {
                let b = &mut p.days[2].blocks[0];
                b.end = b.start;
            },
            &["block_times"],
        ),
        // Preparation.
        (
            "no preparation",
            |p| remove(p, BlockKind::KapPreparation, 0),
            &["dosing_without_preparation"],
        ),
        (
            "preparation on an earlier day",
            |p| {
                let mut prep = find(p, BlockKind::KapPreparation, 0).clone();
                remove(p, BlockKind::KapPreparation, 0);
                prep.start = t("16:00");
                prep.end = t("16:45");
                p.days[0].blocks.retain(|b| b.end <= t("16:00"));
                p.days[0].blocks.push(prep);
            },
            &[],
        ),
        (
            "preparation after the dosing",
            |p| {
                let prep = find(p, BlockKind::KapPreparation, 0);
                prep.start = t("16:30");
                prep.end = t("17:00");
            },
            &["dosing_without_preparation"],
        ),
        // Vitals.
        (
            "no vitals before",
            |p| remove(p, BlockKind::VitalsCheck, 0),
            &["no_vitals_before_dosing"],
        ),
        (
            "vitals before, 30 minutes early",
            |p| {
                let v = find(p, BlockKind::VitalsCheck, 0);
                v.start = t("09:30");
                v.end = t("09:45");
                find(p, BlockKind::KapPreparation, 0).end = t("09:30");
            },
            &["no_vitals_before_dosing"],
        ),
        (
            "vitals before, 15 minutes early",
            |p| {
                let v = find(p, BlockKind::VitalsCheck, 0);
                v.start = t("09:45");
                v.end = t("10:00");
                find(p, BlockKind::KapPreparation, 0).end = t("09:45");
            },
            &[],
        ),
        (
            "no vitals after",
            |p| remove(p, BlockKind::VitalsCheck, 1),
            &["no_vitals_after_dosing"],
        ),
        (
            "rest before the vitals after",
            |p| {
                let v = find(p, BlockKind::VitalsCheck, 1);
                v.start = t("13:45");
                v.end = t("14:00");
                let r = find(p, BlockKind::Rest, 0);
                r.start = t("13:15");
                r.end = t("13:45");
            },
            &["no_vitals_after_dosing"],
        ),
        // Duration.
        (
            "the practice doses for 4 hours",
            |p| p.settings.dosing_minutes = 240,
            &["dosing_too_short"],
        ),
        (
            "the practice doses for 3 hours",
            |p| p.settings.dosing_minutes = 180,
            &[],
        ),
        // Integration window.
        (
            "no integration",
            |p| remove(p, BlockKind::KapIntegration, 0),
            &["no_integration_in_window"],
        ),
        (
            "window of 1 hour",
            |p| p.settings.integration_window_hours = 1,
            &["no_integration_in_window"],
        ),
        (
            "window of 2 hours",
            |p| p.settings.integration_window_hours = 2,
            &[],
        ),
        (
            "integration only before the dosing",
            |p| {
                let i = find(p, BlockKind::KapIntegration, 0).clone();
                remove(p, BlockKind::KapIntegration, 0);
                p.days[0].blocks.retain(|b| b.end <= t("16:00"));
                p.days[0]
                    .blocks
                    .push(intensive_planner::core::model::Block {
                        start: t("16:00"),
                        end: t("17:00"),
                        ..i
                    });
            },
            &["no_integration_in_window"],
        ),
        // Last day.
        (
            "dosing on the last day, nothing after",
            |p| {
                p.days.truncate(2);
                p.days[1].blocks.retain(|b| b.end <= t("13:15"));
            },
            &[
                "no_vitals_after_dosing",
                "no_integration_in_window",
                "dosing_last_day_nothing_after",
            ],
        ),
        (
            "dosing on the last day, integration after",
            |p| {
                p.days.truncate(2);
                find(p, BlockKind::KapIntegration, 0).title = "Integration and closing".into();
            },
            &[],
        ),
    ];
    for (name, edit, expected) in cases {
        let mut plan = base();
        edit(&mut plan);
        let mut codes: Vec<&str> = check(&plan).iter().map(|f| f.code).collect();
        codes.sort_unstable();
        let mut want = expected.to_vec();
        want.sort_unstable();
        assert_eq!(codes, want, "case: {name}");
    }
}

#[test]
fn findings_name_their_blocks_and_come_errors_first() {
    let mut plan = base();
    plan.days[0].blocks[0].end = t("10:40");
    find(&mut plan, BlockKind::Closing, 0).end = t("17:30");
    let findings = check(&plan);
    let severities: Vec<_> = findings.iter().map(|f| f.severity).collect();
    assert_eq!(severities, [Severity::Error, Severity::Warning]);
    let overlap = &findings[0];
    assert_eq!(
        overlap.blocks,
        vec![plan.days[0].blocks[0].id, plan.days[0].blocks[1].id]
    );
    assert!(
        overlap.message.contains("Joint history"),
        "{}",
        overlap.message
    );
    assert!(findings[1].message.contains("17:30") && findings[1].message.contains("17:00"));
}
