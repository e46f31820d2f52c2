use super::backups::export_all;
use super::dom;
use super::parts::{later, Part, Parts};
use super::plan_list::PlanList;
use super::plan_page::PlanPage;
use super::route::go;
use super::route::{self, Route};
use super::state::{use_app_state, AppState};
use crate::shell::format::{decode_plan, plan_key, PLAN_KEY_PREFIX};
use crate::shell::{browser, storage};
use leptos::prelude::*;

#[component]
pub fn App(
    /// How the parts that may load on demand are drawn (`src/main.rs`).
    parts: Parts,
) -> impl IntoView {
    let first = route::current();
    let state = AppState::load(first.plan_id());
    state.check_persistence();
    provide_context(state);
    provide_context(parts);
    let route = RwSignal::new(arrive(state, first));
    // The app lives as long as the page, so these listeners are never removed.
    let _routes = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(arrive(state, route::current()));
    });
    // Another tab saved or deleted a plan: read storage again, so this tab shows the change and
    // never brings a deleted plan back.
    let _other_tabs = window_event_listener(leptos::ev::storage, move |event| {
        if event
            .key()
            .is_none_or(|key| key.starts_with(PLAN_KEY_PREFIX))
        {
            state.reload();
        }
    });
    // Writes wait for the next painted frame (see `AppState::put`); a hidden page paints no
    // frames, so write at once when the page is hidden or left.
    let _hidden = window_event_listener(leptos::ev::visibilitychange, move |_| state.flush());
    let _left = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
    // A save that failed is tried again when the page gets the focus back.
    let _focus = window_event_listener(leptos::ev::focus, move |_| state.flush());
    // After navigating, move the focus to the new page's heading so that keyboard and
    // screen-reader users start at the top of what changed. A page still loading (a part loaded
    // on demand) has no heading yet: it takes the focus when it is drawn.
    let heading = Heading::new();
    Effect::new(move |previous: Option<()>| {
        route.track();
        if previous.is_some() {
            request_animation_frame(move || heading.focus_or_wait());
        }
    });

    view! {
        <header class="app-header">
            <a class="brand" href="#/">"Intensive Planner"</a>
        </header>
        <main id="main">
            // The couple's pages (a share link, the preview and the day cards, which the
            // therapist may show or print for the couple) carry none of the storage banners:
            // they name other plans.
            <Show when=move || !matches!(route.get(), Route::Share(_) | Route::Preview(_) | Route::Cards(_))>
                <StorageNotices/>
            </Show>
            {move || match route.get() {
                Route::List => view! { <PlanList/> }.into_any(),
                Route::New => later(heading.when_drawn((parts.new_plan)())).into_any(),
                Route::Plan(id) => view! { <PlanPage id=id/> }.into_any(),
                Route::Preview(id) => later(heading.when_drawn((parts.preview_page)(id))).into_any(),
                Route::Cards(id) => later(heading.when_drawn((parts.day_cards)(id))).into_any(),
                Route::SaveCopy => view! { <section class="page narrow"><h1 tabindex="-1">"Nothing to save"</h1><p><a href="#/">"Go to your plans"</a></p></section> }.into_any(),
                // Links made before the couple's page had its own entry: open them there.
                Route::Share(fragment) => {
                    browser::go_to(&format!("{}{fragment}", browser::share_page_address()));
                    view! { <section class="page narrow"><h1 tabindex="-1">"Opening the shared schedule…"</h1></section> }.into_any()
                }
            }}
        </main>
        <footer class="app-footer">
            <p>
                "Intensive Planner supports planning; it is not a medical device. "
                "Your plans stay in this browser on this device."
            </p>
        </footer>
    }
}

/// Where the focus goes after navigating: the new page's heading, now or, for a page loaded on
/// demand, when it is drawn.
#[derive(Clone, Copy)]
struct Heading {
    waiting: StoredValue<bool>,
}

impl Heading {
    fn new() -> Self {
        Heading {
            waiting: StoredValue::new(false),
        }
    }

    fn focus_or_wait(self) {
        self.waiting.set_value(!dom::try_focus("main h1"));
    }

    /// The page, which takes the focus in the frame after it is drawn if navigating left it
    /// waiting for its heading.
    fn when_drawn(self, page: Part) -> Part {
        Box::pin(async move {
            let page = page.await;
            request_animation_frame(move || {
                if self.waiting.get_value() {
                    self.focus_or_wait();
                }
            });
            page
        })
    }
}

/// The route to show for an address. The share page's "Save a copy" arrives as `SaveCopy`: the
/// schedule it left is saved here under a new id and its preview shown in place of the address.
/// When it cannot be read, the notice says why and the plan list shows.
fn arrive(state: AppState, route: Route) -> Route {
    if route != Route::SaveCopy {
        return route;
    }
    let Some(document) = storage::take_handover() else {
        return route;
    };
    match decode_plan(&document) {
        Ok(mut plan) => {
            plan.id = state.fresh_id();
            let shown = Route::Preview(plan.id.clone());
            state.add(plan);
            route::replace(&shown);
            shown
        }
        Err(problem) => {
            state.notice.set(Some(format!(
                "The shared schedule was not saved: {problem}."
            )));
            route::replace(&Route::List);
            Route::List
        }
    }
}

/// Banners for storage problems and for stored entries that could not be read, and the toast
/// that offers back a deleted plan.
#[component]
fn StorageNotices() -> impl IntoView {
    let state = use_app_state();
    view! {
        <div class="toast-region" aria-live="polite">
            {move || state.deleted.get().map(|plan| view! {
                <div class="toast">
                    <p>"Deleted “"{plan.title}"”."</p>
                    <button type="button" class="button small" on:click=move |_| {
                        state.undo_delete();
                        request_animation_frame(|| dom::focus(".plan-list a"));
                    }>"Undo"</button>
                    <button type="button" class="button small quiet" aria-label="Dismiss" on:click=move |_| state.deleted.set(None)>"×"</button>
                </div>
            })}
        </div>
        {move || state.conflicts.get().into_iter().map(|conflict| {
            let title = conflict.mine.title.clone();
            let id = conflict.mine.id.clone();
            let copy_id = id.clone();
            let text = if conflict.deleted_elsewhere {
                format!("“{title}” was deleted in another tab, so your latest change to it was not saved.")
            } else {
                format!("“{title}” was changed in another tab, so your latest change was not saved over it. This tab now shows the other tab's version.")
            };
            view! {
                <div class="banner banner-warning" role="alert">
                    <p>{text}</p>
                    <div class="form-actions">
                        <button type="button" class="button small" on:click=move |_| {
                            if let Some(id) = state.keep_mine_as_copy(&copy_id) {
                                go(&Route::Plan(id));
                            }
                        }>"Keep my version as a copy"</button>
                        <button type="button" class="button small" on:click=move |_| state.let_go(&id)>
                            {if conflict.deleted_elsewhere { "Let it go" } else { "Keep the other version" }}
                        </button>
                    </div>
                </div>
            }
        }).collect_view()}
        {move || {
            let failed = state.failed.get();
            (!failed.is_empty()).then(|| {
                let titles = failed.iter().map(|t| format!("“{t}”")).collect::<Vec<_>>().join(", ");
                let text = format!(
                    "Not saved: {}. Your changes to {titles} are still here in this tab; saving is tried again with your next change, when you come back to this tab, and with “Try again”. What was saved before is intact. Export your plans to keep them safe.",
                    state.save_problem.get()
                );
                view! {
                    <div class="banner banner-error" role="alert">
                        <p>{text}</p>
                        <div class="form-actions">
                            <button type="button" class="button small" on:click=move |_| state.flush()>"Try again"</button>
                            <button type="button" class="button small" on:click=move |_| {
                                state.notice.set(Some(export_all(state).message()));
                            }>"Export all plans"</button>
                        </div>
                    </div>
                }
            })
        }}
        {move || {
            let mended = state.mended.get();
            (!mended.is_empty()).then(|| view! {
                <div class="banner banner-warning" role="status">
                    <p><strong>"Some saved plans were opened with changes"</strong>", because an earlier version let them pass today's limits. Nothing else was changed; the stored text stays as it was until the plan is next saved."</p>
                    <ul>
                        {mended.into_iter().map(|(title, changes)| view! {
                            <li>{format!("“{title}”: {}", changes.join(" "))}</li>
                        }).collect_view()}
                    </ul>
                    <div class="form-actions">
                        <button type="button" class="button small" on:click=move |_| state.mended.set(Vec::new())>"Dismiss"</button>
                    </div>
                </div>
            })
        }}
        {move || state.notice.get().map(|message| view! {
            <div class="banner banner-error" role="alert">
                <p>{message}</p>
                <p><button type="button" class="button small" on:click=move |_| {
                    state.notice.set(Some(export_all(state).message()));
                }>"Export all plans"</button></p>
            </div>
        })}
        {move || {
            let unreadable = state.unreadable.get();
            (!unreadable.is_empty()).then(|| {
                let count = unreadable.len();
                let what = if count == 1 { "1 saved entry".to_string() } else { format!("{count} saved entries") };
                let read_only = state.read_only.get();
                view! {
                    <div class="banner banner-warning" role="status">
                        <p>
                            <strong>{what}" could not be read."</strong>
                            " Each is kept exactly as it was, and nothing will overwrite it."
                        </p>
                        <ul>
                            {unreadable.into_iter().map(|entry| {
                                let key = entry.key.clone();
                                let shown = read_only.iter().find(|p| plan_key(&p.id) == entry.key).map(|p| {
                                    let href = Route::Preview(p.id.clone()).href();
                                    view! { " " <a href=href>{format!("Open “{}” read-only", p.title)}</a> }
                                });
                                view! {
                                    <li>
                                        <code>{entry.key}</code>": "{entry.problem}"."
                                        {shown}
                                        " "
                                        <button type="button" class="link-button" on:click=move |_| download_raw(&key)>
                                            "Download the raw data"
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                }
            })
        }}
    }
}

/// Saves an unreadable entry's stored text, exactly as it is, to a file.
fn download_raw(key: &str) {
    if let Some(raw) = storage::raw(key) {
        let name = format!("{}.json", key.replace(['/', '\\'], "-"));
        let _ = browser::download(&name, "application/json", &raw);
    }
}
