//! Prints every text the couple reads, in every language, one JSON array a line:
//! `["es", "ZoneLine", "Las horas están …"]`. `scripts/i18n-measure.sh` builds its two
//! variants (a plain table, and Fluent) from these lines.
use intensive_planner::core::text::{text, Key, Lang};

fn main() {
    for lang in Lang::ALL {
        for key in Key::ALL {
            let line = serde_json::json!([lang.code(), format!("{key:?}"), text(lang, *key)]);
            println!("{line}");
        }
    }
}
