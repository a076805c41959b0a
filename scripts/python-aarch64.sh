#!/usr/bin/env bash
# The Python package's aarch64 Linux wheel: cross-built with the toolchain scripts/aarch64.sh
# sets up (Debian's rustc-web 1.96 with its arm64 std, `cargo +debian`; gcc-aarch64-linux-gnu
# links), then imported and checked under qemu-aarch64 with Debian's own arm64 CPython 3.11
# (its .debs unpacked under target/arm-py, not installed) and numpy's aarch64 wheel from PyPI:
# the held-out churn rows routed by state, bit-identical to XGBoost (python/tests/aarch64_check.py).
# Needs target/venv-py (scripts/python.sh) for maturin and the host-side compile, and the
# toolchain scripts/aarch64.sh installs (run it first).
# The cross-build uses the release profile without LTO and with 16 codegen units (a functional
# check, several times faster to build); a wheel for distribution drops those two overrides.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=aarch64-unknown-linux-gnu
VENV=target/venv-py
ARM=target/arm-py
if [ ! -x "$VENV/bin/maturin" ]; then
  echo "== SKIPPED: the aarch64 Python wheel: no $VENV (scripts/python.sh makes it; it skips when pip cannot reach the index)"
  exit 0
fi
if [ ! -d /usr/lib/rustlib/$TARGET/lib ] || ! command -v aarch64-linux-gnu-gcc >/dev/null || ! command -v qemu-aarch64-static >/dev/null; then
  echo "the aarch64 toolchain is missing: scripts/aarch64.sh installs it" >&2; exit 1
fi

echo "== aarch64 wheel: maturin build --release --target $TARGET (abi3, cargo +debian)"
rm -rf target/wheels-aarch64
RUSTUP_TOOLCHAIN=debian CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_TARGET_DIR=target/aarch64 \
  "$VENV/bin/maturin" build -q --release --target $TARGET -m python/Cargo.toml --compatibility linux --out target/wheels-aarch64
WHEEL=$(ls target/wheels-aarch64/mlc-*-cp39-abi3-*aarch64.whl)
ls -l "$WHEEL" | awk '{print "aarch64 wheel: " $NF ", " $5 " bytes"}'

if [ ! -x "$ARM/root/usr/bin/python3.11" ]; then
  rm -rf "$ARM" && mkdir -p "$ARM/debs"
  (cd "$ARM/debs" && apt-get download -q python3.11-minimal:arm64 libpython3.11-minimal:arm64 libpython3.11-stdlib:arm64 \
     libexpat1:arm64 zlib1g:arm64 libffi8:arm64 libbz2-1.0:arm64 liblzma5:arm64 libcrypt1:arm64 libssl3:arm64 libuuid1:arm64 2>/dev/null)
  for d in "$ARM"/debs/*.deb; do dpkg -x "$d" "$ARM/root"; done
fi
if [ ! -d "$ARM/numpy/numpy" ]; then
  "$VENV/bin/pip" download -q --disable-pip-version-check --only-binary=:all: --platform manylinux_2_28_aarch64 \
    --python-version 3.11 --implementation cp --abi cp311 -d "$ARM/numpy-wheel" "numpy==$("$VENV/bin/python" -c 'import numpy; print(numpy.__version__)')"
  python3 -m zipfile -e "$ARM"/numpy-wheel/numpy-*.whl "$ARM/numpy"
fi
rm -rf "$ARM/mlc" && python3 -m zipfile -e "$WHEEL" "$ARM/mlc"

mkdir -p "$ARM/work"
"$VENV/bin/python" - "$ARM/work/churn.mlc" <<'PY'
import pathlib, sys
import mlc
states = pathlib.Path("tests/fixtures/churn/models/states")
mlc.compile({p.stem: p for p in sorted(states.glob("*.json"))}, sys.argv[1], target="aarch64")
PY
echo "== qemu-aarch64 (cortex-a72): Debian's arm64 python3.11 imports the wheel and predicts"
R="$PWD/$ARM/root"
timeout 600 qemu-aarch64-static -cpu cortex-a72 -L /usr/aarch64-linux-gnu \
  -E LD_LIBRARY_PATH="$R/usr/lib/aarch64-linux-gnu:$R/lib/aarch64-linux-gnu:/usr/aarch64-linux-gnu/lib" \
  -E PYTHONHOME="$R/usr" -E PYTHONPATH="$PWD/$ARM/mlc:$PWD/$ARM/numpy" \
  "$R/usr/bin/python3.11" python/tests/aarch64_check.py "$ARM/work/churn.mlc" tests/fixtures
