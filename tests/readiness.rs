//! Ready to dose: each dosing's readiness, from the plan's records, as a table.

mod common;

use common::*;
use intensive_planner::core::model::{
    parse_date, Answer, Clearance, Consent, Contraindication, Doses, EmergencyPart, EmergencyPlan,
    KapPlacement, Person, Plan, Reading, Ride,
};
use intensive_planner::core::preview::preview;
use intensive_planner::core::readiness::{list_line, readiness, Missing};

/// The 3-day couples template, KAP midway (dose on Sat 5 Dec 2026), with every record complete.
fn complete() -> Plan {
    let mut plan = plan(couple(), 3, KapPlacement::Midway);
    plan.kap.doses = Doses::PartnerA;
    for item in Contraindication::ALL {
        plan.kap.screening_a.set(item, Answer::No);
    }
    plan.kap.clearance_a = Some(Clearance {
        date: parse_date("2026-11-20").expect("date"),
        prescriber: "Dr. Rivera".into(),
    });
    plan.kap.clearance_b = plan.kap.clearance_a.clone();
    plan.kap.private_a = Answer::No;
    plan.kap.private_b = Answer::No;
    plan.kap.rides.push(Ride {
        day: 1,
        person: Person::PartnerA,
        driver: "Sam".into(),
    });
    plan.kap.emergency = EmergencyPlan {
        on_call: "555-0100".into(),
        department: "Harbor General".into(),
        address: "1000 Harbor Blvd".into(),
        contact_a: "Jordan 555-0142".into(),
        contact_b: String::new(),
    };
    plan.kap.consent = Consent {
        a: Some(parse_date("2026-11-20").expect("date")),
        b: Some(parse_date("2026-11-20").expect("date")),
        touch_agreed: true,
    };
    plan
}

#[test]
fn readiness_table() {
    type Edit = fn(&mut Plan);
    let cases: &[(&str, Edit, &[Missing])] = &[
        ("complete", |_| {}, &[]),
        (
            "who doses not chosen (both then count)",
            |p| p.kap.doses = Doses::NotChosen,
            &[
                Missing::WhoDoses,
                Missing::Screening {
                    person: Person::PartnerB,
                    unanswered: 19,
                },
                // Sam may dose too, so Sam is no sober driver for Alex.
                Missing::Ride {
                    person: Person::PartnerA,
                },
                Missing::Ride {
                    person: Person::PartnerB,
                },
                Missing::EmergencyPlan {
                    parts: vec![EmergencyPart::Contact(Person::PartnerB)],
                },
            ],
        ),
        (
            "no emergency plan at all",
            |p| p.kap.emergency = EmergencyPlan::default(),
            &[Missing::EmergencyPlan {
                parts: vec![
                    EmergencyPart::OnCall,
                    EmergencyPart::Department,
                    EmergencyPart::Address,
                    EmergencyPart::Contact(Person::PartnerA),
                ],
            }],
        ),
        (
            "Sam, who supports, has not signed, and touch is not agreed",
            |p| {
                p.kap.consent.b = None;
                p.kap.consent.touch_agreed = false;
            },
            &[
                Missing::Consent {
                    person: Person::PartnerB,
                },
                Missing::TouchAgreement,
            ],
        ),
        (
            "Alex signed after the dosing day",
            |p| p.kap.consent.a = Some(parse_date("2026-12-06").expect("date")),
            &[Missing::Consent {
                person: Person::PartnerA,
            }],
        ),
        (
            "a yes discussed with the prescriber",
            |p| {
                p.kap
                    .screening_a
                    .set(Contraindication::Glaucoma, Answer::Discussed)
            },
            &[],
        ),
        (
            "one question unanswered and one yes",
            |p| {
                p.kap
                    .screening_a
                    .set(Contraindication::Epilepsy, Answer::Unknown);
                p.kap
                    .screening_a
                    .set(Contraindication::Glaucoma, Answer::Yes);
            },
            &[
                Missing::Screening {
                    person: Person::PartnerA,
                    unanswered: 1,
                },
                Missing::ScreeningYes {
                    person: Person::PartnerA,
                    answers: 1,
                },
            ],
        ),
        (
            "no clearance",
            |p| {
                p.kap.clearance_a = None;
                p.kap.clearance_b = None;
            },
            &[Missing::Clearance {
                person: Person::PartnerA,
            }],
        ),
        (
            "the driver doses too",
            |p| {
                p.kap.doses = Doses::Together;
                p.kap.screening_b = p.kap.screening_a;
                p.kap.sober_monitors = 1;
                p.kap.emergency.contact_b = "Kim".into();
                p.kap.rides.push(Ride {
                    day: 1,
                    person: Person::PartnerB,
                    driver: "Jordan".into(),
                });
            },
            &[Missing::Ride {
                person: Person::PartnerA,
            }],
        ),
        (
            "both dose, a clearance for one partner only",
            |p| {
                both_dose_ready(p);
                p.kap.clearance_b = None;
            },
            &[Missing::Clearance {
                person: Person::PartnerB,
            }],
        ),
        ("both dose, each cleared", both_dose_ready, &[]),
        (
            "a clearance dated after the dosing names the person",
            |p| {
                if let Some(c) = &mut p.kap.clearance_a {
                    c.date = parse_date("2026-12-06").expect("date");
                }
            },
            &[Missing::ClearanceAfterDose {
                person: Person::PartnerA,
                cleared: parse_date("2026-12-06").expect("date"),
            }],
        ),
        (
            "the private screen not asked of Sam, who does not dose",
            |p| p.kap.private_b = Answer::Unknown,
            &[Missing::PrivateScreen],
        ),
        (
            "a private screen answered yes, not yet discussed",
            |p| p.kap.private_a = Answer::Yes,
            &[Missing::PrivateScreen],
        ),
        (
            "a private screen answered yes and discussed",
            |p| p.kap.private_a = Answer::Discussed,
            &[],
        ),
        (
            "a medicine to review, not yet discussed",
            |p| {
                p.kap
                    .screening_a
                    .set(Contraindication::Lamotrigine, Answer::Yes)
            },
            &[Missing::ScreeningYes {
                person: Person::PartnerA,
                answers: 1,
            }],
        ),
        (
            "a pre-dose reading over the blood-pressure limit",
            |p| p.kap.readings.push(reading(141, 80, 70)),
            &[Missing::ReadingOverLimit {
                person: Person::PartnerA,
            }],
        ),
        (
            "a pre-dose reading over the pulse limit",
            |p| p.kap.readings.push(reading(120, 80, 101)),
            &[Missing::ReadingOverLimit {
                person: Person::PartnerA,
            }],
        ),
        (
            "a pre-dose reading at the limits",
            |p| p.kap.readings.push(reading(140, 90, 100)),
            &[],
        ),
        (
            "a high reading under raised limits",
            |p| {
                p.settings.systolic_max = 160;
                p.kap.readings.push(reading(150, 80, 70));
            },
            &[],
        ),
        (
            "a high reading of Sam, who does not dose",
            |p| {
                p.kap.readings.push(Reading {
                    person: Person::PartnerB,
                    ..reading(170, 100, 120)
                })
            },
            &[],
        ),
        (
            "both together without a monitor",
            |p| {
                both_dose_ready(p);
                p.kap.sober_monitors = 0;
            },
            &[Missing::Monitors {
                recorded: 0,
                needed: 1,
            }],
        ),
    ];
    let mut wrong = Vec::new();
    for (name, edit, expected) in cases {
        let mut plan = complete();
        edit(&mut plan);
        let all = readiness(&plan);
        assert_eq!(all.len(), 1, "{name}: one dosing");
        if all[0].missing != *expected {
            wrong.push(format!("{name}: {:?}", all[0].missing));
        }
        assert_eq!(all[0].ready(), expected.is_empty(), "{name}");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn what_the_therapist_reads() {
    let plan = complete();
    assert_eq!(readiness(&plan)[0].summary(&plan.participants), "Ready");
    assert_eq!(list_line(&plan).as_deref(), Some("1 dosing, ready"));
    let fresh = intensive_planner::core::template::build(&spec(
        couple(),
        3,
        ("09:00", "17:00"),
        KapPlacement::Midway,
    ))
    .expect("fits");
    let summary = readiness(&fresh)[0].summary(&fresh.participants);
    assert_eq!(
        summary,
        "Not ready: who doses is not chosen; screening for Alex has 19 unanswered questions; \
         screening for Sam has 19 unanswered questions; no prescriber clearance for Alex is \
         recorded; no prescriber clearance for Sam is recorded; the private screen, asked of each \
         partner alone, is not complete; \
         no signed consent from Alex by the dosing; no signed consent from Sam by the dosing; \
         no agreement on touch is recorded; \
         no ride home with a sober adult for Alex; no ride home with a sober adult for Sam; \
         the emergency plan lacks the prescriber's on-call number, the nearest emergency \
         department, its address, an emergency contact for Alex and an emergency contact for Sam"
    );
    assert_eq!(list_line(&fresh).as_deref(), Some("1 dosing, not ready"));
    let none = plan_without_kap();
    assert_eq!(list_line(&none), None);
    // The couple never sees readiness.
    let text = format!("{:?}", preview(&fresh));
    assert!(
        !text.contains("Not ready") && !text.contains("Ready"),
        "{text}"
    );
}

/// Partner A's reading on the dosing day (day 2).
fn reading(systolic: u16, diastolic: u16, pulse: u16) -> Reading {
    Reading {
        day: 1,
        person: Person::PartnerA,
        systolic,
        diastolic,
        pulse,
    }
}

/// Both dose, together, with everything else in place.
fn both_dose_ready(p: &mut Plan) {
    p.kap.doses = Doses::Together;
    p.kap.screening_b = p.kap.screening_a;
    p.kap.sober_monitors = 1;
    p.kap.emergency.contact_b = "Kim".into();
    p.kap.rides[0].driver = "Kim".into();
    p.kap.rides.push(Ride {
        day: 1,
        person: Person::PartnerB,
        driver: "Kim".into(),
    });
}

fn plan_without_kap() -> Plan {
    plan(couple(), 2, KapPlacement::None)
}
