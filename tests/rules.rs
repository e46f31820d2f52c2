//! The rule checker, data-driven: each case edits the 3-day couples template with KAP midway and
//! lists the finding codes it must produce (and so, by omission, the ones it must not).

mod common;

use common::*;
use intensive_planner::core::model::{
    parse_date, Answer, Attendees, Block, BlockKind, Clearance, Contraindication, Doses, FollowUp,
    KapPlacement, Member, Person, Plan, Reading, Ride,
};
use intensive_planner::core::rules::{check, Severity};

/// The template with its KAP records complete: screened (all no), cleared, rides home, a
/// monitor. Only the fasting information remains.
fn base() -> Plan {
    let mut plan = plan(couple(), 3, KapPlacement::Midway);
    for item in Contraindication::ALL {
        plan.kap.screening_a.set(item, Answer::No);
        plan.kap.screening_b.set(item, Answer::No);
    }
    plan.kap.clearance_a = Some(Clearance {
        date: parse_date("2026-11-20").expect("date"),
        prescriber: "Dr. Rivera".into(),
    });
    plan.kap.clearance_b = plan.kap.clearance_a.clone();
    plan.kap.private_a = Answer::No;
    plan.kap.private_b = Answer::No;
    for person in [Person::PartnerA, Person::PartnerB] {
        plan.kap.rides.push(Ride {
            day: 1,
            person,
            driver: "Kim".into(),
        });
    }
    plan.kap.sober_monitors = 1;
    plan.kap.doses = Doses::Together;
    plan.kap.emergency = emergency();
    plan.kap.consent = intensive_planner::core::model::Consent {
        a: Some(parse_date("2026-11-20").expect("date")),
        b: Some(parse_date("2026-11-20").expect("date")),
        touch_agreed: true,
    };
    plan
}

/// A complete emergency plan.
fn emergency() -> intensive_planner::core::model::EmergencyPlan {
    intensive_planner::core::model::EmergencyPlan {
        on_call: "555-0100".into(),
        department: "Harbor General".into(),
        address: "1000 Harbor Blvd".into(),
        contact_a: "Jordan 555-0142".into(),
        contact_b: "Kim 555-0177".into(),
    }
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

/// Partner B's individual session on day 1 moved to the time of partner A's, with `who`.
fn parallel(plan: &mut Plan, who: &[Member]) {
    let (start, end) = {
        let first = find(plan, BlockKind::IndividualSession, 0);
        (first.start, first.end)
    };
    let second = find(plan, BlockKind::IndividualSession, 1);
    second.start = start;
    second.end = end;
    second.attendees = Attendees::of(who);
}

#[test]
fn rules_table() {
    let cases: &[(&str, Edit, &[&str])] = &[
        ("template as made", |_| {}, &[]),
        // Overlaps.
        (
            "a session runs into the next",
            |p| p.days[0].blocks[1].start = t("10:20"),
            &["overlap"],
        ),
        (
            "back to back is fine",
            |p| p.days[0].blocks[1].end = t("10:45"),
            &[],
        ),
        // Overlaps are per person.
        (
            "both individual sessions at once, one with the co-therapist",
            |p| {
                p.team.co_therapist = "Jordan".into();
                parallel(p, &[Member::PartnerB, Member::CoTherapist]);
            },
            &[],
        ),
        (
            "both individual sessions at once, the therapist in both",
            |p| parallel(p, &[Member::PartnerB, Member::Therapist]),
            &["overlap"],
        ),
        (
            "one partner in two blocks at once",
            |p| {
                p.team.co_therapist = "Jordan".into();
                parallel(
                    p,
                    &[Member::PartnerA, Member::PartnerB, Member::CoTherapist],
                );
            },
            &["overlap"],
        ),
        (
            "a reflection alone while the other partner is in session",
            |p| {
                let mut reflection = find(p, BlockKind::IndividualSession, 0).clone();
                reflection.id = 900;
                reflection.kind = BlockKind::Reflection;
                reflection.attendees = Attendees::of(&[Member::PartnerB]);
                p.days[0].blocks.push(reflection);
            },
            &[],
        ),
        (
            "the sober monitor in two blocks at once",
            |p| {
                p.team.sober_monitor = "Pat".into();
                let first = find(p, BlockKind::IndividualSession, 0);
                first.attendees = first.attendees.with(Member::SoberMonitor);
                let mut reflection = first.clone();
                reflection.id = 900;
                reflection.kind = BlockKind::Reflection;
                reflection.attendees = Attendees::of(&[Member::PartnerB, Member::SoberMonitor]);
                p.days[0].blocks.push(reflection);
            },
            &["overlap"],
        ),
        // The daily window.
        (
            "closing runs late",
            |p| {
                let closing = find(p, BlockKind::Closing, 0);
                closing.start = t("16:30");
                closing.end = t("17:30");
            },
            &["outside_window"],
        ),
        (
            "closing ends on the hour",
            |p| {
                let closing = find(p, BlockKind::Closing, 0);
                closing.start = t("16:00");
                closing.end = t("17:00");
            },
            &[],
        ),
        (
            "starts before the day",
            |p| {
                p.days[0].blocks[0].start = t("08:30");
                p.days[0].blocks[0].end = t("10:00");
            },
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
            // The dose ends at 13:15 on day 2; integration opens day 3 at 09:00, 19 h 45 min later.
            "window of 19 hours",
            |p| p.settings.integration_window_hours = 19,
            &["no_integration_in_window", "integration_outside_window"],
        ),
        (
            "window of 20 hours",
            |p| p.settings.integration_window_hours = 20,
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
            &["no_integration_in_window", "integration_outside_window"],
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
                "last_day_dosing_without_integration",
                "no_meal_after_dose",
                "no_follow_up",
            ],
        ),
        (
            "dosing on the last day, integration after, no follow-up",
            |p| last_day_integration(p),
            &["no_follow_up"],
        ),
        (
            "dosing on the last day, follow-up within the window",
            |p| {
                last_day_integration(p);
                p.kap.follow_up = Some(follow_up("2026-12-08", "10:00"));
            },
            &[],
        ),
        (
            "dosing on the last day, follow-up too late",
            |p| {
                last_day_integration(p);
                p.kap.follow_up = Some(follow_up("2026-12-09", "10:00"));
            },
            &["no_follow_up"],
        ),
        // Daily load and breaks.
        (
            "a long day",
            |p| {
                p.settings.daily_load_minutes = 240;
            },
            &["daily_load", "daily_load"],
        ),
        (
            "a budget of 6 h",
            |p| {
                p.settings.daily_load_minutes = 360;
            },
            &[],
        ),
        (
            "no breaks on day 1",
            |p| {
                p.days[0].blocks.retain(|b| b.kind != BlockKind::Break);
                p.days[0].blocks[1].start = t("10:30");
                p.days[0].blocks[1].end = t("11:30");
                p.days[0].blocks[2].start = t("11:30");
                p.days[0].blocks[2].end = t("12:30");
            },
            &["no_break"],
        ),
        (
            "a 15-minute gap counts as a break",
            |p| {
                p.days[0].blocks.retain(|b| b.kind != BlockKind::Break);
            },
            &[],
        ),
        // Fasting.
        (
            "lunch before a dose",
            |p| {
                let b = find(p, BlockKind::KapPreparation, 0).clone();
                p.days[1].blocks.push(Block {
                    id: 999,
                    kind: BlockKind::Lunch,
                    title: "Brunch".into(),
                    start: t("08:00"),
                    end: t("08:30"),
                    ..b
                });
            },
            &["meal_in_fasting_window", "outside_window"],
        ),
        (
            "lunch long before a dose",
            |p| {
                p.settings.fasting_hours = 2;
            },
            &[],
        ),
        // Screening, clearance, rides, monitors.
        (
            "a yes in screening",
            |p| {
                p.kap
                    .screening_b
                    .set(Contraindication::Glaucoma, Answer::Yes)
            },
            &["screening_flag", "not_ready"],
        ),
        (
            "an unknown in screening",
            |p| {
                p.kap
                    .screening_a
                    .set(Contraindication::Epilepsy, Answer::Unknown)
            },
            &["screening_incomplete", "not_ready"],
        ),
        (
            "screening of someone who does not dose",
            |p| {
                p.kap.doses = Doses::PartnerA;
                p.kap
                    .screening_b
                    .set(Contraindication::Glaucoma, Answer::Yes);
            },
            &[],
        ),
        (
            "no clearance",
            |p| {
                p.kap.clearance_a = None;
                p.kap.clearance_b = None;
            },
            // One per partner: both may dose until who doses is chosen.
            &["no_clearance", "no_clearance", "not_ready"],
        ),
        (
            "no ride for one partner",
            |p| p.kap.rides.truncate(1),
            &["no_ride_home", "not_ready"],
        ),
        (
            "a ride on the wrong day",
            |p| {
                for r in &mut p.kap.rides {
                    r.day = 0;
                }
            },
            &["no_ride_home", "no_ride_home", "not_ready"],
        ),
        (
            "both dose and drive each other home",
            |p| {
                p.kap.rides[0].driver = "Sam".into();
                p.kap.rides[1].driver = " alex ".into();
            },
            &["driver_not_sober", "driver_not_sober", "not_ready"],
        ),
        (
            "someone down to drive themselves",
            |p| p.kap.rides[0].driver = "Alex".into(),
            &["driver_not_sober", "not_ready"],
        ),
        (
            "the partner who does not dose drives",
            |p| {
                p.kap.doses = Doses::PartnerB;
                p.kap.rides.retain(|r| r.person == Person::PartnerB);
                p.kap.rides[0].driver = "Alex".into();
            },
            &[],
        ),
        (
            "lunch out after the dose",
            |p| find(p, BlockKind::Lunch, 1).travel = true,
            &["travel_after_dosing"],
        ),
        (
            "travel before the dose",
            |p| find(p, BlockKind::JointSession, 0).travel = true,
            &[],
        ),
        (
            "both dose, no monitor",
            |p| p.kap.sober_monitors = 0,
            &["too_few_monitors", "not_ready"],
        ),
        (
            "one doses, no monitor",
            |p| {
                p.kap.sober_monitors = 0;
                p.kap.doses = Doses::PartnerB;
            },
            &[],
        ),
        // A second dosing.
        (
            "two dosings",
            |p| second_dosing(p),
            &["multiple_dosings", "fasting_start", "no_follow_up"],
        ),
        (
            "two dosings, signed off",
            |p| {
                second_dosing(p);
                p.kap.multiple_dosings_signed_off = true;
            },
            &["fasting_start", "no_follow_up"],
        ),
        // Integration outside the window, and the last day.
        (
            "integration a day late",
            |p| {
                // The closing at 16:00 on day 3 becomes a second integration, 26 h 45 min after
                // the dose; the first, at 09:00, stays within 24 h.
                p.settings.integration_window_hours = 24;
                find(p, BlockKind::Closing, 0).kind = BlockKind::KapIntegration;
            },
            &["integration_outside_window"],
        ),
        (
            "last-day dosing, integration only earlier",
            |p| {
                p.days.truncate(2);
                p.days[1]
                    .blocks
                    .retain(|b| b.kind != BlockKind::KapIntegration);
            },
            &[
                "no_integration_in_window",
                "last_day_dosing_without_integration",
                "no_follow_up",
            ],
        ),
    ];
    let mut wrong = Vec::new();
    for (name, edit, expected) in cases.iter().chain(NEW_CASES) {
        let mut plan = base();
        edit(&mut plan);
        let mut codes: Vec<&str> = check(&plan).iter().map(|f| f.rule.code()).collect();
        codes.sort_unstable();
        let mut want = expected.to_vec();
        want.push("fasting_start");
        want.sort_unstable();
        if codes != want {
            wrong.push(format!("{name}: got {codes:?}, want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn findings_name_their_blocks_and_come_errors_first() {
    let mut plan = base();
    plan.days[0].blocks[1].start = t("10:20");
    let closing = find(&mut plan, BlockKind::Closing, 0);
    closing.start = t("16:30");
    closing.end = t("17:30");
    let findings = check(&plan);
    let severities: Vec<_> = findings.iter().map(|f| f.severity).collect();
    assert_eq!(
        severities,
        [Severity::Error, Severity::Warning, Severity::Info]
    );
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

/// Two days, the dosing on the last, with integration and closing after its meal.
fn last_day_integration(plan: &mut Plan) {
    let integration = find(plan, BlockKind::KapIntegration, 0).clone();
    plan.days.truncate(2);
    plan.days[1].blocks.push(Block {
        title: "Integration and closing".into(),
        start: t("15:15"),
        end: t("16:45"),
        ..integration
    });
}

/// The base plan starts on Fri 4 Dec 2026; its day-2 dose ends on Sat 5 Dec at 13:15.
fn follow_up(date: &str, start: &str) -> FollowUp {
    FollowUp {
        date: parse_date(date).expect("date"),
        start: t(start),
        minutes: 60,
    }
}

/// Copies day 2's dosing bundle onto day 3 (replacing day 3), with integration after its meal.
fn second_dosing(plan: &mut Plan) {
    let integration = find(plan, BlockKind::KapIntegration, 0).clone();
    let mut day = plan.days[1].clone();
    for (i, block) in day.blocks.iter_mut().enumerate() {
        block.id = 500 + i as u32;
    }
    day.blocks.push(Block {
        start: t("15:15"),
        end: t("16:45"),
        ..integration
    });
    plan.days[2] = day;
    for person in [Person::PartnerA, Person::PartnerB] {
        plan.kap.rides.push(Ride {
            day: 2,
            person,
            driver: "Kim".into(),
        });
    }
}

/// The rules of the roles-and-placement issue: who doses, monitors, time on site, the dosing
/// day's own budget, a meal and no sessions after the dose, and the follow-up after a last-day
/// dosing.
/// A pre-dose reading on the dosing day (day 2).
fn reading(person: Person, systolic: u16, diastolic: u16, pulse: u16) -> Reading {
    Reading {
        day: 1,
        person,
        systolic,
        diastolic,
        pulse,
    }
}

const NEW_CASES: &[(&str, Edit, &[&str])] = &[
    (
        "a pre-dose reading over the limit",
        |p| p.kap.readings.push(reading(Person::PartnerA, 150, 85, 70)),
        &["reading_over_limit", "not_ready"],
    ),
    (
        "a pre-dose pulse over the limit",
        |p| p.kap.readings.push(reading(Person::PartnerB, 130, 85, 104)),
        &["reading_over_limit", "not_ready"],
    ),
    (
        "a pre-dose reading within the limits",
        |p| p.kap.readings.push(reading(Person::PartnerA, 138, 88, 96)),
        &[],
    ),
    (
        "a high reading under the plan's own raised limits",
        |p| {
            p.settings.systolic_max = 160;
            p.settings.pulse_max = 110;
            p.kap.readings.push(reading(Person::PartnerA, 155, 85, 105));
        },
        &[],
    ),
    (
        "no clearance for one partner",
        |p| p.kap.clearance_b = None,
        &["no_clearance", "not_ready"],
    ),
    (
        "a private screen not yet asked",
        |p| p.kap.private_b = Answer::Unknown,
        &["not_ready"],
    ),
    (
        "who doses is not chosen",
        |p| p.kap.doses = Doses::NotChosen,
        &["doses_not_chosen", "not_ready"],
    ),
    (
        "staggered, no monitor",
        |p| {
            p.kap.doses = Doses::Staggered;
            p.kap.sober_monitors = 0;
        },
        &["too_few_monitors", "not_ready"],
    ),
    (
        "a check-in after the dose",
        |p| {
            let b = find(p, BlockKind::KapPreparation, 0).clone();
            p.days[1].blocks.push(Block {
                id: 997,
                kind: BlockKind::CheckIn,
                title: "Afternoon check-in".into(),
                start: t("15:15"),
                end: t("15:45"),
                ..b
            });
        },
        &["session_after_dose"],
    ),
    (
        "reflection after the dose is fine",
        |p| {
            let b = find(p, BlockKind::KapPreparation, 0).clone();
            p.days[1].blocks.push(Block {
                id: 997,
                kind: BlockKind::Reflection,
                title: "Journal".into(),
                start: t("15:15"),
                end: t("15:45"),
                ..b
            });
        },
        &[],
    ),
    (
        "no meal after the dose",
        |p| p.days[1].blocks.retain(|b| b.kind != BlockKind::Lunch),
        &["no_meal_after_dose"],
    ),
    (
        "ten hours on site",
        |p| {
            let closing = find(p, BlockKind::Closing, 0);
            closing.start = t("18:00");
            closing.end = t("19:00");
            p.day_end = t("19:00");
        },
        &["time_on_site"],
    ),
    (
        "eight hours on site with a 9-hour ceiling",
        |p| p.settings.time_on_site_minutes = 8 * 60,
        &[],
    ),
    (
        // Day 1 runs 09:00–16:45; day 2 (the dose) 09:00–15:00; day 3 09:00–16:00.
        "seven hours 45 on day 1 with a 7-hour ceiling",
        |p| p.settings.time_on_site_minutes = 7 * 60,
        &["time_on_site"],
    ),
    (
        "a snack before a dose counts like lunch",
        |p| {
            let b = find(p, BlockKind::KapPreparation, 0).clone();
            p.days[1]
                .blocks
                .retain(|b| b.kind != BlockKind::KapPreparation);
            p.days[1].blocks.push(Block {
                id: 996,
                kind: BlockKind::Meal,
                title: "Snack".into(),
                start: t("09:00"),
                end: t("09:15"),
                ..b.clone()
            });
            p.days[1].blocks.push(Block {
                start: t("09:15"),
                ..b
            });
        },
        &["meal_in_fasting_window"],
    ),
    (
        "a yes discussed with the prescriber",
        |p| {
            p.kap
                .screening_b
                .set(Contraindication::Glaucoma, Answer::Discussed)
        },
        &[],
    ),
    (
        "no emergency contact for Sam",
        |p| p.kap.emergency.contact_b.clear(),
        &["not_ready"],
    ),
    (
        "no emergency contact for Sam, who does not dose",
        |p| {
            p.kap.emergency.contact_b.clear();
            p.kap.doses = Doses::PartnerA;
        },
        &[],
    ),
    (
        "a clearance dated after the dose",
        |p| {
            for c in [&mut p.kap.clearance_a, &mut p.kap.clearance_b]
                .into_iter()
                .flatten()
            {
                c.date = parse_date("2026-12-06").expect("date");
            }
        },
        &["not_ready"],
    ),
    (
        "a clearance on the day of the dose",
        |p| {
            for c in [&mut p.kap.clearance_a, &mut p.kap.clearance_b]
                .into_iter()
                .flatten()
            {
                c.date = parse_date("2026-12-05").expect("date");
            }
        },
        &[],
    ),
    (
        "a clearance 31 days before the dose",
        |p| {
            for c in [&mut p.kap.clearance_a, &mut p.kap.clearance_b]
                .into_iter()
                .flatten()
            {
                c.date = parse_date("2026-11-04").expect("date");
            }
        },
        &["not_ready"],
    ),
    (
        "a clearance 31 days before the dose, with 45 days allowed",
        |p| {
            p.settings.clearance_valid_days = 45;
            for c in [&mut p.kap.clearance_a, &mut p.kap.clearance_b]
                .into_iter()
                .flatten()
            {
                c.date = parse_date("2026-11-04").expect("date");
            }
        },
        &[],
    ),
    (
        "a clearance 30 days before the dose",
        |p| {
            for c in [&mut p.kap.clearance_a, &mut p.kap.clearance_b]
                .into_iter()
                .flatten()
            {
                c.date = parse_date("2026-11-05").expect("date");
            }
        },
        &[],
    ),
    (
        "a dosing day over its own budget",
        |p| p.settings.dosing_day_load_minutes = 45,
        &["daily_load"],
    ),
];

/// Together, too few monitors is an error; staggered, a warning.
#[test]
fn too_few_monitors_is_an_error_when_both_dose_together() {
    let severity = |doses: Doses| {
        let mut plan = base();
        plan.kap.doses = doses;
        plan.kap.sober_monitors = 0;
        check(&plan)
            .into_iter()
            .find(|f| f.rule == intensive_planner::core::rules::Rule::TooFewMonitors)
            .map(|f| f.severity)
    };
    assert_eq!(severity(Doses::Together), Some(Severity::Error));
    assert_eq!(severity(Doses::Staggered), Some(Severity::Warning));
    assert_eq!(severity(Doses::PartnerA), None);
}

/// An overlap says who would be in two places: here partner B (Sam) and the therapist.
#[test]
fn an_overlap_names_the_people_in_both() {
    let mut plan = base();
    parallel(&mut plan, &[Member::PartnerB, Member::Therapist]);
    let overlap = check(&plan)
        .into_iter()
        .find(|f| f.rule.code() == "overlap")
        .expect("an overlap");
    assert!(
        overlap
            .message
            .ends_with("and Therapist cannot be in both at once."),
        "{}",
        overlap.message
    );
    plan.team.therapist = "Dana Reyes".into();
    let overlap = check(&plan)
        .into_iter()
        .find(|f| f.rule.code() == "overlap")
        .expect("an overlap");
    assert!(
        overlap.message.contains("Dana Reyes cannot"),
        "{}",
        overlap.message
    );
}
