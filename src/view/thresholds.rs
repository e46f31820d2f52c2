//! The plan's clinical thresholds: each setting with its range and the source of its default,
//! and the integration window's "longer on purpose" override.

use super::editor::use_editing;
use super::field::{input, Draft, Kind};
use crate::core::edit::Edit;
use crate::core::limits::{Setting, USUAL_INTEGRATION_WINDOW_HOURS};
use crate::core::model::Profile;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The thresholds panel; its form is drawn when the panel is first opened.
#[component]
pub fn Thresholds() -> impl IntoView {
    let opened = RwSignal::new(false);
    view! {
        <details class="panel" on:toggle=move |_| super::dom::open_once(opened)>
            <summary>"Clinical thresholds"</summary>
            {move || opened.get().then(form)}
        </details>
    }
}

fn form() -> impl IntoView {
    let editing = use_editing();
    let drafts = Setting::ALL
        .map(|s| Draft::new(move || editing.with_plan(|p| s.get(&p.settings).to_string())));
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(mut settings) = editing
            .plan
            .with_untracked(|p| p.as_ref().map(|p| p.settings))
        else {
            return;
        };
        for (setting, draft) in Setting::ALL.into_iter().zip(drafts) {
            let range = setting.range();
            match draft.get_untracked().trim().parse::<u16>() {
                Ok(v) if range.contains(v) => setting.set(&mut settings, v),
                _ => {
                    editing.refused.set(Some(format!(
                        "{}: enter a whole number from {} to {}.",
                        setting.label(),
                        range.min,
                        range.max
                    )));
                    super::dom::focus(&format!("#{}", input_id(setting)));
                    return;
                }
            }
        }
        if editing.commit(
            Edit::SetSettings(settings),
            "Thresholds saved; the findings use them now.",
        ) {
            drafts.iter().for_each(Draft::settle);
        }
    };
    view! {
            <form novalidate on:submit=save>
                <div class="field">
                    <label for="set-profile">"Protocol profile"</label>
                    <select id="set-profile" aria-describedby="set-profile-source"
                        prop:value=move || editing.with_plan(|p| p.settings.profile.code())
                        on:change=move |ev| {
                            let Some(profile) = Profile::from_code(&event_target_value(&ev)) else {
                                return;
                            };
                            let Some(mut settings) = editing.plan.with_untracked(|p| p.as_ref().map(|p| p.settings)) else {
                                return;
                            };
                            settings.use_profile(profile);
                            if editing.commit(Edit::SetSettings(settings), format!("Profile: {}. Its values are in the thresholds below.", profile.label())) {
                                drafts.iter().for_each(Draft::settle);
                            }
                        }>
                        {Profile::ALL.map(|p| view! { <option value=p.code()>{p.label()}</option> })}
                    </select>
                    <p class="hint" id="set-profile-source">{move || editing.with_plan(|p| p.settings.profile.source())}</p>
                </div>
                <div class="field-row">
                    {Setting::ALL.into_iter().zip(drafts).map(|(s, draft)| input(input_id(s), s.label(), Kind::Number(s.range()), draft)).collect_view()}
                </div>
                <div class="field check">
                    <input id="set-window-longer" type="checkbox"
                        prop:checked=move || editing.with_plan(|p| p.settings.longer_window_on_purpose)
                        on:change=move |ev| {
                            let yes = event_target_checked(&ev);
                            let Some(mut settings) = editing.plan.with_untracked(|p| p.as_ref().map(|p| p.settings)) else {
                                return;
                            };
                            settings.longer_window_on_purpose = yes;
                            editing.commit(Edit::SetSettings(settings), "Integration window choice saved.");
                        }/>
                    <label for="set-window-longer">{format!("Longer on purpose: allow integration later than {USUAL_INTEGRATION_WINDOW_HOURS} hours after a dose")}</label>
                </div>
                <details class="sources">
                    <summary>"Where the defaults come from"</summary>
                    <ul>
                        {Setting::ALL.into_iter().map(|s| view! { <li><strong>{s.label()}</strong>": "{s.source()}</li> }).collect_view()}
                    </ul>
                </details>
                <button type="submit" class="button">"Save thresholds"</button>
            </form>
    }
}

/// The input of a threshold (ids the e2e tests use).
fn input_id(setting: Setting) -> &'static str {
    match setting {
        Setting::DosingMinutes => "set-dosing",
        Setting::IntegrationWindowHours => "set-window",
        Setting::FastingHours => "set-fasting",
        Setting::DailyLoadMinutes => "set-load",
        Setting::MaxStretchMinutes => "set-stretch",
        Setting::MonitorsWhenBothDose => "set-monitors",
        Setting::StaggerMinutes => "set-stagger",
        Setting::DosingDayLoadMinutes => "set-dosing-load",
        Setting::TimeOnSiteMinutes => "set-on-site",
        Setting::ClearanceValidDays => "set-clearance-days",
        Setting::LiquidsMinutes => "set-liquids",
        Setting::VitalsCheckMinutes => "set-vitals-check",
        Setting::SystolicMax => "set-systolic",
        Setting::DiastolicMax => "set-diastolic",
        Setting::PulseMax => "set-pulse",
    }
}
