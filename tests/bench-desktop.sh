#!/usr/bin/env bash
# Startup and memory against the floor (an empty Tauri 2 app with the same core dependencies),
# in one alternating run: builds Alongside and the floor in release, writes ten years of data,
# then runs tests/benches/startup.rs and tests/benches/memory.rs under Xvfb with a key store.
#
#   bash tests/bench-desktop.sh            # startup and memory (about 10 minutes after builds)
#   ALONGSIDE_SOAK_MINUTES=30 bash tests/bench-desktop.sh memory   # with the 30-minute soak
#   ALONGSIDE_FIELDS_ONLY=1 bash tests/bench-desktop.sh memory     # only which elements WebKit keeps
#   ALONGSIDE_SCREENS_ONLY=1 bash tests/bench-desktop.sh memory    # only which screens' visits grow
#
# FLOOR_DIR names the floor's sources (default ../shared/bench/floor), FLOOR_TARGET_DIR where
# it is built. Needs what .ci/setup
# installs. These are benchmarks, not tests: they print figures and fail only if something
# cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
which="${1:-all}"

floor_dir="${FLOOR_DIR:-../shared/bench/floor}"
floor_target="${FLOOR_TARGET_DIR:-$CARGO_TARGET_DIR/floor}"
echo "== The floor (release), from $floor_dir"
(cd "$floor_dir" && cargo build --release --target-dir "$floor_target")
export ALONGSIDE_FLOOR_APP="$floor_target/release/spike"

echo "== Alongside (release, with the UI embedded)"
npm --prefix ui run build
ui/node_modules/.bin/tauri build --no-bundle --ci
export ALONGSIDE_E2E_APP="$CARGO_TARGET_DIR/release/alongside"

echo "== Ten years of data (seed and sizes below)"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
export ALONGSIDE_BENCH_PASSPHRASE="ten years alongside"
cargo run -p alongside-core --release --locked --example ten-years -- "$data/ten-years" \
  --passphrase "$ALONGSIDE_BENCH_PASSPHRASE"
export ALONGSIDE_BENCH_TEN_YEARS="$data/ten-years"

export WEBKIT_DISABLE_COMPOSITING_MODE="${WEBKIT_DISABLE_COMPOSITING_MODE:-1}"
run() {
  xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- bash tests/keyring-session.sh \
    cargo bench -p alongside-e2e --locked --bench "$1"
}
if [ "$which" = all ] || [ "$which" = startup ]; then run startup; fi
if [ "$which" = all ] || [ "$which" = memory ]; then run memory; fi
