//! Printed day cards: one page per participant per day, with the times, what happens, and on a
//! dosing day the fasting start, the bring list and the ride home. Built from the preview, so no
//! clinician note can reach paper.

use super::state::use_app_state;
use crate::core::model::{Person, Plan};
use crate::core::preview::{preview, Preview};
use crate::core::text::{say, text, Key, Lang};
use crate::shell::browser;
use leptos::prelude::*;

#[component]
pub fn DayCards(id: String) -> impl IntoView {
    let state = use_app_state();
    let back = super::route::Route::Preview(id.clone()).href();
    let plan = Memo::new(move |_| state.find(&id));
    move || {
        let Some(plan) = plan.get() else {
            return view! {
                <section class="page narrow">
                    <h1 tabindex="-1">"Plan not found"</h1>
                    <p><a href="#/">"Back to plans"</a></p>
                </section>
            }
            .into_any();
        };
        let back = view! { <a href=back.clone()>"← Back to the preview"</a> }.into_any();
        cards_page(&plan, back, Lang::En)
    }
}

/// Every card of a plan, with a heading, the choice of languages and a print button; `back` is
/// the control that returns to the preview (a link in the app, a button on the couple's share
/// page), `chrome` the language of what is around the cards. The cards are in the couple's
/// language, or in English and Spanish side by side for a couple who read different ones.
pub fn cards_page(plan: &Plan, back: AnyView, chrome: Lang) -> AnyView {
    let both = RwSignal::new(false);
    let in_lang = |lang: Lang| {
        let mut copy = plan.clone();
        copy.language = lang;
        preview(&copy)
    };
    let couple = in_lang(plan.language);
    let other = Lang::ALL
        .into_iter()
        .find(|l| *l != plan.language)
        .map(in_lang);
    let people: Vec<(Person, String)> = plan
        .participants
        .people()
        .iter()
        .map(|p| (*p, p.name(&plan.participants)))
        .collect();
    let single = cards_of(&couple, &people);
    let count = single.len();
    let single = single
        .into_iter()
        .map(|c| view! { <div class="card-pair single">{c}</div> })
        .collect_view();
    // Built when chosen: English first, then Spanish, each card beside its translation.
    let pairs = StoredValue::new((couple.clone(), other, people));
    let paired = move || {
        both.get().then(|| {
            pairs.with_value(|(couple, other, people)| {
                let other = other.as_ref()?;
                let (first, second) = if couple.lang == Lang::En {
                    (couple, other)
                } else {
                    (other, couple)
                };
                Some(
                    cards_of(first, people)
                        .into_iter()
                        .zip(cards_of(second, people))
                        .map(|(a, b)| view! { <div class="card-pair">{a}{b}</div> })
                        .collect_view(),
                )
            })
        })
    };
    let language_name = couple.lang.named_in(chrome);
    view! {
        <section class="page cards" aria-labelledby="cards-heading" lang=chrome.code()>
            <div class="no-print">
                <p class="crumbs">{back}</p>
                <h1 id="cards-heading" tabindex="-1">{text(chrome, Key::DayCards)}</h1>
                <p class="lead">{say(chrome, Key::CardsLead, &[("count", &count.to_string())])}</p>
                <fieldset class="field">
                    <legend>{text(chrome, Key::CardsLanguages)}</legend>
                    <div class="field check">
                        <input type="radio" id="cards-one" name="cards-languages" prop:checked=move || !both.get() on:change=move |_| both.set(false)/>
                        <label for="cards-one">{say(chrome, Key::CardsOne, &[("language", language_name)])}</label>
                    </div>
                    <div class="field check">
                        <input type="radio" id="cards-both" name="cards-languages" prop:checked=move || both.get() on:change=move |_| both.set(true)/>
                        <label for="cards-both">{text(chrome, Key::CardsBoth)}</label>
                    </div>
                </fieldset>
                <p><button type="button" class="button primary" on:click=|_| browser::print()>{text(chrome, Key::PrintCards)}</button></p>
            </div>
            <div hidden=move || both.get()>{single}</div>
            <div>{paired}</div>
        </section>
    }
    .into_any()
}

/// The cards of one preview: per person, the evening before (if any) and each day.
fn cards_of(full: &Preview, people: &[(Person, String)]) -> Vec<AnyView> {
    let mut out = Vec::new();
    for (person, name) in people {
        let mine = full.for_person(*person);
        if let Some((date, text)) = mine.evening_before() {
            out.push(evening_card(&mine, date, &text, name));
        }
        for day in &mine.days {
            out.push(card(&mine, day, name).into_any());
        }
    }
    out
}

/// The card for the evening before an intensive that opens with a dosing.
fn evening_card(preview: &Preview, date: chrono::NaiveDate, text: &str, name: &str) -> AnyView {
    view! {
        <article class="card" lang=preview.lang.code()>
            <p class="card-for">{format!("{name} · {}", preview.title)}</p>
            <h2>{preview.evening_heading(date)}</h2>
            <p class="eve">{text.to_string()}</p>
            <p class="card-foot">{preview.zone_line()}</p>
        </article>
    }
    .into_any()
}

fn card(preview: &Preview, day: &crate::core::preview::PreviewDay, name: &str) -> impl IntoView {
    let advice = preview.dosing_advice(day);
    view! {
        <article class="card" lang=preview.lang.code()>
            <p class="card-for">{format!("{name} · {}", preview.title)}</p>
            <h2>{preview.day_heading(day)}</h2>
            <table class="card-times">
                <caption class="visually-hidden">{preview.text(Key::CardsTimes)}</caption>
                <tbody>
                    {day.items.iter().map(|item| view! {
                        <tr>
                            <th scope="row">{format!("{}–{}", item.start, item.end)}</th>
                            <td><strong>{item.title.clone()}</strong><br/>{item.about}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {(!advice.is_empty()).then(|| view! {
                <div class="advice">
                    <h3>{preview.advice_heading()}</h3>
                    <ul>{advice.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                </div>
            })}
            {preview.eve_advice(day).map(|text| view! { <p class="eve">{text}</p> })}
            {(day.number == preview.days.len()).then(|| preview.follow_up_line()).flatten().map(|line| view! {
                <p class="follow-up"><strong>{preview.text(Key::AfterLabel)}</strong>{line}</p>
            })}
            <p class="card-foot">{preview.zone_line()}</p>
        </article>
    }
}
