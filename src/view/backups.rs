//! Backups: export every plan (or one) as a JSON file in the documented format, and import one
//! after showing what it would add or replace. Nothing changes until the user confirms.

use super::state::{use_app_state, AppState};
use crate::core::catalog::{backup_due, SNOOZE_DAYS};
use crate::core::model::{format_date, parse_date, Plan};
use crate::shell::backup::{self, Choice, Effect, RawEntry};
use crate::shell::{browser, storage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// What an export did. Only a file made without error counts as a backup (the reminder reads
/// this, never the wording).
pub enum Exported {
    /// The browser was handed the file; it lands where downloads go.
    File(String),
    /// No file was made, and why (or nothing to export).
    Nothing(String),
}

impl Exported {
    pub fn message(&self) -> String {
        match self {
            Exported::File(message) | Exported::Nothing(message) => message.clone(),
        }
    }
}

/// Downloads a backup of these plans and the raw text of entries this version cannot read.
pub fn export_plans(plans: &[Plan], unreadable: &[RawEntry], name: &str) -> Exported {
    let today = browser::today();
    let file = format!("{name}-{today}.json");
    let text = backup::export(plans, unreadable, &today);
    match browser::download(&file, "application/json", &text) {
        Ok(()) => {
            let count = |n: usize, one: &str, many: &str| {
                format!("{n} {}", if n == 1 { one } else { many })
            };
            let raw = if unreadable.is_empty() {
                String::new()
            } else {
                format!(
                    ", and {} this version cannot read, as their exact stored text",
                    count(unreadable.len(), "saved entry", "saved entries")
                )
            };
            Exported::File(format!(
                "Check your downloads for {file}: {}{raw}. Keep it somewhere safe: it holds clinical notes.",
                count(plans.len(), "plan", "plans")
            ))
        }
        Err(problem) => Exported::Nothing(format!("No backup was made: {problem}.")),
    }
}

/// Downloads a backup of every plan (and every entry this version cannot read), and notes it
/// for the backup reminder when the file was made.
pub fn export_all(state: AppState) -> Exported {
    let plans = state.plans.get_untracked();
    let unreadable: Vec<RawEntry> = state
        .unreadable
        .get_untracked()
        .into_iter()
        .filter_map(|entry| {
            Some(RawEntry {
                text: storage::raw(&entry.key)?,
                key: entry.key,
                problem: entry.problem,
            })
        })
        .collect();
    if plans.is_empty() && unreadable.is_empty() {
        return Exported::Nothing("There are no plans to export yet.".into());
    }
    let exported = export_plans(&plans, &unreadable, "intensive-plans");
    if matches!(exported, Exported::File(_)) {
        storage::mark_exported();
    }
    exported
}

/// A quiet suggestion to back up, once changes have waited a week; "Not now" puts it off a week.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = use_app_state();
    let today = parse_date(&browser::today());
    let [since, snoozed] = storage::reminder_dates();
    let due = today.is_some_and(|today| {
        backup_due(
            since.as_deref().and_then(parse_date),
            snoozed.as_deref().and_then(parse_date),
            today,
        )
    });
    let shown = RwSignal::new(due);
    let status = RwSignal::new(String::new());
    view! {
        <Show when=move || shown.get()>
            <div class="reminder" role="region" aria-label="Backup reminder">
                <p>"Some plans changed more than a week ago and are not in a backup yet. A backup file keeps them if this browser's data is ever cleared."</p>
                <div class="form-actions">
                    <button type="button" class="button small" on:click=move |_| {
                        let exported = export_all(state);
                        // The reminder goes only when a file was made.
                        if matches!(exported, Exported::File(_)) {
                            shown.set(false);
                        }
                        status.set(exported.message());
                    }>"Export all plans"</button>
                    <button type="button" class="button small quiet" on:click=move |_| {
                        if let Some(until) = today.and_then(|t| t.checked_add_days(chrono::Days::new(SNOOZE_DAYS as u64))) {
                            storage::snooze_reminder(&format_date(until));
                        }
                        shown.set(false);
                    }>"Not now"</button>
                </div>
            </div>
        </Show>
        <p role="status" class="edit-status">{move || status.get()}</p>
    }
}

/// An import waiting for the user's go-ahead.
#[derive(Clone, Debug, PartialEq)]
struct Pending {
    incoming: Vec<Plan>,
    effects: Vec<Effect>,
}

#[component]
pub fn Backups() -> impl IntoView {
    let state = use_app_state();
    let status = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<Pending>);
    // Kept apart from `pending`, so that choosing does not redraw the review.
    let choices = RwSignal::new(Vec::<Choice>::new());
    let export_everything = move |_| status.set(export_all(state).message());
    let picked = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        if let Some(input) = input {
            // Choosing the same file again must fire `change` again.
            input.set_value("");
        }
        problem.set(None);
        status.set("Reading the file…".into());
        spawn_local(async move {
            let text = match browser::read_file(file, backup::MAX_BACKUP_BYTES).await {
                Ok(text) => text,
                Err(why) => {
                    status.set(String::new());
                    problem.set(Some(format!("Nothing was imported: {why}.")));
                    return;
                }
            };
            match backup::read_backup(&text) {
                Err(why) => {
                    status.set(String::new());
                    problem.set(Some(format!(
                        "Nothing was imported: this file is not a backup this app can read ({why})."
                    )));
                }
                Ok(incoming) => {
                    let effects = state
                        .plans
                        .with_untracked(|p| backup::analyse(p, &incoming));
                    let raw = backup::raw_entries(&text).len();
                    status.set(match raw {
                        0 => String::new(),
                        1 => "This backup also carries 1 saved entry that could not be read when it was made; it is not imported (it stays in the file).".into(),
                        n => format!("This backup also carries {n} saved entries that could not be read when it was made; they are not imported (they stay in the file)."),
                    });
                    choices.set(vec![Choice::KeepBoth; incoming.len()]);
                    pending.set(Some(Pending { incoming, effects }));
                    request_animation_frame(|| super::dom::focus("#import-heading"));
                }
            }
        });
    };
    let confirm = move |_| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let existing = state.plans.get_untracked();
        let chosen = choices.get_untracked();
        let save = backup::plans_to_save(&existing, p.incoming, &chosen, || state.fresh_id());
        let count = save.len();
        for plan in save {
            state.put(plan);
        }
        pending.set(None);
        status.set(match count {
            0 => "Nothing needed importing: every plan in the file is already here.".into(),
            1 => "Imported 1 plan.".into(),
            n => format!("Imported {n} plans."),
        });
    };
    view! {
        <section class="backups" aria-labelledby="backups-heading">
            <h2 id="backups-heading">"Backups"</h2>
            <p class="hint">"Plans live only in this browser. Clearing its data, or a new device, loses them; a backup file keeps them."</p>
            <div class="form-actions">
                <button type="button" class="button" on:click=export_everything>"Export all plans"</button>
                <label class="button file-button">
                    "Import a backup"
                    <input type="file" accept=".json,application/json" class="visually-hidden" on:change=picked/>
                </label>
            </div>
            <p role="status" class="edit-status">{move || status.get()}</p>
            <div role="alert">{move || problem.get().map(|m| view! { <p class="banner banner-error">{m}</p> })}</div>
            {move || pending.get().map(|p| import_review(p, pending, choices, confirm))}
        </section>
    }
}

fn import_review(
    p: Pending,
    pending: RwSignal<Option<Pending>>,
    choices: RwSignal<Vec<Choice>>,
    confirm: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let rows = p
        .incoming
        .iter()
        .zip(&p.effects)
        .enumerate()
        .map(|(index, (plan, effect))| {
            let when = format_date(plan.start_date);
            let what = match effect {
                Effect::Add => view! { <span>"will be added"</span> }.into_any(),
                Effect::Unchanged => view! { <span>"is already here, unchanged"</span> }.into_any(),
                Effect::Conflict { existing_title } => {
                    let id = format!("import-choice-{index}");
                    view! {
                        <span>{format!("differs from “{existing_title}” here.")}</span>
                        <label for=id.clone()>" What to do: "</label>
                        <select id=id on:change=move |ev| {
                            let choice = match event_target_value(&ev).as_str() {
                                "replace" => Choice::Replace,
                                "skip" => Choice::Skip,
                                _ => Choice::KeepBoth,
                            };
                            choices.update(|c| {
                                if let Some(slot) = c.get_mut(index) {
                                    *slot = choice;
                                }
                            });
                        }>
                            <option value="both">"Keep both (import as a copy)"</option>
                            <option value="replace">"Replace the one here"</option>
                            <option value="skip">"Keep the one here, skip this"</option>
                        </select>
                    }
                    .into_any()
                }
            };
            view! { <li><strong>{plan.title.clone()}</strong>{format!(" ({when}) ")}{what}</li> }
        })
        .collect_view();
    view! {
        <div class="import-review">
            <h3 id="import-heading" tabindex="-1">"Before importing"</h3>
            <ul>{rows}</ul>
            <div class="form-actions">
                <button type="button" class="button primary" on:click=confirm>"Import"</button>
                <button type="button" class="button" on:click=move |_| pending.set(None)>"Cancel"</button>
            </div>
        </div>
    }
}
