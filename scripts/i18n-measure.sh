#!/usr/bin/env bash
# What a translation crate would cost against the plain tables of src/core/text/ (issue #13):
# the same texts (every key, English and Spanish, from `cargo run --example texts`), built
# twice into a small wasm module that says any text with its parts filled in — once as a
# `match` table with a fill function (what the app does), once with fluent-bundle — with the
# app's release profile and wasm-opt settings, then compressed with brotli. A native test in
# each build says every text and checks the result, so neither variant is measured broken.
# Usage: bash scripts/i18n-measure.sh   (the crates come from crates.io on first use)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh
out=target/i18n-measure
mkdir -p "$out"
cargo run --quiet --example texts > "$out/texts.jsonl"
node scripts/i18n-measure.mjs generate "$out"
level=$(grep -o 'data-wasm-opt="[^"]*"' index.html | head -1 | cut -d'"' -f2)
features=$(grep -o 'data-wasm-opt-params="[^"]*"' index.html | head -1 | cut -d'"' -f2)
for variant in table fluent; do
  (cd "$out/crate" && cargo test --quiet --features "$variant" >&2)
  (cd "$out/crate" && cargo build --quiet --release --target wasm32-unknown-unknown --features "$variant")
  # shellcheck disable=SC2086
  wasm-opt $features "-O$level" --strip-debug "$out/crate/target/wasm32-unknown-unknown/release/i18n_measure.wasm" -o "$out/$variant.wasm"
done
node scripts/i18n-measure.mjs report "$out"
