#!/usr/bin/env bash
# The one entry point. Every subcommand installs what it needs (idempotently) and rebuilds only what changed.
#   ./build.sh [build]        release wasm → wasm-opt → extension/dist/{chrome,firefox}, practice app
#   ./build.sh demo           practice servers + Chromium with the extension (headless: screenshots)
#   ./build.sh test           native tests, wasm-bindgen-test in headless Chromium, end-to-end in Chromium + Firefox
#   ./build.sh under-load [N]  the tests N times in a row (default 3) with a busy loop on another core
#   ./build.sh bench          the figures of docs/architecture.md "Budgets" as a table
#   ./build.sh package        zip files for the stores under extension/dist/
#   ./build.sh screenshots    the README's pictures, from the real extension on the practice pages
#   ./build.sh size [N]       the N largest items of the wasm (twiggy)
#   ./build.sh fuzz SECONDS [DOOR]   cargo fuzz on every door of the core (src/doors.rs), or one
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD

# Must equal the `wasm-bindgen = "=…"` pin in Cargo.toml (checked below).
WASM_BINDGEN_VERSION=0.2.130
TOOLS=$ROOT/.tools                    # ignored by git
TOOLS_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/okta-anypoint-assist   # survives fresh clones on this machine
TARGET=wasm32-unknown-unknown
CRATE=okta_anypoint_assist
CORE_OUT=$ROOT/target/extension-core  # wasm-bindgen + wasm-opt output, copied into each dist
export PATH=$TOOLS/bin:$PATH

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

ensure_rust_target() {
  rustup target list --installed | grep -qx "$TARGET" || { log "adding rust target $TARGET"; rustup target add "$TARGET"; }
}

ensure_wasm_bindgen() {
  grep -q "wasm-bindgen = \"=$WASM_BINDGEN_VERSION\"" Cargo.toml || die "Cargo.toml must pin wasm-bindgen = \"=$WASM_BINDGEN_VERSION\""
  [[ "$(wasm-bindgen --version 2>/dev/null)" == "wasm-bindgen $WASM_BINDGEN_VERSION" ]] && return
  local cached=$TOOLS_CACHE/wasm-bindgen-$WASM_BINDGEN_VERSION/bin
  if [[ ! -x $cached/wasm-bindgen ]]; then
    log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about two minutes, once per machine)"
    # No --locked: a locked dependency version is missing from the registry mirror (docs/facts.md).
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$TOOLS_CACHE/wasm-bindgen-$WASM_BINDGEN_VERSION"
  fi
  mkdir -p "$TOOLS/bin"
  cp "$cached"/wasm-bindgen "$cached"/wasm-bindgen-test-runner "$TOOLS/bin/"
}

ensure_npm() {
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    log "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# chromium-l10n: the browser's own languages (without it Chromium speaks only en-US, and the Japanese e2e run of
# the extension's words would test nothing).
ensure_chromium() {
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver && -f /usr/lib/chromium/locales/ja.pak ]] && return
  if [[ $(id -u) -eq 0 ]]; then
    log "installing Debian's chromium, chromium-driver and chromium-l10n"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver chromium-l10n >/dev/null
  else
    die "Chromium is missing: run 'sudo apt-get install chromium chromium-driver chromium-l10n' (Debian), then try again."
  fi
}

ensure_firefox() {
  [[ -x /usr/bin/firefox-esr ]] && return
  if [[ $(id -u) -eq 0 ]]; then
    log "installing Debian's firefox-esr (Firefox e2e tests)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null
  else
    die "Firefox is missing: run 'sudo apt-get install firefox-esr' (Debian), then try again."
  fi
}

# out is newer than every input → skip
up_to_date() { local out=$1; shift; [[ -e $out ]] || return 1; for f in "$@"; do [[ $f -nt $out ]] && return 1; done; return 0; }

# build_core [OUT_DIR CARGO_FEATURE]: the release wasm through wasm-bindgen and wasm-opt into OUT_DIR (default: the
# core every package carries). A feature build gets its own target dir, so neither invalidates the other.
build_core() {
  local out=${1:-$CORE_OUT} feature=${2:-}
  ensure_rust_target
  ensure_wasm_bindgen
  ensure_npm
  local target_dir=target bindgen=target/wasm-bindgen
  if [[ -n $feature ]]; then target_dir=target/feature-$feature; bindgen=$target_dir/wasm-bindgen; fi
  log "cargo build (release, $TARGET${feature:+, feature $feature})"
  cargo build --release --target "$TARGET" --lib --quiet --target-dir "$target_dir" ${feature:+--features "$feature"}
  local wasm=$target_dir/$TARGET/release/$CRATE.wasm
  if ! up_to_date "$out/${CRATE}_bg.wasm" "$wasm" extension/tools/instance_glue.mjs; then
    log "wasm-bindgen + wasm-opt${feature:+ ($feature)}"
    rm -rf "$out" "$bindgen" && mkdir -p "$out"
    wasm-bindgen --target web --out-dir "$bindgen" "$wasm"
    npx wasm-opt -Oz --strip-debug --strip-producers \
      --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      --enable-reference-types --enable-multivalue \
      "$bindgen/${CRATE}_bg.wasm" -o "$out/${CRATE}_bg.wasm"
    # The glue as a factory of instances: the worker's way to a fresh core after a trap (instance_glue.mjs).
    node extension/tools/instance_glue.mjs "$bindgen/$CRATE.js" "$out/$CRATE.js"
  fi
}

build_practice_app() {
  local out=www/anypoint/dist/app.js
  if ! up_to_date "$out" www/anypoint/src/*.jsx package-lock.json; then
    log "bundling the practice Anypoint app (React, esbuild)"
    npx esbuild www/anypoint/src/app.jsx --bundle --minify --jsx=automatic --format=esm \
      --define:process.env.NODE_ENV='"production"' --log-level=warning --outfile="$out"
  fi
  # The design systems' own components, from their npm packages (www/anypoint/practice/design-systems.js).
  local kit
  for kit in www/anypoint/kits/*.js; do
    out=www/anypoint/dist/kit-$(basename "$kit")
    if ! up_to_date "$out" "$kit" package-lock.json; then
      log "bundling the practice kit $(basename "$kit" .js) (esbuild)"
      npx esbuild "$kit" --bundle --minify --format=esm --log-level=warning --outfile="$out"
    fi
  done
}

cmd_build() {
  build_core
  build_practice_app
  # The manifests' host lists and the scripts' shared constants, from the core (the small assist-layout binary).
  cargo run --quiet --bin assist-layout > target/layout-from-core.json
  # The scripts' types, for tsc (tsconfig.json lays target/ts-root over extension/): the protocol's, from the Rust
  # types (assist-types, ts-rs), and the glue's, as wasm-bindgen wrote them.
  rm -rf target/ts-root && mkdir -p target/ts-root/core
  cargo run --quiet --bin assist-types target/ts-root/protocol
  cp "$CORE_OUT/$CRATE.d.ts" target/ts-root/core/
  log "laying out extension/dist/chrome and extension/dist/firefox"
  node extension/tools/layout.mjs "$CORE_OUT" target/layout-from-core.json
  # The stand-alone web page (www/tool) runs the same core.
  rm -rf www/tool/core www/tool/words && cp -r "$CORE_OUT" www/tool/core
  cp -r extension/dist/chrome/words www/tool/words && cp extension/catalogues.js www/tool/catalogues.js
  printf 'wasm: %s bytes (after wasm-opt)\n' "$(stat -c %s "$CORE_OUT/${CRATE}_bg.wasm")"
}

cmd_test() {
  ensure_chromium
  ensure_firefox
  cmd_build
  # A test-only core that traps on marked requests (src/ext/trap_door.rs): the e2e tests of recovery swap it
  # into a copy of the extension. The packages never carry it (tests/package checks).
  build_core "$ROOT/target/extension-core-trap-door" trap-door
  log "type check of the scripts (tsc --checkJs, against the types generated from the core)"
  npx tsc -p tsconfig.json
  log "native tests (cargo test)"
  cargo test --quiet
  log "wasm glue tests (wasm-bindgen-test, headless Chromium)"
  CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --target "$TARGET" --test wasm_glue
  log "package checks (web-ext lint, permissions) and end-to-end tests (Chromium via Playwright, Firefox via puppeteer-core)"
  node --test --test-concurrency=1 tests/package/ tests/e2e/
}

# The tests must hold when the machine is busy (state, not waits): a CPU hog on another core, N full runs.
cmd_under_load() {
  local runs=${1:-3} run
  cmd_build
  ( while :; do :; done ) &
  local hog=$!
  trap 'kill $hog 2>/dev/null || true' EXIT
  for ((run = 1; run <= runs; run++)); do
    log "run $run of $runs, with a busy loop on another core"
    cmd_test
  done
  log "$runs runs passed under load"
}

cmd_demo() {
  ensure_chromium
  cmd_build
  node tests/support/demo.mjs
}

ensure_twiggy() {
  command -v twiggy >/dev/null && return
  local cached=$TOOLS_CACHE/twiggy/bin/twiggy
  if [[ ! -x $cached ]]; then
    log "installing twiggy (wasm size profiler, about two minutes, once per machine)"
    cargo install twiggy --root "$TOOLS_CACHE/twiggy"
  fi
  mkdir -p "$TOOLS/bin" && cp "$cached" "$TOOLS/bin/"
}

# What takes the room in the wasm: the wasm-bindgen output still has its names (wasm-opt strips them).
cmd_size() {
  ensure_twiggy
  cmd_build
  printf 'wasm after wasm-opt: %s bytes (budget 204800)\n' "$(stat -c %s "$CORE_OUT/${CRATE}_bg.wasm")"
  twiggy top -n "${1:-25}" "target/wasm-bindgen/${CRATE}_bg.wasm"
}

# A Japanese font for the screenshots in Japanese (a headless Debian Chromium has none: every glyph a box).
ensure_japanese_font() {
  [[ -d /usr/share/fonts/opentype/ipafont-gothic ]] && return
  if [[ $(id -u) -eq 0 ]]; then
    log "installing Debian's fonts-ipafont-gothic (screenshots in Japanese)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-ipafont-gothic >/dev/null
  else
    die "No Japanese font: run 'sudo apt-get install fonts-ipafont-gothic' (Debian), then try again."
  fi
}

cmd_screenshots() {
  ensure_chromium
  ensure_japanese_font
  cmd_build
  node tests/support/screenshots.mjs
}

cmd_bench() {
  ensure_chromium
  cmd_build
  node tests/bench/report.mjs
}

cmd_package() {
  cmd_build
  # A store package never carries the test-only trap door (tests/package checks the same).
  if grep -qa 'trap-door:' extension/dist/chrome/core/*.wasm extension/dist/firefox/core/*.wasm; then
    die "the built core holds the trap door (feature trap-door): rebuild without it"
  fi
  if ! command -v zip >/dev/null; then
    [[ $(id -u) -eq 0 ]] || die "zip is missing: run 'sudo apt-get install zip'."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zip >/dev/null
  fi
  local version
  version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
  for browser in chrome firefox; do
    local zip_file="extension/dist/okta-anypoint-assist-$browser-$version.zip"
    rm -f "$zip_file"
    # Sorted names and fixed times: the same sources give the same zip.
    (cd "extension/dist/$browser" && find . -type f | LC_ALL=C sort | TZ=UTC xargs touch -d '2026-01-01 00:00' && \
      find . -type f | LC_ALL=C sort | zip -q -X -D "../$(basename "$zip_file")" -@)
    printf '%s: %s bytes\n' "$zip_file" "$(stat -c %s "$zip_file")"
  done
}

# The doors of src/doors.rs; each has a fuzz target (fuzz/fuzz_targets), seeds (hand-made in fuzz/seeds/<door>, or
# generated from typed answers by src/doors.rs) and the corpus the fuzzer found (fuzz/corpus/<door>), all replayed
# by tests/fuzz_corpus.rs.
FUZZ_DOORS=(metadata header hints location envelope form okta_answer)
# Longest input per door: about the largest real input (a metadata document, a form snapshot), so the corpus
# stays small.
declare -A FUZZ_MAX_LEN=([metadata]=16384 [header]=256 [hints]=1024 [location]=512 [envelope]=8192 [form]=8192 [okta_answer]=4096)

cmd_fuzz() {
  local seconds=${1:-60} only=${2:-}
  [[ $seconds =~ ^[0-9]+$ ]] || die "usage: ./build.sh fuzz SECONDS [DOOR]   (DOOR: ${FUZZ_DOORS[*]})"
  local doors=("${FUZZ_DOORS[@]}")
  if [[ -n $only ]]; then
    [[ " ${FUZZ_DOORS[*]} " == *" $only "* ]] || die "unknown door '$only' (${FUZZ_DOORS[*]})"
    doors=("$only")
  fi
  if ! command -v cargo-fuzz >/dev/null; then
    [[ -x $TOOLS_CACHE/cargo-fuzz/bin/cargo-fuzz ]] || { log "installing cargo-fuzz"; cargo install cargo-fuzz --root "$TOOLS_CACHE/cargo-fuzz"; }
    mkdir -p "$TOOLS/bin" && cp "$TOOLS_CACHE/cargo-fuzz/bin/cargo-fuzz" "$TOOLS/bin/"
  fi
  # The machine's one toolchain (no nightly can be fetched here): RUSTC_BOOTSTRAP lets cargo fuzz pass its -Z
  # flags to stable rustc. No sanitizer: the crate has no unsafe code, and without one it runs about 2.5× faster.
  local fuzz=(env RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none)
  local report=() door log_file
  # Every door's seeds in one place: the generated ones, then the hand-made ones.
  rm -rf fuzz/target/seeds
  cargo run --quiet --bin assist-seeds fuzz/target/seeds || die "generating the fuzz seeds failed"
  for door in "${doors[@]}"; do
    mkdir -p "fuzz/target/seeds/$door"
    [[ -d fuzz/seeds/$door ]] && cp fuzz/seeds/"$door"/* "fuzz/target/seeds/$door/"
    log "fuzzing door '$door' for ${seconds}s (seeds: fuzz/target/seeds/$door, corpus: fuzz/corpus/$door)"
    log_file=$(mktemp)
    mkdir -p "fuzz/corpus/$door"
    rm -rf "fuzz/target/new-$door" "fuzz/target/min-$door" && mkdir -p "fuzz/target/new-$door" "fuzz/target/min-$door"
    if ! "${fuzz[@]}" "$door" "fuzz/target/new-$door" "fuzz/corpus/$door" "fuzz/target/seeds/$door" -- \
      -max_total_time="$seconds" -print_final_stats=1 -max_len="${FUZZ_MAX_LEN[$door]}" >"$log_file" 2>&1; then
      grep -E 'panicked|ERROR' -A2 "$log_file" >&2 || true
      die "door '$door' failed: the input is in fuzz/artifacts/$door (make it a seed once fixed: a file in fuzz/seeds/$door, or a typed one in src/doors.rs); log: $log_file"
    fi
    grep -E '^#[0-9]+\s+DONE' "$log_file" || true
    # Keep a smallest set of inputs that reaches every edge reached so far (seeds apart; set cover, edges without
    # hit counts), so that the next run starts where this one stopped and the repository stays small.
    "${fuzz[@]}" "$door" "fuzz/target/min-$door" "fuzz/corpus/$door" "fuzz/target/new-$door" -- \
      -merge=1 -set_cover_merge=1 -use_counters=0 >/dev/null 2>&1 \
      || die "merging the finds of door '$door' failed"
    rm -rf "fuzz/corpus/$door" && mv "fuzz/target/min-$door" "fuzz/corpus/$door"
    report+=("$(printf '%-12s %12s %8s %8s %6s' "$door" \
      "$(grep -oP 'stat::number_of_executed_units: \K[0-9]+' "$log_file")" \
      "$(grep -oP '#[0-9]+\s+DONE\s+cov: \K[0-9]+' "$log_file" | tail -1)" \
      "$(grep -oP '#[0-9]+\s+DONE\s+cov: [0-9]+ ft: \K[0-9]+' "$log_file" | tail -1)" \
      "$(find "fuzz/corpus/$door" -type f | wc -l)")")
  done
  printf '\n%-12s %12s %8s %8s %6s\n' door executions cov features kept
  printf '%s\n' "${report[@]}"
}

case ${1:-build} in
  build) cmd_build ;;
  demo) cmd_demo ;;
  test) cmd_test ;;
  under-load) shift; cmd_under_load "$@" ;;
  bench) cmd_bench ;;
  screenshots) cmd_screenshots ;;
  size) shift; cmd_size "$@" ;;
  package) cmd_package ;;
  fuzz) shift; cmd_fuzz "$@" ;;
  *) die "unknown command '$1' (build | demo | test | under-load [N] | bench | size | package | screenshots | fuzz SECONDS [DOOR])" ;;
esac
