#!/usr/bin/env bash
# The test command (README, `.ci/run`): installs what it needs, then runs
#   0. the style checks: rustfmt and clippy (the workspace's [workspace.lints]), warnings fail;
#   1. the whole workspace's tests (unit, end-to-end, CLI, property tests) with rustup's stable Rust,
#      then the #[ignore]d tests on the 25 MB seed model (tests/fixtures/sentiment/README.md);
#      then `mlc serve` against tritonclient, boto3 and requests from PyPI (scripts/serve-clients.sh);
#      then the Python package and its Ray Data / Spark examples (scripts/python.sh);
#   2. a no_std build of the runtime and format crates for Cortex-M3 and Cortex-M4F with only
#      `core` available (no `alloc`), which fails if anything in them needs an allocator or std;
#   3. the device build of the CLI (no compiler linked; `mlc serve` in), also cross-built for
#      aarch64 Linux and run under qemu-aarch64 (scripts/aarch64.sh), and the Python package's
#      aarch64 wheel imported under qemu-aarch64 by Debian's arm64 CPython (scripts/python-aarch64.sh);
#   4. a fuzz smoke run: every target 60 s under AddressSanitizer, two at a time (scripts/fuzz.sh);
#   5. the Cortex-M firmware under QEMU (scripts/firmware.sh): outputs equal the host runtime's;
#   6. the concurrency tests under ThreadSanitizer with an instrumented std (scripts/tsan.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup-toolchains.sh

echo "== style: cargo fmt --check (all three workspaces) and clippy with warnings as errors"
cargo fmt --all --check
(cd fuzz && cargo fmt --check) && (cd firmware && cargo fmt --all --check)
cargo clippy -q --workspace --all-targets -- -D warnings

echo "== cargo test --workspace"
cargo test --workspace

echo "== mlc serve and the Python clients from PyPI: tritonclient, boto3, requests (scripts/serve-clients.sh)"
scripts/serve-clients.sh
echo "== the Python package mlc (python/): maturin develop, pytest; then Ray Data and Spark on local[2] (scripts/python.sh)"; scripts/python.sh && scripts/python.sh --scale

echo "== the 25 MB seed sentiment model: the #[ignore]d tests only it covers (tests/fixtures/sentiment/README.md)"
seed_out=$(cargo test --workspace --test keras -- --ignored seed_model_ 2>&1) || { echo "$seed_out"; exit 1; }
grep -E "^test |test result" <<<"$seed_out"
grep -qE "test result: ok\. [1-9]" <<<"$seed_out" || { echo "no seed_model_ test ran" >&2; exit 1; }

echo "== expf == the C library's expf for every f32 (release build; skips on a non-FMA glibc), expf_fma == expf on the same values; expf_via_f64 == (f32) exp((f64) x) likewise; vector sigmoid == scalar on every 5th f32"
cargo test -q -p mlc-runtime --features std --release -- --ignored --nocapture 2>&1 | grep -E "expf|skipped|test result"

echo "== no_std, no allocator: mlc-runtime for thumbv7m-none-eabi and thumbv7em-none-eabihf"
for target in thumbv7m-none-eabi thumbv7em-none-eabihf; do
  RUSTC_BOOTSTRAP=1 cargo +debian build -q -p mlc-runtime --release --target "$target" \
    -Zbuild-std=core --target-dir target/nostd
done

echo "== device build: mlc without the compiler, with mlc serve"
cargo build -q --release -p mlc-cli --no-default-features --features serve --target-dir target/device
if cargo tree -p mlc-cli --no-default-features --features serve -e normal | grep -qE "mlc-compiler|candle"; then
  echo "device build links the compiler or candle" >&2; exit 1
fi
target/device/release/mlc serve --help >/dev/null || { echo "the device build has no mlc serve" >&2; exit 1; }
ls -l target/device/release/mlc | awk '{print "device mlc binary: " $5 " bytes"}'

echo "== aarch64: mlc-runtime tests under qemu-aarch64 (-cpu max, cortex-a72), device build, mlc predict + mlc bench + mlc serve under qemu-aarch64"
scripts/aarch64.sh
scripts/python-aarch64.sh  # the Python wheel for aarch64, imported under qemu (needs target/venv-py from scripts/python.sh)
echo "== fuzz smoke: every fuzz target 60 s under AddressSanitizer, two at a time (docs/reliability.md)"
MLC_FUZZ_JOBS=2 scripts/fuzz.sh 60

echo "== firmware: Cortex-M4F and Cortex-M3 images under QEMU"
scripts/firmware.sh

echo "== ThreadSanitizer: the concurrency tests with an instrumented std (docs/reliability.md §5)"
scripts/tsan.sh

echo "== all checks passed"
