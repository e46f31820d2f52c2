use super::editor::use_editing;
use crate::core::model::BlockId;
use crate::core::rules::{Finding, Rule, Severity};
use leptos::prelude::*;

/// Every finding at once, errors first, updated as the plan changes. Each names its blocks and
/// can take the focus there.
#[component]
pub fn FindingsPanel() -> impl IntoView {
    let editing = use_editing();
    let findings = editing.findings;
    let summary = move || {
        findings.with(|findings| {
            let count =
                |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
            let (errors, warnings, infos) = (
                count(Severity::Error),
                count(Severity::Warning),
                count(Severity::Info),
            );
            if findings.is_empty() {
                "No findings: this plan passes every check.".to_string()
            } else {
                format!(
                    "{errors} {}, {warnings} {}, {infos} for information.",
                    if errors == 1 { "error" } else { "errors" },
                    if warnings == 1 { "warning" } else { "warnings" }
                )
            }
        })
    };
    // Each finding is identified by what it is about (its rule and its blocks, and which of the
    // same), not by its whole text, and gets a number the first time it appears, kept while it
    // stays: the list is keyed by that number, so a finding whose message changes is redrawn in
    // place and the keyed list compares integers, not cloned keys.
    let ids = StoredValue::new(Vec::<(FindingKey, u32)>::new());
    let next = StoredValue::new(0u32);
    let rows = Memo::new(move |_| {
        findings.with(|findings| {
            let mut keys: Vec<FindingKey> = Vec::with_capacity(findings.len());
            for f in findings {
                let nth = keys
                    .iter()
                    .filter(|k| k.rule == f.rule && k.blocks == f.blocks)
                    .count();
                keys.push(FindingKey {
                    rule: f.rule,
                    blocks: f.blocks.clone(),
                    nth,
                });
            }
            let rows: Vec<(FindingKey, u32)> = keys
                .into_iter()
                .map(|key| {
                    let id = ids.with_value(|known| {
                        known.iter().find(|(k, _)| *k == key).map(|(_, id)| *id)
                    });
                    let id = id.unwrap_or_else(|| {
                        let id = next.get_value();
                        next.set_value(id.wrapping_add(1));
                        id
                    });
                    (key, id)
                })
                .collect();
            ids.set_value(rows.clone());
            rows
        })
    });
    view! {
        <aside class="findings" aria-labelledby="findings-heading">
            <h2 id="findings-heading" tabindex="-1">"Findings"</h2>
            <p class="findings-summary">{summary}</p>
            <ul class="finding-list">
                <For each=move || rows.get() key=|(_, id)| *id let:row>
                    {finding_item(row.0)}
                </For>
            </ul>
        </aside>
    }
}

/// A finding's identity in the list: its rule, its blocks, and which of the findings with both.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct FindingKey {
    rule: Rule,
    blocks: Vec<BlockId>,
    nth: usize,
}

/// The finding with this key, drawn again (whole) only when it changes.
fn finding_item(key: FindingKey) -> impl IntoView {
    let editing = use_editing();
    let finding = Memo::new(move |_| {
        editing.findings.with(|findings| {
            findings
                .iter()
                .filter(|f| f.rule == key.rule && f.blocks == key.blocks)
                .nth(key.nth)
                .cloned()
        })
    });
    move || finding.get().map(finding_view)
}

fn finding_view(finding: Finding) -> impl IntoView {
    let editing = use_editing();
    let class = match finding.severity {
        Severity::Error => "finding sev-error",
        Severity::Warning => "finding sev-warning",
        Severity::Info => "finding sev-info",
    };
    let links = untrack(|| {
        editing.with_plan(|plan| {
            finding
                .blocks
                .iter()
                .filter_map(|id| plan.find_block(*id))
                .map(|(day, block)| {
                    (
                        block.id,
                        format!("Show “{}” (day {})", block.title, day + 1),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let links = links
        .into_iter()
        .map(|(id, label)| {
            view! {
                <button type="button" class="link-button" on:click=move |_| { editing.focus_block(id); }>{label}</button>
            }
        })
        .collect_view();
    view! {
        <li class=class data-code=finding.rule.code()>
            <span class="severity">{finding.severity.label()}</span>
            <p class="message">{finding.message}</p>
            <div class="finding-links">{links}</div>
        </li>
    }
}
