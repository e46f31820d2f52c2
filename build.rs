//! Build script: one linker flag for the two wasm binaries. `--emit-relocs` keeps the linker's
//! relocations in `intensive-planner.wasm` and `share.wasm`, which wasm-split-cli needs to split
//! each into parts loaded on demand (scripts/trunk-bin/wasm-bindgen, `view::parts`). Only the
//! binaries get it: the browser tests' wasm is not split, and with the relocations kept,
//! wasm-opt would leave them in.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        for bin in ["intensive-planner", "share"] {
            println!("cargo::rustc-link-arg-bin={bin}=--emit-relocs");
        }
    }
    println!("cargo::rerun-if-changed=build.rs");
}
