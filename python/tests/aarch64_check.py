"""Run by scripts/python-aarch64.sh under qemu-aarch64 with Debian's arm64 Python and the
aarch64 wheel: imports mlc, scores the held-out churn rows with their states' models (an
artifact compiled on the host) and checks them against XGBoost's committed outputs, bit for
bit. Usage: python aarch64_check.py ARTIFACT FIXTURES_DIR"""

import sys

import numpy as np

import mlc

artifact, fixtures = sys.argv[1], sys.argv[2]
states, rows = [], []
for line in open(f"{fixtures}/churn/heldout.csv"):
    fields = line.rstrip("\n").split(",")
    states.append(fields[0])
    rows.append([float(v) if v else np.nan for v in fields[1:]])
rows = np.array(rows, dtype=np.float32)
want = np.loadtxt(f"{fixtures}/churn/expected_per_state.csv", delimiter=",", dtype=np.float64).astype(np.float32)[:, 1]
art = mlc.load(artifact)
got = art.predict(rows, model=np.array(states))
same = np.array_equal(got.view(np.uint32), want.view(np.uint32))
print(f"aarch64: mlc {mlc.__version__} imported; {len(got)} held-out rows routed by state, bit-identical to XGBoost: {same}")
try:
    art["XX"]
except mlc.UnknownModelError as e:
    print(f"aarch64: unknown model raises mlc.UnknownModelError: {e}")
sys.exit(0 if same else 1)
