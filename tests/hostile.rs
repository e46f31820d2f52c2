//! Hostile input: a corpus of bad documents under tests/hostile/, generated giants, and fuzzing of
//! the decoder. Every one gets a clear message and no panic; markup survives as plain text.

use intensive_planner::core::model::Participants;
use intensive_planner::shell::backup::read_backup;
use intensive_planner::shell::format::{decode_plan, encode_plan, stored_revision, DecodeError};
use intensive_planner::shell::share::{base64url_decode, base64url_encode};
use intensive_planner::view::route::Route;
use proptest::prelude::*;
use std::fs;
use std::path::Path;

fn corpus(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Each file in the corpus and a fragment its message must contain.
#[test]
fn every_hostile_file_is_refused_with_a_clear_message() {
    let cases = [
        ("truncated.json", "EOF while parsing"),
        ("not-json.txt", "not valid JSON"),
        ("wrong-types.json", "dosing_minutes must be a whole number"),
        ("no-days.json", "it has 0 days"),
        ("eight-days-and-more.json", "it has 10 days"),
        ("far-future-date.json", "outside the years 2000–2100"),
        ("impossible-time.json", "\"25:61\" is not a time"),
        ("duplicate-block-id.json", "block id 1 appears twice"),
        (
            "negative-number.json",
            "dosing_minutes must be a whole number",
        ),
        ("huge-number.json", "dosing_minutes must be a whole number"),
        ("path-in-id.json", "the plan id is not valid"),
        ("object-for-text.json", "format must be text"),
        ("future-version.json", "newer version of Intensive Planner"),
    ];
    let mut listed: Vec<&str> = cases.iter().map(|(name, _)| *name).collect();
    listed.push("markup-in-text.json");
    let mut on_disk: Vec<String> =
        fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile"))
            .expect("corpus folder")
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect();
    on_disk.sort();
    listed.sort();
    assert_eq!(on_disk, listed, "every corpus file has an expectation");

    for (name, fragment) in cases {
        match decode_plan(&corpus(name)) {
            Ok(_) => panic!("{name} should be refused"),
            Err(error) => {
                let message = error.to_string();
                assert!(message.contains(fragment), "{name}: {message}");
            }
        }
    }
}

#[test]
fn markup_in_names_and_notes_is_kept_as_plain_text() {
    let plan = decode_plan(&corpus("markup-in-text.json")).expect("valid, if unusual, text");
    assert_eq!(plan.title, "\"><svg onload=alert(3)>");
    assert!(
        matches!(&plan.participants, Participants::Couple { partner_a, .. } if partner_a == "<script>alert(1)</script>")
    );
    assert_eq!(plan.days[0].blocks[0].notes, "<img src=x onerror=alert(2)>");
    assert_eq!(decode_plan(&encode_plan(&plan)), Ok(plan));
}

#[test]
fn giants_are_refused_quickly() {
    let fixture = corpus("markup-in-text.json");
    // A 10 MB string.
    let huge = fixture.replacen(
        "\"<script>alert(1)</script>\"",
        &format!("\"{}\"", "x".repeat(10_000_000)),
        1,
    );
    assert!(matches!(decode_plan(&huge), Err(DecodeError::TooLarge(_))));
    // 10,000 blocks in a day (under the byte cap: short blocks).
    let block =
        r#"{"id":ID,"start":"09:00","end":"09:05","kind":"break","title":"b","attendees":"both"}"#;
    let blocks: Vec<String> = (1..=10_000)
        .map(|i| block.replace("ID", &i.to_string()))
        .collect();
    let many = format!(
        r#"{{"format_version":2,"plan":{{"id":"p-many","title":"t","format":"couples","partner_a":"A","partner_b":"B","start_date":"2026-12-04","day_start":"09:00","day_end":"17:00","time_zone":"UTC","settings":{{"dosing_minutes":180,"integration_window_hours":72,"fasting_hours":4}},"days":[{{"blocks":[{}]}}]}}}}"#,
        blocks.join(",")
    );
    assert!(
        many.len() < 1_000_000,
        "stays under the byte cap: {}",
        many.len()
    );
    match decode_plan(&many) {
        Err(DecodeError::Invalid(message)) => {
            assert!(message.contains("more than 100 blocks"), "{message}")
        }
        other => panic!("10,000 blocks should be refused, got {other:?}"),
    }
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    for nested in [
        "[".repeat(100_000),
        format!("{}{}", "{\"a\":".repeat(50_000), "1"),
        format!(
            "{{\"format_version\":3,\"plans\":{}1{}}}",
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
    ] {
        assert!(matches!(decode_plan(&nested), Err(DecodeError::Json(_))));
        assert!(read_backup(&nested).is_err());
        assert_eq!(stored_revision(&nested), None);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Arbitrary text never panics the backup reader or the revision reader.
    #[test]
    fn reading_arbitrary_backups_never_panics(text in ".{0,400}") {
        let _ = read_backup(&text);
        let _ = stored_revision(&text);
    }

    /// Arbitrary link text never panics the base64url decoder, and any bytes survive a round trip.
    #[test]
    fn base64url_never_panics_and_round_trips(text in ".{0,400}", bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = base64url_decode(&text);
        prop_assert_eq!(base64url_decode(&base64url_encode(&bytes)), Some(bytes));
    }

    /// Arbitrary text never panics the decoder.
    #[test]
    fn decoding_arbitrary_text_never_panics(text in ".{0,400}") {
        let _ = decode_plan(&text);
    }

    /// A valid document with bytes flipped, cut or inserted never panics, and whatever decodes
    /// writes back and decodes to the same plan.
    #[test]
    fn mutated_documents_never_panic(position in 0usize..4000, byte in any::<u8>(), cut in any::<bool>()) {
        let mut bytes = corpus("markup-in-text.json").into_bytes();
        let at = position % bytes.len();
        if cut {
            bytes.truncate(at);
        } else {
            bytes[at] = byte;
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(plan) = decode_plan(&text) {
            // Whatever the reader accepts is a valid plan.
            prop_assert_eq!(plan.validate(), Ok(()));
            prop_assert_eq!(decode_plan(&encode_plan(&plan)), Ok(plan));
        }
    }

    /// Arbitrary addresses never panic the router.
    #[test]
    fn routes_from_arbitrary_hashes_never_panic(hash in ".{0,200}") {
        let route = Route::parse(&hash);
        prop_assert_eq!(Route::parse(&route.href()), route);
    }
}
