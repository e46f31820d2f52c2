//! The new-plan form: every bad input gets a message on its field; good input gives a spec.

use intensive_planner::core::form::{validate, Field, PlanForm};
use intensive_planner::core::model::{Format, KapPlacement, Participants};

fn good() -> PlanForm {
    PlanForm {
        partner_a: "Alex".into(),
        partner_b: "Sam".into(),
        ..PlanForm::new("2026-12-04", "America/Los_Angeles")
    }
}

type Edit = fn(&mut PlanForm);

#[test]
fn bad_inputs_name_their_fields() {
    let cases: &[(&str, Edit, &[Field])] = &[
        ("all good", |_| {}, &[]),
        (
            "missing partner A",
            |f| f.partner_a = "  ".into(),
            &[Field::PartnerA],
        ),
        (
            "missing both partners",
            |f| {
                f.partner_a.clear();
                f.partner_b.clear();
            },
            &[Field::PartnerA, Field::PartnerB],
        ),
        (
            "a name far too long",
            |f| f.partner_b = "x".repeat(81),
            &[Field::PartnerB],
        ),
        (
            "individual needs a client",
            |f| f.format = Format::Individual,
            &[Field::Client],
        ),
        (
            "individual ignores partner fields",
            |f| {
                f.format = Format::Individual;
                f.client = "Jo".into();
                f.partner_a.clear();
            },
            &[],
        ),
        ("0 days", |f| f.days = "0".into(), &[Field::Days]),
        ("8 days", |f| f.days = "8".into(), &[Field::Days]),
        ("7 days", |f| f.days = "7".into(), &[]),
        (
            "days not a number",
            |f| f.days = "three".into(),
            &[Field::Days],
        ),
        ("empty days", |f| f.days.clear(), &[Field::Days]),
        (
            "end before start",
            |f| f.day_ends = "08:00".into(),
            &[Field::DayEnds],
        ),
        (
            "end equals start",
            |f| f.day_ends = "09:00".into(),
            &[Field::DayEnds],
        ),
        (
            "bad start time",
            |f| f.day_starts = "9am".into(),
            &[Field::DayStarts],
        ),
        (
            "25 o'clock",
            |f| f.day_ends = "25:00".into(),
            &[Field::DayEnds],
        ),
        (
            "bad date",
            |f| f.start_date = "2026-02-30".into(),
            &[Field::StartDate],
        ),
        ("empty date", |f| f.start_date.clear(), &[Field::StartDate]),
        (
            "date in another shape",
            |f| f.start_date = "04/12/2026".into(),
            &[Field::StartDate],
        ),
        (
            "far-future date",
            |f| f.start_date = "9999-01-01".into(),
            &[Field::StartDate],
        ),
        ("no time zone", |f| f.time_zone.clear(), &[Field::TimeZone]),
        (
            "time zone with markup",
            |f| f.time_zone = "<script>".into(),
            &[Field::TimeZone],
        ),
    ];
    for (name, edit, expected) in cases {
        let mut form = good();
        edit(&mut form);
        let fields: Vec<Field> = match validate(&form, "p-1") {
            Ok(_) => Vec::new(),
            Err(errors) => {
                assert!(errors.iter().all(|e| !e.message.is_empty()));
                errors.into_iter().map(|e| e.field).collect()
            }
        };
        assert_eq!(fields, expected.to_vec(), "case: {name}");
    }
}

#[test]
fn a_good_form_gives_a_trimmed_spec_and_a_title() {
    let mut form = good();
    form.partner_a = "  Alex ".into();
    form.days = " 3 ".into();
    form.kap = KapPlacement::Midway;
    let spec = validate(&form, "p-1").expect("valid");
    assert_eq!(
        spec.participants,
        Participants::Couple {
            partner_a: "Alex".into(),
            partner_b: "Sam".into()
        }
    );
    assert_eq!(
        (spec.days, spec.kap, spec.id.as_str()),
        (3, KapPlacement::Midway, "p-1")
    );
    assert_eq!(spec.title, "Alex & Sam · 3-day couples intensive");
}
