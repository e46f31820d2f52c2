//! Built-in templates and plan management helpers.

mod common;

use common::*;
use intensive_planner::core::catalog::{backup_due, duplicate, upcoming_and_past, BUILT_INS};
use intensive_planner::core::model::{parse_date, BlockKind, Format, KapPlacement};
use intensive_planner::core::rules::{check, Rule, Severity};
use intensive_planner::core::template::build;

#[test]
fn every_built_in_template_fits_a_normal_day_with_no_agenda_errors() {
    assert!(BUILT_INS.len() >= 5);
    for template in BUILT_INS {
        assert!(!template.about.is_empty());
        let who = match template.format {
            Format::Couples => couple(),
            Format::Individual => client(),
        };
        let plan = build(&spec(who, template.days, ("09:00", "17:00"), template.kap))
            .unwrap_or_else(|e| panic!("{}: {e}", template.name));
        // Only readiness: a new plan's records are still to take.
        let errors: Vec<_> = check(&plan)
            .into_iter()
            .filter(|f| f.severity == Severity::Error && f.rule != Rule::NotReady)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", template.name);
        assert_eq!(
            plan.has_kap(),
            template.kap != KapPlacement::None,
            "{}",
            template.name
        );
        assert_eq!(plan.days.len(), template.days);
    }
    let names: std::collections::HashSet<_> = BUILT_INS.iter().map(|t| t.name).collect();
    assert_eq!(names.len(), BUILT_INS.len(), "names are distinct");
}

#[test]
fn a_duplicate_is_a_copy_under_a_new_id() {
    let plan = plan(couple(), 3, KapPlacement::Midway);
    let copy = duplicate(&plan, "p-copy");
    assert_eq!(copy.id, "p-copy");
    assert_eq!(copy.title, format!("Copy of {}", plan.title));
    assert_eq!(copy.days, plan.days);
    assert!(copy.blocks().any(|(_, b)| b.kind == BlockKind::KapDosing));
}

#[test]
fn past_intensives_are_set_apart() {
    let mut early = plan(couple(), 3, KapPlacement::None);
    early.start_date = parse_date("2026-11-01").expect("date");
    let mut running = plan(couple(), 3, KapPlacement::None);
    running.start_date = parse_date("2026-11-27").expect("date");
    let mut later = plan(couple(), 2, KapPlacement::None);
    later.start_date = parse_date("2026-12-10").expect("date");
    let plans = vec![early.clone(), running.clone(), later.clone()];
    let (upcoming, past) = upcoming_and_past(&plans, parse_date("2026-11-28").expect("date"));
    assert_eq!(
        upcoming,
        vec![&running, &later],
        "an intensive running today is not past"
    );
    assert_eq!(past, vec![&early]);
}

#[test]
fn a_backup_is_suggested_after_a_week_of_unexported_changes_unless_put_off() {
    let d = |s: &str| parse_date(s).expect("date");
    let today = d("2026-12-10");
    // (changes unexported since, snoozed until, suggested?)
    let cases = [
        (None, None, false),
        (Some("2026-12-09"), None, false),
        (Some("2026-12-04"), None, false),
        (Some("2026-12-03"), None, true),
        (Some("2026-01-01"), None, true),
        (Some("2026-12-03"), Some("2026-12-11"), false),
        (Some("2026-12-03"), Some("2026-12-10"), true),
        (Some("2026-12-03"), Some("2026-12-01"), true),
        (None, Some("2026-12-01"), false),
    ];
    for (since, snoozed, expected) in cases {
        assert_eq!(
            backup_due(since.map(d), snoozed.map(d), today),
            expected,
            "since {since:?}, snoozed {snoozed:?}"
        );
    }
}

#[test]
fn a_copy_of_a_plan_with_the_longest_title_is_still_a_readable_plan() {
    use intensive_planner::core::limits::TITLE_CHARS as MAX_TEXT_CHARS;
    use intensive_planner::shell::format::{decode_plan, encode_plan};
    let mut plan = build(&spec(couple(), 2, ("09:00", "17:00"), KapPlacement::None)).expect("fits");
    plan.title = "é".repeat(MAX_TEXT_CHARS);
    let copy = duplicate(&plan, "p-copy");
    assert_eq!(copy.title.chars().count(), MAX_TEXT_CHARS);
    assert!(copy.title.starts_with("Copy of é"));
    assert_eq!(decode_plan(&encode_plan(&copy)), Ok(copy));
}
