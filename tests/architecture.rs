//! The invariants of ARCHITECTURE.md that a machine can check.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).expect("readable file");
            out.push((path.display().to_string(), text));
        }
    }
}

fn sources(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut out);
    assert!(!out.is_empty(), "no sources under {dir}");
    out
}

#[test]
fn the_core_imports_nothing_from_the_browser_or_the_outer_layers() {
    let forbidden = [
        "web_sys",
        "js_sys",
        "wasm_bindgen",
        "leptos",
        "gloo",
        "crate::shell",
        "crate::view",
    ];
    for (path, text) in sources("src/core") {
        for word in forbidden {
            assert!(!text.contains(word), "{path} mentions {word}");
        }
    }
}

#[test]
fn the_shell_never_imports_the_view() {
    for (path, text) in sources("src/shell") {
        assert!(!text.contains("crate::view"), "{path} imports the view");
        assert!(!text.contains("leptos"), "{path} uses leptos");
    }
}

#[test]
fn no_user_text_becomes_html_and_no_old_leptos_idioms() {
    for (path, text) in sources("src") {
        for word in [
            "inner_html",
            "set_inner_html",
            "create_signal",
            "create_memo",
            "create_effect",
            "cx: Scope",
            "MaybeSignal",
        ] {
            assert!(!text.contains(word), "{path} uses {word}");
        }
    }
}

/// Docs are code: every rule the checker has is documented in docs/rules.md, and every code that
/// page documents is a rule the checker has.
#[test]
fn every_rule_code_is_documented_and_every_documented_code_exists() {
    use intensive_planner::core::rules::Rule;
    let docs = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md"))
        .expect("docs/rules.md");
    let (rules, _) = docs
        .split_once(SETTINGS_HEADING)
        .expect("docs/rules.md has a settings section");
    let documented: Vec<&str> = rules
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split('`').next())
        .collect();
    for rule in Rule::ALL {
        assert!(
            documented.contains(&rule.code()),
            "{} is not in docs/rules.md",
            rule.code()
        );
    }
    for code in &documented {
        assert!(
            Rule::ALL.iter().any(|r| r.code() == *code),
            "docs/rules.md documents {code}, which the checker does not have"
        );
    }
}

const SETTINGS_HEADING: &str = "## Settings and their sources";

/// Docs are code: docs/rules.md lists every setting with the default and range the code has.
#[test]
fn every_setting_is_documented_with_its_default_and_range() {
    use intensive_planner::core::limits::Setting;
    use intensive_planner::core::model::Settings;
    let docs = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md"))
        .expect("docs/rules.md");
    let (_, settings) = docs
        .split_once(SETTINGS_HEADING)
        .expect("docs/rules.md has a settings section");
    let rows: Vec<Vec<&str>> = settings
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| line.split('|').map(str::trim).collect())
        .collect();
    assert_eq!(rows.len(), Setting::ALL.len(), "one row per setting");
    let defaults = Settings::default();
    for setting in Setting::ALL {
        let key = format!("`{}`", setting.key());
        let row = rows
            .iter()
            .find(|row| row.get(1) == Some(&key.as_str()))
            .unwrap_or_else(|| panic!("{key} is not in docs/rules.md's settings"));
        assert_eq!(row[2], setting.get(&defaults).to_string(), "{key} default");
        let range = setting.range();
        let usual = match setting {
            Setting::IntegrationWindowHours => {
                intensive_planner::core::limits::USUAL_INTEGRATION_WINDOW_HOURS
            }
            _ => range.max,
        };
        assert!(
            row[3].starts_with(&format!("{}–{}", range.min, usual)),
            "{key} range: {}",
            row[3]
        );
        assert!(
            row[3].contains(&range.max.to_string()),
            "{key} range: {}",
            row[3]
        );
    }
}

/// Docs are code: the code map in ARCHITECTURE.md names every source file, and every file it
/// names under `src/` exists.
#[test]
fn the_code_map_names_every_source_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let map = fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    for dir in ["src", "tests", "benches", "scripts", "web"] {
        let mut files = Vec::new();
        list_files(&root.join(dir), &mut files);
        for path in files {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_string();
            let is_code = [".rs", ".mjs", ".js", ".sh", ".webmanifest"]
                .iter()
                .any(|ext| name.ends_with(ext));
            let relative = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .display()
                .to_string();
            // Fixtures and the hostile corpus are data, named by their folders.
            if !is_code || relative.contains("fixtures") || relative.contains("hostile/") {
                continue;
            }
            assert!(
                map.contains(&format!("`{name}`")) || map.contains(&format!("`{relative}`")),
                "ARCHITECTURE.md's code map does not name {relative}"
            );
        }
    }
    for word in map.split('`') {
        if word.starts_with("src/") && word.ends_with(".rs") {
            assert!(
                root.join(word).exists(),
                "ARCHITECTURE.md names {word}, which does not exist"
            );
        }
    }
}

fn list_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            list_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Docs are code: docs/rules.md's profiles table gives each protocol profile's values as the
/// code has them (observation, fasting, liquids, vitals check).
#[test]
fn every_protocol_profile_is_documented_with_its_values() {
    use intensive_planner::core::model::Profile;
    let docs = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md"))
        .expect("docs/rules.md");
    let (_, section) = docs
        .split_once("## Protocol profiles")
        .expect("docs/rules.md has a profiles section");
    let section = section.split("\n## ").next().unwrap_or_default();
    for profile in Profile::ALL {
        let code = format!("(`{}`", profile.code());
        let row: Vec<&str> = section
            .lines()
            .find(|line| line.starts_with("| ") && line.contains(&code))
            .unwrap_or_else(|| panic!("{code} is not in docs/rules.md's profiles"))
            .split('|')
            .map(str::trim)
            .collect();
        assert!(row[1].starts_with(profile.label()), "{code}: {}", row[1]);
        match profile.values() {
            Some(values) => {
                let documented: Vec<u16> = row[2..6]
                    .iter()
                    .map(|cell| cell.parse().unwrap_or_else(|_| panic!("{code}: {cell}")))
                    .collect();
                assert_eq!(documented, values.to_vec(), "{code}");
            }
            None => assert!(row[2].contains("own"), "{code}: {}", row[2]),
        }
    }
}
