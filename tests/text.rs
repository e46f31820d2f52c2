//! The couple's texts: every key in every language, none empty, each language filling in the
//! same parts; dates, durations and lists in each language.

mod common;

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
    // In a sentence, each language names the others its own way.
    let named = [
        (Lang::Es, Lang::En, "Spanish"),
        (Lang::Es, Lang::Es, "español"),
        (Lang::En, Lang::Es, "inglés"),
        (Lang::En, Lang::En, "English"),
    ];
    for (lang, sentence, name) in named {
        assert_eq!(lang.named_in(sentence), name, "{lang:?} in {sentence:?}");
    }
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

/// `tests/e2e/texts-en.json`, the English table for the end-to-end tests (which check that a
/// Spanish page has none of it left), is kept in step with the code: run with
/// `UPDATE_TEXTS=1` to write it again after changing a text.
#[test]
fn the_english_table_for_the_e2e_tests_is_current() {
    let english: Vec<&str> = Key::ALL.iter().map(|k| text(Lang::En, *k)).collect();
    let current = format!(
        "{}\n",
        serde_json::to_string_pretty(&english).expect("json")
    );
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/texts-en.json");
    if std::env::var_os("UPDATE_TEXTS").is_some() {
        std::fs::write(path, &current).expect("write the table");
    }
    let stored = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        stored == current,
        "tests/e2e/texts-en.json is out of date: run `UPDATE_TEXTS=1 cargo test --test text`"
    );
}

/// Every title a template or a KAP placement writes has its Spanish, so a Spanish plan's
/// preview shows none of them in English; a title the therapist typed stays as written.
#[test]
fn every_title_the_templates_write_reads_in_spanish() {
    use intensive_planner::core::edit::{apply, Edit};
    use intensive_planner::core::model::{Doses, KapPlacement};
    use intensive_planner::core::text::title;
    let mut plans = Vec::new();
    for placement in [
        KapPlacement::None,
        KapPlacement::AtStart,
        KapPlacement::Midway,
    ] {
        plans.push(common::plan(common::couple(), 3, placement));
        plans.push(common::plan(common::client(), 2, placement));
        for doses in [Doses::PartnerA, Doses::Together, Doses::Staggered] {
            let base = common::plan(common::couple(), 3, placement);
            let mut record = base.kap.clone();
            record.doses = doses;
            if let Ok(plan) = apply(&base, &Edit::SetKap(Box::new(record))) {
                plans.push(plan);
            }
        }
    }
    let mut seen = BTreeSet::new();
    for plan in &plans {
        for (_, block) in plan.blocks() {
            let spanish = title(Lang::Es, &block.title);
            assert!(spanish.is_some(), "no Spanish for {:?}", block.title);
            seen.insert(block.title.clone());
        }
    }
    assert!(seen.len() > 15, "the plans cover the titles: {seen:?}");
    assert_eq!(
        title(Lang::Es, "Individual session with Sam").as_deref(),
        Some("Sesión individual con Sam")
    );
    assert_eq!(title(Lang::Es, "Our walk by the sea"), None);
    assert_eq!(title(Lang::Es, "Individual session with "), None);
}

/// The title the new-plan form writes reads in Spanish, names kept, with the right number of
/// days; a title the therapist typed stays as written.
#[test]
fn the_plan_title_the_form_writes_reads_in_spanish() {
    use intensive_planner::core::text::{plan_title, read_plan_title};
    let cases = [
        (
            common::couple(),
            3,
            "Alex & Sam · intensivo de pareja de 3 días",
        ),
        (
            common::couple(),
            1,
            "Alex & Sam · intensivo de pareja de 1 día",
        ),
        (common::client(), 2, "Jo · intensivo individual de 2 días"),
    ];
    for (people, days, spanish) in cases {
        let english = plan_title(Lang::En, &people, days);
        assert_eq!(
            read_plan_title(Lang::Es, &english).as_deref(),
            Some(spanish)
        );
        assert_eq!(plan_title(Lang::Es, &people, days), spanish);
        assert_eq!(read_plan_title(Lang::En, &english), Some(english));
    }
    assert_eq!(
        plan_title(Lang::En, &common::couple(), 3),
        "Alex & Sam · 3-day couples intensive"
    );
    assert_eq!(read_plan_title(Lang::Es, "Alex & Sam · our week"), None);
    assert_eq!(
        read_plan_title(Lang::Es, " · 3-day couples intensive"),
        None
    );
    assert_eq!(
        read_plan_title(Lang::Es, "Alex & Sam · 9-day couples intensive"),
        None
    );
}

#[test]
fn the_pages_own_loading_lines_are_the_catalogs_words() {
    // index.html and share.html say something while their files arrive, before any wasm runs,
    // so their words are written in the HTML: here they are held to the catalog's.
    let page = |name: &str| {
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let app = format!(
        r#"<p class="loading">{}</p>"#,
        text(Lang::En, Key::PartLoading)
    );
    assert!(page("index.html").contains(&app), "index.html has no {app}");
    let share = format!(
        r#"<p class="loading">{}<br><span lang="es">{}</span></p>"#,
        text(Lang::En, Key::ShareOpening),
        text(Lang::Es, Key::ShareOpening)
    );
    assert!(
        page("share.html").contains(&share),
        "share.html has no {share}"
    );
}
