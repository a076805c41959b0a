#!/usr/bin/env bash
# Firmware (issue 6), on a fresh Debian 12 machine: installs what it needs (idempotent), compiles
# the artifacts with `mlc`, builds the Cortex-M4F (QEMU mps2-an386) and Cortex-M3 (QEMU
# lm3s6965evb, and mps2-an385 for the models that do not fit the LM3S6965's flash) images that
# link crates/mlc-runtime, runs each under QEMU with a timeout, where
# the host driver checks every answer against the host runtime on the same artifacts, and
# prints the footprint table. See firmware/README.md.
#
# Environment: MLC=path/to/mlc (default: build the CLI, debug profile, in ./target),
# QEMU_DIR (default /opt/qemu-arm-7.2), FW_TIMEOUT (seconds per QEMU session, default 120).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

echo "== firmware: toolchains"
scripts/setup-toolchains.sh >/dev/null   # Debian rustc-web 1.96 + rust-web-src as `cargo +debian`
pkgs=()
command -v ld.lld-22 >/dev/null || pkgs+=(lld-22)                            # linker (Debian has no rust-lld)
command -v arm-none-eabi-nm >/dev/null || pkgs+=(binutils-arm-none-eabi)     # size, nm, objdump
if [ ${#pkgs[@]} -gt 0 ]; then
  $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null 2>&1 ||
    { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null; }
fi
# qemu-system-arm 7.2, unpacked rather than installed: `apt-get install qemu-system-arm` would
# remove this image's qemu-utils 10 (../shared/notes/arm-toolchains.md).
QEMU_DIR=${QEMU_DIR:-/opt/qemu-arm-7.2}
qemu_libs=(qemu-system-arm libfdt1 libcapstone4 libpmem1 librdmacm1 libibverbs1 libslirp0 libvdeplug2
           libndctl6 libdaxctl1 libnl-3-200 libnl-route-3-200)
if [ ! -x "$QEMU_DIR/usr/bin/qemu-system-arm" ]; then
  tmp=$(mktemp -d); chmod 755 "$tmp"
  ( cd "$tmp" && { apt-get download -qq "${qemu_libs[@]}" 2>/dev/null ||
                   { $SUDO apt-get update -qq && apt-get download -qq "${qemu_libs[@]}"; }; } )
  $SUDO mkdir -p "$QEMU_DIR"
  for f in "$tmp"/*.deb; do $SUDO dpkg -x "$f" "$QEMU_DIR"; done
  rm -rf "$tmp"
fi
bin=$root/firmware/target/bin; mkdir -p "$bin"
cat > "$bin/qemu-system-arm" <<W
#!/bin/sh
export LD_LIBRARY_PATH=$QEMU_DIR/usr/lib/x86_64-linux-gnu:$QEMU_DIR/lib/x86_64-linux-gnu
exec $QEMU_DIR/usr/bin/qemu-system-arm "\$@"
W
chmod +x "$bin/qemu-system-arm"
"$bin/qemu-system-arm" --version | head -1

echo "== firmware: artifacts"
if [ -z "${MLC:-}" ]; then
  cargo build -q -p mlc-cli
  MLC=$root/target/debug/mlc
fi
churn=(); for f in tests/fixtures/churn/models/states/*.json; do churn+=("$(basename "$f" .json)=$f"); done
sentiment=tests/fixtures/sentiment/imdb_cnn_mcu
lin=tests/fixtures/xgboost_linear
linear=("softprob=$lin/3.2.0/multi_softprob.json" "poisson=$lin/0.90/count_poisson.pkl" "logistic=$lin/1.7.6/binary_logistic.ubj")
stage=firmware/target/artifacts-new; rm -rf "$stage"
# ---- The artifact set: THE step to change. firmware/artifacts/<board>/*.mlc is what that
# board's image embeds (fw/build.rs) and what the host driver checks it against. ----
build_artifacts() {
  local m4=$stage/mps2-an386 m3=$stage/lm3s6965evb m3big=$stage/mps2-an385
  mkdir -p "$m4" "$m3" "$m3big"
  # Cortex-M4F: the 51 per-state churn models (float32 trees), the sentiment CNN in int8
  # (the default for networks on microcontroller targets) and in float32.
  "$MLC" compile "${churn[@]}" --target cortex-m4 -o "$m4/churn.mlc" | tail -n 1
  "$MLC" compile "sentiment_i8=$sentiment" --target cortex-m4 --calibration tests/fixtures/sentiment/reviews.txt -o "$m4/sentiment_i8.mlc" | tail -n 1
  "$MLC" compile "sentiment_f32=$sentiment" --target cortex-m4 --numeric float -o "$m4/sentiment_f32.mlc" | tail -n 1
  # Linear models (XGBoost's gblinear: f32 with the FPU here, software floating point on the
  # Cortex-M3 boards): a three-class softprob model, a Poisson and a logistic one.
  "$MLC" compile "${linear[@]}" --target cortex-m4 -o "$m4/linear.mlc" | tail -n 1
  # Cortex-M3 (256 KB flash, 64 KB RAM): the churn bundle, integer-only. The int8 sentiment
  # model does not fit beside it (checked below).
  "$MLC" compile "${churn[@]}" --target cortex-m3 -o "$m3/churn.mlc" | tail -n 1
  "$MLC" compile "${linear[@]}" --target cortex-m3 -o "$m3/linear.mlc" | tail -n 1
  # Cortex-M3 on the MPS2 board (4 MB of flash): both models, integer-only — the int8
  # sentiment CNN on a core without FPU (soft float only for the final dequantize + sigmoid).
  cp "$m3/churn.mlc" "$m3/linear.mlc" "$m3big/"
  "$MLC" compile "sentiment_i8=$sentiment" --target cortex-m3 --calibration tests/fixtures/sentiment/reviews.txt -o "$m3big/sentiment_i8.mlc" | tail -n 1
}
build_artifacts
m3_total=$(( $(stat -c %s "$stage/lm3s6965evb/churn.mlc") + $(stat -c %s "$stage/mps2-an386/sentiment_i8.mlc") ))
echo "lm3s6965evb: churn + sentiment_i8 would be $((m3_total / 1024)) KB of model data in 256 KB of flash: churn only (both run on the Cortex-M3 of mps2-an385)"
# Replace only what changed, so that unchanged artifacts do not relink the images.
for f in "$stage"/*/*.mlc; do
  dst=firmware/artifacts/${f#"$stage"/}; mkdir -p "$(dirname "$dst")"
  cmp -s "$f" "$dst" || cp "$f" "$dst"
done
for f in firmware/artifacts/*/*.mlc; do [ -e "$stage/${f#firmware/artifacts/}" ] || rm -f "$f"; done

echo "== firmware: build (Debian rustc 1.96, -Zbuild-std=core)"
cd firmware
build_fw() { # target [board]: board-specific images get their own target directory
  FW_BOARD=${2:-} RUSTC_BOOTSTRAP=1 cargo +debian build -q --release -p mlc-fw --target "$1" \
    ${2:+--target-dir target/$2} -Zbuild-std=core -Zbuild-std-features=compiler-builtins-mem
}
build_fw thumbv7em-none-eabihf   # mps2-an386
build_fw thumbv7m-none-eabi      # lm3s6965evb
build_fw thumbv7m-none-eabi mps2-an385
cargo test -q -p mlc-wire 2>&1 | grep -E "^test result" | head -n 1   # protocol unit tests (host)
# fw/src/take_once.rs (core only; the firmware crate itself builds only for the thumb targets):
# its unit tests on the host.
rustc --edition 2021 --test fw/src/take_once.rs -o target/take_once-tests
target/take_once-tests -q 2>&1 | grep -E "^test result"
cargo build -q --release -p mlc-host-driver   # host side: rustup's stable Rust
driver=target/release/mlc-host-driver

echo "== firmware: run under QEMU (UART0 <-> host driver; -icount shift=0)"
mkdir -p target/reports
run() { # machine kernel
  timeout "${FW_TIMEOUT:-120}" "$driver" run --machine "$1" --kernel "$2" \
    --artifacts "artifacts/$1" --qemu "$bin/qemu-system-arm" --timeout 60 \
    --churn ../tests/fixtures/churn/heldout.csv --churn-rows 120 \
    --linear ../tests/fixtures/xgboost_linear/3.2.0/inputs.csv --linear-rows 100 \
    --reviews ../tests/fixtures/sentiment/reviews.txt --reviews-count 60 \
    --report "target/reports/$1.txt"
}
run mps2-an386 target/thumbv7em-none-eabihf/release/mlc-fw
run lm3s6965evb target/thumbv7m-none-eabi/release/mlc-fw
run mps2-an385 target/mps2-an385/thumbv7m-none-eabi/release/mlc-fw

echo "== firmware: footprint"
"$driver" footprint --elf target/thumbv7m-none-eabi/release/mlc-fw --report target/reports/lm3s6965evb.txt \
                    --elf target/mps2-an385/thumbv7m-none-eabi/release/mlc-fw --report target/reports/mps2-an385.txt \
                    --elf target/thumbv7em-none-eabihf/release/mlc-fw --report target/reports/mps2-an386.txt
echo "== firmware: all checks passed"
