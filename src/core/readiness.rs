//! Ready to dose: for each dosing, what must be in place before it goes ahead, and what is still
//! missing. A dosing is **ready** when nothing is missing. The therapist sees it on the dosing
//! block, in the findings (a dosing that is not ready is an error) and on the plan list; the
//! couple's outputs never show it (`core::preview` has no field for it).
//!
//! What is checked today, from the records the plan keeps:
//! - who doses is chosen (couples);
//! - screening is complete for each person who doses, and every "yes" is marked as discussed
//!   with the prescriber;
//! - the prescriber's clearance of each person who doses is recorded, dated on or before the
//!   dosing day and no more than `Settings::clearance_valid_days` (default 30) before it;
//! - for couples, the private screen for intimate-partner violence or coercion, asked of each
//!   partner alone, is answered, and a "yes" is discussed (its finding names nobody);
//! - no pre-dose reading recorded on the day is over the plan's limits;
//! - signed consent from each person (both partners of a couple) dated on or before the dosing
//!   day, and for couples the agreement on touch;
//! - when both partners dose, the sober monitors the plan asks for;
//! - a ride home with a sober adult for each person who doses;
//! - an emergency plan: the prescriber's on-call number, the nearest emergency department and
//!   its address, and an emergency contact for each person who doses.

use super::model::{
    same_name, Answer, BlockId, BlockKind, Contraindication, Doses, EmergencyPart, Participants,
    Person, Plan,
};
use chrono::NaiveDate;

/// One thing a dosing still needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    /// A couples plan where who doses is not chosen.
    WhoDoses,
    /// Unanswered screening questions for this person.
    Screening { person: Person, unanswered: usize },
    /// "Yes" answers to discuss with the prescriber.
    ScreeningYes { person: Person, answers: usize },
    /// No prescriber clearance recorded for this person.
    Clearance { person: Person },
    /// Their clearance is dated after the dosing day.
    ClearanceAfterDose { person: Person, cleared: NaiveDate },
    /// Their clearance is older than the plan's `clearance_valid_days` on the dosing day.
    ClearanceTooOld {
        person: Person,
        cleared: NaiveDate,
        days: u16,
    },
    /// A couple's private screen (asked of each partner alone) is unanswered, or has a "yes"
    /// not yet discussed. It names nobody, so that nothing of one partner's answer shows
    /// beside their name on a screen the couple might see.
    PrivateScreen,
    /// The pre-dose reading of this person is over the plan's limits.
    ReadingOverLimit { person: Person },
    /// Fewer sober monitors than the plan asks for when both dose.
    Monitors { recorded: u8, needed: u8 },
    /// No ride home with a sober adult for this person.
    Ride { person: Person },
    /// The emergency plan lacks these parts.
    EmergencyPlan { parts: Vec<EmergencyPart> },
    /// No signed consent recorded for this person on or before the dosing day.
    Consent { person: Person },
    /// A couple's agreement on supportive touch is not recorded.
    TouchAgreement,
}

impl Missing {
    /// In plain words, naming the people.
    #[inline(never)]
    pub fn describe(&self, participants: &Participants) -> String {
        let name = |p: &Person| p.name(participants);
        match self {
            Missing::WhoDoses => "who doses is not chosen".to_string(),
            Missing::Screening { person, unanswered } => format!(
                "screening for {} has {unanswered} unanswered question{}",
                name(person),
                plural(*unanswered)
            ),
            Missing::ScreeningYes { person, answers } => format!(
                "screening for {} has {answers} \"yes\" answer{} to discuss with the prescriber",
                name(person),
                plural(*answers)
            ),
            Missing::Clearance { person } => {
                format!("no prescriber clearance for {} is recorded", name(person))
            }
            Missing::ClearanceAfterDose { person, cleared } => format!(
                "the clearance for {} is dated {cleared}, after the dosing",
                name(person)
            ),
            Missing::ClearanceTooOld {
                person,
                cleared,
                days,
            } => format!(
                "the clearance for {} of {cleared} is more than {days} days old by the dosing",
                name(person)
            ),
            Missing::PrivateScreen => {
                "the private screen, asked of each partner alone, is not complete".to_string()
            }
            Missing::ReadingOverLimit { person } => format!(
                "the pre-dose reading of {} is over the limit: the prescriber decides",
                name(person)
            ),
            Missing::Monitors { recorded, needed } => format!(
                "{recorded} of {needed} sober monitor{} recorded",
                plural(usize::from(*needed))
            ),
            Missing::Ride { person } => {
                format!("no ride home with a sober adult for {}", name(person))
            }
            Missing::Consent { person } => {
                format!("no signed consent from {} by the dosing", name(person))
            }
            Missing::TouchAgreement => "no agreement on touch is recorded".to_string(),
            Missing::EmergencyPlan { parts } => {
                let parts: Vec<String> = parts.iter().map(|p| p.describe(participants)).collect();
                format!("the emergency plan lacks {}", and_list(&parts))
            }
        }
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A dosing and what it still needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Readiness {
    pub dosing: BlockId,
    /// 0-based day.
    pub day: usize,
    pub missing: Vec<Missing>,
}

impl Readiness {
    pub fn ready(&self) -> bool {
        self.missing.is_empty()
    }

    /// "Ready", or "Not ready: a; b; c".
    pub fn summary(&self, participants: &Participants) -> String {
        if self.ready() {
            return "Ready".to_string();
        }
        let missing: Vec<String> = self
            .missing
            .iter()
            .map(|m| m.describe(participants))
            .collect();
        format!("Not ready: {}", missing.join("; "))
    }
}

/// Every dosing of the plan, in agenda order, with what it still needs. (Kept out of line: the
/// checker, the agenda and the plan list all call it, and one copy is smaller.)
#[inline(never)]
pub fn readiness(plan: &Plan) -> Vec<Readiness> {
    plan.blocks()
        .filter(|(_, b)| b.kind == BlockKind::KapDosing)
        .map(|(day, dosing)| Readiness {
            dosing: dosing.id,
            day,
            missing: missing(plan, day),
        })
        .collect()
}

/// The readiness of one dosing block, if it is one.
pub fn of_dosing(plan: &Plan, id: BlockId) -> Option<Readiness> {
    readiness(plan).into_iter().find(|r| r.dosing == id)
}

/// "2 dosings, 1 not ready", "1 dosing, ready", or `None` without a dosing: for the plan list.
pub fn list_line(plan: &Plan) -> Option<String> {
    let all = readiness(plan);
    let not_ready = all.iter().filter(|r| !r.ready()).count();
    match (all.len(), not_ready) {
        (0, _) => None,
        (1, 0) => Some("1 dosing, ready".to_string()),
        (1, _) => Some("1 dosing, not ready".to_string()),
        (n, 0) => Some(format!("{n} dosings, all ready")),
        (n, k) => Some(format!("{n} dosings, {k} not ready")),
    }
}

fn missing(plan: &Plan, day: usize) -> Vec<Missing> {
    let kap = &plan.kap;
    let people = &plan.participants;
    let mut missing = Vec::new();
    if matches!(people, Participants::Couple { .. }) && kap.doses == Doses::NotChosen {
        missing.push(Missing::WhoDoses);
    }
    let dosers = kap.dosers(people);
    for person in &dosers {
        let screening = kap.screening(*person);
        let count = |answer: Answer| {
            Contraindication::ALL
                .iter()
                .filter(|c| screening.answer(**c) == answer)
                .count()
        };
        let unanswered = count(Answer::Unknown);
        if unanswered > 0 {
            missing.push(Missing::Screening {
                person: *person,
                unanswered,
            });
        }
        let answers = count(Answer::Yes);
        if answers > 0 {
            missing.push(Missing::ScreeningYes {
                person: *person,
                answers,
            });
        }
    }
    let dosing_date = plan.date_of(day);
    let valid_days = plan.settings.clearance_valid_days;
    for person in &dosers {
        let person = *person;
        match kap.clearance(person) {
            None => missing.push(Missing::Clearance { person }),
            Some(c) if c.date > dosing_date => missing.push(Missing::ClearanceAfterDose {
                person,
                cleared: c.date,
            }),
            Some(c) if (dosing_date - c.date).num_days() > i64::from(valid_days) => {
                missing.push(Missing::ClearanceTooOld {
                    person,
                    cleared: c.date,
                    days: valid_days,
                })
            }
            Some(_) => {}
        }
        if kap
            .reading(day, person)
            .is_some_and(|r| r.over_limit(&plan.settings))
        {
            missing.push(Missing::ReadingOverLimit { person });
        }
    }
    if matches!(people, Participants::Couple { .. })
        && [Person::PartnerA, Person::PartnerB]
            .into_iter()
            .any(|p| matches!(kap.private_answer(p), Answer::Unknown | Answer::Yes))
    {
        missing.push(Missing::PrivateScreen);
    }
    // Consent: each person who doses, and for couples both partners, and the touch agreement.
    let consenting: &[Person] = match people {
        Participants::Couple { .. } => &[Person::PartnerA, Person::PartnerB],
        Participants::Individual { .. } => &[Person::Client],
    };
    for person in consenting {
        if kap.consent.date(*person).is_none_or(|d| d > dosing_date) {
            missing.push(Missing::Consent { person: *person });
        }
    }
    if matches!(people, Participants::Couple { .. }) && !kap.consent.touch_agreed {
        missing.push(Missing::TouchAgreement);
    }
    if kap.both_dose(people) && kap.sober_monitors < plan.settings.monitors_when_both_dose {
        missing.push(Missing::Monitors {
            recorded: kap.sober_monitors,
            needed: plan.settings.monitors_when_both_dose,
        });
    }
    let doser_names: Vec<String> = dosers.iter().map(|p| p.name(people)).collect();
    for person in &dosers {
        let sober_ride = kap.rides.iter().any(|r| {
            r.day == day
                && r.person == *person
                && !r.driver.trim().is_empty()
                && !doser_names.iter().any(|n| same_name(n, &r.driver))
        });
        if !sober_ride {
            missing.push(Missing::Ride { person: *person });
        }
    }
    let parts = kap.emergency.missing(&dosers);
    if !parts.is_empty() {
        missing.push(Missing::EmergencyPlan { parts });
    }
    missing
}
