#!/usr/bin/env bash
# Device build for 64-bit ARM Linux boards (Raspberry Pi 4/5 class): cross-builds `mlc` without
# the compiler (`--no-default-features --features serve`: no candle, no importers; `mlc serve`
# in) for aarch64-unknown-linux-gnu, prints its size, and runs `mlc predict`, a short
# `mlc bench`, and `mlc serve` (answering /ping, one inference and a 1 s `mlc bench --url`, then SIGTERM) under
# qemu-aarch64 as a functional check; runs mlc-runtime's tests under qemu twice (`-cpu max`: NEON
# with `sdot`; `-cpu cortex-a72`: NEON without `dotprod`), so that the property tests compare
# every aarch64 vector kernel with the portable one, and predicts the int8 text golden and the
# churn model on the NEON kernels and on the portable ones (`MLC_NO_SIMD=1`). Route A of ../shared/notes/arm-toolchains.md: Debian's rustc-web 1.96 with
# its multiarch arm64 std (`cargo +debian`), gcc-aarch64-linux-gnu as the linker,
# qemu-user-static. Idempotent; installs (apt, once) what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=aarch64-unknown-linux-gnu
RUSTWEB=1.96.0+dfsg1-1~deb12u2
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

need=()
command -v qemu-aarch64-static >/dev/null || need+=(qemu-user-static)
command -v curl >/dev/null || need+=(curl)
command -v aarch64-linux-gnu-gcc >/dev/null || need+=(gcc-aarch64-linux-gnu)
[ -e /usr/aarch64-linux-gnu/lib/crti.o ] || need+=(libc6-dev-arm64-cross)
if [ ! -d /usr/lib/rustlib/$TARGET/lib ] || [ ! -x /usr/bin/rustc ]; then
  dpkg --print-foreign-architectures | grep -qx arm64 || $SUDO dpkg --add-architecture arm64
  # rustc-web and its arm64 std must be the same version: install them in one call.
  need+=("rustc-web=$RUSTWEB" "cargo-web=$RUSTWEB" "libstd-rust-web-dev:arm64=$RUSTWEB")
fi
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
rustup toolchain link debian /usr

# qemu-aarch64 for CPU model $1, with qemu's options $2... (-E LD_LIBRARY_PATH: see QEMU below).
qemu_for() { local cpu=$1; shift; echo "timeout 300 qemu-aarch64-static -cpu $cpu -L /usr/aarch64-linux-gnu -E LD_LIBRARY_PATH=/usr/aarch64-linux-gnu/lib $*"; }
mkdir -p target/aarch64
for cpu in max cortex-a72; do
  echo "== qemu-aarch64 -cpu $cpu: cargo test -p mlc-runtime --features std (the NEON kernels' property tests against the portable ones)"
  log=target/aarch64/runtime-tests-$cpu.log
  if ! CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
    CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUNNER="$(qemu_for $cpu)" \
    cargo +debian test -q -p mlc-runtime --features std --target $TARGET --target-dir target/aarch64 -- --nocapture >"$log" 2>&1; then
    cat "$log" >&2; echo "mlc-runtime's tests failed under qemu-aarch64 -cpu $cpu" >&2; exit 1
  fi
  grep -oE "^test result: .*|vector int8 convolution levels checked here: .*" "$log" | sed 's/^/   /'
done

echo "== aarch64 device build: mlc --no-default-features --features serve for $TARGET (cargo +debian)"
CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
  cargo +debian build -q --release -p mlc-cli --no-default-features --features serve --target $TARGET --target-dir target/aarch64
BIN=target/aarch64/$TARGET/release/mlc
if cargo tree -p mlc-cli --no-default-features --features serve -e normal --target $TARGET | grep -qE "mlc-compiler|candle"; then
  echo "the aarch64 device build links the compiler or candle" >&2; exit 1
fi
if command -v file >/dev/null && ! file "$BIN" | grep -q "ARM aarch64"; then
  echo "$BIN is not an aarch64 binary" >&2; exit 1
fi
ls -l "$BIN" | awk '{print "aarch64 device mlc binary: " $5 " bytes"}'

# The churn per-state bundle, compiled on this (build) machine with the host mlc (the debug
# build that `cargo test` makes anyway).
ART=target/aarch64/work
mkdir -p "$ART"
# The all-states model too: compiled for aarch64 it carries the `tree-splits` index, so batches
# run the NEON bitvector kernel (crates/mlc-runtime/src/trees/neon.rs).
if [ ! -s "$ART/churn_states.mlc" ] || [ ! -s "$ART/all_states.mlc" ]; then
  cargo build -q -p mlc-cli
  specs=()
  for f in tests/fixtures/churn/models/states/*.json; do specs+=("$(basename "$f" .json)=$f"); done
  target/debug/mlc compile "${specs[@]}" --target aarch64 -o "$ART/churn_states.mlc" >/dev/null
  target/debug/mlc compile all_states=tests/fixtures/churn/models/all_states.json --target aarch64 -o "$ART/all_states.mlc" >/dev/null
fi
head -n 20 tests/fixtures/churn/heldout.csv > "$ART/rows.csv"

# -E LD_LIBRARY_PATH: keep the cross loader and the cross libc together (the multiarch libc6:arm64
# would otherwise be found through ld.so.cache, and threaded programs hang; see the notes).
QEMU=(timeout 120 qemu-aarch64-static -cpu cortex-a72 -L /usr/aarch64-linux-gnu -E LD_LIBRARY_PATH=/usr/aarch64-linux-gnu/lib)
echo "== qemu-aarch64 (cortex-a72): mlc predict, AK's model on 5 held-out AK rows"
grep '^AK,' tests/fixtures/churn/heldout.csv | head -n 5 | cut -d, -f2- > "$ART/ak.csv"
"${QEMU[@]}" "$BIN" predict "$ART/churn_states.mlc" --model AK "$ART/ak.csv" | tee "$ART/ak.arm.out"
target/debug/mlc predict "$ART/churn_states.mlc" --model AK "$ART/ak.csv" > "$ART/ak.host.out"
cmp -s "$ART/ak.arm.out" "$ART/ak.host.out" || { echo "aarch64 predictions differ from the host's" >&2; exit 1; }
echo "   (bit-identical to the host's predictions)"
echo "== qemu-aarch64: the all-states churn model on the 1,667 held-out and 300 edge rows (missing values,"
echo "   thresholds and their neighbours): NEON batch kernel (cortex-a72), the walk (MLC_NO_SIMD=1), the host"
cat tests/fixtures/churn/heldout.csv tests/fixtures/churn/edge.csv | cut -d, -f2- > "$ART/all_rows.csv"
target/debug/mlc predict "$ART/all_states.mlc" "$ART/all_rows.csv" > "$ART/all.host.out"
"${QEMU[@]}" "$BIN" predict "$ART/all_states.mlc" "$ART/all_rows.csv" > "$ART/all.arm.out"
$(qemu_for cortex-a72 -E MLC_NO_SIMD=1) "$BIN" predict "$ART/all_states.mlc" "$ART/all_rows.csv" > "$ART/all.walk.out"
for out in arm walk; do
  cmp -s "$ART/all.$out.out" "$ART/all.host.out" || { echo "aarch64 ($out) all-states predictions differ from the host's" >&2; exit 1; }
done
echo "   ($(wc -l < "$ART/all.arm.out") predictions, bit-identical on all three)"
echo "== qemu-aarch64: the int8 text golden (imdb_cnn_mcu, Cortex-M4 build: the int8 Conv1D kernels) on the"
echo "   296 committed reviews: sdot (-cpu max), smull/sadalp (-cpu cortex-a72), portable (MLC_NO_SIMD=1)"
G=tests/fixtures/golden/v1.0/imdb_cnn_mcu.cortex-m4
for run in "max" "cortex-a72" "cortex-a72 -E MLC_NO_SIMD=1"; do
  # shellcheck disable=SC2086 # $run: the CPU model and qemu's extra options
  $(qemu_for $run) "$BIN" predict "$G.mlc" tests/fixtures/sentiment/reviews.txt > "$ART/text.out"
  cmp -s "$ART/text.out" "$G.expected.csv" || { echo "aarch64 ($run) text predictions differ from the golden's" >&2; exit 1; }
done
echo "   (bit-identical to $G.expected.csv on all three)"
echo "== qemu-aarch64: mlc bench --duration 2 (2 users, rows routed by state)"
echo "   (emulated: timings under qemu mean nothing about a real board; this is a functional check)"
"${QEMU[@]}" "$BIN" bench "$ART/churn_states.mlc" --input "$ART/rows.csv" --route-column 1 \
  --users 2 --spawn-rate 100 --duration 2
echo "== qemu-aarch64: mlc serve on 127.0.0.1, /ping and one inference (SageMaker CSV, AK), then SIGTERM"
rm -f "$ART/serve.out"
"${QEMU[@]}" "$BIN" serve "$ART/churn_states.mlc" --listen 127.0.0.1:0 --workers 2 >"$ART/serve.out" 2>"$ART/serve.err" &
SERVE=$!
stop_serve() { kill -TERM "$SERVE" 2>/dev/null || true; }
trap stop_serve EXIT
for _ in $(seq 1 600); do grep -q listening "$ART/serve.out" 2>/dev/null && break; sleep 0.1; done
ADDR=$(grep -o '127\.0\.0\.1:[0-9]*' "$ART/serve.out") || { echo "mlc serve did not start:" >&2; cat "$ART/serve.err" >&2; exit 1; }
curl -sf --max-time 20 -o /dev/null "http://$ADDR/ping" || { echo "/ping failed" >&2; exit 1; }
curl -sf --max-time 20 -H 'Content-Type: text/csv' -H 'X-Amzn-SageMaker-Target-Model: AK' \
  --data-binary @"$ART/ak.csv" "http://$ADDR/invocations" >"$ART/ak.serve.out"
cat "$ART/ak.serve.out"
# The server writes the same shortest round-trip digits as `mlc predict` (the exponent notation
# may differ): compared as numbers.
awk 'NR == FNR { want[FNR] = $1; n = FNR; next } { got++; if ($1 + 0 != want[FNR] + 0) bad++ }
     END { exit (bad || got != n) }' "$ART/ak.host.out" "$ART/ak.serve.out" \
  || { echo "mlc serve's answers on aarch64 differ from the host's predictions" >&2; exit 1; }
echo "   (equal to the host's predictions)"
echo "== qemu-aarch64: mlc bench --url against it (1 s, rows routed by state, SageMaker CSV)"
"${QEMU[@]}" "$BIN" bench --url "http://$ADDR" --input "$ART/rows.csv" --route-column 1 --users 2 --duration 1 \
  | tee "$ART/bench-url.out"
grep -q ' 0 errors' "$ART/bench-url.out" || { echo "mlc bench --url on aarch64 saw errors" >&2; exit 1; }
trap - EXIT
kill -TERM "$SERVE"
wait "$SERVE" || { echo "mlc serve did not exit 0 after SIGTERM" >&2; cat "$ART/serve.err" >&2; exit 1; }
echo "   (SIGTERM: drained and exited 0)"
echo "== aarch64 ok"
