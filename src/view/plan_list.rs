use super::backups::BackupReminder;
use super::parts::{later, use_parts};
use super::route::{go, Route};
use super::state::use_app_state;
use crate::core::catalog::{duplicate, upcoming_and_past};
use crate::core::model::{display_date, parse_date, Plan};
use crate::shell::{browser, share};
use leptos::prelude::*;

/// Every plan, by start date, with past intensives in a section of their own.
#[component]
pub fn PlanList() -> impl IntoView {
    let state = use_app_state();
    let today = parse_date(&browser::today());
    let lists = move || {
        state.plans.with(|plans| match today {
            Some(today) => {
                let (upcoming, past) = upcoming_and_past(plans, today);
                (
                    upcoming.into_iter().cloned().collect::<Vec<_>>(),
                    past.into_iter().cloned().collect::<Vec<_>>(),
                )
            }
            None => (plans.clone(), Vec::new()),
        })
    };
    view! {
        <section class="page" aria-labelledby="plans-heading">
            <div class="page-head">
                <h1 id="plans-heading" tabindex="-1">"Plans"</h1>
                <button type="button" class="button primary" on:click=move |_| go(&Route::New)>
                    "New plan"
                </button>
            </div>
            <BackupReminder/>
            // Until the browser answers, the careful claim: it may clear the plans. (Drawn from
            // the start, so that the answer does not push the page down as it appears.)
            <p class="storage-status" id="storage-status">{move || if state.persisted.get() == Some(true) {
                "Protected from automatic clearing: this browser keeps these plans until you delete them or clear the site's data."
            } else {
                "Stored on this device; the browser may clear it when space runs low or the site goes unused (Safari after 7 days without a visit). Keep a backup."
            }}</p>
            {move || {
                let (upcoming, past) = lists();
                if upcoming.is_empty() && past.is_empty() {
                    return view! {
                        <p class="empty">"No plans yet. Start one with "<strong>"New plan"</strong>"."</p>
                    }
                    .into_any();
                }
                let past = (!past.is_empty()).then(|| view! {
                    <h2 class="list-heading">"Past intensives"</h2>
                    <ul class="plan-list past">{past.into_iter().map(plan_item).collect_view()}</ul>
                });
                let upcoming = if upcoming.is_empty() {
                    view! { <p class="empty">"No upcoming intensives."</p> }.into_any()
                } else {
                    view! { <ul class="plan-list">{upcoming.into_iter().map(plan_item).collect_view()}</ul> }.into_any()
                };
                view! {
                    <h2 class="list-heading">"Upcoming and running"</h2>
                    {upcoming}
                    {past}
                }
                .into_any()
            }}
            <OpenLink/>
            {later((use_parts().backups)())}
        </section>
    }
}

/// "Open a share link": an installed app has no address bar, so a couple who installed it
/// pastes the link here; it opens on the share page, inside the app.
#[component]
fn OpenLink() -> impl IntoView {
    let link = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match link.with_untracked(|l| share::fragment_of(l).map(str::to_string)) {
            Ok(fragment) => browser::go_to(&format!("{}{fragment}", browser::share_page_address())),
            Err(why) => problem.set(Some(why.to_string())),
        }
    };
    view! {
        <details class="panel open-link">
            <summary>"Open a share link"</summary>
            <form novalidate on:submit=open>
                <div class="field">
                    <label for="open-link">"The link you were sent"</label>
                    <input id="open-link" type="url" autocomplete="off" aria-describedby="open-link-problem"
                        prop:value=move || link.get() on:input=move |ev| { link.set(event_target_value(&ev)); problem.set(None); }/>
                </div>
                <p id="open-link-problem" class="field-error" role="alert">{move || problem.get()}</p>
                <button type="submit" class="button">"Open"</button>
            </form>
        </details>
    }
}

fn plan_item(plan: Plan) -> impl IntoView {
    let state = use_app_state();
    let days = plan.days.len();
    let when = format!(
        "{} · {days} {} · {}",
        display_date(plan.start_date),
        if days == 1 { "day" } else { "days" },
        crate::core::readiness::list_line(&plan).unwrap_or_else(|| "no KAP".to_string())
    );
    let title = plan.title.clone();
    view! {
        <li class="plan-item">
            <a href=Route::Plan(plan.id.clone()).href()>{plan.title.clone()}</a>
            <span class="meta">{when}</span>
            <button type="button" class="button small" on:click=move |_| {
                let copy = duplicate(&plan, &state.fresh_id());
                let id = copy.id.clone();
                state.add(copy);
                go(&Route::Plan(id));
            }>
                "Duplicate"<span class="visually-hidden">{format!(" “{title}”")}</span>
            </button>
        </li>
    }
}
