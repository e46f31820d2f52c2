//! The persisted format: round trips, the v1 fixture, and refusals with clear reasons.

mod common;

use common::*;
use intensive_planner::core::model::KapPlacement;
use intensive_planner::shell::format::{decode_plan, encode_plan, DecodeError, FORMAT_VERSION};

const V1_FIXTURE: &str = include_str!("fixtures/plan-v1.json");

#[test]
fn every_template_round_trips_exactly() {
    for who in [couple(), client()] {
        for kap in [
            KapPlacement::None,
            KapPlacement::AtStart,
            KapPlacement::Midway,
        ] {
            for days in [2, 3, 7] {
                let mut original = plan(who.clone(), days, kap);
                original.days[0].blocks[0].notes = "Notes with \"quotes\", <tags> & ünïcode".into();
                let text = encode_plan(&original);
                assert_eq!(decode_plan(&text), Ok(original));
            }
        }
    }
}

#[test]
fn the_v1_fixture_reads_as_documented() {
    let plan = decode_plan(V1_FIXTURE).expect("the v1 fixture is readable");
    assert_eq!(plan.id, "p-fixture-1");
    assert_eq!(plan.participants.names(), "Alex & Sam");
    assert_eq!(plan.days.len(), 2);
    assert_eq!(plan.time_zone, "America/Los_Angeles");
    assert_eq!(plan.settings.integration_window_hours, 72);
    let first = &plan.days[0].blocks[0];
    assert_eq!(
        (first.start.to_string(), first.kind.code()),
        ("09:00".into(), "kap_preparation")
    );
    // Reading and writing it again gives the same document (fields, order and all).
    let normalised: serde_json::Value = serde_json::from_str(V1_FIXTURE).expect("json");
    let rewritten: serde_json::Value = serde_json::from_str(&encode_plan(&plan)).expect("json");
    assert_eq!(rewritten, normalised);
    assert_eq!(
        FORMAT_VERSION, 1,
        "a new version needs a fixture and a migration test here"
    );
}

#[test]
fn unreadable_documents_are_refused_with_a_reason() {
    let fixture = V1_FIXTURE;
    let with = |from: &str, to: &str| {
        assert!(fixture.contains(from), "fixture has {from}");
        fixture.replacen(from, to, 1)
    };
    // (case, document, what the refusal must be)
    type Case = (&'static str, String, fn(&DecodeError) -> bool);
    let cases: Vec<Case> = vec![
        ("empty", String::new(), |e| {
            matches!(e, DecodeError::Json(_))
        }),
        ("cut off", fixture[..fixture.len() / 2].to_string(), |e| {
            matches!(e, DecodeError::Json(_))
        }),
        ("not an object", "[1,2,3]".into(), |e| {
            matches!(e, DecodeError::NoVersion)
        }),
        (
            "no version",
            with("\"format_version\": 1", "\"version\": 1"),
            |e| matches!(e, DecodeError::NoVersion),
        ),
        (
            "version as text",
            with("\"format_version\": 1", "\"format_version\": \"1\""),
            |e| matches!(e, DecodeError::NoVersion),
        ),
        (
            "version 0",
            with("\"format_version\": 1", "\"format_version\": 0"),
            |e| matches!(e, DecodeError::NoVersion),
        ),
        (
            "newer version",
            with("\"format_version\": 1", "\"format_version\": 2"),
            |e| *e == DecodeError::Newer(2),
        ),
        (
            "unknown kind",
            with("\"kap_preparation\"", "\"sauna\""),
            |e| matches!(e, DecodeError::Invalid(m) if m.contains("sauna")),
        ),
        (
            "bad time",
            with("\"09:00\"", "\"9:00\""),
            |e| matches!(e, DecodeError::Invalid(m) if m.contains("9:00")),
        ),
        (
            "bad date",
            with("\"2026-12-04\"", "\"2026-13-04\""),
            |e| matches!(e, DecodeError::Invalid(m) if m.contains("start_date")),
        ),
        (
            "wrong type",
            with("\"dosing_minutes\": 180", "\"dosing_minutes\": \"long\""),
            |e| matches!(e, DecodeError::Invalid(_)),
        ),
        (
            "client attendee in a couples plan",
            with("\"attendees\": \"both\"", "\"attendees\": \"client\""),
            |e| matches!(e, DecodeError::Invalid(m) if m.contains("attendees")),
        ),
        (
            "missing partner",
            with("\"partner_b\": \"Sam\",", ""),
            |e| matches!(e, DecodeError::Invalid(m) if m.contains("partner_b")),
        ),
        (
            "id with markup",
            with("\"p-fixture-1\"", "\"<img src=x>\""),
            |e| matches!(e, DecodeError::Invalid(m) if m.contains("id")),
        ),
        (
            "too large",
            format!(
                "{{\"format_version\":1,\"pad\":\"{}\"}}",
                "x".repeat(1_100_000)
            ),
            |e| matches!(e, DecodeError::TooLarge(_)),
        ),
        (
            "deeply nested",
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
            |e| matches!(e, DecodeError::NoVersion),
        ),
        (
            "deeply nested plan",
            format!(
                "{{\"format_version\":1,\"plan\":{}{}}}",
                "[".repeat(10_000),
                "]".repeat(10_000)
            ),
            |e| matches!(e, DecodeError::Invalid(_) | DecodeError::Json(_)),
        ),
    ];
    for (name, text, expected) in cases {
        match decode_plan(&text) {
            Err(error) => {
                assert!(expected(&error), "case {name}: got {error:?}");
                assert!(!error.to_string().is_empty());
            }
            Ok(_) => panic!("case {name}: should be refused"),
        }
    }
}
