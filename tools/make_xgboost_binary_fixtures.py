"""XGBoost models in the legacy binary format, and XGBoost's own predictions from those files.

Writes tests/fixtures/xgboost_binary/<version>/:
  <name>.model         save_model to a name without .json/.ubj: the deprecated binary format
                       (what XGBoost wrote by default before 2.1, and older SageMaker XGBoost
                       containers' `xgboost-model`)
  inputs.csv           rows (empty = missing), values on the models' thresholds included
  <name>.expected.csv  margin(s), then prediction(s) (%.9g of float32), from a Booster loaded
                       from <name>.model
Models: binary_logistic, reg_squarederror, count_poisson, multi_softprob (3 classes), dart
(binary:logistic, rate_drop 0.3), random_forest (num_parallel_tree 4), each 8 rounds of depth 4
on 6 features with missing values.

Run once per XGBoost venv (used: 0.90, 1.0.2 and 1.5.2 with numpy<1.24, 1.6.2, 1.7.6, 2.0.3; 2.1+
write UBJSON for such a name):
  python tools/make_xgboost_binary_fixtures.py
"""
import os
import warnings

import numpy as np
import xgboost as xgb

from xgboost_rows import fmt_in, threshold_rows, write_expected

VER = xgb.__version__
VT = tuple(int(p) for p in VER.split(".")[:2])
ROUNDS = 8
BASE = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "xgboost_binary", VER)
N_FEAT, N_ROWS = 6, 600

MODELS = {
    "binary_logistic": ({"objective": "binary:logistic"}, "binary"),
    "reg_squarederror": ({"objective": "reg:squarederror"}, "reg"),
    "count_poisson": ({"objective": "count:poisson"}, "count"),
    "multi_softprob": ({"objective": "multi:softprob", "num_class": 3}, "class"),
    "dart": ({"objective": "binary:logistic", "booster": "dart", "rate_drop": 0.3}, "binary"),
    "random_forest": ({"objective": "binary:logistic", "num_parallel_tree": 4, "subsample": 0.8,
                       "colsample_bynode": 0.8}, "binary"),
}


def data(rng):
    X = rng.normal(size=(N_ROWS, N_FEAT)).astype(np.float32)
    X[rng.random(X.shape) < 0.08] = np.nan
    z = np.nan_to_num(X[:, 0]) + 0.5 * np.nan_to_num(X[:, 1]) - np.nan_to_num(X[:, 2]) ** 2
    labels = {
        "binary": (z > 0).astype(np.float32),
        "reg": z.astype(np.float32),
        "count": rng.poisson(np.exp(0.3 * np.clip(z, -3, 3))).astype(np.float32),
        "class": np.digitize(z, [-0.5, 0.5]).astype(np.float32),
    }
    return X, labels


def main():
    rng = np.random.default_rng(17)
    X, labels = data(rng)
    os.makedirs(BASE, exist_ok=True)
    boosters = {}
    for name, (params, label) in MODELS.items():
        p = {"max_depth": 4, "eta": 0.3, "seed": 0, "nthread": 1, "base_score": 0.5, **params}
        if label == "reg":
            p.pop("base_score")
        bst = xgb.train(p, xgb.DMatrix(X, label=labels[label], missing=np.nan), num_boost_round=ROUNDS)
        path = os.path.join(BASE, f"{name}.model")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bst.save_model(path)
        with open(path, "rb") as f:
            head = f.read(4)
        assert head[:1] != b"{", f"{VER}: {name}.model is not the binary format"
        boosters[name] = xgb.Booster(model_file=path)
    rows = threshold_rows(X, boosters.values(), rng, 150, 40)
    with open(os.path.join(BASE, "inputs.csv"), "w", newline="\n") as f:
        for r in rows:
            f.write(",".join(fmt_in(v) for v in r) + "\n")
    d = xgb.DMatrix(rows, missing=np.nan)
    for name, bst in boosters.items():
        # 0.x drops dart trees at random when it predicts without ntree_limit (a bug fixed in
        # 1.0); with it, every tree counts, weighted, as in 1.0 and later.
        kw = {"ntree_limit": ROUNDS} if name == "dart" and VT < (1, 0) else {}
        write_expected(os.path.join(BASE, f"{name}.expected.csv"), bst, d, len(rows), **kw)
        print(f"{VER}/{name}.model: {os.path.getsize(os.path.join(BASE, name + '.model'))} bytes, {len(rows)} rows")


if __name__ == "__main__":
    main()
