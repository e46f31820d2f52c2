//! Browser tests (wasm-bindgen-test in headless Chromium): storage and a mounted component.
#![cfg(target_arch = "wasm32")]

use intensive_planner::core::model::{parse_date, KapPlacement, Participants, Settings, Time};
use intensive_planner::core::template::{build, TemplateSpec};
use intensive_planner::shell::format::{encode_plan, plan_key, FORMAT_VERSION};
use intensive_planner::shell::{browser, storage};
use intensive_planner::view::{Agenda, AppState, EditorScope};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage in the test browser")
}

fn sample(id: &str) -> intensive_planner::core::model::Plan {
    build(&TemplateSpec {
        id: id.into(),
        title: "Alex & Sam".into(),
        participants: Participants::Couple {
            partner_a: "Alex".into(),
            partner_b: "Sam".into(),
        },
        team: Default::default(),
        start_date: parse_date("2026-12-04").expect("date"),
        days: 3,
        day_start: Time::parse("09:00").expect("time"),
        day_end: Time::parse("17:00").expect("time"),
        time_zone: "Europe/Berlin".into(),
        kap: KapPlacement::Midway,
        settings: Settings::default(),
    })
    .expect("template fits")
}

#[wasm_bindgen_test]
fn storage_round_trip() {
    local().clear().expect("clear");
    let mut plan = sample("p-roundtrip");
    plan.days[0].blocks[0].notes = "Clinician-only: <b>not HTML</b> \"quoted\"".into();
    storage::save(&plan, None).expect("saved");
    let loaded = storage::load_all().expect("readable storage");
    assert_eq!(loaded.plans, vec![plan.clone()]);
    assert!(loaded.unreadable.is_empty());
    storage::delete(&plan.id).expect("deleted");
    assert!(storage::load_all().expect("readable").plans.is_empty());
}

#[wasm_bindgen_test]
fn one_plan_is_read_alone_with_its_revision_and_its_damage() {
    local().clear().expect("clear");
    let wanted = sample("p-wanted");
    let other = sample("p-other");
    storage::save(&wanted, None).expect("saved");
    let revision = storage::save(&wanted, Some(1)).expect("saved again");
    storage::save(&other, None).expect("saved");
    local()
        .set_item(&plan_key("p-broken"), "{not json")
        .expect("set");
    let one = storage::load_one("p-wanted").expect("readable storage");
    assert_eq!(one.plans, vec![wanted.clone()]);
    assert_eq!(one.revisions, vec![("p-wanted".to_string(), revision)]);
    assert!(one.unreadable.is_empty());
    // A broken entry read alone is reported and kept, as when every plan is read.
    let broken = storage::load_one("p-broken").expect("readable storage");
    assert!(broken.plans.is_empty());
    assert_eq!(broken.unreadable.len(), 1);
    assert_eq!(
        local()
            .get_item(&plan_key("p-broken"))
            .ok()
            .flatten()
            .as_deref(),
        Some("{not json")
    );
    assert!(storage::load_one("p-missing")
        .expect("readable")
        .plans
        .is_empty());
    assert_eq!(storage::load_all().expect("readable").plans.len(), 2);
    local().clear().expect("clear");
}

#[wasm_bindgen_test]
fn revisions_stop_one_tab_from_overwriting_another() {
    use intensive_planner::shell::storage::SaveError;
    let storage_area = local();
    storage_area.clear().expect("clear");
    let plan = sample("p-rev");
    let key = plan_key("p-rev");
    assert_eq!(storage::save(&plan, None), Ok(1));
    assert_eq!(storage::save(&plan, Some(1)), Ok(2));
    assert_eq!(
        storage::load_all().expect("readable").revisions,
        vec![("p-rev".to_string(), 2)]
    );
    let stored = storage_area.get_item(&key).ok().flatten();

    // A tab that last saw revision 1 (or never saw the plan) does not write over revision 2.
    let mut stale = plan.clone();
    stale.title = "Stale".into();
    assert_eq!(
        storage::save(&stale, Some(1)),
        Err(SaveError::ChangedElsewhere)
    );
    assert_eq!(
        storage::save(&stale, None),
        Err(SaveError::ChangedElsewhere)
    );
    assert_eq!(storage_area.get_item(&key).ok().flatten(), stored);

    // A deleted plan is not brought back by a tab that still had it.
    storage::delete("p-rev").expect("deleted");
    assert_eq!(
        storage::save(&stale, Some(2)),
        Err(SaveError::DeletedElsewhere)
    );
    assert_eq!(storage_area.get_item(&key).ok().flatten(), None);
    storage_area.clear().expect("clear");
}

#[wasm_bindgen_test]
fn a_plan_from_a_newer_version_is_shown_read_only_and_kept() {
    let storage_area = local();
    storage_area.clear().expect("clear");
    let plan = sample("p-future");
    let newer = encode_plan(&plan).replacen(
        &format!("\"format_version\":{FORMAT_VERSION}"),
        "\"format_version\":99",
        1,
    );
    assert!(newer.contains("\"format_version\":99"));
    storage_area
        .set_item(&plan_key("p-future"), &newer)
        .expect("seed");
    let loaded = storage::load_all().expect("readable");
    assert!(loaded.plans.is_empty());
    assert_eq!(loaded.read_only, vec![plan]);
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(
        storage_area.get_item(&plan_key("p-future")).ok().flatten(),
        Some(newer)
    );
    storage_area.clear().expect("clear");
}

#[wasm_bindgen_test]
fn unreadable_entries_are_kept_untouched() {
    let storage_area = local();
    storage_area.clear().expect("clear");
    let corrupt = "{\"format_version\":1,\"plan\":{\"id\":\"p-x\"";
    let newer = "{\"format_version\":99,\"plan\":{}}";
    storage_area
        .set_item(&plan_key("p-corrupt"), corrupt)
        .expect("seed");
    storage_area
        .set_item(&plan_key("p-newer"), newer)
        .expect("seed");
    let good = sample("p-good");
    storage_area
        .set_item(&plan_key("p-good"), &encode_plan(&good))
        .expect("seed");

    let loaded = storage::load_all().expect("readable storage");
    assert_eq!(loaded.plans, vec![good]);
    let keys: Vec<_> = loaded.unreadable.iter().map(|u| u.key.as_str()).collect();
    assert_eq!(keys, [plan_key("p-corrupt"), plan_key("p-newer")]);
    assert!(loaded.unreadable[0].problem.contains("not valid JSON"));
    assert!(loaded.unreadable[1].problem.contains("newer version"));

    // Saving other plans never touches them.
    storage::save(&sample("p-another"), None).expect("saved");
    assert_eq!(
        storage_area
            .get_item(&plan_key("p-corrupt"))
            .ok()
            .flatten()
            .as_deref(),
        Some(corrupt)
    );
    assert_eq!(
        storage_area
            .get_item(&plan_key("p-newer"))
            .ok()
            .flatten()
            .as_deref(),
        Some(newer)
    );
    storage_area.clear().expect("clear");
}

#[wasm_bindgen_test]
async fn agenda_component_renders_days_and_blocks() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let host = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    let plan = sample("p-view");
    let block_count = plan.blocks().count();
    storage::save(&plan, None).expect("save");
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        provide_context(AppState::load(None));
        view! { <EditorScope id="p-view".to_string()><Agenda/></EditorScope> }
    });
    leptos::task::tick().await;

    let headings = host.query_selector_all("h2").expect("query");
    let texts: Vec<String> = (0..headings.length())
        .filter_map(|i| headings.item(i).and_then(|n| n.text_content()))
        .collect();
    assert_eq!(
        texts,
        [
            "Day 1 · Fri 4 Dec 2026",
            "Day 2 · Sat 5 Dec 2026",
            "Day 3 · Sun 6 Dec 2026"
        ]
    );
    let items = host.query_selector_all("li").expect("query");
    assert_eq!(items.length() as usize, block_count);
    let dosing = host
        .query_selector_all("section:nth-of-type(2) li")
        .expect("query");
    let day2: Vec<String> = (0..dosing.length())
        .filter_map(|i| dosing.item(i).and_then(|n| n.text_content()))
        .collect();
    assert!(
        day2.iter().any(|t| t.starts_with("10:15–13:15 KAP dosing")),
        "{day2:?}"
    );
    drop(handle);
    storage::delete("p-view").expect("delete");
}

// Share links, with the browser's CompressionStream and SubtleCrypto. -------------------------

use intensive_planner::core::preview::public_plan;
use intensive_planner::shell::share::{
    make_fragment, open_fragment, Damage, Protection, ShareError,
};

fn secret(words: &str) -> Protection {
    Protection::Passphrase(words.to_string())
}

#[wasm_bindgen_test]
async fn share_link_round_trip_without_passphrase_and_its_length() {
    let mut plan = sample("p-share");
    plan.days[0].blocks[0].notes = "private clinical note".into();
    let fragment = make_fragment(&plan, None, &Protection::Plain)
        .await
        .expect("link");
    assert!(fragment.starts_with("#/share/p."));
    assert!(!fragment.contains("private"));
    let opened = open_fragment(&fragment, None).await.expect("opens");
    assert_eq!(opened, public_plan(&plan, None));
    // The built-in 3-day couples template (KAP midway) fits in a link under 2,000 characters.
    let url = format!("http://127.0.0.1:8080/{fragment}");
    web_sys::console::log_1(
        &format!(
            "share link length for the 3-day couples template: {} characters",
            url.len()
        )
        .into(),
    );
    assert!(url.len() < 2000, "the link is {} characters", url.len());
}

#[wasm_bindgen_test]
async fn share_link_with_passphrase() {
    let plan = sample("p-secret");
    let fragment = make_fragment(&plan, None, &secret("correct horse battery"))
        .await
        .expect("link");
    assert!(fragment.starts_with("#/share/e600k."));
    assert_eq!(
        open_fragment(&fragment, None).await,
        Err(ShareError::NeedsPassphrase)
    );
    assert_eq!(
        open_fragment(&fragment, Some("wrong")).await,
        Err(ShareError::WrongPassphraseOrChanged)
    );
    let opened = open_fragment(&fragment, Some("correct horse battery"))
        .await
        .expect("opens");
    assert_eq!(opened, public_plan(&plan, None));
    // Two links for the same plan differ (random salt and iv).
    let again = make_fragment(&plan, None, &secret("correct horse battery"))
        .await
        .expect("link");
    assert_ne!(again, fragment);
    // A protected link needs a passphrase to be made.
    assert_eq!(
        make_fragment(&plan, None, &secret("  ")).await,
        Err(ShareError::NoPassphrase)
    );
}

/// Links made before the move to 600,000 iterations (`e.`, 310,000) still open. The fixture was
/// made outside the app (Python's hashlib and cryptography, zlib's raw deflate), so this also
/// checks the format against an independent implementation.
#[wasm_bindgen_test]
async fn links_made_with_310000_iterations_still_open() {
    let old = include_str!("fixtures/share-link-310k.txt").trim();
    let expected =
        intensive_planner::shell::format::decode_plan(include_str!("fixtures/plan-v3.json"))
            .expect("fixture");
    assert_eq!(
        open_fragment(old, Some("correct horse battery")).await,
        Ok(expected)
    );
}

/// A passphrase typed in another Unicode form (é as e + a combining accent) opens a link made
/// with the composed form: passphrases are NFC-normalised.
#[wasm_bindgen_test]
async fn passphrases_are_normalised_to_nfc() {
    let link = include_str!("fixtures/share-link-600k-nfc.txt").trim();
    let composed = "caf\u{e9} olive";
    let decomposed = "cafe\u{301} olive";
    assert!(open_fragment(link, Some(composed)).await.is_ok());
    assert!(open_fragment(link, Some(decomposed)).await.is_ok());
    assert_eq!(
        open_fragment(link, Some("cafe olive")).await,
        Err(ShareError::WrongPassphraseOrChanged)
    );
}

/// A small link that inflates far past any schedule is refused without building the whole
/// output: decompression stops at the document cap.
#[wasm_bindgen_test]
async fn a_decompression_bomb_is_refused() {
    use intensive_planner::shell::share::base64url_encode;
    // 4 MB of zeros, deflated by the browser itself: a few kilobytes.
    let zeros = vec![0u8; 4_000_000];
    let packed = compress_in_browser(&zeros).await;
    assert!(packed.len() < 32_000, "{} bytes", packed.len());
    let fragment = format!("#/share/p.{}", base64url_encode(&packed));
    match open_fragment(&fragment, None).await {
        Err(ShareError::Damaged(why)) => assert_eq!(why, Damage::TooBig),
        other => panic!("a bomb should be refused, got {other:?}"),
    }
}

async fn compress_in_browser(bytes: &[u8]) -> Vec<u8> {
    use js_sys::{Array, Reflect, Uint8Array};
    use wasm_bindgen::JsCast;
    let constructor: js_sys::Function =
        Reflect::get(&js_sys::global(), &"CompressionStream".into())
            .expect("CompressionStream")
            .dyn_into()
            .expect("constructor");
    let stream =
        Reflect::construct(&constructor, &Array::of1(&"deflate-raw".into())).expect("stream");
    let readable: web_sys::ReadableStream = Reflect::get(&stream, &"readable".into())
        .expect("readable")
        .dyn_into()
        .expect("a stream");
    let writable: web_sys::WritableStream = Reflect::get(&stream, &"writable".into())
        .expect("writable")
        .dyn_into()
        .expect("a stream");
    let parts: Array =
        std::iter::once(wasm_bindgen::JsValue::from(Uint8Array::from(bytes))).collect();
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).expect("blob");
    let output = blob
        .stream()
        .pipe_through(&web_sys::ReadableWritablePair::new(&readable, &writable));
    let response =
        web_sys::Response::new_with_opt_readable_stream(Some(&output)).expect("response");
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer().expect("buffer"))
        .await
        .expect("compressed");
    Uint8Array::new(&buffer).to_vec()
}

#[wasm_bindgen_test]
async fn damaged_links_are_refused_with_a_message() {
    let plan = sample("p-damaged");
    let plain = make_fragment(&plan, None, &Protection::Plain)
        .await
        .expect("link");
    let sealed = make_fragment(&plan, None, &secret("pass"))
        .await
        .expect("link");
    let truncated = &plain[..plain.len() * 2 / 3];
    let flip = |text: &str| {
        let mut chars: Vec<char> = text.chars().collect();
        let at = chars.len() - 10;
        chars[at] = if chars[at] == 'A' { 'B' } else { 'A' };
        chars.into_iter().collect::<String>()
    };
    let cases = [
        (truncated.to_string(), None),
        (flip(&plain), None),
        (format!("{plain}!!"), None),
        ("#/share/p.".to_string(), None),
        (sealed[..sealed.len() - 5].to_string(), Some("pass")),
        (flip(&sealed), Some("pass")),
    ];
    for (fragment, passphrase) in cases {
        match open_fragment(&fragment, passphrase).await {
            Ok(_) => panic!("a damaged link opened: {fragment}"),
            Err(error) => assert!(
                matches!(
                    error,
                    ShareError::Damaged(_) | ShareError::WrongPassphraseOrChanged
                ),
                "{error:?}"
            ),
        }
    }
    let long = format!("#/share/p.{}", "A".repeat(40_000));
    assert_eq!(open_fragment(&long, None).await, Err(ShareError::TooLong));
}

// Local time to UTC with the browser's Intl, for calendar files. ------------------------------

#[wasm_bindgen_test]
fn the_devices_time_zone_is_the_one_intl_names() {
    let intl = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    let intl = js_sys::Reflect::get(&intl, &"timeZone".into())
        .ok()
        .and_then(|zone| zone.as_string())
        .expect("Intl names a time zone");
    assert_eq!(browser::time_zone(), intl);
    // The test browser (Chromium) has Temporal, so the quick way is the one taken, and it agrees.
    assert_eq!(browser::temporal_zone().as_deref(), Some(intl.as_str()));
}

#[wasm_bindgen_test]
fn local_times_convert_to_utc_in_the_plans_zone_across_clock_changes() {
    use intensive_planner::shell::browser::to_utc;
    let d = |s: &str| parse_date(s).expect("date");
    let t = |s: &str| Time::parse(s).expect("time");
    // (zone, local date, local time, UTC date, UTC time)
    let cases = [
        (
            "America/Los_Angeles",
            "2026-12-04",
            "09:00",
            "2026-12-04",
            "17:00",
        ),
        (
            "America/Los_Angeles",
            "2026-07-01",
            "09:00",
            "2026-07-01",
            "16:00",
        ),
        // The day clocks go forward (02:00 → 03:00) and back (02:00 → 01:00).
        (
            "America/Los_Angeles",
            "2026-03-08",
            "09:00",
            "2026-03-08",
            "16:00",
        ),
        (
            "America/Los_Angeles",
            "2026-11-01",
            "09:00",
            "2026-11-01",
            "17:00",
        ),
        (
            "America/Los_Angeles",
            "2026-12-04",
            "20:00",
            "2026-12-05",
            "04:00",
        ),
        (
            "Europe/Berlin",
            "2026-12-04",
            "09:00",
            "2026-12-04",
            "08:00",
        ),
        (
            "Europe/Berlin",
            "2026-03-29",
            "12:00",
            "2026-03-29",
            "10:00",
        ),
        ("Asia/Kolkata", "2026-12-04", "09:00", "2026-12-04", "03:30"),
        ("UTC", "2026-12-04", "00:00", "2026-12-04", "00:00"),
    ];
    for (zone, date, time, utc_date, utc_time) in cases {
        assert_eq!(
            to_utc(zone)(d(date), t(time)),
            Some((d(utc_date), t(utc_time))),
            "{zone} {date} {time}"
        );
    }
    // A time that does not exist (skipped by the clock change) still gets a reading within the
    // hour around it; an unknown zone gives nothing rather than a guess.
    let gap = to_utc("America/Los_Angeles")(d("2026-03-08"), t("02:30"));
    assert!(
        matches!(gap, Some((date, time)) if date == d("2026-03-08") && (t("09:30")..=t("10:30")).contains(&time)),
        "{gap:?}"
    );
    assert_eq!(
        to_utc("Mars/Olympus_Mons")(d("2026-12-04"), t("09:00")),
        None
    );
}
