#!/usr/bin/env bash
# Installs what the test suite needs beyond rustup's stable Rust, on a fresh Debian 12 machine:
# Debian's rustc-web 1.96 with its std sources, used to build the runtime crates for
# microcontroller targets with `-Zbuild-std=core` (proof that they need no allocator).
# rustup cannot fetch extra targets here (see ../shared/notes/arm-toolchains.md). Idempotent.
set -euo pipefail
if ! command -v /usr/bin/rustc >/dev/null || [ ! -d /usr/lib/rustlib/src/rust/library ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends rustc-web cargo-web rust-web-src >/dev/null
fi
# Expose Debian's toolchain to rustup as `+debian`; rustup's stable stays the default.
rustup toolchain link debian /usr
cargo +debian --version
