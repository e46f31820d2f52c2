//! Backups: export then import is lossless; a bad file changes nothing; conflicts are asked about.

mod common;

use common::*;
use intensive_planner::core::model::KapPlacement;
use intensive_planner::shell::backup::{
    analyse, export, plans_to_save, read_backup, Choice, Effect,
};
use intensive_planner::shell::format::{encode_plan, DecodeError};

fn plans() -> Vec<intensive_planner::core::model::Plan> {
    let mut a = plan(couple(), 3, KapPlacement::Midway);
    a.id = "p-a".into();
    a.days[0].blocks[0].notes = "clinician note".into();
    let mut b = plan(client(), 2, KapPlacement::AtStart);
    b.id = "p-b".into();
    vec![a, b]
}

#[test]
fn export_then_import_is_lossless() {
    let original = plans();
    let file = export(&original, &[], "2026-11-28T12:00:00Z");
    assert_eq!(read_backup(&file), Ok(original.clone()));
    // A single stored plan document is accepted too.
    assert_eq!(
        read_backup(&encode_plan(&original[0])),
        Ok(vec![original[0].clone()])
    );
}

#[test]
fn a_bad_file_is_refused_whole_with_the_plan_named() {
    let file = export(&plans(), &[], "2026-11-28T12:00:00Z");
    let broken = file.replacen("\"kap_integration\"", "\"sauna\"", 1);
    match read_backup(&broken) {
        Err(DecodeError::Invalid(message)) => {
            assert!(message.starts_with("plan 1 (\"Test\")"), "{message}");
            assert!(message.contains("sauna"), "{message}");
        }
        other => panic!("should be refused: {other:?}"),
    }
    let cases = [
        ("", "not valid JSON"),
        ("{\"format_version\": 2}", "no list of plans"),
        (
            "{\"format_version\": 2, \"plans\": [1]}",
            "plan 1 is not an object",
        ),
        ("{\"format_version\": 99, \"plans\": []}", "newer version"),
    ];
    for (text, fragment) in cases {
        let message = read_backup(text).expect_err(text).to_string();
        assert!(message.contains(fragment), "{text}: {message}");
    }
    let twice = export(&[plans()[0].clone(), plans()[0].clone()], &[], "now");
    assert!(read_backup(&twice)
        .expect_err("duplicate ids")
        .to_string()
        .contains("same id"));
}

#[test]
fn import_says_what_it_would_do_and_never_overwrites_unasked() {
    let here = plans();
    let mut changed = here[0].clone();
    changed.title = "Changed elsewhere".into();
    let mut new = here[1].clone();
    new.id = "p-new".into();
    let incoming = vec![changed.clone(), here[1].clone(), new.clone()];
    assert_eq!(
        analyse(&here, &incoming),
        [
            Effect::Conflict {
                existing_title: here[0].title.clone()
            },
            Effect::Unchanged,
            Effect::Add
        ]
    );
    let mut ids = (1..).map(|n| format!("p-copy-{n}"));
    let mut fresh = || ids.next().unwrap_or_default();
    // No answer means skip: only the new plan is saved.
    assert_eq!(
        plans_to_save(&here, incoming.clone(), &[], &mut fresh),
        vec![new.clone()]
    );
    // Replace.
    assert_eq!(
        plans_to_save(&here, incoming.clone(), &[Choice::Replace], &mut fresh),
        vec![changed.clone(), new.clone()]
    );
    // Keep both: the import becomes a copy.
    let saved = plans_to_save(&here, incoming, &[Choice::KeepBoth], &mut fresh);
    assert_eq!(saved[0].id, "p-copy-1");
    assert_eq!(saved[0].title, "Changed elsewhere (imported)");
    assert_eq!(saved[0].days, changed.days);
}

/// "Export all plans" carries the entries this version cannot read as their exact stored text,
/// in a section of their own (`unreadable`, docs/plan-format.md); importing reads the plans and
/// leaves that section alone.
#[test]
fn unreadable_entries_travel_as_raw_text_beside_the_plans() {
    use intensive_planner::shell::backup::{raw_entries, RawEntry};
    use intensive_planner::shell::format::decode_plan;
    let fixture = include_str!("fixtures/backup-with-unreadable.json");
    let v3 = decode_plan(include_str!("fixtures/plan-v3.json")).expect("v3 fixture");
    assert_eq!(read_backup(fixture), Ok(vec![v3.clone()]));
    let raw = raw_entries(fixture);
    assert_eq!(raw.len(), 2);
    assert_eq!(raw[0].key, "intensive-planner.plan.p-cut");
    assert_eq!(
        raw[0].text,
        "{\"format_version\": 3, \"plan\": {\"id\": \"p-"
    );
    assert!(raw[1].problem.contains("newer version"));
    // Export writes the same section, and it reads back exactly.
    let again = export(std::slice::from_ref(&v3), &raw, "2026-11-30");
    assert_eq!(raw_entries(&again), raw);
    assert_eq!(read_backup(&again), Ok(vec![v3.clone()]));
    // Without unreadable entries there is no such section.
    assert!(!export(&[v3], &[], "now").contains("unreadable"));
    let none: Vec<RawEntry> = raw_entries("{\"format_version\":3,\"plans\":[]}");
    assert!(none.is_empty());
}
