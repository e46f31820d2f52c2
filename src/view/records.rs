//! Clinician-only records: who doses, rides home, monitors, consent, the emergency plan, the
//! follow-up, and (from `screening.rs`) screening, clearance and pre-dose readings, then the
//! plan's clinical thresholds. Nothing clinical ever reaches the couple; the emergency plan and
//! the follow-up are theirs to know.

use super::editor::use_editing;
use super::field::{input, labelled, Draft, Kind};
use super::screening::{clearance, private_screens, readings, screening};
use super::thresholds::Thresholds;
use crate::core::limits::{FOLLOW_UP_MINUTES, MONITORS, PERSON_TEXT_CHARS};
use crate::core::model::{
    format_date, parse_date, Doses, EmergencyPlan, FollowUp, Person, Plan, Ride, Time,
};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// What decides the records form's shape: who doses, on which days, and whether it is a couple.
#[derive(Clone, Debug, PartialEq)]
struct Shape {
    dosers: Vec<(Person, String)>,
    dosing_days: Vec<usize>,
    couple: bool,
}

impl Shape {
    /// Each dosing day with each person who doses (rides home, readings).
    fn slots(&self) -> Vec<(usize, Person, String)> {
        let mut slots = Vec::new();
        for day in &self.dosing_days {
            for (person, name) in &self.dosers {
                slots.push((*day, *person, name.clone()));
            }
        }
        slots
    }
}

fn shape(plan: &Plan) -> Shape {
    let dosing_days = plan.dosing_days();
    Shape {
        dosers: plan
            .kap
            .dosers(&plan.participants)
            .into_iter()
            .map(|p| (p, p.name(&plan.participants)))
            .collect(),
        dosing_days,
        couple: plan.participants.people().len() == 2,
    }
}

#[component]
pub fn Records() -> impl IntoView {
    let editing = use_editing();
    let shape = Memo::new(move |_| editing.plan.with(|p| p.as_ref().map(shape)));
    // The forms are drawn when the panel is first opened: closed, they would be nearly half of
    // a plan page's elements, built and laid out at every start for nothing.
    let opened = RwSignal::new(false);
    view! {
        <details class="panel" on:toggle=move |_| super::dom::open_once(opened)>
            <summary>"Screening and logistics"</summary>
            <p class="hint">"Clinician-only: never in the couple's preview, calendar or share link."</p>
            {move || opened.get().then(|| shape.get()).flatten().map(|shape| view! {
                {shape.couple.then(who_doses)}
                {shape.dosers.iter().map(|(person, name)| view! {
                    {screening(*person, name)}
                    {clearance(*person, name.clone())}
                }).collect_view()}
                {shape.couple.then(private_screens)}
                {readings(shape.slots())}
                {rides(&shape)}
                {monitors(shape.couple)}
                <ConsentForm/>
                <EmergencyForm/>
                <FollowUpForm/>
            })}
        </details>
        <Thresholds/>
    }
}

fn who_doses() -> impl IntoView {
    let editing = use_editing();
    let names = move || {
        editing.with_plan(|p| {
            [Person::PartnerA, Person::PartnerB].map(|person| person.name(&p.participants))
        })
    };
    let choose = move |doses: Doses| {
        let Some(plan) = editing.plan.get_untracked() else {
            return;
        };
        let mut changed = plan.clone();
        changed.kap.doses = doses;
        // Say what re-placing the KAP blocks for this mode moves, before committing it.
        let done = match crate::core::kap::replace(&changed) {
            Ok(placed) => placed.summary("Who doses is recorded; the KAP blocks follow it."),
            Err(_) => String::new(),
        };
        editing.update_kap(|k| k.doses = doses, done);
    };
    view! {
        <div class="field">
            <label for="who-doses">"Who doses"</label>
            <select
                id="who-doses"
                aria-describedby="who-doses-hint"
                prop:value=move || editing.with_plan(|p| p.kap.doses.code())
                on:change=move |ev| {
                    if let Some(doses) = Doses::from_code(&event_target_value(&ev)) {
                        choose(doses);
                    }
                }
            >
                {move || {
                    let [a, b] = names();
                    view! {
                        <option value=Doses::NotChosen.code()>"Not chosen yet"</option>
                        <option value=Doses::PartnerA.code()>{format!("{a} doses; {b} supports")}</option>
                        <option value=Doses::PartnerB.code()>{format!("{b} doses; {a} supports")}</option>
                        <option value=Doses::Together.code()>{format!("Both together: {a} and {b}")}</option>
                        <option value=Doses::Staggered.code()>{format!("Both, staggered: {a} first, then {b}")}</option>
                    }
                }}
            </select>
            <p class="hint" id="who-doses-hint">"Published approaches differ and evidence is thin: this is your choice, with the prescriber. Staggered: the second dose follows the first by the stagger setting, once the first has passed its peak."</p>
        </div>
    }
}

fn rides(shape: &Shape) -> impl IntoView {
    let editing = use_editing();
    let fields = shape
        .slots()
        .into_iter()
        .map(|(day, person, name)| {
            let id = format!("ride-{day}-{}", person.code());
            let driver = move || {
                editing.with_plan(|p| {
                    p.kap
                        .rides
                        .iter()
                        .find(|r| r.day == day && r.person == person)
                        .map(|r| r.driver.clone())
                        .unwrap_or_default()
                })
            };
            view! {
                <div class="field">
                    <label for=id.clone()>{format!("Who drives {name} home after day {}", day + 1)}</label>
                    <input id=id type="text" autocomplete="off" maxlength=PERSON_TEXT_CHARS.to_string() prop:value=driver
                        on:change=move |ev| {
                            let driver = event_target_value(&ev).trim().to_string();
                            editing.update_kap(|k| {
                                k.rides.retain(|r| !(r.day == day && r.person == person));
                                if !driver.is_empty() {
                                    k.rides.push(Ride { day, person, driver });
                                }
                            }, "Ride home recorded.");
                        }/>
                </div>
            }
        })
        .collect_view();
    let none = shape
        .dosing_days
        .is_empty()
        .then(|| view! { <p class="hint">"Rides home are recorded per dosing day; this plan has no dosing yet."</p> });
    view! {
        <div class="subform">
            <h3>"Rides home"</h3>
            {none}
            {fields}
        </div>
    }
}

fn monitors(couple: bool) -> impl IntoView {
    let editing = use_editing();
    let count = couple.then(|| view! {
            <div class="field">
                <label for="monitors">"Sober monitors besides the therapist when both partners dose"</label>
                <input id="monitors" type="number" min=MONITORS.min.to_string() max=MONITORS.max.to_string() inputmode="numeric"
                    prop:value=move || editing.with_plan(|p| p.kap.sober_monitors.to_string())
                    on:change=move |ev| {
                        match event_target_value(&ev).trim().parse::<u8>() {
                            Ok(n) => editing.update_kap(|k| k.sober_monitors = n, "Sober monitors recorded."),
                            _ => editing.refused.set(Some(format!("Enter the number of sober monitors, from {} to {}.", MONITORS.min, MONITORS.max))),
                        }
                    }/>
            </div>
    });
    view! {
        <div class="subform">
            {count}
            <div class="field check">
                <input id="signed-off" type="checkbox"
                    prop:checked=move || editing.with_plan(|p| p.kap.multiple_dosings_signed_off)
                    on:change=move |ev| {
                        let yes = event_target_checked(&ev);
                        editing.update_kap(|k| k.multiple_dosings_signed_off = yes, "Sign-off recorded.");
                    }/>
                <label for="signed-off">"The prescriber signed off more than one dosing in this intensive"</label>
            </div>
        </div>
    }
}

/// An integration appointment after the intensive: what a dosing on the last day needs.
#[component]
fn FollowUpForm() -> impl IntoView {
    let editing = use_editing();
    let recorded = move || editing.with_plan(|p| p.kap.follow_up);
    let date = Draft::new(move || recorded().map(|f| format_date(f.date)).unwrap_or_default());
    let start = Draft::new(move || recorded().map(|f| f.start.to_string()).unwrap_or_default());
    let minutes =
        Draft::new(move || recorded().map_or("60".to_string(), |f| f.minutes.to_string()));
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(on) = parse_date(&date.get_untracked()) else {
            editing.refused.set(Some(
                "Enter the date of the follow-up, such as 2026-12-07.".into(),
            ));
            super::dom::focus("#follow-up-date");
            return;
        };
        let Some(at) = Time::parse(start.get_untracked().trim()) else {
            editing
                .refused
                .set(Some("Enter the follow-up's time, such as 10:00.".into()));
            super::dom::focus("#follow-up-time");
            return;
        };
        let length = match minutes.get_untracked().trim().parse::<u16>() {
            Ok(m) if FOLLOW_UP_MINUTES.contains(m) => m,
            _ => {
                editing.refused.set(Some(format!(
                    "The follow-up lasts {} to {} minutes.",
                    FOLLOW_UP_MINUTES.min, FOLLOW_UP_MINUTES.max
                )));
                super::dom::focus("#follow-up-minutes");
                return;
            }
        };
        editing.update_kap(
            |k| {
                k.follow_up = Some(FollowUp {
                    date: on,
                    start: at,
                    minutes: length,
                })
            },
            "Follow-up integration recorded; it is in the couple's preview and calendar.",
        );
        date.settle();
        start.settle();
        minutes.settle();
    };
    view! {
        <form class="subform" novalidate on:submit=save>
            <h3>"Follow-up integration"</h3>
            <p class="hint">"An integration appointment after the intensive, within the integration window of a dosing on its last day. The couple sees it in their preview and calendar file."</p>
            <div class="field-row">
                {input("follow-up-date", "Follow-up date", Kind::Date, date)}
                {input("follow-up-time", "Follow-up time", Kind::Time, start)}
                {input("follow-up-minutes", "Follow-up minutes", Kind::Number(FOLLOW_UP_MINUTES), minutes)}
            </div>
            <div class="form-actions">
                <button type="submit" class="button">"Record follow-up"</button>
                <Show when=move || recorded().is_some()>
                    <button type="button" class="button danger" on:click=move |_| {
                        editing.update_kap(|k| k.follow_up = None, "Follow-up removed.");
                    }>"Remove follow-up"</button>
                </Show>
            </div>
        </form>
    }
}

/// The emergency plan: safety information the couple gets on the dosing day's card and in the
/// preview.
#[component]
fn EmergencyForm() -> impl IntoView {
    let editing = use_editing();
    let saved = move || editing.with_plan(|p| p.kap.emergency.clone());
    let on_call = Draft::new(move || saved().on_call);
    let department = Draft::new(move || saved().department);
    let address = Draft::new(move || saved().address);
    let people = editing.with_plan(|p| {
        p.participants
            .people()
            .iter()
            .map(|person| (*person, person.name(&p.participants)))
            .collect::<Vec<_>>()
    });
    let contacts: Vec<(Person, String, Draft)> = people
        .into_iter()
        .map(|(person, name)| {
            (
                person,
                name,
                Draft::new(move || saved().contact(person).to_string()),
            )
        })
        .collect();
    let drafts: Vec<(Person, Draft)> = contacts.iter().map(|(p, _, d)| (*p, *d)).collect();
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut plan = EmergencyPlan {
            on_call: on_call.get_untracked().trim().to_string(),
            department: department.get_untracked().trim().to_string(),
            address: address.get_untracked().trim().to_string(),
            ..EmergencyPlan::default()
        };
        for (person, draft) in &drafts {
            *plan.contact_mut(*person) = draft.get_untracked().trim().to_string();
        }
        editing.update_kap(
            |k| k.emergency = plan,
            "Emergency plan saved; it is on the dosing day's card and in the preview.",
        );
        for draft in [on_call, department, address] {
            draft.settle();
        }
        for (_, draft) in &drafts {
            draft.settle();
        }
    };
    let text = Kind::Text(PERSON_TEXT_CHARS);
    view! {
        <form class="subform" novalidate on:submit=save>
            <h3>"Emergency plan"</h3>
            <p class="hint">"Safety information for the dosing day: the couple sees it in their preview and on the day card."</p>
            {input("emergency-on-call", "Prescriber's on-call number", text, on_call)}
            {input("emergency-department", "Nearest emergency department", text, department)}
            {input("emergency-address", "Its address", text, address)}
            {contacts.into_iter().map(|(person, name, draft)| {
                labelled(format!("emergency-contact-{}", person.code()), format!("Emergency contact for {name}"), text, draft)
            }).collect_view()}
            <button type="submit" class="button">"Save emergency plan"</button>
        </form>
    }
}

/// Signed consent for KAP: the date each person signed, and a couple's agreement on touch.
#[component]
fn ConsentForm() -> impl IntoView {
    let editing = use_editing();
    let people = editing.with_plan(|p| {
        p.participants
            .people()
            .iter()
            .map(|person| (*person, person.name(&p.participants)))
            .collect::<Vec<_>>()
    });
    let couple = people.len() == 2;
    let dates: Vec<(Person, String, Draft)> = people
        .into_iter()
        .map(|(person, name)| {
            let saved = move || {
                editing.with_plan(|p| {
                    p.kap
                        .consent
                        .date(person)
                        .map(format_date)
                        .unwrap_or_default()
                })
            };
            (person, name, Draft::new(saved))
        })
        .collect();
    let drafts: Vec<(Person, String, Draft)> = dates.clone();
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut signed = Vec::new();
        for (person, name, draft) in &drafts {
            let text = draft.get_untracked();
            let date = match text.trim() {
                "" => None,
                typed => match parse_date(typed) {
                    Some(date) => Some(date),
                    None => {
                        editing.refused.set(Some(format!(
                            "Enter the date {name} signed the consent, such as 2026-11-20, or leave it empty."
                        )));
                        super::dom::focus(&format!("#consent-{}", person.code()));
                        return;
                    }
                },
            };
            signed.push((*person, date));
        }
        editing.update_kap(
            |k| {
                for (person, date) in signed {
                    *k.consent.date_mut(person) = date;
                }
            },
            "Consent recorded.",
        );
        for (_, _, draft) in &drafts {
            draft.settle();
        }
    };
    let touch = couple.then(|| {
        view! {
            <div class="field check">
                <input id="consent-touch" type="checkbox"
                    prop:checked=move || editing.with_plan(|p| p.kap.consent.touch_agreed)
                    on:change=move |ev| {
                        let yes = event_target_checked(&ev);
                        editing.update_kap(|k| k.consent.touch_agreed = yes, "Touch agreement recorded.");
                    }/>
                <label for="consent-touch">"The couple agreed on supportive touch during the session"</label>
            </div>
        }
    });
    view! {
        <form class="subform" novalidate on:submit=save>
            <h3>"Consent"</h3>
            {dates.into_iter().map(|(person, name, draft)| {
                labelled(format!("consent-{}", person.code()), format!("{name} signed the KAP consent on"), Kind::Date, draft)
            }).collect_view()}
            <button type="submit" class="button">"Record consent"</button>
            {touch}
        </form>
    }
}
