use super::route::{go, Route};
use super::state::use_app_state;
use crate::core::form::{validate, Field, FieldError, PlanForm};
use crate::core::model::{Format, KapPlacement};
use crate::core::template::build;
use crate::shell::browser;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The new-plan form. Nothing is saved until every field is valid and the template fits.
#[component]
pub fn NewPlan() -> impl IntoView {
    let state = use_app_state();
    let initial = PlanForm::new(&browser::today(), &browser::time_zone());
    let format = RwSignal::new(initial.format);
    let kap = RwSignal::new(initial.kap);
    let partner_a = RwSignal::new(initial.partner_a);
    let partner_b = RwSignal::new(initial.partner_b);
    let client = RwSignal::new(initial.client);
    let start_date = RwSignal::new(initial.start_date);
    let days = RwSignal::new(initial.days);
    let day_starts = RwSignal::new(initial.day_starts);
    let day_ends = RwSignal::new(initial.day_ends);
    let time_zone = RwSignal::new(initial.time_zone);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form_error = RwSignal::new(None::<String>);

    let error_for = move |field: Field| {
        Signal::derive(move || {
            errors.with(|errors| {
                errors
                    .iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        })
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let form = PlanForm {
            format: format.get_untracked(),
            partner_a: partner_a.get_untracked(),
            partner_b: partner_b.get_untracked(),
            client: client.get_untracked(),
            start_date: start_date.get_untracked(),
            days: days.get_untracked(),
            day_starts: day_starts.get_untracked(),
            day_ends: day_ends.get_untracked(),
            time_zone: time_zone.get_untracked(),
            kap: kap.get_untracked(),
        };
        let id = state.fresh_id();
        match validate(&form, &id) {
            Err(problems) => {
                let first = problems.first().map(|p| field_id(p.field));
                errors.set(problems);
                form_error.set(Some(
                    "Nothing was saved. Please correct the fields marked below.".into(),
                ));
                if let Some(first) = first {
                    focus(first);
                }
            }
            Ok(spec) => {
                errors.set(Vec::new());
                match build(&spec) {
                    Err(problem) => form_error.set(Some(format!("Nothing was saved. {problem}"))),
                    Ok(plan) => {
                        state.add(plan);
                        go(&Route::Plan(id));
                    }
                }
            }
        }
    };

    view! {
        <section class="page narrow" aria-labelledby="new-heading">
            <h1 id="new-heading" tabindex="-1">"New plan"</h1>
            <p class="lead">"Choose the shape of the intensive. A complete agenda is made for you to adjust."</p>
            {move || form_error.get().map(|message| view! {
                <div class="banner banner-error" role="alert"><p>{message}</p></div>
            })}
            <form class="plan-form" novalidate on:submit=on_submit>
                <div class="field">
                    <label for="format">"Format"</label>
                    <select
                        id="format"
                        prop:value=move || format_code(format.get())
                        on:change=move |ev| format.set(if event_target_value(&ev) == "individual" { Format::Individual } else { Format::Couples })
                    >
                        <option value="couples">"Couples"</option>
                        <option value="individual">"Individual"</option>
                    </select>
                </div>
                {move || match format.get() {
                    Format::Couples => view! {
                        <div class="field-row">
                            <TextField id=field_id(Field::PartnerA) label="Partner A" value=partner_a error=error_for(Field::PartnerA) autocomplete="off"/>
                            <TextField id=field_id(Field::PartnerB) label="Partner B" value=partner_b error=error_for(Field::PartnerB) autocomplete="off"/>
                        </div>
                    }.into_any(),
                    Format::Individual => view! {
                        <TextField id=field_id(Field::Client) label="Client" value=client error=error_for(Field::Client) autocomplete="off"/>
                    }.into_any(),
                }}
                <div class="field-row">
                    <TextField id=field_id(Field::StartDate) label="Start date" input_type="date" value=start_date error=error_for(Field::StartDate)/>
                    <TextField id=field_id(Field::Days) label="Days" input_type="number" value=days error=error_for(Field::Days) hint="1 to 7"/>
                </div>
                <div class="field-row">
                    <TextField id=field_id(Field::DayStarts) label="Day starts" input_type="time" value=day_starts error=error_for(Field::DayStarts)/>
                    <TextField id=field_id(Field::DayEnds) label="Day ends" input_type="time" value=day_ends error=error_for(Field::DayEnds)/>
                </div>
                <div class="field">
                    <label for="kap">"KAP session"</label>
                    <select
                        id="kap"
                        prop:value=move || kap.get().code()
                        on:change=move |ev| kap.set(KapPlacement::from_code(&event_target_value(&ev)).unwrap_or(KapPlacement::None))
                    >
                        <option value="none">"None"</option>
                        <option value="start">"At the start"</option>
                        <option value="midway">"Midway"</option>
                    </select>
                </div>
                <TextField id=field_id(Field::TimeZone) label="Practice time zone" value=time_zone error=error_for(Field::TimeZone) hint="An IANA name, such as America/Los_Angeles"/>
                <div class="form-actions">
                    <button type="submit" class="button primary">"Create plan"</button>
                    <a class="button" href="#/">"Cancel"</a>
                </div>
            </form>
        </section>
    }
}

fn format_code(format: Format) -> &'static str {
    match format {
        Format::Couples => "couples",
        Format::Individual => "individual",
    }
}

fn field_id(field: Field) -> &'static str {
    match field {
        Field::PartnerA => "partner-a",
        Field::PartnerB => "partner-b",
        Field::Client => "client",
        Field::StartDate => "start-date",
        Field::Days => "days",
        Field::DayStarts => "day-starts",
        Field::DayEnds => "day-ends",
        Field::TimeZone => "time-zone",
    }
}

fn focus(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// A labelled input with its hint and its error message, tied together for screen readers.
#[component]
fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] autocomplete: &'static str,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if !hint.is_empty() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            <input
                id=id
                name=id
                type=input_type
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
            />
            {move || error.get().map(|message| view! {
                <p class="field-error" id=error_id.clone()>{message}</p>
            })}
        </div>
    }
}
