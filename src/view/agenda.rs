use crate::core::model::{display_date, Block, BlockKind, Plan};
use leptos::prelude::*;

/// The agenda, day by day: every block with its times, kind, title and who attends.
#[component]
pub fn Agenda(plan: Plan) -> impl IntoView {
    let days = plan
        .days
        .iter()
        .enumerate()
        .map(|(index, day)| {
            let heading_id = format!("day-{}", index + 1);
            let labelled_by = heading_id.clone();
            let blocks = day
                .blocks
                .iter()
                .map(|block| view! { <BlockItem block=block.clone() plan=plan.clone()/> })
                .collect_view();
            view! {
                <section class="day" aria-labelledby=labelled_by>
                    <h2 id=heading_id>{format!("Day {} · {}", index + 1, display_date(plan.date_of(index)))}</h2>
                    <ol class="blocks">{blocks}</ol>
                </section>
            }
        })
        .collect_view();
    view! { <div class="agenda">{days}</div> }
}

/// A CSS class grouping kinds by colour: sessions, KAP, pauses.
fn tone(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Break | BlockKind::Lunch | BlockKind::Rest => "tone-pause",
        BlockKind::KapPreparation
        | BlockKind::VitalsCheck
        | BlockKind::KapDosing
        | BlockKind::KapIntegration => "tone-kap",
        _ => "tone-session",
    }
}

#[component]
fn BlockItem(block: Block, plan: Plan) -> impl IntoView {
    let who = block.attendees.describe(&plan.participants);
    let notes = (!block.notes.is_empty()).then(|| {
        view! { <p class="notes"><span class="visually-hidden">"Clinician notes: "</span>{block.notes.clone()}</p> }
    });
    view! {
        <li id=format!("block-{}", block.id) tabindex="-1" class=format!("block {}", tone(block.kind))>
            <span class="time">{format!("{}–{}", block.start, block.end)}</span>
            " "
            <span class="kind">{block.kind.label()}</span>
            " "
            <span class="title">{block.title.clone()}</span>
            " "
            <span class="who">{who}</span>
            {notes}
        </li>
    }
}
