# The project's commands. Each installs what it lacks first (scripts/bootstrap.sh).
SHELL := bash
.PHONY: serve test size build bench

## Serve the app on http://127.0.0.1:8080 (rebuilds on change).
serve:
	. scripts/bootstrap.sh && trunk serve

## Run every test layer: lints, native, wasm in headless Chromium, end to end.
test:
	bash scripts/test.sh

## Release build into dist/.
build:
	. scripts/bootstrap.sh && trunk build --release

## Size of every file in the release dist/ (raw, gzip, brotli) against the budget.
size: build
	node scripts/size.mjs

## Benchmark: one checker pass over a 7-day plan of 150 blocks, against its 1 ms budget.
bench:
	cargo bench --bench checker
