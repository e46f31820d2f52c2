//! Printed day cards: one page per participant per day, with the times, what happens, and on a
//! dosing day the fasting start, the bring list and the ride home. Built from the preview, so no
//! clinician note can reach paper.

use super::state::use_app_state;
use crate::core::model::Plan;
use crate::core::preview::{preview, Preview};
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
        cards_page(&plan, back)
    }
}

/// Every card of a plan, with a heading and a print button; `back` is the control that returns
/// to the preview (a link in the app, a button on the couple's share page).
pub fn cards_page(plan: &Plan, back: AnyView) -> AnyView {
    let full = preview(plan);
    let mut cards = Vec::new();
    for person in plan.participants.people() {
        let name = person.name(&plan.participants);
        let mine = full.for_person(*person);
        if let Some((date, text)) = mine.evening_before() {
            cards.push(evening_card(&mine, date, &text, &name));
        }
        for day in &mine.days {
            cards.push(card(&mine, day, &name).into_any());
        }
    }
    let count = cards.len();
    let cards = cards.into_iter().collect_view();
    view! {
        <section class="page cards" aria-labelledby="cards-heading">
            <div class="no-print">
                <p class="crumbs">{back}</p>
                <h1 id="cards-heading" tabindex="-1">"Day cards"</h1>
                <p class="lead">{format!("{count} cards, one page each: one per person per day, and the evening before when a dosing opens the intensive.")}</p>
                <p><button type="button" class="button primary" on:click=|_| browser::print()>"Print day cards"</button></p>
            </div>
            {cards}
        </section>
    }
    .into_any()
}

/// The card for the evening before an intensive that opens with a dosing.
fn evening_card(preview: &Preview, date: chrono::NaiveDate, text: &str, name: &str) -> AnyView {
    view! {
        <article class="card">
            <p class="card-for">{format!("{name} · {}", preview.title)}</p>
            <h2>{preview.evening_heading(date)}</h2>
            <p class="eve">{text.to_string()}</p>
            <p class="card-foot">{format!("Times are in {}.", preview.time_zone)}</p>
        </article>
    }
    .into_any()
}

fn card(preview: &Preview, day: &crate::core::preview::PreviewDay, name: &str) -> impl IntoView {
    let advice = preview.dosing_advice(day);
    view! {
        <article class="card">
            <p class="card-for">{format!("{name} · {}", preview.title)}</p>
            <h2>{preview.day_heading(day)}</h2>
            <table class="card-times">
                <caption class="visually-hidden">"Times and sessions"</caption>
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
                <p class="follow-up"><strong>"After the intensive: "</strong>{line}</p>
            })}
            <p class="card-foot">{format!("Times are in {}.", preview.time_zone)}</p>
        </article>
    }
}
