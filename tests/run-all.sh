#!/usr/bin/env bash
# Runs every Alongside test: UI type checks and component tests, Rust formatting, lints, unit,
# store and migration tests, then the end-to-end scenarios in the real app window under Xvfb.
# Needs what `.ci/setup` installs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

step() { printf '\n== %s\n' "$*"; }

step "UI: build (the app embeds it)"
npm --prefix ui run build

step "UI: the first screen's script stays within 120 kB gzipped"
npm --prefix ui run size

step "UI: type check (svelte-check)"
npm --prefix ui run check

step "UI: component tests (vitest)"
npm --prefix ui test

step "Rust: formatting"
cargo fmt --all --check

step "Rust: lints"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust: unit, store, migration and content tests"
cargo test --workspace --locked --lib --bins

step "Rust: the core's own integration tests (reports read back with poppler, the ten-year generator)"
cargo test -p alongside-core --locked --test report_pdf --test ten_years

step "The key kept in a real Secret Service (GNOME Keyring in a session of its own)"
dbus-run-session -- bash tests/keyring-session.sh \
  cargo test -p alongside-core --locked --features secret-service-tests --test secret_service

step "Build the app (debug, with the UI embedded)"
ui/node_modules/.bin/tauri build --debug --no-bundle --ci

step "End to end in the real window (WebKitGTK + tauri-driver under Xvfb)"
# WebKitGTK may draw nothing under Xvfb without this; real desktops do not need it.
export WEBKIT_DISABLE_COMPOSITING_MODE="${WEBKIT_DISABLE_COMPOSITING_MODE:-1}"
export ALONGSIDE_E2E_APP="$PWD/target/debug/alongside"
# Each run has its own unlocked keyring, so the app keeps its key as on a desktop.
xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- bash tests/keyring-session.sh \
  cargo test -p alongside-e2e --locked --test '*' -- --test-threads=1
