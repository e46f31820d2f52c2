//! The time grid's geometry: lanes, the lanes a block fills, the hours shown, snapping, and
//! what a drop would overlap (per person, as the checker sees it).

mod common;

use common::*;
use intensive_planner::core::grid::{hours, landing, lanes, runs, snap};
use intensive_planner::core::model::{Attendees, BlockKind, KapPlacement, Member};

#[test]
fn lanes_are_the_couple_then_the_team() {
    let mut plan = plan(couple(), 3, KapPlacement::None);
    assert_eq!(
        lanes(&plan),
        [Member::PartnerA, Member::PartnerB, Member::Therapist]
    );
    plan.team.sober_monitor = "Pat".into();
    plan.team.co_therapist = "  ".into();
    assert_eq!(
        lanes(&plan),
        [
            Member::PartnerA,
            Member::PartnerB,
            Member::Therapist,
            Member::SoberMonitor
        ]
    );
    let single = intensive_planner::core::template::build(&spec(
        client(),
        2,
        ("09:00", "17:00"),
        KapPlacement::None,
    ))
    .expect("fits");
    assert_eq!(lanes(&single), [Member::Client, Member::Therapist]);
}

#[test]
fn runs_of_neighbouring_lanes() {
    use Member::*;
    let lanes = [PartnerA, PartnerB, Therapist, CoTherapist];
    type Case<'a> = (&'a [Member], &'a [(usize, usize)]);
    let cases: &[Case] = &[
        (&[PartnerA, PartnerB, Therapist], &[(0, 3)]),
        (&[PartnerA, Therapist], &[(0, 1), (2, 1)]),
        (&[PartnerB, Therapist], &[(1, 2)]),
        (&[PartnerB, CoTherapist], &[(1, 1), (3, 1)]),
        (&[PartnerA, PartnerB], &[(0, 2)]),
        (&[PartnerA, CoTherapist], &[(0, 1), (3, 1)]),
        (&[SoberMonitor, PartnerA], &[(0, 1)]),
        (&[], &[]),
    ];
    for (members, want) in cases {
        assert_eq!(runs(Attendees::of(members), &lanes), *want, "{members:?}");
    }
}

#[test]
fn snapping_goes_to_the_nearest_step() {
    let cases = [
        (607, 15, 600),
        (608, 15, 615),
        (622, 10, 620),
        (626, 10, 630),
        (-7, 15, -0),
        (-8, 15, -15),
        (603, 5, 605),
        (603, 0, 603),
    ];
    for (minutes, step, want) in cases {
        assert_eq!(snap(minutes, step), want, "{minutes} by {step}");
    }
}

#[test]
fn the_grid_spans_whole_hours_around_every_block() {
    let mut plan = plan(couple(), 3, KapPlacement::None);
    assert_eq!(hours(&plan), (9 * 60, 17 * 60));
    plan.days[1].blocks[0].start = t("07:40");
    let last = plan.days[2].blocks.len() - 1;
    plan.days[2].blocks[last].end = t("18:10");
    assert_eq!(hours(&plan), (7 * 60, 19 * 60));
}

/// A drop is previewed with what it would overlap: partner B's session beside partner A's
/// clashes through the therapist, unless the co-therapist takes it.
#[test]
fn a_landing_names_what_it_would_overlap() {
    let mut plan = plan(couple(), 3, KapPlacement::None);
    let sessions: Vec<_> = plan.days[0]
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::IndividualSession)
        .map(|b| (b.id, b.start, b.end))
        .collect();
    let ((a, a_start, a_end), (b, _, _)) = (sessions[0], sessions[1]);
    let (start, end) = (i32::from(a_start.minutes()), i32::from(a_end.minutes()));
    let landed = landing(&plan, b, 0, start, end, None).expect("lands");
    assert_eq!(landed.clashes, [(a, Attendees::of(&[Member::Therapist]))]);

    plan.team.co_therapist = "Jordan".into();
    let moved = landing(
        &plan,
        b,
        0,
        start,
        end,
        Some((Member::Therapist, Member::CoTherapist)),
    )
    .expect("lands");
    assert_eq!(moved.clashes, []);
    assert_eq!(
        moved.attendees,
        Attendees::of(&[Member::PartnerB, Member::CoTherapist])
    );

    // Off the day, or shorter than a block may be: no landing.
    assert_eq!(landing(&plan, b, 0, -15, 45, None), None);
    assert_eq!(landing(&plan, b, 0, 23 * 60, 24 * 60 + 15, None), None);
    assert_eq!(landing(&plan, b, 0, 600, 602, None), None);
    assert_eq!(landing(&plan, b, 9, 600, 660, None), None);
}

#[test]
fn the_keyboard_moves_a_block_to_the_neighbouring_client_lane() {
    use intensive_planner::core::grid::{next_client_lane, Toward};
    use Member::*;
    let lanes = [PartnerA, PartnerB, Therapist, CoTherapist];
    type Case<'a> = (&'a [Member], Toward, Option<(Member, Member)>);
    let cases: &[Case] = &[
        (
            &[PartnerA, Therapist],
            Toward::Next,
            Some((PartnerA, PartnerB)),
        ),
        (&[PartnerA, Therapist], Toward::Previous, None),
        (
            &[PartnerB, CoTherapist],
            Toward::Previous,
            Some((PartnerB, PartnerA)),
        ),
        (&[PartnerB, CoTherapist], Toward::Next, None),
        (&[PartnerA, PartnerB, Therapist], Toward::Next, None),
        (&[PartnerA, PartnerB, Therapist], Toward::Previous, None),
    ];
    for (members, toward, want) in cases {
        assert_eq!(
            next_client_lane(Attendees::of(members), &lanes, *toward),
            *want,
            "{members:?} {toward:?}"
        );
    }
}
