//! Share links, the parts that need no browser: base64url and the public plan.

mod common;

use common::*;
use intensive_planner::core::model::{
    Answer, Clearance, Contraindication, KapPlacement, Person, Reading, Ride,
};
use intensive_planner::core::preview::public_plan;
use intensive_planner::core::words::{passphrase, WORDS};
use intensive_planner::shell::format::encode_plan;
use intensive_planner::shell::share::{
    base64url_decode, base64url_encode, fragment_of, inspect, needs_passphrase, Damage, LinkKind,
    ShareError,
};
use proptest::prelude::*;

#[test]
fn base64url_matches_rfc_4648_vectors() {
    let cases: [(&[u8], &str); 7] = [
        (b"", ""),
        (b"f", "Zg"),
        (b"fo", "Zm8"),
        (b"foo", "Zm9v"),
        (b"foob", "Zm9vYg"),
        (b"fooba", "Zm9vYmE"),
        (&[0xfb, 0xff, 0xbf], "-_-_"),
    ];
    for (bytes, text) in cases {
        assert_eq!(base64url_encode(bytes), text);
        assert_eq!(base64url_decode(text).as_deref(), Some(bytes));
    }
    for bad in ["Z", "Zm9v!", "Zm+v", "Zm/v", "Zm9v=", "é"] {
        assert_eq!(base64url_decode(bad), None, "{bad}");
    }
}

#[test]
fn links_say_how_they_were_made_and_whether_they_need_a_passphrase() {
    assert_eq!(inspect("#/share/p.abc"), Ok((LinkKind::Plain, "abc")));
    assert_eq!(inspect("#/share/e.abc"), Ok((LinkKind::Sealed310k, "abc")));
    assert_eq!(
        inspect("#/share/e600k.abc"),
        Ok((LinkKind::Sealed600k, "abc"))
    );
    assert_eq!(needs_passphrase("#/share/p.abc"), Ok(false));
    assert_eq!(needs_passphrase("#/share/e.abc"), Ok(true));
    assert_eq!(needs_passphrase("#/share/e600k.abc"), Ok(true));
    assert_eq!(inspect("#/plan/p-1"), Err(ShareError::NotALink));
    for bad in [
        "#/share/x.abc",
        "#/share/",
        "#/share/e600.abc",
        "#/share/e600kabc",
    ] {
        assert!(matches!(inspect(bad), Err(ShareError::Damaged(_))), "{bad}");
    }
}

#[test]
fn a_pasted_link_gives_its_fragment_or_says_why_not() {
    let too_long = format!("https://x/share.html#/share/p.{}", "A".repeat(200_000));
    let cases: [(&str, Result<&str, ShareError>); 7] = [
        (
            "https://practice.example/planner/share.html#/share/p.AAAA",
            Ok("#/share/p.AAAA"),
        ),
        // An old link to the app, copied with spaces around it.
        (
            "  http://127.0.0.1:8080/#/share/e600k.AAAA \n",
            Ok("#/share/e600k.AAAA"),
        ),
        ("#/share/p.AAAA", Ok("#/share/p.AAAA")),
        (
            "https://practice.example/planner/#/plan/p-1",
            Err(ShareError::NotALink),
        ),
        ("", Err(ShareError::NotALink)),
        (
            "https://x/#/share/zz.AAAA",
            Err(ShareError::Damaged(Damage::NoHeader)),
        ),
        (&too_long, Err(ShareError::TooLong)),
    ];
    for (link, expected) in cases {
        assert_eq!(fragment_of(link), expected, "{link:.60}");
    }
}

#[test]
fn passphrases_are_four_distinct_common_words() {
    let mut unique = WORDS.to_vec();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), WORDS.len(), "no word twice");
    assert!(WORDS
        .iter()
        .all(|w| (3..=8).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase())));
    assert_eq!(
        passphrase([0, 1, 2, 511]),
        format!("{} {} {} {}", WORDS[0], WORDS[1], WORDS[2], WORDS[511])
    );
    // Only the low 9 bits choose: 512 is word 0 again, so every word is equally likely.
    assert_eq!(
        passphrase([512, 1025, u32::MAX, 7]),
        format!("{} {} {} {}", WORDS[0], WORDS[1], WORDS[511], WORDS[7])
    );
}

/// Every clinical field is set to a recognisable value; none of them may reach a link's payload.
/// A new clinical field must be added here, and stays out of links until `public_plan` names it.
#[test]
fn no_clinical_field_reaches_a_link() {
    let mut plan = plan(couple(), 3, KapPlacement::Midway);
    for day in plan.days.iter_mut() {
        for block in &mut day.blocks {
            block.notes = "SECRET-NOTE".into();
        }
    }
    plan.kap
        .screening_a
        .set(Contraindication::Psychosis, Answer::Yes);
    plan.kap
        .screening_b
        .set(Contraindication::Pregnancy, Answer::No);
    plan.kap.clearance_a = Some(Clearance {
        date: plan.start_date,
        prescriber: "SECRET-PRESCRIBER".into(),
    });
    plan.kap.clearance_b = plan.kap.clearance_a.clone();
    plan.kap.sober_monitors = 7;
    plan.kap.multiple_dosings_signed_off = true;
    // The private screen and the pre-dose readings are clinical too.
    plan.kap.private_a = Answer::Yes;
    plan.kap.private_b = Answer::Discussed;
    plan.kap.readings.push(Reading {
        day: 1,
        person: Person::PartnerA,
        systolic: 187,
        diastolic: 113,
        pulse: 97,
    });
    plan.settings.systolic_max = 611 - 450;
    plan.settings.integration_window_hours = 61;
    plan.settings.daily_load_minutes = 613;
    plan.settings.max_stretch_minutes = 614;
    plan.settings.monitors_when_both_dose = 8;
    for person in [None, Some(Person::PartnerA), Some(Person::PartnerB)] {
        let payload = encode_plan(&public_plan(&plan, person));
        for secret in [
            "SECRET-NOTE",
            "SECRET-PRESCRIBER",
            "psychosis",
            "pregnancy",
            "\"answer\"",
            "187",
            "113",
            "\"pulse\":97",
            "161",
            "613",
            "614",
            "\"sober_monitors\":7",
            "\"multiple_dosings_signed_off\":true",
            "\"monitors_when_both_dose\":8",
            "\"integration_window_hours\":61",
        ] {
            assert!(
                !payload.contains(secret),
                "{person:?}: {secret} in {payload}"
            );
        }
    }
}

/// "Show: only Alex" makes a link that carries Alex's sessions, the joint ones and Alex's ride.
#[test]
fn a_link_for_one_partner_carries_only_their_and_the_joint_sessions() {
    let mut plan = plan(couple(), 3, KapPlacement::Midway);
    for person in [Person::PartnerA, Person::PartnerB] {
        plan.kap.rides.push(Ride {
            day: 1,
            person,
            driver: format!("Driver of {person:?}"),
        });
    }
    let alex = public_plan(&plan, Some(Person::PartnerA));
    assert!(alex
        .blocks()
        .all(|(_, b)| b.attendees.clients()
            != intensive_planner::core::model::Person::PartnerB.alone()));
    assert!(alex.blocks().any(|(_, b)| b.title.contains("Alex")));
    assert!(!alex.blocks().any(|(_, b)| b.title.contains("with Sam")));
    assert_eq!(alex.kap.rides.len(), 1);
    assert_eq!(alex.kap.rides[0].person, Person::PartnerA);
    assert_eq!(alex.validate(), Ok(()));
    let everyone = public_plan(&plan, None);
    assert_eq!(everyone.kap.rides.len(), 2);
    assert!(everyone.blocks().count() > alex.blocks().count());
}

#[test]
fn the_public_plan_carries_nothing_clinical() {
    let mut plan = plan(couple(), 3, KapPlacement::Midway);
    plan.days[1].blocks[2].notes = "private".into();
    plan.kap
        .screening_a
        .set(Contraindication::Glaucoma, Answer::Yes);
    plan.kap.clearance_a = Some(Clearance {
        date: plan.start_date,
        prescriber: "Dr. R".into(),
    });
    plan.kap.clearance_b = plan.kap.clearance_a.clone();
    plan.kap.sober_monitors = 2;
    plan.kap.rides.push(Ride {
        day: 1,
        person: Person::PartnerA,
        driver: "Kim".into(),
    });
    plan.settings.daily_load_minutes = 100;
    plan.settings.fasting_hours = 6;
    let public = public_plan(&plan, None);
    assert!(public.blocks().all(|(_, b)| b.notes.is_empty()));
    assert_eq!(
        public.kap.screening_a.answer(Contraindication::Glaucoma),
        Answer::Unknown
    );
    assert_eq!(public.kap.clearance_a, None);
    assert_eq!(public.kap.clearance_b, None);
    assert_eq!(public.kap.sober_monitors, 0);
    assert_eq!(
        public.kap.rides, plan.kap.rides,
        "who drives is for the couple"
    );
    assert_eq!(
        public.settings.fasting_hours, 6,
        "when to stop eating is for the couple"
    );
    assert_eq!(public.settings.daily_load_minutes, 360);
    assert_eq!(public.days.len(), plan.days.len());
}

proptest! {
    #[test]
    fn base64url_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        prop_assert_eq!(base64url_decode(&base64url_encode(&bytes)), Some(bytes));
    }

    #[test]
    fn base64url_decode_never_panics(text in ".{0,100}") {
        let _ = base64url_decode(&text);
    }
}

/// Why a link is damaged is said in the couple's language; only the reader's own technical
/// reason stays in English, and the Spanish says so.
#[test]
fn a_damaged_link_says_why_in_each_language() {
    use intensive_planner::core::text::Lang;
    let cases = [
        (
            Damage::NoHeader,
            "This link is damaged (it does not say how it was made). Ask for the link again.",
            "Este enlace está dañado (no dice cómo se hizo). Pida el enlace otra vez.",
        ),
        (
            Damage::Unreadable("day_end must be text".into()),
            "This link is damaged (it is not a schedule this version can read: day_end must be text). Ask for the link again.",
            "Este enlace está dañado (no es un horario que esta versión pueda leer; detalle técnico, en inglés: day_end must be text). Pida el enlace otra vez.",
        ),
    ];
    for (damage, english, spanish) in cases {
        let error = ShareError::Damaged(damage);
        assert_eq!(error.say(Lang::En), english);
        assert_eq!(error.to_string(), english);
        assert_eq!(error.say(Lang::Es), spanish);
    }
    for damage in [
        Damage::NoHeader,
        Damage::BadCharacters,
        Damage::CutOrChanged,
        Damage::TooBig,
        Damage::NotText,
    ] {
        let english = damage.say(Lang::En);
        let spanish = ShareError::Damaged(damage).say(Lang::Es);
        assert!(!spanish.contains(&english), "{spanish}");
        assert!(
            spanish.starts_with("Este enlace está dañado ("),
            "{spanish}"
        );
    }
}
