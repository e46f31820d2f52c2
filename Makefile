# The project's commands. Each installs what it lacks first (scripts/bootstrap.sh).
SHELL := bash
.PHONY: serve test size size-report build bench lighthouse

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

## The largest functions and data in the wasm (twiggy, pinned), to find what to cut.
size-report:
	bash scripts/size-report.sh

## Benchmarks against their budgets: one checker pass over a 7-day plan of 150 blocks (1 ms),
## then, in headless Chromium on the release build, the start (500 ms) and an edit on that
## plan landing on screen (one frame, 16 ms), then the page-load race against a FullCalendar 6
## time grid under mobile conditions (scripts/load-bench.mjs; RUNS=5 by default).
bench: build
	cargo bench --bench checker
	node scripts/ui-bench.mjs
	node scripts/load-bench.mjs

## Lighthouse 12.8.2 (pinned, installed on first use) on the list, a plan and the couple's page.
lighthouse: build
	node scripts/lighthouse.mjs
