//! Share links, the parts that need no browser: base64url and the public plan.

mod common;

use common::*;
use intensive_planner::core::model::{
    Answer, Clearance, Contraindication, KapPlacement, Person, Ride,
};
use intensive_planner::core::preview::public_plan;
use intensive_planner::shell::share::{base64url_decode, base64url_encode, inspect, ShareError};
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
fn links_say_whether_they_need_a_passphrase() {
    assert_eq!(inspect("#/share/p.abc"), Ok(false));
    assert_eq!(inspect("#/share/e.abc"), Ok(true));
    assert_eq!(inspect("#/plan/p-1"), Err(ShareError::NotALink));
    assert!(matches!(
        inspect("#/share/x.abc"),
        Err(ShareError::Damaged(_))
    ));
    assert!(matches!(inspect("#/share/"), Err(ShareError::Damaged(_))));
}

#[test]
fn the_public_plan_carries_nothing_clinical() {
    let mut plan = plan(couple(), 3, KapPlacement::Midway);
    plan.days[1].blocks[2].notes = "private".into();
    plan.kap
        .screening_a
        .set(Contraindication::Glaucoma, Answer::Yes);
    plan.kap.clearance = Some(Clearance {
        date: plan.start_date,
        prescriber: "Dr. R".into(),
    });
    plan.kap.sober_monitors = 2;
    plan.kap.rides.push(Ride {
        day: 1,
        person: Person::PartnerA,
        driver: "Kim".into(),
    });
    plan.settings.daily_load_minutes = 100;
    plan.settings.fasting_hours = 6;
    let public = public_plan(&plan);
    assert!(public.blocks().all(|(_, b)| b.notes.is_empty()));
    assert_eq!(
        public.kap.screening_a.answer(Contraindication::Glaucoma),
        Answer::Unknown
    );
    assert_eq!(public.kap.clearance, None);
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
