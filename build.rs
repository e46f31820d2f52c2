//! Build script: one linker flag for the app's wasm binary only. `--emit-relocs` keeps the
//! linker's relocations in `intensive-planner.wasm`, which wasm-split-cli needs to split the
//! app into parts loaded on demand (scripts/trunk-bin/wasm-bindgen, src/view/split.rs). The
//! share page's binary is not split: with the relocations kept, wasm-opt leaves them in and
//! its file grows fourfold, so it never gets the flag.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bin=intensive-planner=--emit-relocs");
    }
    println!("cargo::rerun-if-changed=build.rs");
}
