//! Edits, KAP re-placement and undo/redo: a table of cases, then properties over random edits.

mod common;

use intensive_planner::core::text::Lang;

use common::*;
use intensive_planner::core::edit::{apply, place_kap, BlockDraft, Edit, History, KapTarget};
use intensive_planner::core::model::{
    parse_date, Attendees, BlockKind, KapPlacement, Member, Person, Plan, Ride, Time,
};
use intensive_planner::core::rules::check;
use proptest::prelude::*;

fn draft(start: &str, end: &str) -> BlockDraft {
    BlockDraft {
        kind: BlockKind::Reflection,
        title: "Walk and talk".into(),
        attendees: Attendees::of(&[Member::PartnerA, Member::PartnerB]),
        start: t(start),
        end: t(end),
        notes: String::new(),
        travel: false,
    }
}

fn times(plan: &Plan, id: u32) -> Option<(usize, String, String)> {
    plan.find_block(id)
        .map(|(day, b)| (day, b.start.to_string(), b.end.to_string()))
}

fn overlaps(plan: &Plan) -> usize {
    check(plan)
        .iter()
        .filter(|f| f.rule == intensive_planner::core::rules::Rule::Overlap)
        .count()
}

#[test]
fn each_edit_does_what_it_says() {
    let base = plan(couple(), 3, KapPlacement::Midway);
    let first = base.days[0].blocks[0].id;

    let added = apply(
        &base,
        &Edit::AddBlock {
            day: 2,
            draft: draft("17:00", "17:30"),
        },
    )
    .expect("add");
    let new_id = base.next_block_id();
    assert_eq!(
        times(&added, new_id),
        Some((2, "17:00".into(), "17:30".into()))
    );
    assert_eq!(
        added.days[2].blocks.last().map(|b| b.id),
        Some(new_id),
        "kept in time order"
    );

    let updated = apply(
        &added,
        &Edit::UpdateBlock {
            id: new_id,
            day: 0,
            draft: draft("08:00", "08:45"),
        },
    )
    .expect("update");
    assert_eq!(
        times(&updated, new_id),
        Some((0, "08:00".into(), "08:45".into()))
    );
    assert_eq!(updated.days[0].blocks[0].id, new_id);

    let deleted = apply(&updated, &Edit::DeleteBlock { id: new_id }).expect("delete");
    assert_eq!(deleted, base);

    let moved = apply(
        &base,
        &Edit::MoveBlock {
            id: first,
            day: 2,
            start: t("16:30"),
            lane: None,
        },
    )
    .expect("move");
    assert_eq!(
        times(&moved, first),
        Some((2, "16:30".into(), "18:00".into())),
        "length kept"
    );

    let nudged = apply(
        &base,
        &Edit::Nudge {
            id: first,
            minutes: -15,
        },
    )
    .expect("nudge");
    assert_eq!(
        times(&nudged, first),
        Some((0, "08:45".into(), "10:15".into()))
    );

    let resized = apply(
        &base,
        &Edit::Resize {
            id: first,
            minutes: 30,
        },
    )
    .expect("resize");
    assert_eq!(
        times(&resized, first),
        Some((0, "09:00".into(), "11:00".into()))
    );

    let duplicated = apply(&base, &Edit::DuplicateDay { day: 0 }).expect("duplicate");
    assert_eq!(duplicated.days.len(), 4);
    assert_eq!(duplicated.days[1].blocks.len(), base.days[0].blocks.len());
    let ids: std::collections::HashSet<_> = duplicated.blocks().map(|(_, b)| b.id).collect();
    assert_eq!(
        ids.len(),
        duplicated.blocks().count(),
        "the copy has fresh ids"
    );

    let mut with_ride = base.clone();
    with_ride.kap.rides.push(Ride {
        day: 2,
        person: Person::PartnerA,
        driver: "Kim".into(),
    });
    let removed = apply(&with_ride, &Edit::RemoveDay { day: 0 }).expect("remove");
    assert_eq!(removed.days.len(), 2);
    assert_eq!(removed.kap.rides[0].day, 1, "rides follow their day");
    assert_eq!(apply(&base, &Edit::AddDay).map(|p| p.days.len()), Ok(4));

    let shifted = apply(
        &base,
        &Edit::ShiftStart {
            date: parse_date("2027-01-08").expect("date"),
        },
    )
    .expect("shift");
    assert_eq!(shifted.days, base.days, "the shape stays");
    assert_eq!(shifted.start_date, parse_date("2027-01-08").expect("date"));

    assert_eq!(
        apply(&base, &Edit::Rename("  New name ".into())).map(|p| p.title),
        Ok("New name".into())
    );
    let spanish = apply(&base, &Edit::SetLanguage(Lang::Es)).expect("language");
    assert_eq!((base.language, spanish.language), (Lang::En, Lang::Es));
    assert_eq!(spanish.days, base.days, "only the language changes");
    let home = apply(
        &base,
        &Edit::SetCoupleZone(Some(" America/New_York ".into())),
    );
    assert_eq!(
        home.map(|p| p.couple_zone),
        Ok(Some("America/New_York".to_string()))
    );
    let cleared = apply(&base, &Edit::SetCoupleZone(Some("  ".into())));
    assert_eq!(cleared.map(|p| p.couple_zone), Ok(None));
}

#[test]
fn impossible_edits_are_refused_and_change_nothing() {
    let base = plan(couple(), 7, KapPlacement::None);
    let first = base.days[0].blocks[0].id;
    let cases = [
        Edit::AddBlock {
            day: 9,
            draft: draft("10:00", "11:00"),
        },
        Edit::AddBlock {
            day: 0,
            draft: draft("11:00", "10:00"),
        },
        Edit::AddBlock {
            day: 0,
            draft: BlockDraft {
                title: "  ".into(),
                ..draft("10:00", "11:00")
            },
        },
        Edit::AddBlock {
            day: 0,
            draft: BlockDraft {
                attendees: Attendees::of(&[Member::Client]),
                ..draft("10:00", "11:00")
            },
        },
        Edit::DeleteBlock { id: 4242 },
        Edit::SetCoupleZone(Some("New York".into())),
        Edit::MoveBlock {
            id: first,
            day: 0,
            start: t("23:00"),
            lane: None,
        },
        Edit::Nudge {
            id: first,
            minutes: -600,
        },
        Edit::Resize {
            id: first,
            minutes: -90,
        },
        Edit::DuplicateDay { day: 0 },
        Edit::AddDay,
        Edit::Rename(String::new()),
        Edit::PlaceKap(KapTarget::At {
            day: 0,
            dose_at: t("00:30"),
        }),
        Edit::PlaceKap(KapTarget::At {
            day: 0,
            dose_at: t("22:00"),
        }),
        Edit::PlaceKap(KapTarget::At {
            day: 7,
            dose_at: t("10:00"),
        }),
    ];
    for edit in cases {
        assert!(apply(&base, &edit).is_err(), "{edit:?} should be refused");
    }
    let one_day = plan(couple(), 1, KapPlacement::None);
    assert!(apply(&one_day, &Edit::RemoveDay { day: 0 }).is_err());
    let mut record = one_day.kap.clone();
    record.rides.push(Ride {
        day: 0,
        person: Person::Client,
        driver: "Kim".into(),
    });
    assert!(
        apply(&one_day, &Edit::SetKap(Box::new(record.clone()))).is_err(),
        "no client in a couples plan"
    );
    record.rides[0].day = 3;
    record.rides[0].person = Person::PartnerA;
    assert!(
        apply(&one_day, &Edit::SetKap(Box::new(record.clone()))).is_err(),
        "no day 4"
    );
    record.rides[0].day = 0;
    assert!(apply(&one_day, &Edit::SetKap(Box::new(record))).is_ok());
}

#[test]
fn undo_and_redo_restore_exact_plans() {
    let mut history = History::default();
    let mut current = plan(client(), 2, KapPlacement::Midway);
    let mut states = vec![current.clone()];
    for minutes in [15, 30, -15] {
        let id = current.days[0].blocks[0].id;
        let next = apply(&current, &Edit::Nudge { id, minutes }).expect("nudge");
        history.record(current.clone());
        current = next;
        states.push(current.clone());
    }
    for expected in states.iter().rev().skip(1) {
        current = history.undo(&current).expect("undo");
        assert_eq!(&current, expected);
    }
    assert!(!history.can_undo());
    for expected in states.iter().skip(1) {
        current = history.redo(&current).expect("redo");
        assert_eq!(&current, expected);
    }
    assert!(!history.can_redo());
}

// Properties ---------------------------------------------------------------------------------

fn edit_strategy() -> impl Strategy<Value = (u8, u32, u8, u16, i16)> {
    (0u8..13, 0u32..80, 0u8..8, 0u16..1500, -200i16..200)
}

/// Turns random numbers into an edit (ids and days may be out of range on purpose).
fn to_edit((which, id, day, minute, delta): (u8, u32, u8, u16, i16)) -> Edit {
    let day = usize::from(day);
    let time = Time::from_minutes(minute % 1441).unwrap_or(Time::END_OF_DAY);
    let end = Time::from_minutes((minute % 1441).saturating_add(45).min(1440))
        .unwrap_or(Time::END_OF_DAY);
    match which {
        0 => Edit::AddBlock {
            day,
            draft: BlockDraft {
                start: time,
                end,
                ..draft("09:00", "10:00")
            },
        },
        1 => Edit::UpdateBlock {
            id,
            day,
            draft: BlockDraft {
                start: time,
                end,
                ..draft("09:00", "10:00")
            },
        },
        2 => Edit::DeleteBlock { id },
        3 => Edit::MoveBlock {
            id,
            day,
            start: time,
            lane: None,
        },
        4 => Edit::Nudge { id, minutes: delta },
        5 => Edit::Resize { id, minutes: delta },
        6 => Edit::DuplicateDay { day },
        7 => Edit::AddDay,
        8 => Edit::RemoveDay { day },
        9 => Edit::PlaceKap(KapTarget::Midway),
        10 => Edit::PlaceKap(KapTarget::AtStart),
        11 => Edit::PlaceKap(KapTarget::At { day, dose_at: time }),
        _ => Edit::PlaceKap(KapTarget::None),
    }
}

fn well_formed(plan: &Plan) -> Result<(), String> {
    if !(1..=7).contains(&plan.days.len()) {
        return Err(format!("{} days", plan.days.len()));
    }
    let mut ids = std::collections::HashSet::new();
    for day in &plan.days {
        for pair in day.blocks.windows(2) {
            if (pair[0].start, pair[0].end, pair[0].id) > (pair[1].start, pair[1].end, pair[1].id) {
                return Err("blocks out of order".into());
            }
        }
        for b in &day.blocks {
            if b.start >= b.end || b.end > Time::END_OF_DAY {
                return Err(format!("block {} runs {}–{}", b.id, b.start, b.end));
            }
            if !ids.insert(b.id) {
                return Err(format!("block id {} twice", b.id));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_edits_keep_the_plan_well_formed_and_undo_restores_it(
        kap in 0u8..3,
        days in 1usize..=4,
        edits in prop::collection::vec(edit_strategy(), 1..40),
    ) {
        let placement = [KapPlacement::None, KapPlacement::AtStart, KapPlacement::Midway][usize::from(kap)];
        let window = ("08:00", "20:00");
        let Ok(original) = intensive_planner::core::template::build(&spec(couple(), days, window, placement)) else {
            return Ok(());
        };
        let mut history = History::default();
        let mut current = original.clone();
        for raw in edits {
            let edit = to_edit(raw);
            let had_overlaps = overlaps(&current) > 0;
            if let Ok(next) = apply(&current, &edit) {
                prop_assert!(well_formed(&next).is_ok(), "{edit:?}: {:?}", well_formed(&next));
                if matches!(edit, Edit::PlaceKap(_)) && !had_overlaps {
                    prop_assert_eq!(overlaps(&next), 0, "{:?} left overlaps", edit);
                }
                history.record(current.clone());
                current = next;
            }
            // Whatever happened, the checker copes.
            let _ = check(&current);
        }
        while let Some(previous) = history.undo(&current) {
            current = previous;
        }
        prop_assert_eq!(current, original);
    }

    #[test]
    fn re_placing_kap_never_leaves_overlaps(
        days in 1usize..=7,
        from in 0u8..3,
        day in 0usize..7,
        minute in 60u16..1200,
    ) {
        let placement = [KapPlacement::None, KapPlacement::AtStart, KapPlacement::Midway][usize::from(from)];
        let Ok(plan) = intensive_planner::core::template::build(&spec(client(), days, ("09:00", "17:00"), placement)) else {
            return Ok(());
        };
        for target in [KapTarget::AtStart, KapTarget::Midway, KapTarget::At { day, dose_at: Time::from_minutes(minute).unwrap_or(Time::END_OF_DAY) }, KapTarget::None] {
            if let Ok(next) = place_kap(&plan, target) {
                prop_assert_eq!(overlaps(&next), 0, "{:?}", target);
                prop_assert!(well_formed(&next).is_ok());
            }
        }
    }
}
