//! The couple's view: the plan in plain words, phone first, with the share link, the calendar
//! files and the day cards. Everything here is built from `core::preview`, which has no field
//! for anything clinical.

use super::state::use_app_state;
use crate::core::edit::{apply, Edit};
use crate::core::ics::{calendar, CalendarOptions};
use crate::core::limits::{plausible_time_zone, LEAVE_REMINDER, TIME_ZONE_CHARS};
use crate::core::model::{format_date, Person, Plan, Time};
use crate::core::preview::{preview, second_clock, Preview, PreviewDay, PreviewItem, When};
use crate::core::text::{say, text, Key, Lang};
use crate::shell::{browser, share};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The plan as the couple reads it, with each time on a second clock too: the device's when it
/// is set to another zone than the practice's, else the couple's home zone when the therapist
/// set one (`core::preview::second_clock` decides).
pub fn on_their_clock(plan: &Plan) -> Preview {
    let shown = preview(plan);
    match second_clock(plan, &browser::time_zone()) {
        None => shown,
        Some((zone, clock)) => {
            shown.in_their_zone((&zone, clock), browser::between(&plan.time_zone, &zone))
        }
    }
}

/// An item's times, on the practice's clock and, when it differs, on theirs.
fn when(preview: &Preview, item: &PreviewItem) -> impl IntoView {
    let When { times, theirs } = preview.when(item);
    let theirs = theirs.map(|(place, theirs)| {
        view! { <span class="where">{place}</span><span class="theirs">{theirs}</span> }
    });
    view! { <p class="when">{times}{theirs}</p> }
}

/// The days of a preview, each with its times, what happens, and the dosing-day advice; first
/// the evening before, when the first dosing is on day 1.
pub fn preview_days(preview: &Preview) -> impl IntoView {
    let evening = preview.evening_before().map(|(date, text)| {
        view! {
            <section class="preview-day evening" aria-labelledby="preview-evening">
                <h2 id="preview-evening">{preview.evening_heading(date)}</h2>
                <p class="eve">{text}</p>
            </section>
        }
    });
    let after = preview.follow_up_line().map(|line| {
        view! {
            <section class="preview-day after" aria-labelledby="preview-after">
                <h2 id="preview-after">{preview.text(Key::AfterHeading)}</h2>
                <p class="follow-up">{line}</p>
                <p class="about">{preview.follow_up_about()}</p>
            </section>
        }
    });
    view! {
        {evening}
        {preview.days.iter().map(|day| preview_day(preview, day)).collect_view()}
        {after}
    }
}

fn preview_day(preview: &Preview, day: &PreviewDay) -> impl IntoView {
    let advice = preview.dosing_advice(day);
    let advice = (!advice.is_empty()).then(|| {
        view! {
            <div class="advice">
                <h3>{preview.advice_heading()}</h3>
                <ul>{advice.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            </div>
        }
    });
    let eve = preview
        .eve_advice(day)
        .map(|text| view! { <p class="eve">{text}</p> });
    let heading_id = format!("preview-day-{}", day.number);
    let labelled_by = heading_id.clone();
    view! {
        <section class="preview-day" aria-labelledby=labelled_by>
            <h2 id=heading_id>{preview.day_heading(day)}</h2>
            {eve}
            {advice}
            <ol class="preview-items">
                {day.items.iter().map(|item| view! {
                    <li class="preview-item">
                        {when(preview, item)}
                        <div>
                            <p class="what">{item.title.clone()}<span class="who">{format!(" · {}", item.who)}</span></p>
                            <p class="about">{item.about}</p>
                        </div>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

/// Everyone, or one partner: their own sessions and the joint ones.
pub(super) fn person_filter(
    plan: &Plan,
    person: RwSignal<Option<Person>>,
    lang: Lang,
) -> impl IntoView {
    let people = plan.participants.people();
    let options = people
        .iter()
        .map(|p| {
            let only = say(
                lang,
                Key::OnlyPerson,
                &[("name", &p.name(&plan.participants))],
            );
            view! { <option value=p.code()>{only}</option> }
        })
        .collect_view();
    (people.len() > 1).then(|| {
        view! {
            <div class="field">
                <label for="preview-person">{text(lang, Key::ShowLabel)}</label>
                <select id="preview-person"
                    prop:value=move || person.get().map_or("everyone", Person::code)
                    on:change=move |ev| person.set(Person::from_code(&event_target_value(&ev)))>
                    <option value="everyone">{text(lang, Key::EveryonesSchedule)}</option>
                    {options}
                </select>
            </div>
        }
    })
}

/// The preview of a stored plan, with the tools to share it.
#[component]
pub fn PreviewPage(id: String) -> impl IntoView {
    let state = use_app_state();
    // A plan written by a newer version of the app opens here too, read-only.
    let plan = Memo::new(move |_| {
        state.find(&id).map(|p| (p, false)).or_else(|| {
            state
                .read_only
                .with(|r| r.iter().find(|p| p.id == id).cloned())
                .map(|p| (p, true))
        })
    });
    move || match plan.get() {
        None => view! {
            <section class="page narrow">
                <h1 tabindex="-1">"Plan not found"</h1>
                <p>"There is no plan at this address in this browser."</p>
                <p><a href="#/">"Back to plans"</a></p>
            </section>
        }
        .into_any(),
        Some((plan, read_only)) => {
            let person = RwSignal::new(None::<Person>);
            let full = on_their_clock(&plan);
            let lang = plan.language;
            let shown = {
                let full = full.clone();
                move || match person.get() {
                    Some(p) => full.for_person(p),
                    None => full.clone(),
                }
            };
            let back = if read_only {
                super::route::Route::List.href()
            } else {
                super::route::Route::Plan(plan.id.clone()).href()
            };
            let newer = read_only.then(|| view! {
                <p class="banner banner-warning" role="status">
                    "This plan was saved by a newer version of Intensive Planner. It is shown read-only and will not be changed here; open it in the newer version to edit it."
                </p>
            });
            let cards = super::route::Route::Cards(plan.id.clone()).href();
            view! {
                <article class="page preview" aria-labelledby="preview-heading">
                    <p class="crumbs no-print"><a href=back>{if read_only { "← Plans" } else { "← Back to the plan" }}</a></p>
                    <h1 id="preview-heading" tabindex="-1">{full.title.clone()}</h1>
                    {newer}
                    <p class="summary" lang=lang.code()>{full.zone_line()}</p>
                    <div class="preview-tools no-print">
                        {language_choice(&plan, read_only)}
                        {home_zone_choice(&plan, read_only)}
                        {person_filter(&plan, person, Lang::En)}
                        <ShareTools plan=plan.clone() person=person/>
                        {calendar_panel(Lang::En, {
                            let plan = StoredValue::new(plan.clone());
                            move || calendar_fields(plan.get_value(), person, Lang::En)
                        })}
                        <p><a class="button" href=cards>"Print day cards"</a></p>
                    </div>
                    <div lang=lang.code()>{move || preview_days(&shown())}</div>
                </article>
            }
            .into_any()
        }
    }
}

/// One option per language, each named in its own language.
fn language_options() -> impl IntoView {
    Lang::ALL
        .into_iter()
        .map(|l| view! { <option value=l.code() lang=l.code()>{l.name()}</option> })
        .collect_view()
}

/// The couple's language, for everything they read (the therapist's screens stay in English).
fn language_choice(plan: &Plan, read_only: bool) -> impl IntoView {
    let state = use_app_state();
    let stored = StoredValue::new(plan.clone());
    let choose = move |ev: leptos::ev::Event| {
        let Some(lang) = Lang::from_code(&event_target_value(&ev)) else {
            return;
        };
        let changed = stored.with_value(|plan| apply(plan, &Edit::SetLanguage(lang)));
        if let Ok(plan) = changed {
            state.put(plan);
            // The page is drawn again in the new language; the keyboard stays on the choice.
            request_animation_frame(|| super::dom::focus("#couple-language"));
        }
    };
    view! {
        <div class="field">
            <label for="couple-language">"The couple's language"</label>
            <select id="couple-language" prop:value=plan.language.code() disabled=read_only on:change=choose>
                {language_options()}
            </select>
        </div>
    }
}

/// The couple's home time zone, optional: where the device that opens the preview is on the
/// practice's clock (the therapist's own, or a phone already at the venue), each time is shown
/// on the couple's home clock too.
fn home_zone_choice(plan: &Plan, read_only: bool) -> impl IntoView {
    let state = use_app_state();
    let stored = StoredValue::new(plan.clone());
    let problem = RwSignal::new(None::<String>);
    let choose = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        let zone = typed.trim();
        let known = zone.is_empty() || (plausible_time_zone(zone) && browser::knows_zone(zone));
        if !known {
            let shown: String = zone.chars().take(TIME_ZONE_CHARS).collect();
            problem.set(Some(format!(
                "“{shown}” is not a time zone this browser knows. Enter a name such as \
                 America/New_York, or leave it empty for the device's own zone."
            )));
            return;
        }
        let edit = Edit::SetCoupleZone((!zone.is_empty()).then(|| zone.to_string()));
        match stored.with_value(|plan| apply(plan, &edit)) {
            Ok(plan) => {
                problem.set(None);
                state.put(plan);
                request_animation_frame(|| super::dom::focus("#couple-zone"));
            }
            Err(refused) => problem.set(Some(refused.to_string())),
        }
    };
    view! {
        <div class="field" class:invalid=move || problem.with(Option::is_some)>
            <label for="couple-zone">"The couple's home time zone"</label>
            <input id="couple-zone" type="text" autocomplete="off" spellcheck="false"
                placeholder="America/New_York" maxlength=TIME_ZONE_CHARS.to_string()
                prop:value=plan.couple_zone.clone().unwrap_or_default() disabled=read_only
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby="couple-zone-hint couple-zone-problem" on:change=choose/>
            <p class="hint" id="couple-zone-hint">
                "Optional. Each time is also shown on their clock. A device set to another zone shows its own."
            </p>
            <p class="field-error" id="couple-zone-problem" role="alert">{move || problem.get()}</p>
        </div>
    }
}

/// "Copy share link": protected by a generated passphrase unless a plain link is chosen, for
/// everyone or for the partner the preview shows.
#[component]
fn ShareTools(plan: Plan, person: RwSignal<Option<Person>>) -> impl IntoView {
    let protected = RwSignal::new(true);
    let passphrase = RwSignal::new(share::new_passphrase().unwrap_or_default());
    let link = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    // A partner who reads another language than the couple's gets a link of their own in it.
    let link_lang = RwSignal::new(plan.language);
    let plan = StoredValue::new(plan);
    let names = plan.with_value(|p| p.participants.clone());
    let whom = move || match person.get() {
        Some(p) => format!(
            "for {} only: their sessions and the joint ones",
            p.name(&names)
        ),
        None => "for everyone".to_string(),
    };
    let make = move |_| {
        status.set("Making the link…".into());
        link.set(None);
        let protection = if protected.get_untracked() {
            share::Protection::Passphrase(passphrase.get_untracked())
        } else {
            share::Protection::Plain
        };
        let person = person.get_untracked();
        let lang = link_lang.get_untracked();
        spawn_local(async move {
            let plan = plan.with_value(|plan| apply(plan, &Edit::SetLanguage(lang)));
            let made = match plan {
                Ok(plan) => share::make_fragment(&plan, person, &protection).await,
                Err(refused) => {
                    status.set(refused.to_string());
                    return;
                }
            };
            match made {
                Err(problem) => status.set(problem.to_string()),
                Ok(fragment) => {
                    let url = format!("{}{fragment}", browser::share_page_address());
                    let copied = browser::copy_text(&url).await.is_ok();
                    let what = match protection {
                        share::Protection::Plain => {
                            "Anyone who sees the link can read this schedule."
                        }
                        share::Protection::Passphrase(_) => {
                            "Tell the couple the passphrase separately, for example by phone."
                        }
                    };
                    status.set(if copied {
                        format!("Link copied. {what}")
                    } else {
                        format!("Copy the link below by hand; this browser did not allow copying. {what}")
                    });
                    link.set(Some(url));
                }
            }
        });
    };
    view! {
        <details class="panel">
            <summary>"Share link"</summary>
            <p class="hint">"The link itself carries this schedule and nothing from your clinical records. Nothing is uploaded anywhere."</p>
            <p class="hint">{move || format!("The link is made {}.", whom())}</p>
            <fieldset class="choices">
                <legend>"Protection"</legend>
                <div class="field check">
                    <input id="share-protected" type="radio" name="share-protection"
                        prop:checked=move || protected.get() on:change=move |_| protected.set(true)/>
                    <label for="share-protected">"Protected with a passphrase (recommended)"</label>
                </div>
                <div class="field check">
                    <input id="share-plain" type="radio" name="share-protection"
                        prop:checked=move || !protected.get() on:change=move |_| protected.set(false)/>
                    <label for="share-plain">"Plain link"</label>
                </div>
            </fieldset>
            {move || if protected.get() {
                view! {
                    <div class="field">
                        <label for="share-passphrase">"Passphrase"</label>
                        <input id="share-passphrase" type="text" autocomplete="off" autocapitalize="none" spellcheck="false"
                            data-lpignore="true" data-1p-ignore="true" aria-describedby="share-passphrase-hint"
                            prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                        <p class="hint" id="share-passphrase-hint">"The schedule is encrypted with it. Tell the couple separately, for example by phone; it is not kept anywhere."</p>
                        <button type="button" class="button small quiet" on:click=move |_| {
                            if let Ok(words) = share::new_passphrase() {
                                passphrase.set(words);
                            }
                        }>"New passphrase"</button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <p class="hint warning-line">"Anyone who sees a plain link (in a chat, an email, a browser's history) can read this schedule."</p>
                }.into_any()
            }}
            <div class="field">
                <label for="share-language">"Language of this link"</label>
                <select id="share-language" aria-describedby="share-language-hint"
                    prop:value=move || link_lang.get().code()
                    on:change=move |ev| {
                        if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                            link_lang.set(lang);
                        }
                    }>
                    {language_options()}
                </select>
                <p class="hint" id="share-language-hint">"The couple's language unless you choose another, for a partner who reads another one (with “Show” set to them)."</p>
            </div>
            <button type="button" class="button" on:click=make>"Copy share link"</button>
            <p role="status" class="edit-status">{move || status.get()}</p>
            {move || link.get().map(|url| view! {
                <div class="field">
                    <label for="share-link">"The link"</label>
                    <input id="share-link" type="text" readonly prop:value=url/>
                </div>
            })}
        </details>
    }
}

/// Calendar files, in a closed panel (its summary in `lang`; the file is always in the couple's
/// language). What it holds (`fields`: [`calendar_fields`], or on the share page the part that
/// draws them) is drawn when the panel is first opened, and kept.
pub(super) fn calendar_panel<V: IntoView + 'static>(
    lang: Lang,
    fields: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    let opened = RwSignal::new(false);
    view! {
        <details class="panel" on:toggle=move |_| super::dom::open_once(opened)>
            <summary>{text(lang, Key::CalendarFile)}</summary>
            {move || opened.get().then(&fields)}
        </details>
    }
}

/// What the calendar panel holds: the choices for the file, a button per file, and what
/// became of the last one. The share page draws it on demand, when its panel is opened.
pub fn calendar_fields(plan: Plan, person: RwSignal<Option<Person>>, lang: Lang) -> AnyView {
    let full_titles = RwSignal::new(false);
    let fasting_alarm = RwSignal::new(true);
    let leave = RwSignal::new("60".to_string());
    let status = RwSignal::new(String::new());
    let plan = StoredValue::new(plan);
    let export = move |person: Option<Person>| {
        let leave_minutes = match leave.get_untracked().trim() {
            "" | "0" => None,
            text => match text.parse::<u16>() {
                Ok(minutes) if LEAVE_REMINDER.contains(minutes) => Some(minutes),
                _ => {
                    status.set(say(
                        lang,
                        Key::CalendarLeaveInvalid,
                        &[
                            ("min", &LEAVE_REMINDER.min.to_string()),
                            ("max", &LEAVE_REMINDER.max.to_string()),
                        ],
                    ));
                    return;
                }
            },
        };
        let plan = plan.get_value();
        let options = CalendarOptions {
            full_titles: full_titles.get_untracked(),
            fasting_alarm: fasting_alarm.get_untracked(),
            leave_minutes,
            person,
            stamp: now_utc(),
        };
        let file = calendar(
            &plan.id,
            &preview(&plan),
            &options,
            browser::to_utc(&plan.time_zone),
        );
        if file.events == 0 {
            status.set(say(
                lang,
                Key::CalendarUnknownZone,
                &[("zone", &plan.time_zone)],
            ));
            return;
        }
        let who = person.map_or_else(|| "everyone".to_string(), |p| p.name(&plan.participants));
        let name = format!(
            "intensive-{}-{}.ics",
            format_date(plan.start_date),
            slug(&who)
        );
        status.set(
            match browser::download(&name, "text/calendar", &file.text) {
                Ok(()) if file.skipped > 0 => say(
                    lang,
                    Key::CalendarSavedSkipped,
                    &[
                        ("name", &name),
                        ("events", &file.events.to_string()),
                        ("skipped", &file.skipped.to_string()),
                    ],
                ),
                Ok(()) => say(
                    lang,
                    Key::CalendarSaved,
                    &[("name", &name), ("events", &file.events.to_string())],
                ),
                Err(problem) => say(lang, Key::CalendarFailed, &[("problem", &problem)]),
            },
        );
    };
    let people = plan.with_value(|p| {
        let people = p.participants.people();
        if people.len() > 1 {
            people
                .iter()
                .map(|person| (*person, person.name(&p.participants)))
                .collect()
        } else {
            Vec::new()
        }
    });
    view! {
            <div class="field check">
                <input id="ics-full" type="checkbox" prop:checked=move || full_titles.get()
                    on:change=move |ev| full_titles.set(event_target_checked(&ev))/>
                <label for="ics-full">{text(lang, Key::CalendarFullTitles)}</label>
            </div>
            <div class="field check">
                <input id="ics-fasting" type="checkbox" prop:checked=move || fasting_alarm.get()
                    on:change=move |ev| fasting_alarm.set(event_target_checked(&ev))/>
                <label for="ics-fasting">{text(lang, Key::CalendarFastingAlarm)}</label>
            </div>
            <div class="field">
                <label for="ics-leave">{text(lang, Key::CalendarLeave)}</label>
                <input id="ics-leave" type="number" min=LEAVE_REMINDER.min.to_string() max=LEAVE_REMINDER.max.to_string() inputmode="numeric"
                    prop:value=move || leave.get() on:input=move |ev| leave.set(event_target_value(&ev))/>
            </div>
            // "Show: only Alex" applies here too: then only Alex's calendar is offered.
            <div class="form-actions">
                {move || {
                    let shown = person.get();
                    let everyone = shown.is_none().then(|| view! {
                        <button type="button" class="button" on:click=move |_| export(None)>{text(lang, Key::CalendarEveryone)}</button>
                    });
                    let each = people
                        .iter()
                        .filter(|(p, _)| shown.is_none_or(|s| s == *p))
                        .map(|(p, name)| {
                            let p = *p;
                            view! {
                                <button type="button" class="button" on:click=move |_| export(Some(p))>{say(lang, Key::CalendarFor, &[("name", name)])}</button>
                            }
                        })
                        .collect_view();
                    view! { {everyone} {each} }
                }}
            </div>
            <p role="status" class="edit-status">{move || status.get()}</p>
    }
    .into_any()
}

/// Now, in UTC, for the calendar's DTSTAMP.
fn now_utc() -> (chrono::NaiveDate, Time) {
    let now = js_sys::Date::new_0();
    let date = chrono::NaiveDate::from_ymd_opt(
        now.get_utc_full_year() as i32,
        now.get_utc_month() + 1,
        now.get_utc_date(),
    )
    .unwrap_or_default();
    let time = Time::hm(now.get_utc_hours() as u16, now.get_utc_minutes() as u16)
        .unwrap_or(Time::END_OF_DAY);
    (date, time)
}

/// A file-name-safe version of a name: "Alex" → "alex".
fn slug(text: &str) -> String {
    let slug: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        "plan".into()
    } else {
        slug
    }
}
