//! The plan's own settings: its title, its dates and days, and where the KAP session sits.

use super::editor::use_editing;
use super::field::{input, Draft, Kind};
use crate::core::edit::{Edit, KapTarget};
use crate::core::kap::midway_day;
use crate::core::limits::{NAME_CHARS, TITLE_CHARS};
use crate::core::model::{display_date, format_date, parse_date, BlockKind, Team, Time};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

#[component]
pub fn PlanDetails() -> impl IntoView {
    let editing = use_editing();
    let title = Draft::new(move || editing.with_plan(|p| p.title.clone()));
    let start = Draft::new(move || editing.with_plan(|p| format_date(p.start_date)));
    let rename = move |ev: SubmitEvent| {
        ev.prevent_default();
        let name = title.get_untracked();
        if editing.commit(
            Edit::Rename(name.clone()),
            format!("Renamed to “{}”.", name.trim()),
        ) {
            title.settle();
        }
    };
    let shift = move |ev: SubmitEvent| {
        ev.prevent_default();
        match parse_date(&start.get_untracked()) {
            Some(date) => {
                if editing.commit(
                    Edit::ShiftStart { date },
                    format!("The intensive now starts on {}.", display_date(date)),
                ) {
                    start.settle();
                }
            }
            None => editing.refused.set(Some(
                "Enter the new start date as a date, such as 2026-12-04.".into(),
            )),
        }
    };
    view! {
        <details class="panel">
            <summary>"Title, dates and days"</summary>
            <form class="inline-form" novalidate on:submit=rename>
                {input("plan-title", "Plan title", Kind::Text(TITLE_CHARS), title)}
                <button type="submit" class="button">"Rename"</button>
            </form>
            <form class="inline-form" novalidate on:submit=shift>
                {input("plan-start", "First day", Kind::Date, start)}
                <button type="submit" class="button">"Move the intensive"</button>
            </form>
            <p class="hint">"Moving keeps every day's agenda; only the dates change."</p>
            <p>
                <button type="button" class="button" on:click=move |_| {
                    let days = editing.with_plan(|p| p.days.len());
                    editing.commit(Edit::AddDay, format!("Day {} added at the end.", days + 1));
                }>"Add a day at the end"</button>
            </p>
        </details>
        <TeamForm/>
        <KapPlacementForm/>
    }
}

/// Names the care team: the therapist, and a co-therapist or sober monitor when there is one.
/// Each named member gets a lane in the grid and a box in the block form.
#[component]
fn TeamForm() -> impl IntoView {
    let editing = use_editing();
    let therapist = Draft::new(move || editing.with_plan(|p| p.team.therapist.clone()));
    let co_therapist = Draft::new(move || editing.with_plan(|p| p.team.co_therapist.clone()));
    let sober_monitor = Draft::new(move || editing.with_plan(|p| p.team.sober_monitor.clone()));
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let team = Team {
            therapist: therapist.get_untracked(),
            co_therapist: co_therapist.get_untracked(),
            sober_monitor: sober_monitor.get_untracked(),
        };
        if editing.commit(Edit::SetTeam(team), "The care team is saved.") {
            for draft in [therapist, co_therapist, sober_monitor] {
                draft.settle();
            }
        }
    };
    view! {
        <details class="panel">
            <summary>"Care team"</summary>
            <form class="team-form" novalidate on:submit=save>
                <div class="field-row">
                    {input("team-therapist", "Therapist", Kind::Text(NAME_CHARS), therapist)}
                    {input("team-co-therapist", "Co-therapist", Kind::Text(NAME_CHARS), co_therapist)}
                    {input("team-sober-monitor", "Sober monitor", Kind::Text(NAME_CHARS), sober_monitor)}
                </div>
                <p class="hint">"Leave a name blank when there is nobody in that role. Only you see these names; they are not shared with the couple."</p>
                <button type="submit" class="button">"Save the team"</button>
            </form>
        </details>
    }
}

/// Re-places the whole KAP bundle: none, at the start, midway, or a chosen day and time.
#[component]
fn KapPlacementForm() -> impl IntoView {
    let editing = use_editing();
    let dosing = move || {
        editing.with_plan(|plan| {
            plan.blocks()
                .find(|(_, b)| b.kind == BlockKind::KapDosing)
                .map(|(day, b)| (day, b.start))
        })
    };
    let current = move || match dosing() {
        None => "There is no KAP session in this plan.".to_string(),
        Some((day, at)) => format!("The dosing is on day {} at {at}.", day + 1),
    };
    let (initial_day, initial_time) = untrack(|| {
        let days = editing.with_plan(|p| p.days.len());
        dosing().map_or((midway_day(days), "10:15".to_string()), |(d, t)| {
            (d, t.to_string())
        })
    });
    let choice = RwSignal::new("midway");
    let day = RwSignal::new(initial_day);
    let time = Draft::new(move || initial_time.clone());
    let days = move || editing.with_plan(|p| p.days.len());
    let place = move |ev: SubmitEvent| {
        ev.prevent_default();
        let target = match choice.get_untracked() {
            "start" => KapTarget::AtStart,
            "midway" => KapTarget::Midway,
            "at" => match Time::parse(&time.get_untracked()) {
                Some(dose_at) => KapTarget::At {
                    day: day.get_untracked(),
                    dose_at,
                },
                None => {
                    editing.refused.set(Some(
                        "Enter the dosing time as a time, such as 10:15.".into(),
                    ));
                    return;
                }
            },
            _ => KapTarget::None,
        };
        // Say which sessions the re-planning moved or removed (the edit itself recomputes the
        // same placement; a refusal is reported by `commit`).
        let done = editing
            .plan
            .with_untracked(|p| p.as_ref().map(|p| crate::core::kap::place(p, target)));
        let done = match (target, done) {
            (KapTarget::None, _) => "KAP removed from the plan.".to_string(),
            (_, Some(Ok(placed))) => placed.summary("KAP placed."),
            _ => String::new(),
        };
        editing.commit(Edit::PlaceKap(target), done);
    };
    let options = [
        ("none", "No KAP"),
        ("start", "At the start"),
        ("midway", "Midway"),
        ("at", "On a chosen day and time"),
    ];
    view! {
        <details class="panel">
            <summary>"KAP placement"</summary>
            <p>{current}</p>
            <form novalidate on:submit=place>
                <div class="field">
                    <label for="kap-place">"Place KAP"</label>
                    <select id="kap-place" prop:value=move || choice.get()
                        on:change=move |ev| {
                            let picked = event_target_value(&ev);
                            choice.set(options.iter().find(|(code, _)| *code == picked).map_or("none", |(code, _)| *code));
                        }>
                        {options.map(|(code, label)| view! { <option value=code>{label}</option> }).collect_view()}
                    </select>
                </div>
                <Show when=move || choice.get() == "at">
                    <div class="field-row">
                        <div class="field">
                            <label for="kap-day">"Dosing day"</label>
                            <select id="kap-day" prop:value=move || day.get().to_string()
                                on:change=move |ev| if let Ok(d) = event_target_value(&ev).parse() { day.set(d) }>
                                {move || (0..days()).map(|d| view! { <option value=d.to_string()>{format!("Day {}", d + 1)}</option> }).collect_view()}
                            </select>
                        </div>
                        {input("kap-time", "Dosing starts", Kind::Time, time)}
                    </div>
                </Show>
                <p class="hint">"Preparation, vitals, the dose and rest move together, with a meal after them; integration opens the next day. Sessions on the dosing day move to free time on another day, or are removed; the message lists each one, and Undo restores all of it."</p>
                <button type="submit" class="button">"Place KAP"</button>
            </form>
        </details>
    }
}
