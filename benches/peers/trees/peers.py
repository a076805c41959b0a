#!/usr/bin/env python3
"""Peer comparison for the tree ensembles: XGBoost and Yggdrasil Decision Forests vs mlc.

Run from the repository root, pinned to one core:

    taskset -c 1 target/venv-peers/bin/python benches/peers/trees/peers.py [--reps 31] [--no-mlc]

Venv (not committed): `python3 -m venv target/venv-peers &&
target/venv-peers/bin/pip install xgboost-cpu ydf pandas numpy`.

1. XGBoost (`xgboost-cpu`, nthread=1): the all-states churn model
   (tests/fixtures/churn/models/all_states.json) on the 1,667 held-out rows
   (tests/fixtures/churn/heldout.csv: state, then 18 features, empty = missing), with
   `Booster.inplace_predict(predict_type="value")`: the whole batch in one call, and one row
   per call. `reps` repetitions of each after a warm-up; median and min ns/row. The batch
   output is checked against XGBoost's `predict` (identical) first.
2. YDF (`ydf`): a GBT trained here on the same 18 features of the 5,000-row churn CSV
   (../shared/data/churn/mlc_churn.csv or /work/shared/..., label `churn`, 20 trees,
   max_depth 6; skipped with a printed reason when the CSV is absent), timed with its own
   `model.benchmark(...)` on the held-out rows (batch sizes 1 and 1,667).
3. mlc: `target/release/tree_min` (single-row minima, mlc vs TL2cgen) and
   `target/release/churn_bench --only all-states` in the same run, if they are built
   (`cargo build --release -p mlc-benches`); skipped with a reason otherwise.
"""
import argparse
import csv
import os
import platform
import statistics
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
FIX = os.path.join(ROOT, "tests", "fixtures", "churn")
MODEL = os.path.join(FIX, "models", "all_states.json")
HELDOUT = os.path.join(FIX, "heldout.csv")
CHURN_CSVS = [
    os.path.join(ROOT, "..", "shared", "data", "churn", "mlc_churn.csv"),
    os.path.join(ROOT, "shared", "data", "churn", "mlc_churn.csv"),
    "/work/shared/data/churn/mlc_churn.csv",
]


def feature_names():
    with open(os.path.join(FIX, "feature_names.txt")) as f:
        return [line.strip() for line in f if line.strip()]


def held_out():
    """The held-out rows as float32 [rows, 18], NaN for empty cells."""
    rows = []
    with open(HELDOUT) as f:
        for rec in csv.reader(f):
            rows.append([float(v) if v != "" else np.nan for v in rec[1:]])
    return np.asarray(rows, dtype=np.float32)


def timed(fn, reps):
    """Per-repetition wall times of `fn()` (seconds), after one warm-up call."""
    fn()
    out = []
    for _ in range(reps):
        s = time.perf_counter()
        fn()
        out.append(time.perf_counter() - s)
    return out


def xgboost_rows(x, reps):
    import xgboost as xgb

    booster = xgb.Booster(model_file=MODEL)
    booster.set_param({"nthread": 1})
    ref = booster.predict(xgb.DMatrix(x, missing=np.nan, feature_names=feature_names()))
    got = booster.inplace_predict(x, predict_type="value", missing=np.nan)
    assert np.array_equal(ref, got), "inplace_predict differs from predict"
    n = len(x)
    batch = timed(lambda: booster.inplace_predict(x, predict_type="value", missing=np.nan), reps)
    singles = [x[i : i + 1] for i in range(n)]

    def one_by_one():
        for r in singles:
            booster.inplace_predict(r, predict_type="value", missing=np.nan)

    single = timed(one_by_one, max(3, reps // 4))
    return xgb.__version__, [
        ("XGBoost inplace_predict, batch of %d" % n, [t / n * 1e9 for t in batch]),
        ("XGBoost inplace_predict, single row", [t / n * 1e9 for t in single]),
    ]


def churn_csv():
    for p in CHURN_CSVS:
        if os.path.exists(p):
            return os.path.abspath(p)
    return None


def ydf_rows(x, reps):
    path = churn_csv()
    if path is None:
        return None, "YDF skipped: no churn CSV at %s" % " or ".join(CHURN_CSVS)
    import pandas as pd
    import ydf

    names = feature_names()
    df = pd.read_csv(path)
    df["area_code"] = df["area_code"].str.replace("area_code_", "").astype(np.float32)
    for c in ("international_plan", "voice_mail_plan"):
        df[c] = (df[c] == "yes").astype(np.float32)
    df["churn"] = (df["churn"] == "yes").astype(np.int64)
    train = {c: df[c].to_numpy(np.float32) for c in names}
    train["churn"] = df["churn"].to_numpy()
    learner = ydf.GradientBoostedTreesLearner(
        label="churn",
        num_trees=20,
        max_depth=6,
        features=[(c, ydf.Semantic.NUMERICAL) for c in names],
        include_all_columns=False,
    )
    model = learner.train(train, verbose=0)
    data = {c: x[:, i] for i, c in enumerate(names)}
    out = []
    for batch in (1, len(x)):
        per = []
        for _ in range(max(3, reps // 4)):
            b = model.benchmark(data, benchmark_duration=0.5, warmup_duration=0.1, batch_size=batch, num_threads=1)
            per.append(b.duration_per_example * 1e9)
        out.append(("YDF %s (%s), batch of %d" % (b.best_engine if hasattr(b, "best_engine") else "GBT", "own benchmark", batch), per))
    return ydf.__version__, out


def mlc_runs():
    lines = []
    for cmd in (["target/release/tree_min"], ["target/release/churn_bench", "--only", "all-states"]):
        exe = os.path.join(ROOT, cmd[0])
        if not os.path.exists(exe):
            lines.append("mlc: %s not built (cargo build --release -p mlc-benches)" % cmd[0])
            continue
        r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        lines.append("$ " + " ".join(cmd) + ("  (MLC_NO_AVX512=%s)" % os.environ["MLC_NO_AVX512"] if os.environ.get("MLC_NO_AVX512") else ""))
        lines.extend(r.stdout.rstrip().splitlines())
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=31)
    ap.add_argument("--no-mlc", action="store_true", help="skip tree_min and churn_bench")
    args = ap.parse_args()
    x = held_out()
    print("machine: %s, %s, python %s; %d held-out rows x %d features" % (platform.node(), platform.processor() or platform.machine(), platform.python_version(), *x.shape))
    print("date: %s" % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    try:
        print("load: %s" % " ".join("%.2f" % v for v in os.getloadavg()))
    except OSError:
        pass
    results = []
    ver, rows = xgboost_rows(x, args.reps)
    print("xgboost %s" % ver)
    results.extend(rows)
    ver, rows = ydf_rows(x, args.reps)
    if ver is None:
        print(rows)
    else:
        print("ydf %s (model trained here: 20 trees, max_depth 6, 18 numerical features)" % ver)
        results.extend(rows)
    print()
    print("| engine, case | median ns/row | min ns/row |")
    print("|---|---:|---:|")
    for name, per in results:
        print("| %s | %.1f | %.1f |" % (name, statistics.median(per), min(per)))
    if not args.no_mlc:
        print()
        for line in mlc_runs():
            print(line)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
