#!/usr/bin/env bash
# Installs what the test suite needs beyond rustup's stable Rust, on a fresh Debian 12 machine:
# rsvg-convert (librsvg2-bin), and Debian's rustc-web 1.96 with its std sources, used to build the runtime crates for
# microcontroller targets with `-Zbuild-std=core` (proof that they need no allocator).
# rustup cannot fetch extra targets here (see ../shared/notes/arm-toolchains.md). Idempotent.
set -euo pipefail
if ! command -v /usr/bin/rustc >/dev/null || [ ! -d /usr/lib/rustlib/src/rust/library ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends rustc-web cargo-web rust-web-src >/dev/null
fi
# rsvg-convert: the bench plot test renders mlc bench's SVG to PNG (tests/e2e/cli.rs).
if ! command -v rsvg-convert >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends librsvg2-bin >/dev/null ||
    { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends librsvg2-bin >/dev/null; }
fi
# Expose Debian's toolchain to rustup as `+debian`; rustup's stable stays the default.
rustup toolchain link debian /usr
cargo +debian --version
