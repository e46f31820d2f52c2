//! The rule checker: every safety and logistics finding for a plan, at once. It warns; it never
//! blocks. `docs/rules.md` lists every code.

use super::model::{moment, Block, BlockId, BlockKind, Plan};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
            Severity::Info => "Info",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// Stable, snake_case; documented in docs/rules.md.
    pub code: &'static str,
    /// Plain language, naming the fact behind the rule.
    pub message: String,
    /// The blocks concerned.
    pub blocks: Vec<BlockId>,
}

/// The longest gap allowed between a vitals check and the dosing it belongs to.
pub const VITALS_GAP_MINUTES: u16 = 15;

/// All findings for the plan: errors first, then warnings, then information; within a severity
/// in the order of the agenda.
pub fn check(plan: &Plan) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (index, day) in plan.days.iter().enumerate() {
        check_day(plan, index, &day.blocks, &mut findings);
    }
    for (index, dosing) in plan
        .blocks()
        .filter(|(_, b)| b.kind == BlockKind::KapDosing)
    {
        check_dosing(plan, index, dosing, &mut findings);
    }
    // Errors first, keeping the agenda order within each severity.
    [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .flat_map(|severity| {
            findings
                .iter()
                .filter(move |f| f.severity == severity)
                .cloned()
        })
        .collect()
}

fn check_day(plan: &Plan, index: usize, blocks: &[Block], findings: &mut Vec<Finding>) {
    let day = index + 1;
    for block in blocks {
        if block.start >= block.end {
            findings.push(Finding {
                severity: Severity::Error,
                code: "block_times",
                message: format!(
                    "\"{}\" on day {day} ends at {}, which is not after its start at {}.",
                    block.title, block.end, block.start
                ),
                blocks: vec![block.id],
            });
        } else if block.start < plan.day_start || block.end > plan.day_end {
            findings.push(Finding {
                severity: Severity::Warning,
                code: "outside_window",
                message: format!(
                    "\"{}\" on day {day} ({}–{}) runs outside the day's hours, {}–{}.",
                    block.title, block.start, block.end, plan.day_start, plan.day_end
                ),
                blocks: vec![block.id],
            });
        }
    }
    let mut sorted: Vec<&Block> = blocks.iter().filter(|b| b.start < b.end).collect();
    sorted.sort_unstable_by_key(|b| (b.start, b.end, b.id));
    for (i, first) in sorted.iter().enumerate() {
        for second in sorted[i + 1..].iter().take_while(|b| b.start < first.end) {
            findings.push(Finding {
                severity: Severity::Error,
                code: "overlap",
                message: format!(
                    "On day {day}, \"{}\" ({}–{}) and \"{}\" ({}–{}) overlap: nobody can be in two sessions at once.",
                    first.title, first.start, first.end, second.title, second.start, second.end
                ),
                blocks: vec![first.id, second.id],
            });
        }
    }
}

fn check_dosing(plan: &Plan, index: usize, dosing: &Block, findings: &mut Vec<Finding>) {
    let day = index + 1;
    let start = moment(index, dosing.start);
    let end = moment(index, dosing.end);
    let at = format!("The dosing on day {day} at {}", dosing.start);

    let prepared = plan
        .blocks()
        .any(|(i, b)| b.kind == BlockKind::KapPreparation && moment(i, b.end) <= start);
    if !prepared {
        findings.push(Finding {
            severity: Severity::Error,
            code: "dosing_without_preparation",
            message: format!(
                "{at} has no preparation session before it. Intentions, fears and set and setting are explored before any medicine."
            ),
            blocks: vec![dosing.id],
        });
    }

    let same_day = &plan.days[index].blocks;
    let before = same_day
        .iter()
        .filter(|b| b.id != dosing.id && b.end <= dosing.start)
        .max_by_key(|b| (b.end, b.start));
    let vitals_before = before.is_some_and(|b| {
        b.kind == BlockKind::VitalsCheck
            && dosing.start.minutes() - b.end.minutes() <= VITALS_GAP_MINUTES
    });
    if !vitals_before {
        findings.push(Finding {
            severity: Severity::Error,
            code: "no_vitals_before_dosing",
            message: format!(
                "{at} needs a vitals check (blood pressure and pulse) right before the dose, ending no more than {VITALS_GAP_MINUTES} minutes before it."
            ),
            blocks: vec![dosing.id],
        });
    }
    let after = same_day
        .iter()
        .filter(|b| b.id != dosing.id && b.start >= dosing.end)
        .min_by_key(|b| (b.start, b.end));
    let vitals_after = after.is_some_and(|b| {
        b.kind == BlockKind::VitalsCheck
            && b.start.minutes() - dosing.end.minutes() <= VITALS_GAP_MINUTES
    });
    if !vitals_after {
        findings.push(Finding {
            severity: Severity::Error,
            code: "no_vitals_after_dosing",
            message: format!(
                "{at} needs a vitals check right after it, before discharge, starting no more than {VITALS_GAP_MINUTES} minutes after it ends."
            ),
            blocks: vec![dosing.id],
        });
    }

    if dosing.start < dosing.end && dosing.minutes() < plan.settings.dosing_minutes {
        findings.push(Finding {
            severity: Severity::Warning,
            code: "dosing_too_short",
            message: format!(
                "{at} lasts {} minutes; this plan's dosing sessions last {} minutes, because the effects take that long to fade.",
                dosing.minutes(),
                plan.settings.dosing_minutes
            ),
            blocks: vec![dosing.id],
        });
    }

    let window = u32::from(plan.settings.integration_window_hours) * 60;
    let integrated = plan.blocks().any(|(i, b)| {
        let at = moment(i, b.start);
        b.kind == BlockKind::KapIntegration && at >= end && at <= end + window
    });
    if !integrated {
        findings.push(Finding {
            severity: Severity::Error,
            code: "no_integration_in_window",
            message: format!(
                "{at} has no integration session within {} hours after it. The mind stays especially open for a few days after a dose; integration turns what arose into change.",
                plan.settings.integration_window_hours
            ),
            blocks: vec![dosing.id],
        });
    }

    if index + 1 == plan.days.len() && after.is_none() {
        findings.push(Finding {
            severity: Severity::Error,
            code: "dosing_last_day_nothing_after",
            message: format!(
                "{at} is on the last day with nothing after it: there is no time left for recovery, discharge or integration."
            ),
            blocks: vec![dosing.id],
        });
    }
}
