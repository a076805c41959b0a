#!/usr/bin/env bash
# `mlc serve` against the Python clients users have, from PyPI, unchanged (tests/python/):
# tritonclient.http (binary tensors and JSON), boto3's SageMaker runtime client, requests.
# Creates target/venv-serve with the pins of tests/python/requirements.txt (again when they
# change), builds mlc, and runs the tests, which start `mlc serve` on 127.0.0.1. Skips, saying
# why, only when pip cannot reach the package index.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=target/venv-serve
REQ=tests/python/requirements.txt
if ! cmp -s "$REQ" "$VENV/requirements.txt"; then
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  if ! "$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQ"; then
    probe=$(mktemp -d)
    if ! "$VENV/bin/pip" download -q --disable-pip-version-check --no-deps -d "$probe" six >/dev/null 2>&1; then
      rm -rf "$probe" "$VENV"
      echo "== SKIPPED: the Python client tests (tests/python): pip cannot reach the package index"
      exit 0
    fi
    rm -rf "$probe"
    echo "pip install -r $REQ failed (the index is reachable)" >&2
    exit 1
  fi
  cp "$REQ" "$VENV/requirements.txt"
fi

cargo build -q -p mlc-cli
status=0
MLC_BIN="$PWD/target/debug/mlc" "$VENV/bin/python" -m pytest -p no:cacheprovider -q -rs tests/python || status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests in tests/python" >&2
fi
exit "$status"
