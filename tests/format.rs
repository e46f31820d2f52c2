//! The persisted format: round trips, the v1 fixture, and refusals with clear reasons.

mod common;

use common::*;
use intensive_planner::core::limits::Setting;
use intensive_planner::core::model::{
    parse_date, Answer, Clearance, Contraindication, Doses, KapPlacement, KapRecord, Participants,
    Person, Profile, Reading, Ride, Settings,
};
use intensive_planner::core::text::Lang;
use intensive_planner::shell::format::{
    decode_plan, encode_plan, encode_stored, read_plan, stored_revision, DecodeError, Mended,
    FORMAT_VERSION,
};

const V1_FIXTURE: &str = include_str!("fixtures/plan-v1.json");
const V1_MIGRATED: &str = include_str!("fixtures/plan-v1-migrated.json");
const V2_FIXTURE: &str = include_str!("fixtures/plan-v2.json");
const V3_FIXTURE: &str = include_str!("fixtures/plan-v3.json");
const V3_MIGRATED: &str = include_str!("fixtures/plan-v3-migrated.json");
const V4_FIXTURE: &str = include_str!("fixtures/plan-v4.json");
const V4_MIGRATED: &str = include_str!("fixtures/plan-v4-migrated.json");
const V5_FIXTURE: &str = include_str!("fixtures/plan-v5.json");
const V5_MIGRATED: &str = include_str!("fixtures/plan-v5-migrated.json");
const V6_FIXTURE: &str = include_str!("fixtures/plan-v6.json");
const V6_MIGRATED: &str = include_str!("fixtures/plan-v6-migrated.json");
const V7_FIXTURE: &str = include_str!("fixtures/plan-v7.json");
const V7_MIGRATED: &str = include_str!("fixtures/plan-v7-migrated.json");
const V8_FIXTURE: &str = include_str!("fixtures/plan-v8.json");
const V8_MIGRATED: &str = include_str!("fixtures/plan-v8-migrated.json");
const V9_FIXTURE: &str = include_str!("fixtures/plan-v9.json");

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
                original.days[0].blocks[1].travel = true;
                original
                    .kap
                    .screening_a
                    .set(Contraindication::Glaucoma, Answer::Yes);
                original.kap.rides.push(Ride {
                    day: 0,
                    person: Person::Client,
                    driver: "Kim".into(),
                });
                if matches!(who, Participants::Couple { .. }) {
                    original.kap.rides[0].person = Person::PartnerB;
                    original
                        .kap
                        .screening_b
                        .set(Contraindication::Epilepsy, Answer::No);
                    original.kap.doses = Doses::PartnerA;
                }
                original.kap.clearance_a = Some(Clearance {
                    date: parse_date("2026-11-20").expect("date"),
                    prescriber: "Dr. Rivera".into(),
                });
                if matches!(who, Participants::Couple { .. }) {
                    original.kap.clearance_b = original.kap.clearance_a.clone();
                }
                let text = encode_plan(&original);
                assert_eq!(decode_plan(&text), Ok(original));
            }
        }
    }
}

/// Version 1 migrates to exactly the documented current document, which is also what the app
/// writes back.
#[test]
fn version_1_migrates_exactly() {
    let plan = decode_plan(V1_FIXTURE).expect("the v1 fixture is readable");
    let written: serde_json::Value = serde_json::from_str(&encode_plan(&plan)).expect("json");
    let expected: serde_json::Value = serde_json::from_str(V1_MIGRATED).expect("json");
    assert_eq!(written, expected);
    assert_eq!(Ok(plan.clone()), decode_plan(V1_MIGRATED));
    assert_eq!(plan.id, "p-fixture-1");
    assert_eq!(plan.participants.names(), "Alex & Sam");
    assert_eq!(plan.days.len(), 2);
    assert_eq!(plan.settings, Settings::default());
    // Version 1 showed "both" for who doses without storing it: it stays both together.
    assert_eq!(
        plan.kap,
        KapRecord {
            doses: Doses::Together,
            ..KapRecord::default()
        }
    );
    assert!(plan.blocks().all(|(_, b)| !b.travel));
}

/// Versions 2 and 3 migrate to exactly the current document: the same plan at revision 0, with
/// the settings version 4 added at their defaults and no follow-up.
#[test]
fn versions_2_and_3_migrate_exactly() {
    let expected: serde_json::Value = serde_json::from_str(V3_MIGRATED).expect("json");
    for (version, fixture) in [(2, V2_FIXTURE), (3, V3_FIXTURE)] {
        let plan = decode_plan(fixture).expect("the fixture is readable");
        let written: serde_json::Value = serde_json::from_str(&encode_plan(&plan)).expect("json");
        assert_eq!(written, expected, "version {version}");
        assert_eq!(stored_revision(fixture), Some(0));
    }
}

/// Nothing stored changes meaning: a stored "both" is both together, and an integration
/// window over 72 hours that version 3 accepted is kept and marked as chosen on purpose, with a
/// note saying so.
#[test]
fn version_3_meanings_are_kept() {
    let both = V3_FIXTURE.replacen("\"doses\": \"partner_b\"", "\"doses\": \"both\"", 1);
    assert_ne!(both, V3_FIXTURE);
    assert_eq!(
        decode_plan(&both).expect("readable").kap.doses,
        Doses::Together
    );
    let long = V3_FIXTURE.replacen(
        "\"integration_window_hours\": 72",
        "\"integration_window_hours\": 120",
        1,
    );
    assert_ne!(long, V3_FIXTURE);
    let read = read_plan(&long).expect("readable");
    assert_eq!(read.plan.settings.integration_window_hours, 120);
    assert!(read.plan.settings.longer_window_on_purpose);
    assert_eq!(read.mended, [Mended::LongerWindow { hours: 120 }]);
    assert!(read.mended[0]
        .to_string()
        .contains("marked \"Longer on purpose\""));
    // No fast at all, which version 3 allowed, reads as the 1-hour floor, and says so.
    let unfasted = V3_FIXTURE.replacen("\"fasting_hours\": 4", "\"fasting_hours\": 0", 1);
    assert_ne!(unfasted, V3_FIXTURE);
    let read = read_plan(&unfasted).expect("readable");
    assert_eq!(read.plan.settings.fasting_hours, 1);
    assert_eq!(
        read.mended,
        [Mended::SettingKept {
            setting: Setting::FastingHours,
            was: 0,
            now: 1
        }]
    );
    assert!(read.mended[0]
        .to_string()
        .starts_with("Fasting before a dose (hours, default 4) was 0, outside 1–"));
    // Version 4 writes the choice, and an unmarked long window reads the same way.
    let unmarked = V4_FIXTURE.replacen(
        "\"longer_window_on_purpose\": true",
        "\"longer_window_on_purpose\": false",
        1,
    );
    assert_ne!(unmarked, V4_FIXTURE);
    let read = read_plan(&unmarked).expect("readable");
    assert!(read.plan.settings.longer_window_on_purpose);
    assert_eq!(read.mended.len(), 1);
}

/// The stored revision is read from version 3 documents; one that is not a whole number from 0
/// to 2^53 − 1 reads as 0, so that the plan can still be saved (a revision of -1 once made a plan
/// that every save refused as "changed in another tab").
#[test]
fn revisions_are_read_from_the_envelope() {
    assert_eq!(stored_revision(V3_FIXTURE), Some(0));
    assert_eq!(
        stored_revision(&encode_stored(&decode_plan(V3_FIXTURE).expect("plan"), 41)),
        Some(41)
    );
    for bad in ["-1", "1.5", "\"7\"", "9007199254740992", "null"] {
        assert_eq!(
            stored_revision(&V3_FIXTURE.replacen(
                "\"revision\": 0",
                &format!("\"revision\": {bad}"),
                1
            )),
            Some(0),
            "revision {bad}"
        );
    }
    assert_eq!(stored_revision("{\"format_version\": 99}"), None);
    assert_eq!(stored_revision("not json"), None);
}

/// Version 4 migrates to exactly the current document: the same plan with an empty emergency
/// plan.
#[test]
fn version_4_migrates_exactly() {
    let plan = decode_plan(V4_FIXTURE).expect("the v4 fixture is readable");
    assert_eq!(plan.kap.emergency, Default::default());
    let written: serde_json::Value = serde_json::from_str(&encode_plan(&plan)).expect("json");
    let expected: serde_json::Value = serde_json::from_str(V4_MIGRATED).expect("json");
    assert_eq!(written, expected);
}

/// Version 5 migrates to exactly the current document: its one clearance becomes the clearance
/// of the person who doses (partner B), the new settings take their defaults, the profile is the
/// one whose values the plan has (in office), and nothing else changes.
#[test]
fn version_5_migrates_exactly() {
    let plan = decode_plan(V5_FIXTURE).expect("the v5 fixture is readable");
    assert_eq!(plan.kap.emergency.department, "Harbor General Emergency");
    assert_eq!(
        plan.kap.consent.date(Person::PartnerB),
        parse_date("2026-11-21")
    );
    assert!(plan.kap.consent.touch_agreed);
    assert_eq!(plan.settings.clearance_valid_days, 45);
    assert_eq!(
        plan.kap.emergency.contact(Person::PartnerB),
        "Kim (friend) 555-0177"
    );
    assert_eq!(
        plan.kap.screening_a.answer(Contraindication::Glaucoma),
        Answer::Discussed
    );
    assert_eq!(plan.settings.stagger_minutes, 75);
    assert_eq!(plan.settings.integration_window_hours, 96);
    assert!(plan.settings.longer_window_on_purpose);
    assert_eq!(
        plan.kap.follow_up.map(|f| (f.start.to_string(), f.minutes)),
        Some(("10:00".to_string(), 60))
    );
    assert_eq!(plan.kap.doses, Doses::PartnerB);
    assert_eq!(
        plan.kap.screening_b.answer(Contraindication::Epilepsy),
        Answer::Unknown
    );
    assert_eq!(
        plan.kap.rides,
        vec![Ride {
            day: 0,
            person: Person::PartnerB,
            driver: "Alex".into()
        }]
    );
    assert!(plan.days[1].blocks[2].travel);
    assert_eq!(
        plan.kap
            .clearance(Person::PartnerB)
            .map(|c| c.prescriber.as_str()),
        Some("Dr. Rivera, partner clinic")
    );
    assert_eq!(plan.kap.clearance(Person::PartnerA), None);
    assert_eq!(plan.settings.profile, Profile::InOffice);
    let written: serde_json::Value = serde_json::from_str(&encode_plan(&plan)).expect("json");
    let expected: serde_json::Value = serde_json::from_str(V5_MIGRATED).expect("json");
    assert_eq!(written, expected);
}

/// A version 5 clearance, when who doses is not chosen yet, becomes the clearance of both
/// partners (both may dose); when both dose, of both.
#[test]
fn a_version_5_clearance_goes_to_each_person_who_may_dose() {
    for doses in ["not_chosen", "both", "both_staggered"] {
        let text = V5_FIXTURE.replacen(
            "\"doses\": \"partner_b\"",
            &format!("\"doses\": \"{doses}\""),
            1,
        );
        assert_ne!(text, V5_FIXTURE);
        let plan = decode_plan(&text).expect("readable");
        for person in [Person::PartnerA, Person::PartnerB] {
            assert_eq!(
                plan.kap.clearance(person).map(|c| c.date),
                parse_date("2026-11-20"),
                "{doses}"
            );
        }
    }
}

/// Version 6 reads with its profile, settings, screening, private screen, clearances and
/// readings, and migrates exactly to version 7: the therapist in every block but a break, a
/// meal or rest, and nobody else of the care team.
#[test]
fn the_v6_fixture_reads_and_migrates_exactly() {
    let plan = decode_plan(V6_FIXTURE).expect("the v6 fixture is readable");
    assert_eq!(plan.settings.profile, Profile::SpravatoLike);
    assert_eq!(
        (
            plan.settings.dosing_minutes,
            plan.settings.fasting_hours,
            plan.settings.liquids_minutes,
            plan.settings.vitals_check_minutes
        ),
        (120, 2, 30, 40)
    );
    assert_eq!(
        (
            plan.settings.systolic_max,
            plan.settings.diastolic_max,
            plan.settings.pulse_max
        ),
        (150, 95, 110)
    );
    assert_eq!(plan.kap.private_answer(Person::PartnerB), Answer::Discussed);
    assert_eq!(plan.kap.private_answer(Person::PartnerA), Answer::No);
    assert_eq!(
        plan.kap
            .screening_b
            .answer(Contraindication::Benzodiazepines),
        Answer::Discussed
    );
    assert_eq!(
        plan.kap
            .clearance(Person::PartnerA)
            .map(|c| c.prescriber.as_str()),
        Some("Dr. Okafor")
    );
    assert_eq!(
        plan.kap.readings,
        vec![Reading {
            day: 0,
            person: Person::PartnerB,
            systolic: 128,
            diastolic: 82,
            pulse: 72
        }]
    );
    let migrated: serde_json::Value = serde_json::from_str(V6_MIGRATED).expect("json");
    let rewritten: serde_json::Value = serde_json::from_str(&encode_plan(&plan)).expect("json");
    assert_eq!(rewritten, migrated);
    assert_eq!(Ok(plan.clone()), decode_plan(V6_MIGRATED));
    let who: Vec<String> = plan.blocks().map(|(_, b)| who(b.attendees)).collect();
    assert_eq!(
        who,
        [
            "both+therapist",
            "both+therapist",
            "both+therapist",
            "both+therapist",
            "both",
            "both+therapist",
            "both+therapist",
            "partner_a+therapist",
            "both+therapist",
        ]
    );
    // Values changed by hand away from the stored profile keep the values, as the plan's own.
    let edited = V6_FIXTURE.replacen("\"fasting_hours\": 2", "\"fasting_hours\": 3", 1);
    let plan = decode_plan(&edited).expect("readable");
    assert_eq!(
        (plan.settings.fasting_hours, plan.settings.profile),
        (3, Profile::Custom)
    );
}

/// Version 7 reads with the care team by name, and blocks for one partner with the therapist
/// while the other is with the co-therapist; it gains the couple's language, English.
#[test]
fn the_v7_fixture_migrates_exactly() {
    let plan = decode_plan(V7_FIXTURE).expect("the v7 fixture is readable");
    assert_eq!(
        (
            plan.team.therapist.as_str(),
            plan.team.co_therapist.as_str(),
            plan.team.sober_monitor.as_str()
        ),
        ("Dana Reyes", "Jordan Park", "Pat Kim")
    );
    let day2: Vec<String> = plan.days[1]
        .blocks
        .iter()
        .map(|b| who(b.attendees))
        .collect();
    assert_eq!(
        day2,
        [
            "both+therapist",
            "partner_a+therapist",
            "partner_b+co_therapist",
            "both+therapist"
        ]
    );
    assert_eq!(who(plan.days[0].blocks[4].attendees), "both+sober_monitor");
    assert_eq!(plan.language, Lang::En);
    let migrated: serde_json::Value = serde_json::from_str(V7_MIGRATED).expect("json");
    let rewritten: serde_json::Value = serde_json::from_str(&encode_plan(&plan)).expect("json");
    assert_eq!(rewritten, migrated);
    assert_eq!(Ok(plan), decode_plan(V7_MIGRATED));
    // A member of the team the plan does not name cannot attend a block.
    let unnamed = V7_FIXTURE.replacen(
        "\"co_therapist\": \"Jordan Park\"",
        "\"co_therapist\": \"\"",
        1,
    );
    assert_ne!(unnamed, V7_FIXTURE);
    assert!(
        matches!(decode_plan(&unnamed), Err(DecodeError::Invalid(m)) if m.contains("attendees"))
    );
}

/// Version 8 reads with the couple's language, and gains no home zone for the couple (their
/// device's zone is used, as before); a language this version does not know is refused by name.
#[test]
fn the_v8_fixture_migrates_exactly() {
    let plan = decode_plan(V8_FIXTURE).expect("the v8 fixture is readable");
    assert_eq!(
        (plan.language, plan.couple_zone.as_deref()),
        (Lang::Es, None)
    );
    let migrated: serde_json::Value = serde_json::from_str(V8_MIGRATED).expect("json");
    let rewritten: serde_json::Value = serde_json::from_str(&encode_plan(&plan)).expect("json");
    assert_eq!(rewritten, migrated);
    assert_eq!(Ok(plan), decode_plan(V8_MIGRATED));
    let french = V8_FIXTURE.replacen("\"language\": \"es\"", "\"language\": \"fr\"", 1);
    assert_ne!(french, V8_FIXTURE);
    assert!(
        matches!(decode_plan(&french), Err(DecodeError::Invalid(m)) if m.contains("language \"fr\" is unknown"))
    );
}

/// The current version reads and writes back unchanged, the couple's home zone with it; a
/// zone that is not a time zone name is refused by name.
#[test]
fn the_v9_fixture_round_trips() {
    let plan = decode_plan(V9_FIXTURE).expect("the v9 fixture is readable");
    assert_eq!(plan.couple_zone.as_deref(), Some("America/New_York"));
    let normalised: serde_json::Value = serde_json::from_str(V9_FIXTURE).expect("json");
    let rewritten: serde_json::Value = serde_json::from_str(&encode_plan(&plan)).expect("json");
    assert_eq!(rewritten, normalised);
    for (zone, problem) in [
        (
            "\"New York\"",
            "couple_time_zone \"New York\" is not a time zone name",
        ),
        ("12", "couple_time_zone must be text"),
    ] {
        let bad = V9_FIXTURE.replacen("\"America/New_York\"", zone, 1);
        assert_ne!(bad, V9_FIXTURE);
        assert!(
            matches!(decode_plan(&bad), Err(DecodeError::Invalid(m)) if m.contains(problem)),
            "{zone}"
        );
    }
    assert_eq!(
        FORMAT_VERSION, 9,
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
            with("\"format_version\": 1", "\"format_version\": 99"),
            |e| *e == DecodeError::Newer(99),
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
                "x".repeat(2_100_000)
            ),
            |e| matches!(e, DecodeError::TooLarge(_)),
        ),
        (
            "deeply nested",
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
            |e| matches!(e, DecodeError::Json(m) if m.contains("recursion limit")),
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

#[test]
fn bad_kap_records_are_refused_with_a_reason() {
    let with = |from: &str, to: &str| {
        assert!(V2_FIXTURE.contains(from), "fixture has {from}");
        V2_FIXTURE.replacen(from, to, 1)
    };
    let cases = [
        (
            with("\"answer\": \"yes\"", "\"answer\": \"maybe\""),
            "maybe",
        ),
        (with("\"glaucoma\"", "\"sunburn\""), "sunburn"),
        (
            with("\"doses\": \"partner_b\"", "\"doses\": \"nobody\""),
            "nobody",
        ),
        (with("\"day\": 1,", "\"day\": 9,"), "day 9"),
        (
            with("\"person\": \"partner_b\"", "\"person\": \"client\""),
            "client",
        ),
        (with("\"2026-11-20\"", "\"yesterday\""), "yesterday"),
    ];
    for (text, named) in cases {
        match decode_plan(&text) {
            Err(DecodeError::Invalid(message)) => assert!(message.contains(named), "{message}"),
            other => panic!("{named}: should be refused, got {other:?}"),
        }
    }
}
