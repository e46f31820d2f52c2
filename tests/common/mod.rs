//! Helpers shared by the native test files.
#![allow(dead_code)]

use intensive_planner::core::model::{
    parse_date, KapPlacement, Participants, Plan, Settings, Time,
};
use intensive_planner::core::template::{build, TemplateSpec};

pub fn couple() -> Participants {
    Participants::Couple {
        partner_a: "Alex".into(),
        partner_b: "Sam".into(),
    }
}

pub fn client() -> Participants {
    Participants::Individual {
        client: "Jo".into(),
    }
}

pub fn t(text: &str) -> Time {
    Time::parse(text).unwrap_or_else(|| panic!("bad time in test: {text}"))
}

pub fn spec(
    participants: Participants,
    days: usize,
    window: (&str, &str),
    kap: KapPlacement,
) -> TemplateSpec {
    TemplateSpec {
        id: "test".into(),
        title: "Test".into(),
        participants,
        start_date: parse_date("2026-12-04").expect("valid date"),
        days,
        day_start: t(window.0),
        day_end: t(window.1),
        time_zone: "America/Los_Angeles".into(),
        team: Default::default(),
        kap,
        settings: Settings::default(),
    }
}

pub fn plan(participants: Participants, days: usize, kap: KapPlacement) -> Plan {
    build(&spec(participants, days, ("09:00", "17:00"), kap)).expect("template fits")
}

/// One line per block: "d1 09:00-10:30 joint_session both", for readable expectations.
pub fn agenda(plan: &Plan) -> Vec<String> {
    plan.blocks()
        .map(|(day, b)| {
            format!(
                "d{} {}-{} {} {}",
                day + 1,
                b.start,
                b.end,
                b.kind.code(),
                who(b.attendees)
            )
        })
        .collect()
}

/// Who attends, readably: "both", "partner_a", "partner_b" or "client" for the clients, then
/// "+therapist" and the rest of the care team ("partner_b+co_therapist").
pub fn who(attendees: intensive_planner::core::model::Attendees) -> String {
    use intensive_planner::core::model::Member;
    let both = attendees.contains(Member::PartnerA) && attendees.contains(Member::PartnerB);
    let mut parts: Vec<&str> = Vec::new();
    if both {
        parts.push("both");
    }
    for member in attendees.members() {
        if !(both && member.is_client()) {
            parts.push(member.code());
        }
    }
    parts.join("+")
}
