//! One definition of a valid plan (`core::limits`, `Plan::validate`): edits that would break a
//! limit are refused naming the field, plans saved under older, looser limits still open (mended
//! and said so), and every plan that edits make stays valid and round-trips exactly through the
//! stored format, backups and the share link's payload.

mod common;

use common::*;
use intensive_planner::core::edit::{apply, BlockDraft, Edit, KapTarget};
use intensive_planner::core::limits::{
    Setting, MAX_BLOCKS_PER_DAY, MAX_BLOCK_ID, MAX_DAYS, NAME_CHARS, NOTES_CHARS,
    PERSON_TEXT_CHARS, PLAN_TEXT_BYTES, TITLE_CHARS,
};
use intensive_planner::core::model::{
    parse_date, Attendees, BlockKind, Clearance, Day, KapPlacement, Member, Participants, Person,
    Ride, Time,
};
use intensive_planner::core::preview::public_plan;
use intensive_planner::core::template::{build, TemplateError};
use intensive_planner::shell::backup::{export, read_backup};
use intensive_planner::shell::format::{
    decode_plan, encode_plan, encode_stored, read_plan, stored_revision, MAX_DOCUMENT_BYTES,
};
use proptest::prelude::*;

const OLD_LIMITS: &str = include_str!("fixtures/plan-v3-old-limits.json");

fn clearance(prescriber: String, date: &str) -> Option<Clearance> {
    Some(Clearance {
        date: parse_date(date).expect("date"),
        prescriber,
    })
}

/// The reproductions from the issue, as edits: each is refused, and the message names the field.
#[test]
fn edits_that_would_break_a_limit_are_refused_naming_the_field() {
    let base = plan(couple(), 3, KapPlacement::Midway);
    let with_kap = |change: &dyn Fn(&mut intensive_planner::core::model::KapRecord)| {
        let mut record = base.kap.clone();
        change(&mut record);
        Edit::SetKap(Box::new(record))
    };
    let with_setting = |setting: Setting, value: u16| {
        let mut settings = base.settings;
        match setting {
            Setting::DosingMinutes => settings.dosing_minutes = value,
            Setting::IntegrationWindowHours => settings.integration_window_hours = value,
            _ => unreachable!("only two are used here"),
        }
        Edit::SetSettings(settings)
    };
    let first = base.days[0].blocks[0].id;
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "a 250-character prescriber",
            with_kap(&|k| k.clearance_a = clearance("P".repeat(250), "2026-11-20")),
            "prescriber's name to 200 characters",
        ),
        (
            "a clearance dated in the year 5 (Safari's split date field)",
            with_kap(&|k| k.clearance_a = clearance("Dr. Rivera".into(), "0005-03-05")),
            "clearance date must fall between the years 2000 and 2100",
        ),
        (
            "a 201-character driver",
            with_kap(&|k| {
                k.rides = vec![Ride {
                    day: 1,
                    person: Person::PartnerA,
                    driver: "D".repeat(PERSON_TEXT_CHARS + 1),
                }]
            }),
            "driver's name to 200 characters",
        ),
        (
            "sober monitors past the limit",
            with_kap(&|k| k.sober_monitors = 200),
            "sober monitors, from 0 to 9",
        ),
        (
            "Move the intensive to the year 202",
            Edit::ShiftStart {
                date: parse_date("0202-03-05").expect("date"),
            },
            "first day must fall between the years 2000 and 2100",
        ),
        (
            "Move the intensive to the year 2101",
            Edit::ShiftStart {
                date: parse_date("2101-01-01").expect("date"),
            },
            "first day must fall between",
        ),
        (
            "a dosing of 10 minutes",
            with_setting(Setting::DosingMinutes, 10),
            "Dosing lasts (minutes, default 180): enter a whole number from 120 to 720",
        ),
        (
            "an integration window of 0 hours",
            with_setting(Setting::IntegrationWindowHours, 0),
            "from 1 to 336",
        ),
        (
            "a 201-character title",
            Edit::Rename("T".repeat(TITLE_CHARS + 1)),
            "title to 200 characters",
        ),
        (
            "notes past the limit",
            Edit::UpdateBlock {
                id: first,
                day: 0,
                draft: BlockDraft {
                    notes: "n".repeat(NOTES_CHARS + 1),
                    ..BlockDraft::of(base.days[0].blocks.first().expect("a block"))
                },
            },
            "notes to 10000 characters",
        ),
        (
            "an empty title",
            Edit::Rename("   ".into()),
            "The plan's title is empty.",
        ),
        (
            "an eighth day",
            Edit::AddDay,
            "An intensive lasts 1 to 7 days",
        ),
    ];
    for (what, edit, message) in cases {
        let edit = match (what, edit) {
            // Seven days first, then one more.
            ("an eighth day", _) => {
                let mut seven = base.clone();
                seven.days.resize(MAX_DAYS, Day::default());
                match apply(&seven, &Edit::AddDay) {
                    Err(e) => {
                        assert!(e.0.contains(message), "{what}: {}", e.0);
                        continue;
                    }
                    Ok(_) => panic!("{what} should be refused"),
                }
            }
            (_, edit) => edit,
        };
        match apply(&base, &edit) {
            Err(e) => assert!(e.0.contains(message), "{what}: got {:?}", e.0),
            Ok(_) => panic!("{what} should be refused"),
        }
    }
}

#[test]
fn the_limits_themselves_are_allowed() {
    let base = plan(couple(), 3, KapPlacement::Midway);
    let mut record = base.kap.clone();
    record.clearance_a = clearance("P".repeat(PERSON_TEXT_CHARS), "2100-12-31");
    record.rides = vec![Ride {
        day: 1,
        person: Person::PartnerB,
        driver: "D".repeat(PERSON_TEXT_CHARS),
    }];
    let next = apply(&base, &Edit::SetKap(Box::new(record))).expect("at the limits");
    let next = apply(
        &next,
        &Edit::ShiftStart {
            date: parse_date("2000-01-01").expect("date"),
        },
    )
    .expect("the earliest year");
    assert_eq!(next.validate(), Ok(()));
    assert_eq!(decode_plan(&encode_plan(&next)), Ok(next));
}

/// A plan whose ids reached `u32::MAX` (from a link or a backup) once wrapped `max + 1` to 0 and
/// panicked in debug builds. Ids now stop at `MAX_BLOCK_ID`; the reader renumbers larger ones.
#[test]
fn block_ids_never_overflow() {
    let mut base = plan(client(), 1, KapPlacement::None);
    base.days[0].blocks[0].id = MAX_BLOCK_ID;
    assert_eq!(base.validate(), Ok(()));
    let add = Edit::AddBlock {
        day: 0,
        draft: BlockDraft {
            kind: BlockKind::Reflection,
            title: "One more".into(),
            attendees: Attendees::of(&[Member::Client]),
            start: t("18:00"),
            end: t("18:30"),
            notes: String::new(),
            travel: false,
        },
    };
    let refused = apply(&base, &add).expect_err("an id past the bound");
    assert!(refused.0.contains("Block ids stop at"), "{}", refused.0);

    base.days[0].blocks[0].id = u32::MAX;
    assert_eq!(base.next_block_id(), u32::MAX, "saturates, never wraps");
    let text = encode_plan(&base);
    let read = read_plan(&text).expect("renumbered, not refused");
    assert!(read.plan.blocks().all(|(_, b)| b.id <= MAX_BLOCK_ID));
    assert_eq!(read.plan.validate(), Ok(()));
    assert!(read
        .mended
        .iter()
        .any(|m| m.to_string().contains("renumbered")));
    assert!(apply(&read.plan, &add).is_ok());
}

/// A plan saved by an earlier version under its looser limits (a 250-character prescriber and
/// driver, a dosing of 10 minutes, an integration window of 0 h, a block id of 4294967295 and a
/// revision of -1) opens, mended, with a sentence for each change: nothing saved becomes
/// unreadable through the new limits.
#[test]
fn plans_saved_under_older_limits_still_open_and_say_what_was_mended() {
    let read = read_plan(OLD_LIMITS).expect("the old-limits fixture opens");
    let plan = &read.plan;
    assert_eq!(plan.validate(), Ok(()));
    let prescriber = &[&plan.kap.clearance_a, &plan.kap.clearance_b]
        .into_iter()
        .flatten()
        .next()
        .expect("clearance kept")
        .prescriber;
    assert_eq!(prescriber.chars().count(), PERSON_TEXT_CHARS);
    assert!(prescriber.starts_with("Dr. RRR"));
    assert_eq!(plan.kap.rides[0].driver.chars().count(), PERSON_TEXT_CHARS);
    assert_eq!(plan.settings.dosing_minutes, 120);
    assert_eq!(plan.settings.integration_window_hours, 1);
    let ids: Vec<u32> = plan.blocks().map(|(_, b)| b.id).collect();
    assert_eq!(ids, (1..=9).collect::<Vec<_>>());
    let expected = [
        "prescriber's name was 250 characters long and is cut to 200",
        "driver's name was 250 characters long and is cut to 200",
        "Dosing lasts (minutes, default 180) was 10, outside 120–720, and is now 120",
        "Integration within (hours, default 72) was 0, outside 1–336, and is now 1",
        "Block ids above 9999999 were renumbered",
    ];
    assert_eq!(read.mended.len(), expected.len(), "{:?}", read.mended);
    for fragment in expected {
        assert!(
            read.mended.iter().any(|m| m.to_string().contains(fragment)),
            "{fragment} in {:?}",
            read.mended
        );
    }
    assert_eq!(
        stored_revision(OLD_LIMITS),
        Some(0),
        "a revision of -1 reads as 0"
    );
    // Once saved, it reads back exactly, with nothing left to mend.
    let again = read_plan(&encode_stored(plan, 1)).expect("reads back");
    assert_eq!(&again.plan, plan);
    assert!(again.mended.is_empty());
    // A backup holding it imports (import is all or nothing).
    let backup = format!(
        "{{\"format_version\":3,\"plans\":[{}]}}",
        &OLD_LIMITS
            [OLD_LIMITS.find("\"plan\": ").expect("plan") + 8..OLD_LIMITS.rfind('}').expect("end")]
    );
    assert_eq!(
        read_backup(&backup).expect("backup imports"),
        vec![plan.clone()]
    );
}

/// A block that ends at or before its start was readable before (the checker flagged it); it
/// still opens, with the shortest length, and the banner says so.
#[test]
fn a_block_that_ends_before_it_starts_still_opens() {
    let text = OLD_LIMITS.replacen("\"end\": \"10:00\"", "\"end\": \"08:30\"", 1);
    assert_ne!(text, OLD_LIMITS, "the fixture's first block ends at 10:00");
    let read = read_plan(&text).expect("opens");
    let first = &read.plan.days[0].blocks[0];
    assert_eq!((first.start, first.end), (t("09:00"), t("09:05")));
    assert!(read
        .mended
        .iter()
        .map(ToString::to_string)
        .any(|m| m.contains("ran 09:00–08:30") && m.contains("now runs 09:00–09:05")));
    let late = OLD_LIMITS
        .replacen("\"start\": \"09:00\"", "\"start\": \"24:00\"", 1)
        .replacen("\"end\": \"10:00\"", "\"end\": \"23:00\"", 1);
    let read = read_plan(&late).expect("opens");
    let moved = read
        .plan
        .blocks()
        .find(|(_, b)| b.end == t("24:00"))
        .expect("a block at the end of the day");
    assert_eq!(moved.1.start, t("23:55"));
}

/// A clearance dated outside the allowed years (Safari's split date field stored 0005) is set
/// aside on reading, and the sentence keeps its date and prescriber so that it can be recorded
/// again.
#[test]
fn a_clearance_from_the_year_5_is_set_aside_and_named() {
    let text = OLD_LIMITS.replacen("\"2026-11-20\"", "\"0005-11-20\"", 1);
    let read = read_plan(&text).expect("opens");
    assert_eq!(
        (&read.plan.kap.clearance_a, &read.plan.kap.clearance_b),
        (&None, &None)
    );
    assert!(read
        .mended
        .iter()
        .map(ToString::to_string)
        .any(|m| m.contains("0005-11-20") && m.contains("Dr. RRR")));
}

/// The largest valid plan (seven days of 100 blocks, every text at its limit up to the plan's
/// text budget) encodes under the reader's document cap, so a valid plan always reads back.
#[test]
fn the_largest_valid_plan_fits_the_reader() {
    let mut big = build(&spec(couple(), 1, ("00:00", "23:59"), KapPlacement::None)).expect("fits");
    big.title = "\"".repeat(TITLE_CHARS);
    big.participants = Participants::Couple {
        partner_a: "\u{1}".repeat(NAME_CHARS),
        partner_b: "é".repeat(NAME_CHARS),
    };
    let template = big.days[0].blocks[0].clone();
    let mut id = 0;
    big.days = (0..MAX_DAYS)
        .map(|_| Day {
            blocks: (0..MAX_BLOCKS_PER_DAY)
                .map(|_| {
                    id += 1;
                    let mut block = template.clone();
                    block.id = MAX_BLOCK_ID - id;
                    block.title = "\\".repeat(TITLE_CHARS);
                    block
                })
                .collect(),
        })
        .collect();
    // Notes fill what is left of the text budget, with the costliest escapes.
    let mut left = PLAN_TEXT_BYTES - big.text_bytes();
    'fill: for day in &mut big.days {
        for block in &mut day.blocks {
            let chars = (left / 6).min(NOTES_CHARS);
            if chars == 0 {
                break 'fill;
            }
            block.notes = "\u{2}".repeat(chars);
            left -= chars * 6;
        }
    }
    assert_eq!(big.validate(), Ok(()));
    let text = encode_stored(&big, 9_007_199_254_740_991);
    assert!(
        text.len() <= MAX_DOCUMENT_BYTES,
        "{} bytes against {MAX_DOCUMENT_BYTES}",
        text.len()
    );
    assert_eq!(decode_plan(&text), Ok(big.clone()));
    // One more note character passes the text budget, and the edit is refused.
    let block = big.days[6].blocks[99].clone();
    let over = apply(
        &big,
        &Edit::UpdateBlock {
            id: block.id,
            day: 6,
            draft: BlockDraft {
                notes: format!("{}xxxxxxx", block.notes),
                ..BlockDraft::of(&block)
            },
        },
    );
    assert!(
        over.as_ref().is_err_and(|e| e.0.contains("keep it under")),
        "{over:?}"
    );
}

#[test]
fn templates_are_valid_or_refused_naming_the_field() {
    for days in 1..=MAX_DAYS {
        for kap in [
            KapPlacement::None,
            KapPlacement::AtStart,
            KapPlacement::Midway,
        ] {
            for who in [couple(), client()] {
                if let Ok(plan) = build(&spec(who, days, ("09:00", "17:00"), kap)) {
                    assert_eq!(plan.validate(), Ok(()), "{days} days, {kap:?}");
                }
            }
        }
    }
    let mut long = spec(couple(), 2, ("09:00", "17:00"), KapPlacement::None);
    long.title = "T".repeat(TITLE_CHARS + 1);
    match build(&long) {
        Err(TemplateError::Invalid(problems)) => assert_eq!(problems[0].field, "title"),
        other => panic!("a long title should be refused, got {other:?}"),
    }
}

// Properties ---------------------------------------------------------------------------------

/// Random edits, including text and records at and past their limits.
fn any_edit() -> impl Strategy<Value = Edit> {
    let text =
        |max: usize| (0usize..max + 8, any::<char>()).prop_map(|(n, c)| c.to_string().repeat(n));
    let time = (0u16..=1440).prop_map(|m| Time::from_minutes(m).unwrap_or(Time::END_OF_DAY));
    prop_oneof![
        (
            0usize..8,
            time.clone(),
            5u16..240,
            text(TITLE_CHARS),
            text(40)
        )
            .prop_map(|(day, start, length, title, notes)| Edit::AddBlock {
                day,
                draft: BlockDraft {
                    kind: BlockKind::Reflection,
                    title,
                    attendees: Attendees::of(&[Member::PartnerA, Member::PartnerB]),
                    start,
                    end: start.plus(length).unwrap_or(Time::END_OF_DAY),
                    notes,
                    travel: false,
                },
            }),
        (0u32..60, 0usize..8, time.clone()).prop_map(|(id, day, start)| Edit::MoveBlock {
            lane: None,
            id,
            day,
            start
        }),
        (0u32..60, -300i16..300).prop_map(|(id, minutes)| Edit::Nudge { id, minutes }),
        (0u32..60, -300i16..300).prop_map(|(id, minutes)| Edit::Resize { id, minutes }),
        (0u32..60).prop_map(|id| Edit::DeleteBlock { id }),
        (0usize..8).prop_map(|day| Edit::DuplicateDay { day }),
        Just(Edit::AddDay),
        (0usize..8).prop_map(|day| Edit::RemoveDay { day }),
        (0i32..10_000, 1u32..13, 1u32..29).prop_map(|(y, m, d)| Edit::ShiftStart {
            date: chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default(),
        }),
        prop_oneof![
            Just(KapTarget::None),
            Just(KapTarget::AtStart),
            Just(KapTarget::Midway)
        ]
        .prop_map(Edit::PlaceKap),
        text(TITLE_CHARS).prop_map(Edit::Rename),
        (0u16..1500, 0u16..400, 0u16..30).prop_map(|(dosing, window, fasting)| {
            Edit::SetSettings(intensive_planner::core::model::Settings {
                dosing_minutes: dosing,
                integration_window_hours: window,
                fasting_hours: fasting,
                ..Default::default()
            })
        }),
        (
            text(PERSON_TEXT_CHARS),
            text(PERSON_TEXT_CHARS),
            0i32..3000,
            0usize..4,
            0u8..12
        )
            .prop_map(|(prescriber, driver, year, day, monitors)| {
                Edit::SetKap(Box::new(intensive_planner::core::model::KapRecord {
                    clearance_a: chrono::NaiveDate::from_ymd_opt(year, 3, 5)
                        .map(|date| Clearance { date, prescriber }),
                    rides: vec![Ride {
                        day,
                        person: Person::PartnerB,
                        driver,
                    }],
                    sober_monitors: monitors,
                    ..Default::default()
                }))
            }),
    ]
}

proptest! {
    // 200 sequences of up to 30 edits each: about 3,000 edits per run.
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_edited_plan_is_valid_and_round_trips_through_every_encoding(
        days in 1usize..=4,
        kap in 0u8..3,
        edits in prop::collection::vec(any_edit(), 1..30),
    ) {
        let placement = [KapPlacement::None, KapPlacement::AtStart, KapPlacement::Midway][usize::from(kap)];
        let Ok(mut current) = build(&spec(couple(), days, ("08:00", "20:00"), placement)) else {
            return Ok(());
        };
        for edit in edits {
            if let Ok(next) = apply(&current, &edit) {
                prop_assert_eq!(next.validate(), Ok(()), "{:?}", edit);
                current = next;
            }
        }
        // The stored format, exactly, with nothing mended.
        let read = read_plan(&encode_stored(&current, 7)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&read.plan, &current);
        prop_assert!(read.mended.is_empty(), "{:?}", read.mended);
        // A backup of it.
        let backup = read_backup(&export(std::slice::from_ref(&current), &[], "2026-11-30")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(backup, vec![current.clone()]);
        // The share link's payload (the public plan), before compression and encryption.
        let public = public_plan(&current, None);
        prop_assert_eq!(public.validate(), Ok(()));
        prop_assert_eq!(decode_plan(&encode_plan(&public)), Ok(public));
    }
}
