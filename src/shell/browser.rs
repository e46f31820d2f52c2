//! Small facts from the browser: today's date, the time zone, fresh ids.

use crate::core::model::{format_date, Time};
use chrono::NaiveDate;
use chrono::Timelike;

/// Today's local date as `YYYY-MM-DD`.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .map(format_date)
    .unwrap_or_default()
}

/// The browser's IANA time zone, e.g. "Europe/Berlin"; "UTC" if it cannot tell.
///
/// `Temporal.Now.timeZoneId()` first, where the browser has it: the first `Intl.DateTimeFormat`
/// of a page loads the locale's date patterns, which took 160 ms of a phone-speed CPU (Chromium,
/// 4× slowed) on the couple's page, against 1–4 ms. Browsers without Temporal ask Intl.
pub fn time_zone() -> String {
    temporal_zone().unwrap_or_else(|| {
        let options =
            js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
                .resolved_options();
        js_sys::Reflect::get(&options, &"timeZone".into())
            .ok()
            .and_then(|zone| zone.as_string())
            .unwrap_or_else(|| "UTC".to_string())
    })
}

/// `Temporal.Now.timeZoneId()`, or `None` where the browser has no Temporal.
pub fn temporal_zone() -> Option<String> {
    temporal::time_zone_id()
        .ok()
        .filter(|zone| !zone.is_empty())
}

mod temporal {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// Throws (and so is `Err`) where the browser has no `Temporal`.
        #[wasm_bindgen(catch, js_namespace = ["Temporal", "Now"], js_name = timeZoneId)]
        pub fn time_zone_id() -> Result<String, JsValue>;
    }
}

/// A new plan id from the time and a random number, e.g. "p-19a2b3c4d5e-8f3a1c".
pub fn new_id() -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * f64::from(1u32 << 24)) as u32;
    format!("p-{time:x}-{random:06x}")
}

/// Converts a wall-clock date and time in an IANA zone to UTC, with the browser's Intl. `None`
/// when the browser does not know the zone. (In a gap or an overlap at a clock change, it picks
/// one of the readings, as calendars do.)
pub fn to_utc(zone: &str) -> impl Fn(NaiveDate, Time) -> Option<(NaiveDate, Time)> {
    let format = clock(zone);
    move |date: NaiveDate, time: Time| {
        let format = format.as_ref()?;
        let local_ms = naive_ms(date, time)?;
        // Guess that the zone is UTC, see what the zone's clock says then, correct, and repeat
        // once so that a clock change between the guess and the answer is taken into account.
        let mut guess = local_ms;
        for _ in 0..2 {
            let shown = wall_clock(format, guess)?;
            guess += local_ms - shown;
        }
        date_and_time(guess)
    }
}

/// Converts a wall-clock date and time in one IANA zone to the clock of another (the practice's
/// to the couple's), with the browser's Intl. `None` when the browser does not know a zone.
pub fn between(from: &str, to: &str) -> impl Fn(NaiveDate, Time) -> Option<(NaiveDate, Time)> {
    let utc = to_utc(from);
    let theirs = clock(to);
    move |date: NaiveDate, time: Time| {
        let (date, time) = utc(date, time)?;
        let instant = naive_ms(date, time)?;
        date_and_time(wall_clock(theirs.as_ref()?, instant)?)
    }
}

/// Whether this browser knows a time zone by that name.
pub fn knows_zone(zone: &str) -> bool {
    clock(zone).is_some()
}

/// A formatter that reads a zone's clock (24-hour, numeric), or `None` for a zone the browser
/// does not know.
fn clock(zone: &str) -> Option<js_sys::Intl::DateTimeFormat> {
    let options = js_sys::Object::new();
    let set = |key: &str, value: &str| {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    };
    set("timeZone", zone);
    set("hourCycle", "h23");
    for field in ["year", "month", "day", "hour", "minute"] {
        set(field, "numeric");
    }
    let locales = js_sys::Array::of1(&"en-US".into());
    // An unknown zone makes the constructor throw; `Intl::DateTimeFormat::new` would abort.
    js_sys::Reflect::construct(
        &js_sys::Intl::DateTimeFormat::default().constructor(),
        &js_sys::Array::of2(&locales, &options),
    )
    .ok()
    .map(js_sys::Intl::DateTimeFormat::from)
}

/// A date and time read as if in UTC, in milliseconds.
fn naive_ms(date: NaiveDate, time: Time) -> Option<f64> {
    let at = date.and_hms_opt(0, 0, 0)? + chrono::Duration::minutes(i64::from(time.minutes()));
    Some(at.and_utc().timestamp_millis() as f64)
}

/// The date and time of milliseconds read as UTC.
fn date_and_time(ms: f64) -> Option<(NaiveDate, Time)> {
    let at = chrono::DateTime::from_timestamp_millis(ms as i64)?.naive_utc();
    let minutes = u16::try_from(at.time().num_seconds_from_midnight() / 60).ok()?;
    Some((at.date(), Time::from_minutes(minutes)?))
}

/// What a zone's clock shows at an instant, as milliseconds of a naive (UTC-read) date-time.
fn wall_clock(format: &js_sys::Intl::DateTimeFormat, instant_ms: f64) -> Option<f64> {
    let parts = format.format_to_parts(&js_sys::Date::new(&instant_ms.into()));
    let mut fields = [0i64; 5];
    for part in parts.iter() {
        let get = |key: &str| js_sys::Reflect::get(&part, &key.into()).ok()?.as_string();
        let slot = match get("type")?.as_str() {
            "year" => 0,
            "month" => 1,
            "day" => 2,
            "hour" => 3,
            "minute" => 4,
            _ => continue,
        };
        fields[slot] = get("value")?.parse().ok()?;
    }
    let [year, month, day, hour, minute] = fields;
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    )?;
    let at = date.and_hms_opt(0, 0, 0)? + chrono::Duration::minutes(hour * 60 + minute);
    Some(at.and_utc().timestamp_millis() as f64)
}

/// Offers text as a file download (nothing leaves the device).
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let fail = |_| "the browser refused to make the file".to_string();
    let parts = js_sys::Array::of1(&text.into());
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "no link element".to_string())?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Copies text to the clipboard. Fails when the browser does not allow it (the caller shows the
/// text to copy by hand instead).
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let clipboard = web_sys::window().ok_or(())?.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// Leaves this page for another address, in place of this one in the history.
pub fn go_to(address: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(address);
    }
}

/// The current page address without its fragment.
fn page_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// The address of the couple's share page (`share.html`, beside this page), for share links.
pub fn share_page_address() -> String {
    let page = page_address();
    let folder = page.rsplit_once('/').map_or("", |(folder, _)| folder);
    format!("{folder}/share.html")
}

/// Opens the browser's print dialog.
/// The window's width in CSS pixels (0 when unknown).
pub fn window_width() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(0.0)
}

pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Reads a file the user picked, as text, refusing anything over `limit` bytes before reading.
pub async fn read_file(file: web_sys::File, limit: usize) -> Result<String, String> {
    if file.size() > limit as f64 {
        // Tenths of a megabyte by integer arithmetic: float formatting costs kilobytes of wasm.
        let tenths = (file.size() / 100_000.0).round() as u64;
        return Err(format!(
            "the file is {}.{} MB; a backup is at most {} MB, about what a browser keeps for one site",
            tenths / 10,
            tenths % 10,
            limit / 1_000_000
        ));
    }
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| "the file could not be read as text".to_string())
}

/// Whether the browser protects this site's storage from automatic clearing (Storage API);
/// `None` when it cannot say.
pub async fn storage_persisted() -> Option<bool> {
    let manager = web_sys::window()?.navigator().storage();
    let answer = wasm_bindgen_futures::JsFuture::from(manager.persisted().ok()?)
        .await
        .ok()?;
    answer.as_bool()
}

/// Asks the browser to protect this site's storage from automatic clearing. Browsers grant it
/// after a user gesture, for an installed app or a site used often; `None` when it cannot say.
pub async fn ask_persistent_storage() -> Option<bool> {
    let manager = web_sys::window()?.navigator().storage();
    let answer = wasm_bindgen_futures::JsFuture::from(manager.persist().ok()?)
        .await
        .ok()?;
    answer.as_bool()
}

/// The couple's language as their device prefers it: Spanish when the browser's first language
/// is Spanish, else English. For what shows before a shared schedule says its own.
pub fn preferred_lang() -> crate::core::text::Lang {
    use crate::core::text::Lang;
    let first = web_sys::window()
        .and_then(|w| w.navigator().languages().get(0).as_string())
        .unwrap_or_default();
    match first.split('-').next() {
        Some("es") => Lang::Es,
        _ => Lang::En,
    }
}
