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
