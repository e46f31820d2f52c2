use super::dom;
use super::field::{attributes, Kind};
use super::route::{go, Route};
use super::state::use_app_state;
use crate::core::catalog::BUILT_INS;
use crate::core::form::{validate, Field, FieldError, PlanForm};
use crate::core::limits::{Range, MAX_DAYS, MIN_DAYS, NAME_CHARS, TIME_ZONE_CHARS};
use crate::core::model::{Format, KapPlacement};
use crate::core::template::build;
use crate::shell::browser;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

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
    let co_therapist = RwSignal::new(initial.co_therapist);
    let start_date = RwSignal::new(initial.start_date);
    let days = RwSignal::new(initial.days);
    let day_starts = RwSignal::new(initial.day_starts);
    let day_ends = RwSignal::new(initial.day_ends);
    let time_zone = RwSignal::new(initial.time_zone);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form_error = RwSignal::new(None::<String>);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let form = PlanForm {
            format: format.get_untracked(),
            partner_a: partner_a.get_untracked(),
            partner_b: partner_b.get_untracked(),
            client: client.get_untracked(),
            co_therapist: co_therapist.get_untracked(),
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
                    dom::focus(&format!("#{first}"));
                }
            }
            Ok(spec) => {
                errors.set(Vec::new());
                match build(&spec) {
                    Err(problem) => form_error.set(Some(format!("Nothing was saved. {problem}"))),
                    Ok(plan) => {
                        state.add(plan);
                        // Creating a plan is the gesture browsers want before they protect a
                        // site's storage from automatic clearing.
                        state.ask_persistence();
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
                <fieldset class="templates">
                    <legend>"Start from a template"</legend>
                    <p class="hint">"A template sets the format, the number of days and the KAP placement; you can still change each below."</p>
                    {BUILT_INS.iter().enumerate().map(|(i, template)| {
                        let id = format!("template-{i}");
                        let about_id = format!("template-{i}-about");
                        let chosen = move || {
                            format.get() == template.format
                                && days.with(|d| d.trim() == template.days.to_string())
                                && kap.get() == template.kap
                        };
                        view! {
                            <div class="template" class:chosen=chosen>
                                <input type="radio" name="template" id=id.clone() aria-describedby=about_id.clone()
                                    prop:checked=chosen
                                    on:change=move |_| {
                                        format.set(template.format);
                                        days.set(template.days.to_string());
                                        kap.set(template.kap);
                                    }/>
                                <label for=id>{template.name}</label>
                                <p class="hint" id=about_id>{template.about}</p>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
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
                            {text_field(Field::PartnerA, partner_a, errors)}
                            {text_field(Field::PartnerB, partner_b, errors)}
                        </div>
                        {text_field(Field::CoTherapist, co_therapist, errors)}
                    }.into_any(),
                    Format::Individual => view! {
                        {text_field(Field::Client, client, errors)}
                    }.into_any(),
                }}
                <div class="field-row">
                    {text_field(Field::StartDate, start_date, errors)}
                    {text_field(Field::Days, days, errors)}
                </div>
                <div class="field-row">
                    {text_field(Field::DayStarts, day_starts, errors)}
                    {text_field(Field::DayEnds, day_ends, errors)}
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
                {text_field(Field::TimeZone, time_zone, errors)}
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
        Field::CoTherapist => "co-therapist",
        Field::StartDate => "start-date",
        Field::Days => "days",
        Field::DayStarts => "day-starts",
        Field::DayEnds => "day-ends",
        Field::TimeZone => "time-zone",
    }
}

/// Label, kind of input (with its bounds) and hint of each field.
fn field_info(field: Field) -> (&'static str, Kind, String) {
    match field {
        Field::PartnerA => ("Partner A", Kind::Text(NAME_CHARS), String::new()),
        Field::PartnerB => ("Partner B", Kind::Text(NAME_CHARS), String::new()),
        Field::Client => ("Client", Kind::Text(NAME_CHARS), String::new()),
        Field::CoTherapist => (
            "Co-therapist (optional)",
            Kind::Text(NAME_CHARS),
            "With a co-therapist, the partners' individual sessions run at the same time."
                .to_string(),
        ),
        Field::StartDate => ("Start date", Kind::Date, String::new()),
        Field::Days => (
            "Days",
            Kind::Number(Range {
                min: MIN_DAYS as u16,
                max: MAX_DAYS as u16,
            }),
            format!("{MIN_DAYS} to {MAX_DAYS}"),
        ),
        Field::DayStarts => ("Day starts", Kind::Time, String::new()),
        Field::DayEnds => ("Day ends", Kind::Time, String::new()),
        Field::TimeZone => (
            "Practice time zone",
            Kind::Text(TIME_ZONE_CHARS),
            "An IANA name, such as America/Los_Angeles".to_string(),
        ),
    }
}

/// A labelled input with its hint and its error message, tied together for screen readers.
/// (A plain function rather than a component: one copy of the code serves every field.)
fn text_field(field: Field, value: RwSignal<String>, errors: RwSignal<Vec<FieldError>>) -> AnyView {
    let id = field_id(field);
    let (label, kind, hint) = field_info(field);
    let (input_type, min, max, maxlength) = attributes(kind);
    let error = Memo::new(move |_| {
        errors.with(|errors| {
            errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    });
    let has_hint = !hint.is_empty();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let names = matches!(
        field,
        Field::PartnerA | Field::PartnerB | Field::Client | Field::CoTherapist
    );
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            <input
                id=id
                name=id
                type=input_type
                min=min
                max=max
                maxlength=maxlength
                autocomplete=names.then_some("off")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
            />
            {has_hint.then(|| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            {move || error.get().map(|message| view! {
                <p class="field-error" id=error_id.clone()>{message}</p>
            })}
        </div>
    }
    .into_any()
}
