use super::dom;
use crate::core::model::Plan;
use crate::core::rules::{Finding, Severity};
use leptos::prelude::*;

/// Every finding at once, errors first. Each names its blocks and can take the focus there.
#[component]
pub fn FindingsPanel(findings: Vec<Finding>, plan: Plan) -> impl IntoView {
    let count = |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let summary = if findings.is_empty() {
        "No findings: this plan passes every check.".to_string()
    } else {
        format!(
            "{errors} {}, {warnings} {}, {infos} for information.",
            if errors == 1 { "error" } else { "errors" },
            if warnings == 1 { "warning" } else { "warnings" }
        )
    };
    let items = findings
        .into_iter()
        .map(|finding| {
            let class = match finding.severity {
                Severity::Error => "finding sev-error",
                Severity::Warning => "finding sev-warning",
                Severity::Info => "finding sev-info",
            };
            let links = finding
                .blocks
                .iter()
                .filter_map(|id| plan.blocks().find(|(_, b)| b.id == *id))
                .map(|(day, block)| {
                    let id = block.id;
                    let label = format!("Show “{}” (day {})", block.title, day + 1);
                    view! {
                        <button type="button" class="link-button" on:click=move |_| dom::focus(&format!("#block-{id}"))>{label}</button>
                    }
                })
                .collect_view();
            view! {
                <li class=class data-code=finding.code>
                    <span class="severity">{finding.severity.label()}</span>
                    <p class="message">{finding.message}</p>
                    <div class="finding-links">{links}</div>
                </li>
            }
        })
        .collect_view();
    view! {
        <aside class="findings" aria-labelledby="findings-heading">
            <h2 id="findings-heading">"Findings"</h2>
            <p class="findings-summary">{summary}</p>
            <ul class="finding-list">{items}</ul>
        </aside>
    }
}
