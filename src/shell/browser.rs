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

/// A new plan id: time and randomness in base 36, e.g. "p-lx2k9a-4fz1q".
pub fn new_id() -> String {
    fn base36(mut n: u64) -> String {
        const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut out = Vec::new();
        loop {
            out.push(DIGITS[(n % 36) as usize]);
            n /= 36;
            if n == 0 {
                break;
            }
        }
        out.reverse();
        String::from_utf8(out).unwrap_or_default()
    }
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 36f64.powi(6)) as u64;
    format!("p-{}-{}", base36(time), base36(random))
}
