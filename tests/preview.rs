//! The couple's preview and their calendar file. The calendar is read back with the `icalendar`
//! crate's parser (independent of our writer).

mod common;

use chrono::NaiveDate;
use common::*;
use intensive_planner::core::edit::{apply, Edit};
use intensive_planner::core::ics::{calendar, CalendarOptions};
use intensive_planner::core::model::{
    parse_date, BlockKind, Doses, KapPlacement, Person, Plan, Ride, Time,
};
use intensive_planner::core::preview::{preview, second_clock, Preview, TheirClock};

fn kap_plan() -> Plan {
    let mut plan = plan(couple(), 3, KapPlacement::Midway);
    plan.days[1].blocks[0].notes = "CLINICAL NOTE: anxious about the dose".into();
    // Sam doses; Alex supports: the KAP blocks follow (as the records form does it).
    let mut record = plan.kap.clone();
    record.doses = Doses::PartnerB;
    plan = apply(&plan, &Edit::SetKap(Box::new(record))).expect("who doses");
    plan.kap.rides.push(Ride {
        day: 1,
        person: Person::PartnerB,
        driver: "Jordan".into(),
    });
    plan
}

#[test]
fn the_preview_has_no_clinical_data_and_explains_the_dosing_day() {
    let plan = kap_plan();
    let view = preview(&plan);
    let text = format!("{view:?}");
    assert!(
        !text.contains("CLINICAL NOTE"),
        "notes never reach the preview"
    );
    assert_eq!(view.days.len(), 3);
    assert!(view.days[0].dosing.is_none());
    let day2 = &view.days[1];
    let dosing = day2.dosing.as_ref().expect("day 2 doses");
    assert_eq!(dosing.dose_at, t("10:15"));
    assert_eq!(
        dosing.fasting_from,
        (2, t("06:15")),
        "4 hours before, same day"
    );
    let advice = view.dosing_advice(day2).join("\n");
    for needle in [
        "Stop eating at 06:15",
        "No alcohol or cannabis for 24 hours",
        "eye mask",
        "Sam: do not drive until the next day",
        "Jordan takes you home",
        "Integration",
    ] {
        assert!(advice.contains(needle), "missing {needle:?} in:\n{advice}");
    }
    assert!(day2.items.iter().all(|i| !i.about.is_empty()));
    assert_eq!(view.day_heading(day2), "Day 2 · Sat 5 Dec 2026");
}

#[test]
fn an_early_dose_means_fasting_from_the_evening_before() {
    let mut plan = kap_plan();
    plan.settings.fasting_hours = 12;
    let view = preview(&plan);
    let advice = view.dosing_advice(&view.days[1]).join("\n");
    assert!(
        advice.contains("Stop eating at 22:15 the evening before"),
        "{advice}"
    );
}

#[test]
fn the_day_before_a_dosing_says_so_and_when_to_stop_eating_tonight() {
    // (fasting hours, what day 1 says about tonight)
    for (hours, tonight) in [(4, None), (12, Some("Tonight, stop eating at 22:15."))] {
        let mut plan = kap_plan();
        plan.settings.fasting_hours = hours;
        let view = preview(&plan);
        let eve = view
            .eve_advice(&view.days[0])
            .expect("day 1 is the eve of the dosing");
        assert!(
            eve.contains("Tomorrow is your KAP session, at 10:15."),
            "{eve}"
        );
        assert!(eve.contains("No alcohol or cannabis"), "{eve}");
        assert_eq!(eve.contains("Tonight"), tonight.is_some(), "{eve}");
        if let Some(tonight) = tonight {
            assert!(eve.contains(tonight), "{eve}");
        }
        assert_eq!(
            view.eve_advice(&view.days[1]),
            None,
            "the dosing day itself"
        );
        assert_eq!(view.eve_advice(&view.days[2]), None, "the last day");
    }
}

#[test]
fn each_partner_sees_their_own_blocks_and_the_joint_ones() {
    let view = preview(&kap_plan());
    let a = view.for_person(Person::PartnerA);
    let titles: Vec<&str> = a.days[0].items.iter().map(|i| i.title.as_str()).collect();
    assert!(titles.contains(&"Individual session with Alex"));
    assert!(!titles.contains(&"Individual session with Sam"));
    let b = view.for_person(Person::PartnerB);
    assert!(b.days[1].dosing.is_some());
    assert!(b.advice_heading().starts_with("Your KAP day"));
}

/// Finding 2: a partner who supports is not told they rest with an eye mask; their preview says
/// what their role is (present, sober, what to do and not do), without fasting or driving
/// advice, and the dose they sit through is in their view.
#[test]
fn a_supporting_partner_is_told_their_role() {
    let plan = kap_plan();
    let dosing = plan
        .blocks()
        .find(|(_, b)| b.kind == BlockKind::KapDosing)
        .map(|(_, b)| who(b.attendees));
    assert_eq!(
        dosing.as_deref(),
        Some("partner_b+therapist"),
        "the dose attends the person who doses"
    );
    let alex = preview(&plan).for_person(Person::PartnerA);
    let day = &alex.days[1];
    let item = day
        .items
        .iter()
        .find(|i| i.kind == BlockKind::KapDosing)
        .expect("the supporter sees the dose");
    assert!(item.about.contains("sober support"), "{}", item.about);
    assert!(!item.about.contains("eye mask"));
    assert!(item.who.contains("you support"), "{}", item.who);
    let advice = alex.dosing_advice(day).join(" ");
    assert!(advice.contains("you are Sam's support"), "{advice}");
    assert!(advice.contains("Stay sober"), "{advice}");
    assert!(
        advice.contains("Do:") && advice.contains("Don't:"),
        "{advice}"
    );
    assert!(!advice.contains("Stop eating"), "{advice}");
    assert!(!advice.contains("do not drive"), "{advice}");
    assert_eq!(
        alex.advice_heading(),
        "Your day as Sam's support: please read"
    );
    let eve = alex
        .eve_advice(&alex.days[0])
        .expect("the evening before the dose");
    assert!(eve.contains("you are there as their support"), "{eve}");
    // Alex's calendar has the dose, described for the one who supports, and no fasting alarm.
    let mut supporting = options();
    supporting.person = Some(Person::PartnerA);
    supporting.full_titles = true;
    let file = calendar("p1", &preview(&plan), &supporting, los_angeles).text;
    assert!(file.contains("SUMMARY:KAP dosing session"), "{file}");
    assert!(file.contains("sober support"), "{file}");
    assert!(!file.contains("eye mask"), "{file}");
    assert!(!file.contains("Time to stop eating"), "{file}");
    // Sam's own view keeps the dosing advice and no support advice.
    let sam = preview(&plan).for_person(Person::PartnerB);
    let advice = sam.dosing_advice(&sam.days[1]).join(" ");
    assert!(
        advice.contains("Stop eating") && !advice.contains("support today"),
        "{advice}"
    );
}

/// Finding 1: a driver who doses that day is never shown as the ride home.
#[test]
fn a_driver_who_doses_is_not_shown_as_the_ride_home() {
    let mut plan = plan(couple(), 3, KapPlacement::Midway);
    plan.kap.doses = Doses::Together;
    for (person, driver) in [(Person::PartnerA, "Sam"), (Person::PartnerB, " alex ")] {
        plan.kap.rides.push(Ride {
            day: 1,
            person,
            driver: driver.into(),
        });
    }
    let view = preview(&plan);
    let advice = view.dosing_advice(&view.days[1]).join(" ");
    assert!(!advice.contains("takes you home"), "{advice}");
    assert!(
        advice.contains("A sober adult who is not taking the medicine"),
        "{advice}"
    );
    assert!(!advice.contains("with your therapist."), "{advice}");
}

/// Finding 6: a follow-up appointment goes into the preview and the calendar file.
#[test]
fn the_follow_up_is_in_the_preview_and_the_calendar() {
    let mut plan = plan(client(), 2, KapPlacement::Midway);
    plan.kap.follow_up = Some(intensive_planner::core::model::FollowUp {
        date: parse_date("2026-12-08").expect("date"),
        start: t("10:00"),
        minutes: 60,
    });
    let view = preview(&plan);
    assert_eq!(
        view.follow_up_line().as_deref(),
        Some("Follow-up integration · Tue 8 Dec 2026, 10:00–11:00")
    );
    let file = calendar("p1", &view, &options(), los_angeles);
    assert!(
        file.text.contains("UID:p1-follow-up@intensive-planner"),
        "{}",
        file.text
    );
    assert!(
        file.text.contains("DTSTART:20261208T180000Z"),
        "{}",
        file.text
    );
    assert!(file.text.contains("SUMMARY:Follow-up session"));
}

/// The plan's zone is UTC−8 in December (America/Los_Angeles).
fn los_angeles(date: NaiveDate, time: Time) -> Option<(NaiveDate, Time)> {
    let minutes = time.minutes() + 8 * 60;
    let (date, minutes) = if minutes >= 24 * 60 {
        (date.succ_opt()?, minutes - 24 * 60)
    } else {
        (date, minutes)
    };
    Some((date, Time::from_minutes(minutes)?))
}

fn options() -> CalendarOptions {
    CalendarOptions {
        full_titles: false,
        fasting_alarm: true,
        leave_minutes: Some(45),
        person: None,
        stamp: (parse_date("2026-11-28").expect("date"), t("12:00")),
    }
}

struct Event {
    uid: String,
    start: String,
    summary: String,
    triggers: Vec<String>,
}

fn parse(text: &str) -> Vec<Event> {
    let unfolded = icalendar::parser::unfold(text);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("a valid calendar");
    let prop = |c: &icalendar::parser::Component, name: &str| {
        c.properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.as_str().to_string())
            .unwrap_or_default()
    };
    calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|c| Event {
            uid: prop(c, "UID"),
            start: prop(c, "DTSTART"),
            summary: prop(c, "SUMMARY"),
            triggers: c
                .components
                .iter()
                .filter(|a| a.name == "VALARM")
                .map(|a| prop(a, "TRIGGER"))
                .collect(),
        })
        .collect()
}

#[test]
fn the_calendar_file_parses_with_times_in_utc_alarms_and_neutral_titles() {
    let plan = kap_plan();
    let view = preview(&plan);
    let file = calendar(&plan.id, &view, &options(), los_angeles);
    assert!(file.text.ends_with("END:VCALENDAR\r\n"));
    assert!(file.text.lines().all(|l| l.len() <= 76), "lines are folded");
    let events = parse(&file.text);
    let not_breaks = plan
        .blocks()
        .filter(|(_, b)| b.kind != BlockKind::Break)
        .count();
    assert_eq!(
        (events.len(), file.events, file.skipped),
        (not_breaks, not_breaks, 0)
    );

    // 09:00 in Los Angeles on 4 Dec is 17:00 UTC.
    assert_eq!(events[0].start, "20261204T170000Z");
    // The dosing at 10:15 on day 2 is 18:15 UTC, has a neutral title and a fasting alarm 4 h before.
    let dosing = events
        .iter()
        .find(|e| e.start == "20261205T181500Z")
        .expect("the dosing event");
    assert_eq!(dosing.summary, "Session");
    assert!(
        dosing.triggers.contains(&"-PT240M".to_string()),
        "{:?}",
        dosing.triggers
    );
    // A "time to leave" alarm on the first event of each day.
    let first_of_days: Vec<&Event> = events
        .iter()
        .filter(|e| e.triggers.contains(&"-PT45M".to_string()))
        .collect();
    assert_eq!(first_of_days.len(), 3);
    // Nothing on a lock screen names the medicine.
    let lower = file.text.to_lowercase();
    assert!(
        !lower.contains("ketamine") && !lower.contains("kap") && !lower.contains("dosing"),
        "{}",
        file.text
    );
    // Stable UIDs from the plan and block ids.
    let ids: std::collections::HashSet<&str> = events.iter().map(|e| e.uid.as_str()).collect();
    assert_eq!(ids.len(), events.len());
    assert!(events
        .iter()
        .all(|e| e.uid.starts_with(&format!("{}-", plan.id))
            && e.uid.ends_with("@intensive-planner")));
    let again = calendar(&plan.id, &view, &options(), los_angeles);
    assert_eq!(again.text, file.text, "the same plan gives the same file");
}

#[test]
fn full_titles_and_one_partners_calendar() {
    let plan = kap_plan();
    let view = preview(&plan);
    let full = calendar(
        &plan.id,
        &view,
        &CalendarOptions {
            full_titles: true,
            ..options()
        },
        los_angeles,
    );
    assert!(parse(&full.text)
        .iter()
        .any(|e| e.summary == "KAP dosing session"));

    let alex = calendar(
        &plan.id,
        &view,
        &CalendarOptions {
            person: Some(Person::PartnerA),
            ..options()
        },
        los_angeles,
    );
    let summaries: Vec<String> = parse(&alex.text).into_iter().map(|e| e.summary).collect();
    assert_eq!(
        summaries
            .iter()
            .filter(|s| *s == "Individual session")
            .count(),
        1,
        "only Alex's own individual session"
    );
    assert!(alex.events < full.events);
}

#[test]
fn text_is_escaped() {
    let mut plan = kap_plan();
    plan.days[0].blocks[0].title = "History; goals, and \\ more\nnext line".into();
    let view = preview(&plan);
    let file = calendar(
        &plan.id,
        &view,
        &CalendarOptions {
            full_titles: true,
            ..options()
        },
        los_angeles,
    );
    assert!(
        file.text
            .contains("SUMMARY:History\\; goals\\, and \\\\ more\\nnext line"),
        "{}",
        file.text
    );
    assert_eq!(parse(&file.text).len(), file.events);
}

#[test]
fn events_that_cannot_be_converted_are_counted_not_invented() {
    let plan = kap_plan();
    let view = preview(&plan);
    let file = calendar(&plan.id, &view, &options(), |_, _| None);
    assert_eq!(file.events, 0);
    assert!(file.skipped > 0);
}

/// RFC 5545 allows no control characters in TEXT except a tab (a line break is written `\n`):
/// a title pasted with a bell or an escape character still makes a valid file.
#[test]
fn control_characters_are_dropped_from_calendar_text() {
    let mut plan = kap_plan();
    plan.days[0].blocks[0].title = "Hist\u{7}ory\u{1b}[31m\tgoals\u{0}\u{7f}\r\nend".into();
    let view = preview(&plan);
    let file = calendar(
        &plan.id,
        &view,
        &CalendarOptions {
            full_titles: true,
            ..options()
        },
        los_angeles,
    );
    assert!(
        file.text.contains("SUMMARY:History[31m\tgoals\\nend"),
        "{}",
        file.text
    );
    assert!(!file
        .text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\r' | '\n' | '\t')));
    assert_eq!(parse(&file.text).len(), file.events);
}

/// Only someone who doses fasts: the partner who does not dose gets no fasting alarm in their
/// own calendar; the one who doses, and the shared calendar, do.
#[test]
fn the_partner_who_does_not_dose_gets_no_fasting_alarm() {
    let plan = kap_plan(); // Sam (partner B) doses.
    let view = preview(&plan);
    let alarms = |person: Option<Person>| {
        calendar(
            &plan.id,
            &view,
            &CalendarOptions {
                person,
                leave_minutes: None,
                ..options()
            },
            los_angeles,
        )
        .text
        .matches("Time to stop eating")
        .count()
    };
    assert_eq!(alarms(Some(Person::PartnerA)), 0, "Alex does not dose");
    assert_eq!(alarms(Some(Person::PartnerB)), 1, "Sam doses");
    assert_eq!(alarms(None), 1, "the shared calendar");
}

/// With the first dosing on day 1 there is no earlier day to carry the advice for the evening
/// before, so the evening before gets its own: the date, no alcohol, and when to stop eating if
/// that is that night; a partner who supports is told their role. Not for a plan dosing later.
#[test]
fn a_dosing_on_day_one_has_an_evening_before() {
    let mut plan = plan(couple(), 3, KapPlacement::AtStart);
    plan.kap.doses = Doses::PartnerB;
    let view = preview(&plan);
    let (date, text) = view.evening_before().expect("an evening before");
    assert_eq!(date, parse_date("2026-12-03").expect("date"));
    assert!(text.contains("KAP session at 10:45"), "{text}");
    assert!(
        text.contains("No alcohol or cannabis from today."),
        "{text}"
    );
    assert!(
        !text.contains("stop eating"),
        "fasting starts the same morning: {text}"
    );
    assert_eq!(
        view.evening_heading(date),
        "The evening before · Thu 3 Dec 2026"
    );

    plan.settings.fasting_hours = 12;
    let (_, text) = preview(&plan).evening_before().expect("an evening before");
    assert!(text.contains("Tonight, stop eating at 22:45."), "{text}");

    // Alex supports Sam: their evening before says what tomorrow asks of them.
    let (_, support) = preview(&plan)
        .for_person(Person::PartnerA)
        .evening_before()
        .expect("the supporter's evening before");
    assert!(
        support.contains("Sam has their KAP session at 10:45"),
        "{support}"
    );
    assert!(!support.contains("stop eating"), "{support}");
    assert!(preview(&plan)
        .for_person(Person::PartnerB)
        .evening_before()
        .is_some());
    assert_eq!(preview(&kap_plan()).evening_before(), None, "KAP midway");
}

/// The emergency plan is safety information for the couple: on the dosing day's advice (for the
/// person who doses and for the partner who supports), and in a one-person link only with that
/// person's contact.
#[test]
fn the_emergency_plan_reaches_the_couple_on_the_dosing_day() {
    let mut plan = kap_plan();
    plan.kap.emergency = intensive_planner::core::model::EmergencyPlan {
        on_call: "555-0100".into(),
        department: "Harbor General".into(),
        address: "1000 Harbor Blvd".into(),
        contact_a: "Jordan 555-0142".into(),
        contact_b: "Kim 555-0177".into(),
    };
    let view = preview(&plan);
    let advice = view.dosing_advice(&view.days[1]).join(" ");
    assert!(advice.contains("on-call number: 555-0100"), "{advice}");
    assert!(
        advice.contains("nearest emergency department is Harbor General, 1000 Harbor Blvd"),
        "{advice}"
    );
    assert!(
        advice.contains("Emergency contact for Sam: Kim 555-0177"),
        "{advice}"
    );
    // Alex supports Sam, and gets Sam's contact.
    let alex = view.for_person(Person::PartnerA);
    let advice = alex.dosing_advice(&alex.days[1]).join(" ");
    assert!(
        advice.contains("Emergency contact for Sam: Kim 555-0177"),
        "{advice}"
    );
    assert!(!advice.contains("Jordan"), "{advice}");
    // No dosing, no emergency advice.
    assert!(view.dosing_advice(&view.days[0]).is_empty());
    // A link for Sam carries Sam's contact only.
    let link = intensive_planner::core::preview::public_plan(&plan, Some(Person::PartnerB));
    assert_eq!(link.kap.emergency.contact_a, "");
    assert_eq!(link.kap.emergency.contact_b, "Kim 555-0177");
}

/// A clock `hours` ahead of the practice's (or behind, when negative), for the couple's zone.
fn shifted(hours: i32) -> impl Fn(NaiveDate, Time) -> Option<(NaiveDate, Time)> {
    move |date, time| {
        let minutes = i32::from(time.minutes()) + hours * 60;
        let date = date + chrono::Duration::days(i64::from(minutes.div_euclid(24 * 60)));
        let minutes = u16::try_from(minutes.rem_euclid(24 * 60)).ok()?;
        Some((date, Time::from_minutes(minutes)?))
    }
}

#[test]
fn the_couples_own_clock_is_shown_beside_the_practices_when_it_reads_differently() {
    let plan = plan(couple(), 2, KapPlacement::None);
    let full = preview(&plan);
    let first = &full.days[0].items[0];
    let at = t;
    // (their zone, their clock against the practice's, the first item's line on their clock)
    let cases: [(&str, i32, Option<String>); 5] = [
        (
            "America/New_York",
            3,
            Some(format!("{}–{} your time", at("12:00"), at("13:30"))),
        ),
        (
            "Australia/Sydney",
            19,
            Some(format!(
                "{}–{} your time, {}",
                at("04:00"),
                at("05:30"),
                intensive_planner::core::model::display_date(
                    full.days[0].date.succ_opt().expect("a date")
                )
            )),
        ),
        // Another name, the same clock: nothing to add.
        ("America/Vancouver", 0, None),
        // The practice's own zone.
        ("America/Los_Angeles", 3, None),
        (
            "Pacific/Honolulu",
            -2,
            Some(format!("{}–{} your time", at("07:00"), at("08:30"))),
        ),
    ];
    assert_eq!(
        (first.start, first.end),
        (at("09:00"), at("10:30")),
        "the template's first block"
    );
    for (zone, hours, expected) in cases {
        let theirs = full.in_their_zone((zone, TheirClock::Device), shifted(hours));
        let when = theirs.when(&theirs.days[0].items[0]);
        assert_eq!(when.times, "09:00–10:30", "{zone}");
        assert_eq!(
            when.theirs.as_ref().map(|(_, line)| line.clone()),
            expected,
            "{zone}"
        );
        if expected.is_some() {
            assert_eq!(
                when.theirs.map(|(place, _)| place).as_deref(),
                Some("in Los Angeles")
            );
            assert_eq!(theirs.their_zone.as_deref(), Some(zone));
            assert!(
                theirs
                    .zone_line()
                    .contains(&format!("Your device is set to {zone}")),
                "{zone}"
            );
        } else {
            assert_eq!(theirs.their_zone, None, "{zone}");
            assert_eq!(theirs.zone_line(), "Times are in America/Los_Angeles.");
        }
    }
    // A zone the browser does not know changes nothing.
    let unknown = full.in_their_zone(("Mars/Olympus", TheirClock::Device), |_, _| None);
    assert_eq!(unknown, full);

    // The home the therapist set reads by its place, not as "your time".
    let home = full.in_their_zone(("America/New_York", TheirClock::Home), shifted(3));
    let when = home.when(&home.days[0].items[0]);
    assert_eq!(
        when.theirs.map(|(_, line)| line).as_deref(),
        Some("12:00–13:30 in New York")
    );
    assert_eq!(
        home.zone_line(),
        "Times are in Los Angeles time (America/Los_Angeles). Each time is also shown in New York time (America/New_York)."
    );
    let spanish = apply(
        &plan,
        &Edit::SetLanguage(intensive_planner::core::text::Lang::Es),
    )
    .expect("Spanish");
    let home = preview(&spanish).in_their_zone(("America/New_York", TheirClock::Home), shifted(3));
    assert_eq!(
        home.when(&home.days[0].items[0])
            .theirs
            .map(|(_, line)| line)
            .as_deref(),
        Some("12:00–13:30 en New York")
    );
}

/// Which second clock a preview shows: the device's when it is elsewhere, else the home the
/// therapist set, else none.
#[test]
fn the_second_clock_is_the_devices_else_the_home_the_therapist_set() {
    let base = plan(couple(), 2, KapPlacement::None);
    let home =
        apply(&base, &Edit::SetCoupleZone(Some("America/New_York".into()))).expect("a home zone");
    let same = apply(
        &base,
        &Edit::SetCoupleZone(Some("America/Los_Angeles".into())),
    )
    .expect("the practice's zone");
    let device = |z: &str| Some((z.to_string(), TheirClock::Device));
    let set = |z: &str| Some((z.to_string(), TheirClock::Home));
    let cases = [
        (&base, "America/Los_Angeles", None),
        (&base, "Europe/Madrid", device("Europe/Madrid")),
        (&home, "America/Los_Angeles", set("America/New_York")),
        (&home, "Europe/Madrid", device("Europe/Madrid")),
        (&home, "America/New_York", device("America/New_York")),
        (&same, "America/Los_Angeles", None),
    ];
    for (plan, device_zone, expected) in cases {
        assert_eq!(
            second_clock(plan, device_zone),
            expected,
            "{device_zone}, home {:?}",
            plan.couple_zone
        );
    }
}

/// Every sentence a preview says, headings and advice included.
fn all_it_says(p: &Preview) -> Vec<String> {
    let mut out = vec![
        p.zone_line(),
        p.advice_heading(),
        p.follow_up_about().to_string(),
    ];
    out.extend(p.follow_up_line());
    out.extend(
        p.evening_before()
            .map(|(date, text)| format!("{} {text}", p.evening_heading(date))),
    );
    for day in &p.days {
        out.push(p.day_heading(day));
        out.extend(p.dosing_advice(day));
        out.extend(p.eve_advice(day));
        for item in &day.items {
            out.push(item.about.to_string());
            out.push(item.who.clone());
        }
    }
    out
}

#[test]
fn a_plan_in_spanish_is_previewed_in_spanish_with_no_english_sentence_left() {
    use intensive_planner::core::text::{text, Key, Lang};
    let mut plan = kap_plan();
    plan.language = Lang::Es;
    plan.kap.emergency.on_call = "555-0100".into();
    plan.kap.emergency.department = "St. Mary's".into();
    let english: Vec<&str> = Key::ALL
        .iter()
        .map(|k| text(Lang::En, *k))
        .filter(|t| t.len() > 12 && !t.starts_with('{') && !t.starts_with(','))
        .map(|t| t.split('{').next().unwrap_or(t).trim())
        .filter(|t| t.len() > 8)
        .collect();
    let full = preview(&plan);
    for view in [
        full.clone(),
        full.for_person(Person::PartnerA),
        full.for_person(Person::PartnerB),
    ] {
        let said = all_it_says(&view);
        for line in &said {
            for sentence in &english {
                assert!(
                    !line.contains(sentence),
                    "English left: {sentence:?} in {line:?}"
                );
            }
        }
        let all = said.join("\n");
        assert!(all.contains("Día 1 · "), "{all}");
    }
    let said = all_it_says(&full.for_person(Person::PartnerB)).join("\n");
    for spanish in [
        "Deje de comer",
        "no maneje hasta el día siguiente",
        "Traiga un antifaz",
        "555-0100",
        "Su día de KAP: por favor, léalo",
    ] {
        assert!(said.contains(spanish), "missing {spanish:?} in {said}");
    }
    // English stays English.
    let english_plan = kap_plan();
    let said = all_it_says(&preview(&english_plan).for_person(Person::PartnerB)).join("\n");
    assert!(said.contains("Stop eating") && !said.contains("Deje de comer"));
}

#[test]
fn a_spanish_plans_calendar_file_is_in_spanish() {
    use intensive_planner::core::text::{text, Key, Lang};
    let mut plan = kap_plan();
    plan.language = Lang::Es;
    plan.kap.follow_up = Some(intensive_planner::core::model::FollowUp {
        date: parse_date("2026-12-10").expect("date"),
        start: t("10:00"),
        minutes: 60,
    });
    let english: Vec<String> = Key::ALL
        .iter()
        .flat_map(|k| {
            text(Lang::En, *k)
                .split(['{', '}'])
                .map(str::trim)
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .filter(|t| t.len() >= 10)
        .collect();
    for full_titles in [false, true] {
        let file = calendar(
            &plan.id,
            &preview(&plan),
            &CalendarOptions {
                full_titles,
                ..options()
            },
            los_angeles,
        );
        let unfolded = icalendar::parser::unfold(&file.text).replace("\\,", ",");
        for sentence in &english {
            assert!(
                !unfolded.contains(sentence.as_str()),
                "English left: {sentence:?}"
            );
        }
        let titles: Vec<String> = parse(&file.text).into_iter().map(|e| e.summary).collect();
        let expected = if full_titles {
            "Sesión de KAP con la medicina"
        } else {
            "Sesión"
        };
        assert!(titles.iter().any(|t| t.starts_with(expected)), "{titles:?}");
        assert!(
            unfolded.contains("Hora de dejar de comer"),
            "the fasting alarm"
        );
    }
    // The kinds' names a neutral calendar shows are the agenda's own, in English.
    for kind in BlockKind::ALL {
        if !kind.is_kap() {
            assert_eq!(
                intensive_planner::core::ics::neutral_title(Lang::En, kind),
                kind.label()
            );
        }
    }
}

/// On two clocks, the advice's own times (the dose, the fasting, the evening before, the
/// follow-up) carry the couple's beside them too; on one clock they stay as they were.
#[test]
fn the_advice_names_its_times_on_the_couples_clock_too() {
    let mut plan = kap_plan();
    plan.settings.fasting_hours = 12;
    plan.kap.follow_up = Some(intensive_planner::core::model::FollowUp {
        date: parse_date("2026-12-08").expect("date"),
        start: t("10:00"),
        minutes: 60,
    });
    let full = preview(&plan);
    let same = full.in_their_zone(("America/Vancouver", TheirClock::Device), shifted(0));
    assert_eq!(
        same.dosing_advice(&same.days[1]),
        full.dosing_advice(&full.days[1])
    );
    let cases = [
        (
            TheirClock::Device,
            [
                "Stop eating at 22:15 (01:15 your time) the evening before, 12 hours before your session at 10:15 (13:15 your time).",
                "Tonight, stop eating at 22:15 (01:15 your time).",
                "Follow-up integration · Tue 8 Dec 2026, 10:00–11:00 (13:00–14:00 your time)",
            ],
        ),
        (
            TheirClock::Home,
            [
                "Stop eating at 22:15 (01:15 in New York) the evening before, 12 hours before your session at 10:15 (13:15 in New York).",
                "Tonight, stop eating at 22:15 (01:15 in New York).",
                "Follow-up integration · Tue 8 Dec 2026, 10:00–11:00 (13:00–14:00 in New York)",
            ],
        ),
    ];
    for (clock, [advice, eve, follow_up]) in cases {
        let theirs = full.in_their_zone(("America/New_York", clock), shifted(3));
        let said = theirs.dosing_advice(&theirs.days[1]).join("\n");
        assert!(said.contains(advice), "{clock:?}: {said}");
        let before = theirs.eve_advice(&theirs.days[0]).unwrap_or_default();
        assert!(before.contains(eve), "{clock:?}: {before}");
        assert_eq!(
            theirs.follow_up_line().as_deref(),
            Some(follow_up),
            "{clock:?}"
        );
    }
}
