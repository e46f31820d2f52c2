//! Plan management helpers and the built-in templates, each with what it is for.

use super::model::{fit_title, Format, KapPlacement, Plan};
use chrono::NaiveDate;

/// A built-in template: a shape for the new-plan form to start from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuiltIn {
    pub name: &'static str,
    /// What it is for, in a sentence or two.
    pub about: &'static str,
    pub format: Format,
    pub days: usize,
    pub kap: KapPlacement,
}

pub const BUILT_INS: [BuiltIn; 5] = [
    BuiltIn {
        name: "Couples, 2 days, no KAP",
        about: "A classic weekend intensive: joint history and an individual session with each partner on day 1, focused joint work on day 2, and a closing plan.",
        format: Format::Couples,
        days: 2,
        kap: KapPlacement::None,
    },
    BuiltIn {
        name: "Couples, 3 days, KAP midway",
        about: "A first day of history, individual sessions and joint work to build material, then a dosing on the morning of day 2 to help digest breakthroughs, integration that afternoon, and a full day of joint work after it.",
        format: Format::Couples,
        days: 3,
        kap: KapPlacement::Midway,
    },
    BuiltIn {
        name: "Couples, 2 days, KAP at the start",
        about: "Opens the process with KAP: preparation, vitals and dosing on day 1 with integration that afternoon; history, individual sessions and joint work on day 2.",
        format: Format::Couples,
        days: 2,
        kap: KapPlacement::AtStart,
    },
    BuiltIn {
        name: "Individual, 1 day, KAP at the start",
        about: "A single KAP day for one client: preparation, dosing, rest, and a combined integration and closing session.",
        format: Format::Individual,
        days: 1,
        kap: KapPlacement::AtStart,
    },
    BuiltIn {
        name: "Individual, 2 days, KAP midway",
        about: "A day of individual work to build material and safety, then a dosing on the morning of day 2 with integration and closing in the afternoon.",
        format: Format::Individual,
        days: 2,
        kap: KapPlacement::Midway,
    },
];

/// A copy of a plan under a new id, titled as a copy. Block ids stay (they are per plan).
pub fn duplicate(plan: &Plan, new_id: &str) -> Plan {
    Plan {
        id: new_id.to_string(),
        title: fit_title(format!("Copy of {}", plan.title)),
        ..plan.clone()
    }
}

/// The plan list split into upcoming (or running) and past intensives, each in list order.
/// An intensive is past once its last day is before `today`.
pub fn upcoming_and_past(plans: &[Plan], today: NaiveDate) -> (Vec<&Plan>, Vec<&Plan>) {
    plans.iter().partition(|plan| plan.last_date() >= today)
}

/// Days that changes may stay out of a backup before the app suggests one.
pub const REMIND_AFTER_DAYS: i64 = 7;
/// Days that "Not now" puts the suggestion off.
pub const SNOOZE_DAYS: i64 = 7;

/// Whether to suggest a backup: some change has waited `REMIND_AFTER_DAYS` or more for one, and
/// the user has not put the suggestion off past today.
pub fn backup_due(
    unexported_since: Option<NaiveDate>,
    snoozed_until: Option<NaiveDate>,
    today: NaiveDate,
) -> bool {
    let waited =
        unexported_since.is_some_and(|since| (today - since).num_days() >= REMIND_AFTER_DAYS);
    let snoozed = snoozed_until.is_some_and(|until| until > today);
    waited && !snoozed
}
