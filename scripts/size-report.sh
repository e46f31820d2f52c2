#!/usr/bin/env bash
# Where the wasm bytes go: the largest functions and data of the release build, as wasm-opt
# leaves them (names kept), by twiggy 0.8.0 (pinned, installed into .tools on first use).
# Usage: make size-report [N=40] [BIN=intensive-planner|share]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/bootstrap.sh
TWIGGY_VERSION=0.8.0
if [ "$("$TOOLS/bin/twiggy" --version 2>/dev/null)" != "twiggy-opt $TWIGGY_VERSION" ]; then
  echo "size-report: installing twiggy $TWIGGY_VERSION into .tools" >&2
  CARGO_TARGET_DIR="$INSTALL_CACHE" cargo install twiggy --version "$TWIGGY_VERSION" --locked --root "$TOOLS"
fi
out=target/size-report
mkdir -p "$out"
cargo build --release --target wasm32-unknown-unknown --quiet
bin=${BIN:-intensive-planner}
# Through scripts/trunk-bin/wasm-bindgen (first on PATH), as trunk calls it: for either page, the
# report is of its first file, the parts loaded on demand split off.
wasm-bindgen --target=web --out-dir="$out" --out-name="$bin" "target/wasm32-unknown-unknown/release/$bin.wasm"
# The same optimisation as the release build (index.html's data-wasm-opt), keeping names (-g).
level=$(grep -o 'data-wasm-opt="[^"]*"' index.html | head -1 | cut -d'"' -f2)
features=$(grep -o 'data-wasm-opt-params="[^"]*"' index.html | head -1 | cut -d'"' -f2)
# shellcheck disable=SC2086
wasm-opt $features "-O$level" -g "$out/${bin}_bg.wasm" -o "$out/named.wasm"
"$TOOLS/bin/twiggy" top -n "${N:-40}" "$out/named.wasm"
