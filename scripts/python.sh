#!/usr/bin/env bash
# The Python package `mlc` (python/): creates target/venv-py with the pins of
# python/requirements.txt (again when they change), builds the extension into it with
# `maturin develop` (the workspace's dev profile: dependencies optimised), builds the `mlc`
# command to compare with, and runs pytest over python/tests. Skips, saying why, only when pip
# cannot reach the package index.
#   scripts/python.sh --scale   also the Ray Data and Spark examples as tests (python/tests/scale,
#                               pins in python/requirements-scale.txt; Java 17+ for Spark)
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=target/venv-py
REQ=python/requirements.txt
install() { # requirements file, stamp name
  if ! cmp -s "$1" "$VENV/$2"; then
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
    if ! "$VENV/bin/pip" install -q --disable-pip-version-check -r "$1"; then
      probe=$(mktemp -d)
      if ! "$VENV/bin/pip" download -q --disable-pip-version-check --no-deps -d "$probe" six >/dev/null 2>&1; then
        rm -rf "$probe"
        echo "== SKIPPED: the Python package tests (python/tests): pip cannot reach the package index"
        exit 0
      fi
      rm -rf "$probe"
      echo "pip install -r $1 failed (the index is reachable)" >&2
      exit 1
    fi
    cp "$1" "$VENV/$2"
  fi
}
install "$REQ" requirements.txt
tests=(python/tests --ignore=python/tests/scale)
if [ "${1:-}" = "--scale" ]; then
  install python/requirements-scale.txt requirements-scale.txt
  tests=(python/tests/scale)
fi

cargo build -q -p mlc-cli
# maturin develop installs into the active virtual environment.
VIRTUAL_ENV="$PWD/$VENV" PATH="$PWD/$VENV/bin:$PATH" "$VENV/bin/maturin" develop -q -m python/Cargo.toml
status=0
MLC_BIN="$PWD/target/debug/mlc" "$VENV/bin/python" -m pytest -p no:cacheprovider -q -rs "${tests[@]}" || status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests in ${tests[*]}" >&2
fi
exit "$status"
