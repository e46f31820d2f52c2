//! The medical side of the records, per person: screening questions, the prescriber's clearance,
//! the private screen each partner answers alone, and pre-dose readings on dosing days.

use super::editor::use_editing;
use super::field::{labelled, Draft, Kind};
use crate::core::limits::{Range, DIASTOLIC, PERSON_TEXT_CHARS, PULSE, SYSTOLIC};
use crate::core::model::{
    format_date, parse_date, Answer, Clearance, Contraindication, Person, Reading, ScreeningGroup,
};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// An answer select (screening and private screen): the same four answers everywhere.
fn answer_select(
    id: String,
    label: &'static str,
    now: impl Fn() -> Answer + Send + Sync + 'static,
    set: impl Fn(Answer) + 'static,
) -> impl IntoView {
    view! {
        <div class="screen-row">
            <label for=id.clone()>{label}</label>
            <select id=id prop:value=move || now().code()
                on:change=move |ev| {
                    if let Some(answer) = Answer::from_code(&event_target_value(&ev)) {
                        set(answer);
                    }
                }>
                {Answer::ALL.map(|a| view! { <option value=a.code()>{a.label()}</option> })}
            </select>
        </div>
    }
}

pub fn screening(person: Person, name: &str) -> impl IntoView {
    let editing = use_editing();
    let group = move |group: ScreeningGroup| {
        Contraindication::ALL
            .into_iter()
            .filter(move |item| item.group() == group)
            .map(move |item| {
                answer_select(
                    format!("screen-{}-{}", person.code(), item.code()),
                    item.question(),
                    move || editing.with_plan(|p| p.kap.screening(person).answer(item)),
                    move |answer| {
                        editing.update_kap(
                            |k| match person {
                                Person::PartnerB => k.screening_b.set(item, answer),
                                _ => k.screening_a.set(item, answer),
                            },
                            "Screening answer recorded.",
                        )
                    },
                )
            })
            .collect_view()
    };
    view! {
        <fieldset class="screening">
            <legend>{format!("Screening: {name}")}</legend>
            {group(ScreeningGroup::History)}
            <h4>"Medicines to review"</h4>
            {group(ScreeningGroup::Medicines)}
        </fieldset>
    }
}

/// The prescriber's clearance of one person who doses.
pub fn clearance(person: Person, name: String) -> impl IntoView {
    let editing = use_editing();
    let recorded = move || editing.with_plan(|p| p.kap.clearance(person).cloned());
    let date = Draft::new(move || recorded().map(|c| format_date(c.date)).unwrap_or_default());
    let prescriber = Draft::new(move || recorded().map(|c| c.prescriber).unwrap_or_default());
    let code = person.code();
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let who = prescriber.get_untracked().trim().to_string();
        let Some(when) = parse_date(&date.get_untracked()) else {
            editing.refused.set(Some(
                "Enter the date of the clearance, such as 2026-11-20.".into(),
            ));
            super::dom::focus(&format!("#clearance-date-{code}"));
            return;
        };
        editing.update_kap(
            |k| {
                *k.clearance_mut(person) = Some(Clearance {
                    date: when,
                    prescriber: who,
                })
            },
            "Prescriber clearance recorded.",
        );
        date.settle();
        prescriber.settle();
    };
    view! {
        <form class="subform" novalidate on:submit=save>
            <h3>{format!("Prescriber clearance: {name}")}</h3>
            <div class="field-row">
                {labelled(format!("clearance-date-{code}"), format!("{name} cleared on"), Kind::Date, date)}
                {labelled(format!("clearance-by-{code}"), format!("Prescriber who cleared {name}"), Kind::Text(PERSON_TEXT_CHARS), prescriber)}
            </div>
            <div class="form-actions">
                <button type="submit" class="button">{format!("Record clearance for {name}")}</button>
                <Show when=move || recorded().is_some()>
                    <button type="button" class="button danger" on:click=move |_| {
                        editing.update_kap(|k| *k.clearance_mut(person) = None, "Clearance removed.");
                    }>"Remove clearance"</button>
                </Show>
            </div>
        </form>
    }
}

/// The private screen for intimate-partner violence or coercion: asked of each partner alone.
/// Each partner's question sits in their own closed section, so that an answer never shows
/// beside the other partner's name.
pub fn private_screens() -> impl IntoView {
    let editing = use_editing();
    // Read once, untracked: the records panel rebuilds only when its shape changes, and a
    // tracked read here would rebuild it (and drop every form's unsaved text) on each edit.
    let names = untrack(|| {
        editing.with_plan(|p| {
            [Person::PartnerA, Person::PartnerB]
                .map(|person| (person, person.name(&p.participants)))
                .to_vec()
        })
    });
    view! {
        <div class="subform">
            <h3>"Private screen"</h3>
            <p class="hint">"Ask each partner alone, before joint work, about violence or coercion in the relationship. Open only the section of the partner you are with."</p>
            {names.into_iter().map(|(person, name)| view! {
                <details class="private-screen">
                    <summary>{format!("Ask {name} alone")}</summary>
                    {answer_select(
                        format!("private-{}", person.code()),
                        "Violence, threats or coercion by the partner",
                        move || editing.with_plan(|p| p.kap.private_answer(person)),
                        move |answer| editing.update_kap(|k| *k.private_mut(person) = answer, "Private screen recorded."),
                    )}
                </details>
            }).collect_view()}
        </div>
    }
}

/// Pre-dose readings, taken on the dosing day: one form per dosing day and person who doses.
pub fn readings(slots: Vec<(usize, Person, String)>) -> impl IntoView {
    let forms = slots
        .into_iter()
        .map(|(day, person, name)| reading(day, person, name))
        .collect_view();
    view! {
        <div class="subform">
            <h3>"Pre-dose readings"</h3>
            <p class="hint">"Blood pressure and pulse before the dose, on the day. A reading over the limits under Clinical thresholds is an error until the prescriber has reviewed it."</p>
            {forms}
        </div>
    }
}

fn reading(day: usize, person: Person, name: String) -> impl IntoView {
    let editing = use_editing();
    let saved = move || editing.with_plan(|p| p.kap.reading(day, person).copied());
    let part = move |f: fn(&Reading) -> u16| {
        Draft::new(move || saved().map(|r| f(&r).to_string()).unwrap_or_default())
    };
    let fields = [
        ("sys", "systolic", SYSTOLIC, part(|r| r.systolic)),
        ("dia", "diastolic", DIASTOLIC, part(|r| r.diastolic)),
        ("pulse", "pulse", PULSE, part(|r| r.pulse)),
    ];
    let id = move |short: &str| format!("reading-{}-{}-{short}", day + 1, person.code());
    let label = format!("{name}, day {}", day + 1);
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut values = [0u16; 3];
        for (slot, (short, what, range, draft)) in values.iter_mut().zip(fields) {
            match number_in(&draft.get_untracked(), range) {
                Some(n) => *slot = n,
                None => {
                    editing.refused.set(Some(format!(
                        "Enter the {what} reading as a whole number from {} to {}.",
                        range.min, range.max
                    )));
                    super::dom::focus(&format!("#{}", id(short)));
                    return;
                }
            }
        }
        let [systolic, diastolic, pulse] = values;
        editing.update_kap(
            |k| {
                k.readings.retain(|r| (r.day, r.person) != (day, person));
                k.readings.push(Reading {
                    day,
                    person,
                    systolic,
                    diastolic,
                    pulse,
                });
            },
            "Pre-dose reading recorded.",
        );
        fields.iter().for_each(|f| f.3.settle());
    };
    view! {
        <form class="reading" novalidate on:submit=save>
            <fieldset>
                <legend>{label.clone()}</legend>
                <div class="field-row">
                    {fields.map(|(short, what, range, draft)| {
                        labelled(id(short), format!("{label}: {what}"), Kind::Number(range), draft)
                    })}
                </div>
                <button type="submit" class="button">{format!("Record reading: {label}")}</button>
            </fieldset>
        </form>
    }
}

fn number_in(text: &str, range: Range) -> Option<u16> {
    text.trim()
        .parse::<u16>()
        .ok()
        .filter(|n| range.contains(*n))
}
