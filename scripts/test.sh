#!/usr/bin/env bash
# Every test layer, in order of speed. Ends with cargo's closing lines and `e2e: N passed, N failed`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh

# Chromium leaves folders in TMPDIR: give it one of ours.
export TMPDIR="$PWD/target/tmp"
mkdir -p "$TMPDIR"
export CHROMEDRIVER=/usr/bin/chromedriver

echo "== format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets --quiet -- -D warnings

echo "== native tests"
cargo test

echo "== browser tests (wasm-bindgen-test in headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web

echo "== release build, twice: the same source gives the same files"
trunk build --release
node scripts/reproducible.mjs

echo "== end to end (Playwright, Chromium, against dist/)"
node tests/e2e/run.mjs

echo "== other engines (WebDriver: Firefox ESR and WebKitGTK, against dist/)"
node tests/engines/smoke.mjs
