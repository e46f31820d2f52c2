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
    let file = export(&original, "2026-11-28T12:00:00Z");
    assert_eq!(read_backup(&file), Ok(original.clone()));
    // A single stored plan document is accepted too.
    assert_eq!(
        read_backup(&encode_plan(&original[0])),
        Ok(vec![original[0].clone()])
    );
}

#[test]
fn a_bad_file_is_refused_whole_with_the_plan_named() {
    let file = export(&plans(), "2026-11-28T12:00:00Z");
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
        ("{\"format_version\": 9, \"plans\": []}", "newer version"),
    ];
    for (text, fragment) in cases {
        let message = read_backup(text).expect_err(text).to_string();
        assert!(message.contains(fragment), "{text}: {message}");
    }
    let twice = export(&[plans()[0].clone(), plans()[0].clone()], "now");
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
