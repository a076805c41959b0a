#!/usr/bin/env bash
# Runs the concurrency tests (tests/e2e/concurrency.rs) under ThreadSanitizer with an
# instrumented standard library (docs/reliability.md §5), and fails on any report.
#
# rustup's nightly ships the TSan runtime but its rust-src cannot be fetched here, so std could
# not be rebuilt with the sanitizer. Debian's rustc-web 1.96 comes with matching std sources
# (rust-web-src) but no sanitizer runtimes; LLVM 22's compiler-rt (libclang-rt-22-dev, the
# LLVM Debian's rustc is built on) has one. This script puts that runtime where rustc looks for
# it, in a private sysroot used only for the target crates (the host's std stays Debian's), and
# builds std and everything else with -Zsanitizer=thread:
#
#   scripts/tsan.sh            # both concurrency tests, every thread count
#
# Installs what it needs (idempotent): Debian's rustc-web/cargo-web/rust-web-src (through
# scripts/setup-toolchains.sh) and libclang-rt-22-dev. The first build takes about 15 minutes
# on 2 cores (std, candle and the rest, instrumented).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

scripts/setup-toolchains.sh >/dev/null
RT=/usr/lib/llvm-22/lib/clang/22/lib/linux/libclang_rt.tsan-x86_64.a
if [ ! -f "$RT" ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libclang-rt-22-dev >/dev/null
fi

TARGET=x86_64-unknown-linux-gnu
DIR=$ROOT/target/tsan-debian
SYSROOT=$DIR/sysroot
mkdir -p "$SYSROOT/lib/rustlib/$TARGET/lib"
# Debian's rustc is a stable-channel build: it links librustc-stable_rt.tsan.a.
ln -sf "$RT" "$SYSROOT/lib/rustlib/$TARGET/lib/librustc-stable_rt.tsan.a"

export RUSTC_BOOTSTRAP=1
export RUSTFLAGS="-Zsanitizer=thread --sysroot=$SYSROOT"
# halt_on_error: the first report fails the run; the test harness' exit status says the rest.
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
cargo +debian test -Zbuild-std --target "$TARGET" --target-dir "$DIR" \
    -p mlc-tests --test concurrency -- --test-threads=1
echo "tsan: ok (no ThreadSanitizer report)"
