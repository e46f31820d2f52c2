//! The couple's texts: every key in every language, none empty, each language filling in the
//! same parts; dates, durations and lists in each language.

use chrono::NaiveDate;
use intensive_planner::core::model::display_date;
use intensive_planner::core::text::{date, duration, fill, list, parts, say, text, Key, Lang};
use std::collections::BTreeSet;

#[test]
fn every_key_has_a_text_in_every_language_with_the_same_parts() {
    for key in Key::ALL {
        let english: BTreeSet<&str> = parts(text(Lang::En, *key)).into_iter().collect();
        for lang in Lang::ALL {
            let t = text(lang, *key);
            assert!(!t.trim().is_empty(), "{key:?} is empty in {lang:?}");
            let named: BTreeSet<&str> = parts(t).into_iter().collect();
            assert_eq!(named, english, "{key:?} in {lang:?} fills in other parts");
        }
    }
    // Whole sentences are translated, not copied (the month "May" and the acronym aside).
    let same: Vec<_> = Key::ALL
        .iter()
        .filter(|k| text(Lang::En, **k) == text(Lang::Es, **k))
        .collect();
    assert_eq!(same, vec![&Key::WhenTheirDate], "left in English");
}

#[test]
fn languages_by_code() {
    for lang in Lang::ALL {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
    }
    assert_eq!(Lang::from_code("fr"), None);
    assert_eq!((Lang::En.name(), Lang::Es.name()), ("English", "Español"));
}

#[test]
fn dates_durations_and_lists_in_each_language() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("a date");
    let cases = [
        (Lang::En, d(2027, 3, 5), "Fri 5 Mar 2027"),
        (Lang::Es, d(2027, 3, 5), "viernes 5 de marzo de 2027"),
        (Lang::Es, d(2026, 12, 6), "domingo 6 de diciembre de 2026"),
        (
            Lang::Es,
            d(2026, 9, 30),
            "miércoles 30 de septiembre de 2026",
        ),
    ];
    for (lang, day, expected) in cases {
        assert_eq!(date(lang, day), expected);
    }
    // The therapist's screens read English dates from the same table.
    assert_eq!(display_date(d(2026, 12, 4)), date(Lang::En, d(2026, 12, 4)));
    let durations = [
        (Lang::En, 30, "30 minutes"),
        (Lang::En, 60, "1 hour"),
        (Lang::En, 150, "2 hours 30 minutes"),
        (Lang::En, 61, "1 hour 1 minute"),
        (Lang::Es, 1, "1 minuto"),
        (Lang::Es, 120, "2 horas"),
        (Lang::Es, 150, "2 horas y 30 minutos"),
    ];
    for (lang, minutes, expected) in durations {
        assert_eq!(duration(lang, minutes), expected);
    }
    assert_eq!(list(Lang::En, &["a", "b", "c"]), "a, b and c");
    assert_eq!(list(Lang::Es, &["a", "b", "c"]), "a, b y c");
    assert_eq!(list(Lang::Es, &["a"]), "a");
    assert_eq!(list(Lang::Es, &[]), "");
}

#[test]
fn filling_in_parts() {
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
    let cases: [Case; 5] = [
        ("Stop at {time}.", &[("time", "09:00")], "Stop at 09:00."),
        ("{a}{b}", &[("a", "1"), ("b", "2")], "12"),
        // A part nobody gives stays as written; a brace left open is text.
        ("at {time}", &[], "at {time}"),
        ("a { b", &[("b", "x")], "a { b"),
        ("{x} and {x}", &[("x", "é")], "é and é"),
    ];
    for (template, given, expected) in cases {
        assert_eq!(fill(template, given), expected, "{template}");
    }
    assert_eq!(
        say(Lang::Es, Key::DayHeading, &[("n", "2"), ("date", "sábado")]),
        "Día 2 · sábado"
    );
}
