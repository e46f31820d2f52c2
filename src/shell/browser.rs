//! Small facts from the browser: today's date, the time zone, fresh ids.

use crate::core::model::format_date;
use chrono::NaiveDate;

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
pub fn time_zone() -> String {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|zone| zone.as_string())
        .unwrap_or_else(|| "UTC".to_string())
}

/// A new plan id from the time and a random number, e.g. "p-19a2b3c4d5e-8f3a1c".
pub fn new_id() -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * f64::from(1u32 << 24)) as u32;
    format!("p-{time:x}-{random:06x}")
}
