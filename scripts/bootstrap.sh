#!/usr/bin/env bash
# Installs every tool the project needs, at pinned versions, if it is missing.
# Everything goes into the git-ignored .tools/ and node_modules/ folders, except
# the wasm32 target (rustup) and the browsers with their drivers (Debian packages:
# Chromium + ChromeDriver, Firefox ESR, WebKitGTK's WebDriver + MiniBrowser, Xvfb).
# Nothing is downloaded from GitHub: trunk runs offline (see Trunk.toml).
#
# Source it to get PATH set up:   . scripts/bootstrap.sh
set -euo pipefail

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
WASM_SPLIT_VERSION=0.2.4
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS="$ROOT/.tools"
# cargo-install build products are cached outside the tree so that a fresh clone
# on the same machine does not recompile trunk from scratch. A new machine simply
# starts with an empty cache.
INSTALL_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/intensive-planner/cargo-install"

say() { printf 'bootstrap: %s\n' "$*" >&2; }

# The wasm-bindgen CLI must match the crate version recorded in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")
[ -n "$WASM_BINDGEN_VERSION" ] || { say "cannot read the wasm-bindgen version from Cargo.lock"; exit 1; }

mkdir -p "$TOOLS/bin" "$INSTALL_CACHE"
# scripts/trunk-bin first: its wasm-bindgen splits the app's wasm, then runs the real one.
export PATH="$ROOT/scripts/trunk-bin:$ROOT/node_modules/.bin:$TOOLS/bin:$PATH"

# 1. The wasm32 target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. trunk (0.22 needs a newer rustc than these machines have).
if [ "$("$TOOLS/bin/trunk" --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION into .tools (about 9 minutes the first time)"
  CARGO_TARGET_DIR="$INSTALL_CACHE" cargo install trunk --version "$TRUNK_VERSION" --locked --root "$TOOLS"
fi

# 3. wasm-bindgen-cli at the Cargo.lock version. --locked fails on the crates mirror
#    (its lock wants a webpki-roots release the mirror lacks), so it is left out.
if [ "$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION into .tools"
  CARGO_TARGET_DIR="$INSTALL_CACHE" cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$TOOLS"
fi

# 3b. wasm-split-cli, which splits the app's wasm at the split points of src/view/split.rs
#     (run by scripts/trunk-bin/wasm-bindgen); the same 0.2 line as wasm_split_helpers in
#     Cargo.lock, which marks the split points. It prints no version: cargo's record says it.
if [ ! -x "$TOOLS/bin/wasm-split-cli" ] || ! grep -q "^\"wasm_split_cli_support $WASM_SPLIT_VERSION " "$TOOLS/.crates.toml" 2>/dev/null; then
  say "installing wasm_split_cli_support $WASM_SPLIT_VERSION into .tools (about 2 minutes the first time)"
  CARGO_TARGET_DIR="$INSTALL_CACHE" cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --root "$TOOLS"
fi

# 4. Node packages: wasm-opt (binaryen 132; Debian's binaryen 108 miscompiles),
#    Playwright's test runner and axe. Pinned in package-lock.json.
if ! node -e "require('$ROOT/node_modules/binaryen/package.json'); require('$ROOT/node_modules/@playwright/test/package.json'); require('$ROOT/node_modules/esbuild/package.json')" 2>/dev/null \
   || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  say "installing node packages (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
fi

# 5. Browsers and their drivers, from Debian: Chromium (wasm-bindgen-test and Playwright), and
#    for the cross-engine smoke suite Firefox ESR and WebKitGTK's WebDriver with its MiniBrowser,
#    run under Xvfb.
MINIBROWSER=/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/firefox-esr ] \
   || [ ! -x /usr/bin/WebKitWebDriver ] || [ ! -x "$MINIBROWSER" ] || [ ! -x /usr/bin/xvfb-run ]; then
  say "installing chromium, firefox-esr, webkit2gtk-driver and xvfb (Debian packages)"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver firefox-esr webkit2gtk-driver xvfb
fi

# 6. geckodriver (Firefox's WebDriver), from crates.io, pinned (about 5 minutes the first time).
if [ "$("$TOOLS/bin/geckodriver" --version 2>/dev/null | head -n1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION into .tools"
  CARGO_TARGET_DIR="$INSTALL_CACHE" cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --root "$TOOLS"
fi

# Make sure the first wasm-opt on PATH is the good one.
case "$(wasm-opt --version 2>/dev/null)" in
  *"version 132"*) ;;
  *) say "the wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt || echo none)"; exit 1 ;;
esac
