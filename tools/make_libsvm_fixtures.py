"""LIBSVM records and XGBoost's predictions from its own LIBSVM reader.

SageMaker's XGBoost container reads `text/libsvm` requests with `DMatrix("f?format=libsvm")`;
mlc's `text/libsvm` records (crates/mlc-host/src/records/libsvm.rs) must give the same rows.

Writes tests/fixtures/libsvm/:
  rows.libsvm          tests/fixtures/xgboost/3.2.0/inputs.csv as LIBSVM: a label, then
                       INDEX:VALUE (0-based) for the values that are not missing (missing ones
                       have no entry); some lines with a weight on the label, tabs,
                       entries out of order, and a line with the label alone
  <name>.expected.csv  margin(s), then prediction(s) (%.9g of float32) of the fixture model
                       tests/fixtures/xgboost/3.2.0/<name>.json, from XGBoost reading rows.libsvm
Models: binary_logistic, multi_softprob.

Run with XGBoost 3.2.0 (text input is deprecated since 3.1, but still read):
  python tools/make_libsvm_fixtures.py
"""
import os
import warnings

import numpy as np
import xgboost as xgb

from xgboost_rows import fmt_in, write_expected

ROOT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures")
SRC = os.path.join(ROOT, "xgboost", "3.2.0")
OUT = os.path.join(ROOT, "libsvm")


def main():
    rows = [[float(v) if v else np.nan for v in line.split(",")] for line in open(os.path.join(SRC, "inputs.csv")).read().splitlines()]
    rng = np.random.default_rng(5)
    lines = []
    for i, row in enumerate(rows):
        entries = [f"{j}:{fmt_in(v)}" for j, v in enumerate(row) if not np.isnan(v)]
        if i % 7 == 3:
            rng.shuffle(entries)
        label = str(i % 2)
        if i % 11 == 5:
            label += ":0.5"
        sep = "\t" if i % 17 == 8 else " "
        lines.append(sep.join([label] + entries))
    lines.append("1")  # the label alone: every feature missing
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "rows.libsvm")
    with open(path, "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        d = xgb.DMatrix(f"{path}?format=libsvm")
    assert d.num_row() == len(lines), d.num_row()
    for name in ["binary_logistic", "multi_softprob"]:
        bst = xgb.Booster(model_file=os.path.join(SRC, f"{name}.json"))
        write_expected(os.path.join(OUT, f"{name}.expected.csv"), bst, d, len(lines))
    print(f"{len(lines)} rows, {d.num_col()} columns")


if __name__ == "__main__":
    main()
