"""XGBoost models with categorical splits, and XGBoost's own predictions for category codes.

Writes tests/fixtures/xgboost_categorical/<version>/:
  partition.json/.ubj  binary:logistic; "colour" (5 categories) and "state" (51, so sets span two
                       bit words) as pandas categories beside 3 numeric features; partition
                       splits (XGBoost's default max_cat_to_onehot = 4)
  onehot.json/.ubj     reg:squarederror, the same data, one-hot splits (max_cat_to_onehot = 64)
  inputs.csv           rows of codes: every category, fractions, -0, negatives, codes the
                       training never saw (inside and beyond a set's bit words), 2^24, 1e30,
                       infinities and missing values (empty field)
  <model>.expected.csv margin, then prediction (%.9g of float32), from Booster.predict on a
                       DMatrix of the codes as numbers with feature_types "c": XGBoost reads a
                       categorical feature's value as the category code itself

Run once per XGBoost version, in a venv with that version and pandas:
  python tools/make_xgboost_categorical_fixtures.py
(used: xgboost 1.6.2 with numpy<2 and pandas<2.2, and xgboost-cpu 3.2.0). From 3.1 also:
  named.json/.ubj, named_inputs.csv, named.expected.csv: a model trained on a DataFrame of string
                       and integer categories, whose names XGBoost keeps (`cats`); rows with
                       names, predicted by XGBoost from a DataFrame with its own category order
1.6 sends a value that
is no category, or lies beyond a set's bit words, where missing values go; 1.7 and later send it left.
"""
import json
import os

import numpy as np
import pandas as pd
import xgboost as xgb

VER = xgb.__version__
BASE = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "xgboost_categorical", VER)
N_COLOUR, N_STATE = 5, 51
TYPES = ["q", "c", "q", "c", "q"]


def data(n, rng):
    colour = rng.integers(0, N_COLOUR, n)
    state = rng.integers(0, N_STATE, n)
    a, b, c = rng.normal(size=(3, n))
    # The label depends on both categories and the numbers.
    bias = np.sin(state * 1.7) + np.array([0.8, -0.5, 0.1, -1.0, 0.6])[colour]
    y = (a + 0.5 * b + bias + 0.3 * rng.normal(size=n) > 0).astype(np.float32)
    X = np.stack([a, colour, b, state, c], axis=1).astype(np.float32)
    X[rng.random(n) < 0.05, 1] = np.nan
    X[rng.random(n) < 0.05, 3] = np.nan
    return X, y


def frame(X):
    df = pd.DataFrame({f"f{i}": X[:, i] for i in range(X.shape[1])})
    for i, n in ((1, N_COLOUR), (3, N_STATE)):
        codes = np.where(np.isnan(X[:, i]), -1, X[:, i]).astype(np.int64)
        df[f"f{i}"] = pd.Categorical.from_codes(codes, categories=np.arange(n, dtype=np.int64))
    return df


def probe_rows(rng):
    """Rows whose categorical features take every kind of code, the numeric ones random."""
    codes = [float(c) for c in range(N_STATE)]
    codes += [0.5, 2.5, 4.99, -0.0, -0.5, -1.0, -3.0, 5.0, 31.0, 32.0, 50.5, 51.0, 63.0, 64.0, 100.0,
              1000.0, 16777215.0, 16777216.0, 1e30, np.nan]
    rows = []
    for c1 in codes:
        for _ in range(4):
            c3 = codes[rng.integers(0, len(codes))]
            a, b, c = rng.normal(size=3)
            rows.append([a, c1, b, c3, c])
            rows.append([a, codes[rng.integers(0, len(codes))], b, c1, c])
    return np.array(rows, dtype=np.float32)


def fmt_in(v):
    v = np.float32(v)
    if np.isnan(v):
        return ""
    if np.isinf(v):
        return "inf" if v > 0 else "-inf"
    return np.format_float_positional(v, unique=True, trim="-") if abs(v) < 1e16 else repr(float(v))


def main():
    rng = np.random.default_rng(5)
    X, y = data(3000, rng)
    os.makedirs(BASE, exist_ok=True)
    dtrain = xgb.DMatrix(frame(X), label=y, enable_categorical=True)
    models = {
        "partition": {"objective": "binary:logistic", "max_cat_to_onehot": 4},
        "onehot": {"objective": "reg:squarederror", "max_cat_to_onehot": 64},
    }
    inputs = probe_rows(rng)
    with open(os.path.join(BASE, "inputs.csv"), "w", newline="\n") as f:
        for r in inputs:
            f.write(",".join(fmt_in(v) for v in r) + "\n")
    for name, params in models.items():
        p = {"tree_method": "hist", "max_depth": 5, "eta": 0.3, "seed": 0, "nthread": 1, **params}
        bst = xgb.train(p, dtrain, num_boost_round=10)
        for ext in ("json", "ubj"):
            bst.save_model(os.path.join(BASE, f"{name}.{ext}"))
        loaded = xgb.Booster(model_file=os.path.join(BASE, f"{name}.json"))
        names = [f"f{i}" for i in range(inputs.shape[1])]
        d = xgb.DMatrix(inputs, missing=np.nan, feature_names=names, feature_types=TYPES, enable_categorical=True)
        m = np.asarray(loaded.predict(d, output_margin=True), np.float32)
        out = np.asarray(loaded.predict(d), np.float32)
        with open(os.path.join(BASE, f"{name}.expected.csv"), "w", newline="\n") as f:
            for a, b in zip(m, out):
                f.write("%.9g,%.9g\n" % (a, b))
        with open(os.path.join(BASE, f"{name}.json")) as f:
            trees = json.load(f)["learner"]["gradient_booster"]["model"]["trees"]
        cat = sum(sum(1 for s in t["split_type"] if s == 1) for t in trees)
        print(f"{VER}/{name}: {len(trees)} trees, {cat} categorical splits, {len(inputs)} rows")


# ASCII names: XGBoost 3.2 keeps a non-ASCII name's bytes truncated (its offsets count
# characters), so mlc does not take such names (compiler/src/import/xgboost.rs).
STATES = ["AK", "CA", "NY", "TX", "Washington, D.C.", 'say "hi"', "WY"]
PLANS = ["basic", "plus", "pro"]
AREA_CODES = [408, 415, 510]


def named_frame(n, rng, states=STATES):
    """Churn-like rows: a state and a plan as pandas string categories, an area code as an
    integer category, two numbers; some values missing."""
    def category(values, n_missing_rate):
        codes = rng.integers(0, len(values), n)
        codes[rng.random(n) < n_missing_rate] = -1
        return pd.Categorical.from_codes(codes, categories=values)

    state = category(sorted(states), 0.05)
    plan = category(PLANS, 0.0)
    area = category(np.array(AREA_CODES, dtype=np.int64), 0.05)
    minutes, calls = rng.normal(180, 50, n), rng.poisson(3, n).astype(float)
    return pd.DataFrame({"state": state, "minutes": minutes, "plan": plan, "area_code": area, "calls": calls})


def write_named():
    """XGBoost 3.1+ keeps a DataFrame's category names in the model (`cats`) and re-codes the
    categories of the frames it predicts by name. Writes named.json/.ubj (binary:logistic),
    named_inputs.csv (the rows as a CSV file holds them: names for the string categories, the
    area code's own number, empty where missing; quoted where needed) and
    named.expected.csv (XGBoost's margin and probability from the same rows as a DataFrame)."""
    rng = np.random.default_rng(11)
    df = named_frame(2000, rng)
    bias = df.state.cat.codes.map(lambda c: np.sin(c * 1.3)).to_numpy() + df.plan.cat.codes.to_numpy() * 0.4
    y = (bias + (df.minutes.to_numpy() - 180) / 50 + 0.3 * rng.normal(size=len(df)) > 0.3).astype(np.float32)
    p = {"objective": "binary:logistic", "tree_method": "hist", "max_depth": 4, "eta": 0.3, "seed": 0, "nthread": 1,
         "max_cat_to_onehot": 4}
    bst = xgb.train(p, xgb.DMatrix(df, label=y, enable_categorical=True), num_boost_round=10)
    for ext in ("json", "ubj"):
        bst.save_model(os.path.join(BASE, f"named.{ext}"))
    # Rows to predict: a frame of its own whose states lack one of training's (so its codes
    # differ from training's), as a user's new data would be. (XGBoost 3.2 refuses a frame
    # whose categories are not sorted: "a category not in the training set".)
    test = named_frame(300, np.random.default_rng(12), states=STATES[1:])
    loaded = xgb.Booster(model_file=os.path.join(BASE, "named.json"))
    d = xgb.DMatrix(test, enable_categorical=True)
    m = np.asarray(loaded.predict(d, output_margin=True), np.float32)
    out = np.asarray(loaded.predict(d), np.float32)
    with open(os.path.join(BASE, "named.expected.csv"), "w", newline="\n") as f:
        for a, b in zip(m, out):
            f.write("%.9g,%.9g\n" % (a, b))
    test.to_csv(os.path.join(BASE, "named_inputs.csv"), index=False, header=True, lineterminator="\n",
                float_format=lambda v: np.format_float_positional(np.float32(v), unique=True, trim="-"))
    print(f"{VER}/named: {len(test)} rows, categories {[c for c in bst.feature_names]}")


if __name__ == "__main__":
    main()
    if tuple(int(p) for p in VER.split(".")[:2]) >= (3, 1):
        write_named()
