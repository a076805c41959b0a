"""XGBoost linear-booster (`booster="gblinear"`) models in every form XGBoost saves them, and
XGBoost's own predictions from those files.

Writes tests/fixtures/xgboost_linear/<version>/:
  <name>.json          save_model to a .json name (XGBoost >= 1.0)
  <name>.ubj           save_model to a .ubj name: UBJSON (XGBoost >= 1.6)
  <name>.model         save_model to a name without .json/.ubj: the legacy binary format
                       (XGBoost <= 2.0; 2.1+ write UBJSON for such a name)
  <name>.pkl           pickle.dump(booster, f, protocol=2) (every version)
  inputs.csv           300 rows of 8 values, no header, empty = missing (NaN), %.9g of float32:
                       ordinary values, exact zeros, -0, magnitudes 1e6..1e30 and 1e-30 (and a
                       few subnormals), rows with many values missing, one row all missing
  <name>.expected.csv  per input row: margin(s) (predict(output_margin=True), one per class for
                       multi_softprob), then prediction(s) (predict()), %.9g of float32; from a
                       Booster loaded from <name>.json (or <name>.model where there is no .json)
                       given inputs.csv exactly as parsed back (float32, missing=NaN)
Models (each gblinear, 20 rounds, eta 0.3, lambda 0.1, alpha 0.01, seed 0, nthread 1, trained on
400 seeded synthetic rows of 8 float32 features at different scales, ~10% missing, ~5% zeros):
  binary_logistic   binary:logistic, base_score 0.3 given
  reg_squarederror  reg:squarederror, base_score not given (2.0+ estimate it)
  multi_softprob    multi:softprob, 3 classes, base_score not given (3.1+ store one per class)
  count_poisson     count:poisson
Every saved form, loaded back, must predict bit-identically to the trained booster, or the
script fails.

Run once per XGBoost venv (used: 0.90 and 1.0.2 with Python 3.7 and numpy<1.24, 1.2.1, 1.5.2,
1.7.6, 2.0.3, 2.1.4, 3.0.5, 3.2.0):
  python tools/make_xgboost_linear_fixtures.py
Each run rewrites only its own version's directory.
"""
import os
import pickle
import shutil
import warnings

import numpy as np
import xgboost as xgb

from xgboost_rows import write_expected

VER = xgb.__version__
VT = tuple(int(p) for p in VER.split(".")[:2])
ROUNDS = 20
BASE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures",
                    "xgboost_linear", VER)
N_FEAT, N_TRAIN, N_INPUTS = 8, 400, 300
SCALES = np.array([1.0, 10.0, 0.01, 100.0, 1000.0, 0.1, 1.0, 5.0], dtype=np.float64)
COEF = np.array([0.8, -0.5, 0.3, 0.6, -0.4, 0.2, -0.7, 0.1], dtype=np.float64)

MODELS = [
    ("binary_logistic", {"objective": "binary:logistic", "base_score": 0.3}, "binary"),
    ("reg_squarederror", {"objective": "reg:squarederror"}, "reg"),
    ("multi_softprob", {"objective": "multi:softprob", "num_class": 3}, "class"),
    ("count_poisson", {"objective": "count:poisson"}, "count"),
]
COMMON = {"booster": "gblinear", "eta": 0.3, "lambda": 0.1, "alpha": 0.01, "seed": 0,
          "nthread": 1}

HAS_JSON = VT >= (1, 0)
HAS_UBJ = VT >= (1, 6)
HAS_BINARY = VT <= (2, 0)


def features(rs, n):
    """n rows of the training distribution: normal values at per-feature scales, ~5% exact zeros,
    ~10% missing."""
    X = (rs.normal(size=(n, N_FEAT)) * SCALES).astype(np.float32)
    X[rs.uniform(size=X.shape) < 0.05] = 0.0
    X[rs.uniform(size=X.shape) < 0.10] = np.nan
    return X


def labels(rs, X):
    z = np.nan_to_num(X.astype(np.float64) / SCALES) @ COEF
    return {
        "binary": (z + 0.3 * rs.normal(size=len(z)) > 0).astype(np.float32),
        "reg": (2.0 + z + 0.1 * rs.normal(size=len(z))).astype(np.float32),
        "class": np.digitize(z + 0.2 * rs.normal(size=len(z)), [-0.6, 0.6]).astype(np.float32),
        "count": rs.poisson(np.exp(0.5 * np.clip(z, -3, 3))).astype(np.float32),
    }


def special_rows(rs, X):
    """Rows of edge values: zeros, -0, huge and tiny magnitudes, many missing, all missing."""
    nan = np.float32(np.nan)
    rows = [np.full(N_FEAT, nan, np.float32),            # entirely missing
            np.zeros(N_FEAT, np.float32),                 # all exact zeros
            np.full(N_FEAT, -0.0, np.float32)]            # all negative zeros
    for i in range(N_FEAT):                               # one feature only, the rest missing
        r = np.full(N_FEAT, nan, np.float32)
        r[i] = np.float32(rs.normal() * SCALES[i])
        rows.append(r)
    for _ in range(16):                                   # many missing (5..7 of 8)
        r = X[rs.randint(len(X))].copy()
        r[rs.permutation(N_FEAT)[:rs.randint(5, 8)]] = nan
        rows.append(r)
    for _ in range(8):                                    # zeros and -0 mixed in
        r = X[rs.randint(len(X))].copy()
        idx = rs.permutation(N_FEAT)[:4]
        r[idx[:2]] = 0.0
        r[idx[2:]] = -0.0
        rows.append(r)
    for k in range(6, 31, 2):                             # huge: +-1e6 .. +-1e30, one feature
        for sign in (1.0, -1.0):
            r = X[rs.randint(len(X))].copy()
            r[rs.randint(N_FEAT)] = np.float32(sign * 10.0 ** k)
            rows.append(r)
    for k in (6, 12, 20, 30):                             # huge on every feature
        rows.append((np.where(rs.uniform(size=N_FEAT) < 0.5, -1.0, 1.0) * 10.0 ** k)
                    .astype(np.float32))
    for v in (1e-30, -1e-30, 1e-20, 1.17549435e-38, 1e-40, -1.4e-45):   # tiny, subnormals
        r = X[rs.randint(len(X))].copy()
        r[rs.randint(N_FEAT)] = np.float32(v)
        rows.append(r)
    rows.append(np.full(N_FEAT, 1e-30, np.float32))
    rows.append(np.array([1e30, -1e30, 1e-30, -0.0, 0.0, nan, 1e6, -1e-6], np.float32))
    return rows


def fmt(v):
    """A CSV field: %.9g of the f32 (round-trips), empty for missing."""
    v = np.float32(v)
    return "" if np.isnan(v) else "%.9g" % float(v)


def parse(line):
    return [np.float32(float(s)) if s else np.float32(np.nan) for s in line.rstrip("\n").split(",")]


def same_bits(a, b):
    a = np.ascontiguousarray(a, np.float32)
    b = np.ascontiguousarray(b, np.float32)
    return a.shape == b.shape and np.array_equal(a.view(np.uint32), b.view(np.uint32))


def predictions(bst, d):
    return (np.asarray(bst.predict(d, output_margin=True), np.float32),
            np.asarray(bst.predict(d), np.float32))


def save(bst, name):
    """Every form this version writes; returns {suffix: path}."""
    paths = {}
    if HAS_JSON:
        paths["json"] = os.path.join(BASE, name + ".json")
    if HAS_UBJ:
        paths["ubj"] = os.path.join(BASE, name + ".ubj")
    if HAS_BINARY:
        paths["model"] = os.path.join(BASE, name + ".model")
    for kind, path in paths.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bst.save_model(path)
        with open(path, "rb") as f:
            head = f.read(1)
        if kind == "model":
            assert head != b"{", "%s: %s.model is not the binary format" % (VER, name)
        else:
            assert head == b"{", "%s: %s.%s does not start with '{'" % (VER, name, kind)
    paths["pkl"] = os.path.join(BASE, name + ".pkl")
    with open(paths["pkl"], "wb") as f:
        pickle.dump(bst, f, protocol=2)
    return paths


def load(kind, path):
    if kind == "pkl":
        with open(path, "rb") as f:
            return pickle.load(f)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return xgb.Booster(model_file=path)


def main():
    rs = np.random.RandomState(20240611)
    X = features(rs, N_TRAIN)
    y = labels(rs, X)
    fresh = features(rs, N_INPUTS)
    rows = [r for r in X[:100]]
    special = special_rows(rs, X)
    rows += [r for r in fresh[:N_INPUTS - len(rows) - len(special)]]
    rows += special
    assert len(rows) == N_INPUTS, len(rows)

    if os.path.isdir(BASE):
        shutil.rmtree(BASE)
    os.makedirs(BASE)

    inputs = os.path.join(BASE, "inputs.csv")
    with open(inputs, "w", newline="\n") as f:
        for r in rows:
            f.write(",".join(fmt(v) for v in r) + "\n")
    with open(inputs) as f:
        parsed = np.array([parse(line) for line in f], dtype=np.float32)
    want = np.array(rows, dtype=np.float32)
    assert parsed.shape == (N_INPUTS, N_FEAT), parsed.shape
    assert same_bits(np.where(np.isnan(want), np.float32(0), want),
                     np.where(np.isnan(parsed), np.float32(0), parsed)) \
        and np.array_equal(np.isnan(want), np.isnan(parsed)), "inputs.csv does not round-trip"
    d = xgb.DMatrix(parsed, missing=np.nan)

    for name, params, label in MODELS:
        p = dict(COMMON)
        p.update(params)
        dtrain = xgb.DMatrix(X, label=y[label], missing=np.nan)
        bst = xgb.train(p, dtrain, num_boost_round=ROUNDS)
        ref = predictions(bst, d)
        for m in ref:
            assert not np.any(np.isnan(m)), "%s: %s predicts NaN" % (VER, name)
        paths = save(bst, name)
        for kind, path in paths.items():
            got = predictions(load(kind, path), d)
            for what, a, b in zip(("margin", "prediction"), ref, got):
                if not same_bits(a, b):
                    bad = np.flatnonzero(a.reshape(-1).view(np.uint32) != b.reshape(-1).view(np.uint32)) \
                        if a.shape == b.shape else []
                    raise SystemExit("%s: %s loaded from %s: %s differs from the trained booster "
                                     "(shapes %s vs %s, %d values differ, first at %s: %r vs %r)"
                                     % (VER, name, os.path.basename(path), what, a.shape, b.shape,
                                        len(bad), bad[:1], a.reshape(-1)[bad[:1]],
                                        b.reshape(-1)[bad[:1]]))
        src = paths.get("json") or paths["model"]
        write_expected(os.path.join(BASE, name + ".expected.csv"), load("file", src), d, N_INPUTS)
        print("%s/%s: %s; expected from %s" % (
            VER, name, ", ".join("%s %d B" % (os.path.basename(pth), os.path.getsize(pth))
                                 for pth in paths.values()), os.path.basename(src)))
    total = sum(os.path.getsize(os.path.join(BASE, f)) for f in os.listdir(BASE))
    print("%s: %d files, %d bytes" % (VER, len(os.listdir(BASE)), total))


if __name__ == "__main__":
    main()
