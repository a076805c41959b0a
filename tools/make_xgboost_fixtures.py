#!/usr/bin/env python3
"""Write small XGBoost models and their expected outputs for importer tests.

Run it under each XGBoost version's venv; it writes to
tests/fixtures/xgboost/<xgboost.__version__>/ and updates the shared index
tests/fixtures/xgboost/MANIFEST.json (one entry per version, per model).

    target/venv/bin/python tools/make_xgboost_fixtures.py
    target/venv-xgb-1.7.6/bin/python tools/make_xgboost_fixtures.py   # etc.

The venvs (2026-12-07): `xgboost-cpu==V numpy pandas` for 2.1.4, 3.0.5, 3.1.x and 3.2.0 (no
CUDA); `xgboost==V "numpy<2" "pandas<2.2" "scipy<1.14"` for 1.3.3, 1.5.2, 1.6.2, 1.7.6 and
2.0.3 (no xgboost-cpu wheels); `xgboost==V "numpy<1.24" "pandas<2" "scipy<1.12"` for 1.0.2 and
1.2.1. Python 3.11. Every version retrains the same models bit for bit (hist/exact, seed 0).

Data: synthetic, numpy only (no scikit-learn), seed 7: 400 rows x 6
features. f1 and f3 are integer-valued (so thresholds equal data values),
f4 and f5 have NaNs injected. Every tree model uses tree_method=hist and
seed 0 so that all versions train the same way.

Models (12 rounds, max_depth 4 unless said):
    binary_logistic, binary_logitraw, reg_squarederror, reg_logistic
    (labels in [0,1]), multi_softprob and multi_softmax (3 classes),
    count_poisson, reg_gamma, dart (binary:logistic, rate_drop 0.3),
    base_score_0_3 (binary:logistic, base_score=0.3),
    lossguide (grow_policy=lossguide, max_leaves=16, max_depth=0),
    categorical (f3 as a pandas category; only where the version supports
    it; see also make_xgboost_categorical_fixtures.py), gblinear (a linear
    model; more in make_xgboost_linear_fixtures.py).
    Objectives added later (their thresholds are not probed by inputs.csv, so
    that the inputs of the models above stay as they were): rank_ndcg and
    rank_pairwise (query groups of 20 rows), survival_cox (negative label =
    censored), reg_quantileerror (quantile_alpha 0.5; XGBoost >= 2.0),
    binary_hinge and survival_aft (exp computed in f64); several targets (XGBoost
    >= 2.0, one output per tree): multi_target_reg, multi_label (binary:logistic
    on 3 labels) and quantiles (3 alphas), and vector_leaf (multi_strategy
    multi_output_tree); random_forest (num_parallel_tree 4);
    base_score_tiny and base_score_one (3.2+ clamps base_score to [1e-6, 1 - 1e-6]);
    reg_absoluteerror, reg_pseudohubererror, reg_squaredlogerror, reg_tweedie.

Files per version dir:
    <name>.json always, <name>.ubj when the version supports UBJSON (>= 1.6)
    inputs.csv           no header, 6 columns, empty field = missing (NaN),
                         shortest float32 round-trip text. Rows: 40 data
                         rows, then rows where one feature equals a split
                         threshold of one of the models or its float32
                         neighbour (nextafter toward -inf / +inf), then
                         rows with some / all features missing.
    links.csv            objective,margin,prediction: the link
                         function of five objectives on about 450 margins set by
                         base_margin on a model with no trees (random, special,
                         and where expf and exp computed in f64 round apart).
    softmax.csv          m0;m1;m2,p0;p1;p2,class: multi:softprob and multi:softmax
                         on about 210 margin triples set by base_margin.
    <name>.expected.csv  per input row (XGBoost's predictions with the model loaded
                         back from <name>.json): the margin(s), then the
                         prediction(s), '%.9g' of float32. Multi-class:
                         3 margins then 3 probabilities; multi:softmax: 3
                         margins then the class index.
    For the categorical model the inputs' f3 is read as a category
    (categories 0..4); a value that is not one of them (e.g. a nextafter
    neighbour) is passed as missing.
"""
from __future__ import annotations

import json
import os
import sys

import numpy as np
import xgboost as xgb

try:
    import pandas as pd
except ImportError:  # categorical model needs pandas
    pd = None

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BASE = os.path.join(ROOT, "tests", "fixtures", "xgboost")
VER = xgb.__version__
VT = tuple(int(p) for p in VER.split(".")[:2])
N_ROWS, N_FEAT = 400, 6
N_CAT = 5  # categories of f3
ROUNDS = 12


def make_data():
    rng = np.random.default_rng(7)
    X = np.empty((N_ROWS, N_FEAT), np.float32)
    X[:, 0] = rng.normal(0, 1, N_ROWS)
    X[:, 1] = rng.integers(0, 10, N_ROWS)           # integer 0..9
    X[:, 2] = rng.uniform(-2, 2, N_ROWS)
    X[:, 3] = rng.integers(0, N_CAT, N_ROWS)        # integer 0..4 (category in one model)
    X[:, 4] = rng.normal(5, 2, N_ROWS)
    X[:, 5] = rng.exponential(1.0, N_ROWS)
    Z = np.nan_to_num(X.astype(np.float64))
    lin = (1.2 * Z[:, 0] + 0.3 * (Z[:, 1] - 4.5) - 0.8 * Z[:, 2]
           + np.array([0.5, -1.0, 0.0, 1.0, -0.5])[X[:, 3].astype(int)]
           + 0.4 * (Z[:, 4] - 5) - 0.6 * Z[:, 5])
    noise = rng.normal(0, 0.5, N_ROWS)
    X[rng.random(N_ROWS) < 0.1, 4] = np.nan
    X[rng.random(N_ROWS) < 0.05, 5] = np.nan
    labels = {
        "binary": (lin + noise > 0).astype(np.float32),
        "reg": (lin + noise).astype(np.float32),
        "prob": (1 / (1 + np.exp(-(lin + noise)))).astype(np.float32),
        "multi": np.digitize(lin + noise, [-0.7, 0.7]).astype(np.float32),
        "count": rng.poisson(np.exp(0.3 * lin)).astype(np.float32),
        "gamma": rng.gamma(2.0, np.exp(0.3 * lin) / 2.0).astype(np.float32) + np.float32(1e-3),
        "relevance": np.digitize(lin + noise, [-1.0, 0.0, 1.0]).astype(np.float32),
        # Survival time; negative = censored at that time (XGBoost's survival:cox convention).
        "cox": (rng.exponential(np.exp(-0.3 * lin)) * np.where(rng.random(N_ROWS) < 0.2, -1, 1)
                + np.float32(0)).astype(np.float32),
        "aft": rng.exponential(np.exp(0.3 * lin)).astype(np.float32) + np.float32(1e-3),
    }
    shifted = [lin + noise, 0.5 * lin - Z[:, 2], np.sin(Z[:, 0]) + 0.3 * Z[:, 1]]
    labels["reg3"] = np.stack(shifted, axis=1).astype(np.float32)
    labels["binary3"] = (labels["reg3"] > np.median(labels["reg3"], axis=0)).astype(np.float32)
    return X, labels


TREE = {"tree_method": "hist", "max_depth": 4, "seed": 0}
MODELS = [
    # name, params, label key, expected supported by the importer, note
    ("binary_logistic", {"objective": "binary:logistic"}, "binary", True, ""),
    ("binary_logitraw", {"objective": "binary:logitraw"}, "binary", True, ""),
    ("reg_squarederror", {"objective": "reg:squarederror"}, "reg", True, ""),
    ("reg_logistic", {"objective": "reg:logistic"}, "prob", True, ""),
    ("multi_softprob", {"objective": "multi:softprob", "num_class": 3}, "multi", True, ""),
    ("multi_softmax", {"objective": "multi:softmax", "num_class": 3}, "multi", True, ""),
    ("count_poisson", {"objective": "count:poisson"}, "count", True, ""),
    ("reg_gamma", {"objective": "reg:gamma"}, "gamma", True, ""),
    ("dart", {"objective": "binary:logistic", "booster": "dart", "rate_drop": 0.3,
              "skip_drop": 0.0}, "binary", True,
     "dart: prediction scales each tree by weight_drop[t]"),
    ("base_score_0_3", {"objective": "binary:logistic", "base_score": 0.3}, "binary", True,
     "base_score set explicitly to 0.3"),
    ("lossguide", {"objective": "binary:logistic", "grow_policy": "lossguide",
                   "max_leaves": 16, "max_depth": 0}, "binary", True, "deep trees"),
    ("categorical", {"objective": "binary:logistic"}, "binary", True,
     "f3 is categorical (split_type 1); the expected outputs read f3 as a pandas category: "
     "a value that is not one of 0..4 is missing"),
    ("gblinear", {"objective": "binary:logistic", "booster": "gblinear"}, "binary", True,
     "linear booster (no trees): a linear model, format 1.10"),
    # Added objectives (not probed by inputs.csv, see the docstring).
    ("rank_ndcg", {"objective": "rank:ndcg"}, "relevance", True, "query groups of 20 rows"),
    ("rank_pairwise", {"objective": "rank:pairwise"}, "relevance", True, "query groups of 20 rows"),
    ("survival_cox", {"objective": "survival:cox"}, "cox", True, "negative labels are censored"),
    ("reg_quantileerror", {"objective": "reg:quantileerror", "quantile_alpha": 0.5}, "reg", True,
     "one quantile (XGBoost >= 2.0)"),
    ("binary_hinge", {"objective": "binary:hinge"}, "binary", True, "0/1 predictions"),
    ("survival_aft", {"objective": "survival:aft", "aft_loss_distribution": "normal"}, "aft", True,
     "exp of the margin computed in f64 (format 1.7 link ExpF64); 30% right-censored"),
    # Several targets (XGBoost >= 2.0), one output per tree: 3 margins and 3 outputs a row.
    ("multi_target_reg", {"objective": "reg:squarederror"}, "reg3", True, "3 regression targets"),
    ("multi_label", {"objective": "binary:logistic"}, "binary3", True, "3 binary labels"),
    ("quantiles", {"objective": "reg:quantileerror", "quantile_alpha": [0.1, 0.5, 0.9]}, "reg", True,
     "3 quantiles"),
    ("vector_leaf", {"objective": "reg:squarederror", "multi_strategy": "multi_output_tree"}, "reg3",
     True, "multi_strategy multi_output_tree: one tree of 3-value leaves per round"),
    ("random_forest", {"objective": "binary:logistic", "num_parallel_tree": 4, "subsample": 0.8,
                       "colsample_bynode": 0.8, "eta": 1.0}, "binary", True,
     "4 parallel trees a round (XGBoost's random forest)"),
    # The other regression objectives the importer supports.
    ("reg_absoluteerror", {"objective": "reg:absoluteerror"}, "reg", True, "XGBoost >= 1.7"),
    ("reg_pseudohubererror", {"objective": "reg:pseudohubererror"}, "reg", True, ""),
    ("reg_squaredlogerror", {"objective": "reg:squaredlogerror"}, "gamma", True, "labels > -1"),
    ("reg_tweedie", {"objective": "reg:tweedie", "tweedie_variance_power": 1.5}, "gamma", True, ""),
    # base_score at the edges: 3.2+ clamps it to [1e-6, 1 - 1e-6] (and accepts 1, which earlier
    # versions reject: skipped there).
    ("base_score_tiny", {"objective": "binary:logistic", "base_score": 1e-8}, "binary", True,
     "base_score 1e-8: clamped to 1e-6 from XGBoost 3.2"),
    ("base_score_one", {"objective": "binary:logistic", "base_score": 1.0}, "binary", True,
     "base_score 1: XGBoost 3.2+ only, clamped to 1 - 1e-6"),
]
# Models whose thresholds inputs.csv probes: those before the added objectives.
PROBED = [m[0] for m in MODELS[:MODELS.index(next(m for m in MODELS if m[0] == "rank_ndcg"))]]
GROUP = 20  # rows per query group of the ranking models


def fmt_in(v) -> str:
    v = np.float32(v)
    if np.isnan(v):
        return ""
    return np.format_float_positional(v, unique=True, trim="-")


def fmt_out(v) -> str:
    return "%.9g" % float(np.float32(v))


def cat_frame(X):
    cols = {f"f{i}": X[:, i] for i in range(N_FEAT)}
    df = pd.DataFrame(cols)
    f3 = X[:, 3].astype(np.float64)
    ok = np.isin(f3, np.arange(N_CAT, dtype=np.float64))
    codes = np.where(ok, f3, -1).astype(np.int64)  # -1 = missing
    df["f3"] = pd.Categorical.from_codes(codes, categories=np.arange(N_CAT, dtype=np.int64))
    return df


def dmatrix(name, X, y=None):
    if name == "categorical":
        return xgb.DMatrix(cat_frame(X), label=y, enable_categorical=True)
    if y is not None and name == "survival_aft":
        # Interval-censored AFT labels: 30% right-censored ([t, +inf)), the rest exact.
        d = xgb.DMatrix(X, missing=np.nan)
        upper = np.where(np.arange(len(y)) % 10 < 3, np.inf, y).astype(np.float32)
        d.set_float_info("label_lower_bound", y)
        d.set_float_info("label_upper_bound", upper)
        return d
    d = xgb.DMatrix(X, label=y, missing=np.nan)
    if y is not None and name.startswith("rank_"):
        d.set_group([GROUP] * (len(y) // GROUP))
    return d


def train(name, params, X, y):
    p = dict(params)
    if p.get("booster") != "gblinear":
        p = {**TREE, **p}
    else:
        # shotgun updater is nondeterministic with several threads
        p.update(seed=0, nthread=1)
    return xgb.train(p, dmatrix(name, X, y), num_boost_round=ROUNDS)


def thresholds(model_json):
    out = []
    gb = model_json["learner"]["gradient_booster"]
    model = gb["gbtree"]["model"] if "gbtree" in gb else gb.get("model", {})
    for t in model.get("trees", []):
        st = t.get("split_type", [0] * len(t["left_children"]))
        for n, l in enumerate(t["left_children"]):
            if l != -1 and st[n] == 0:
                out.append((int(t["split_indices"][n]), np.float32(t["split_conditions"][n])))
    return out


def build_inputs(X, model_jsons):
    rng = np.random.default_rng(11)
    rows = [X[i] for i in range(40)]
    pairs = sorted({p for mj in model_jsons for p in thresholds(mj)},
                   key=lambda p: (p[0], float(p[1])))
    pick = [pairs[i] for i in sorted(rng.choice(len(pairs), size=min(40, len(pairs)), replace=False))]
    for f, t in pick:
        base = X[int(rng.integers(N_ROWS))].copy()
        for v in (t, np.nextafter(t, np.float32(-np.inf), dtype=np.float32),
                  np.nextafter(t, np.float32(np.inf), dtype=np.float32)):
            r = base.copy()
            r[f] = v
            rows.append(r)
    for f in range(N_FEAT):
        r = X[int(rng.integers(N_ROWS))].copy()
        r[f] = np.nan
        rows.append(r)
    for _ in range(4):
        r = X[int(rng.integers(N_ROWS))].copy()
        r[rng.choice(N_FEAT, size=3, replace=False)] = np.nan
        rows.append(r)
    rows.append(np.full(N_FEAT, np.nan, np.float32))
    return np.array(rows, dtype=np.float32)


LINK_OBJECTIVES = ["reg:squarederror", "binary:logistic", "count:poisson", "survival:aft", "binary:hinge"]


def link_margins():
    """Margins that probe the link functions: random ones, special values, and margins where
    expf and exp computed in f64 round to different f32 (so the two exp links are told apart)."""
    import ctypes
    libm = ctypes.CDLL("libm.so.6")
    libm.expf.restype, libm.expf.argtypes = ctypes.c_float, [ctypes.c_float]
    rng = np.random.default_rng(5)
    scan = rng.uniform(-20, 20, 400_000).astype(np.float32)
    via_f64 = np.exp(scan.astype(np.float64)).astype(np.float32)
    differ = [m for m, d in zip(scan, via_f64) if np.float32(libm.expf(float(m))) != d][:40]
    special = [0.0, -0.0, np.inf, -np.inf, np.nan, 88.7, -88.7, 88.72, 89.0, -104.0, -110.0,
               np.nextafter(np.float32(0), np.float32(1)), -np.nextafter(np.float32(0), np.float32(1))]
    return np.concatenate([np.array(differ, np.float32), np.array(special, np.float32),
                           rng.uniform(-100, 100, 200).astype(np.float32),
                           rng.uniform(-3, 3, 200).astype(np.float32)])


def write_link_probe(vdir):
    """links.csv: per objective and margin, XGBoost's prediction of a model with no trees whose
    margin is set by base_margin: `objective,margin,prediction` (margin shortest round-trip,
    prediction %.9g of float32)."""
    margins = link_margins()
    X = np.zeros((len(margins), 1), np.float32)
    rows = []
    for objective in LINK_OBJECTIVES:
        try:
            d = xgb.DMatrix(np.zeros((8, 1), np.float32), label=np.array([0, 1] * 4, np.float32))
            if objective == "survival:aft":
                d.set_float_info("label_lower_bound", np.ones(8, np.float32))
                d.set_float_info("label_upper_bound", np.full(8, 2, np.float32))
            b = xgb.train({"objective": objective, "base_score": 0.5}, d, num_boost_round=0)
        except xgb.core.XGBoostError as e:
            print(f"{VER}: link probe of {objective} skipped: {str(e).splitlines()[0]}")
            continue
        p = np.asarray(b.predict(xgb.DMatrix(X, base_margin=margins)), np.float32)
        for m, v in zip(margins, p):
            rows.append(f"{objective},{'nan' if np.isnan(m) else fmt_in(m) if np.isfinite(m) else ('inf' if m > 0 else '-inf')},{fmt_out(v)}")
    with open(os.path.join(vdir, "links.csv"), "w", newline="\n") as f:
        f.write("\n".join(rows) + "\n")


def write_softmax_probe(vdir):
    """softmax.csv: XGBoost's multi:softprob and multi:softmax predictions of a 3-class model with
    no trees whose margins are set by base_margin: `m0;m1;m2,p0;p1;p2,class` (margins shortest
    round-trip, probabilities %.9g of float32). Random margins, large ones (overflow of exp
    without the max shift), ties, infinities and NaN."""
    rng = np.random.default_rng(6)
    rows = [rng.uniform(-5, 5, 3) for _ in range(150)] + [rng.uniform(-200, 200, 3) for _ in range(50)]
    rows += [[1, 1, 1], [2, 2, 1], [0, 0, 0], [-0.0, 0.0, -0.0], [100, 100.5, 99], [88.7, 89, 90],
             [np.inf, 0, 1], [-np.inf, 0, 1], [np.nan, 0, 1], [0, np.nan, 1], [-np.inf, -np.inf, 0]]
    m = np.array(rows, np.float32)
    X = np.zeros((len(m), 1), np.float32)
    d = xgb.DMatrix(np.zeros((9, 1), np.float32), label=np.array([0, 1, 2] * 3, np.float32))
    out = {}
    for objective in ("multi:softprob", "multi:softmax"):
        b = xgb.train({"objective": objective, "num_class": 3, "base_score": 0.5}, d, num_boost_round=0)
        margin = m if VT >= (1, 6) else m.reshape(-1)  # before 1.6: one flat row-major array
        out[objective] = np.asarray(b.predict(xgb.DMatrix(X, base_margin=margin)), np.float32)
    def num(v):
        return "nan" if np.isnan(v) else ("inf" if v > 0 else "-inf") if np.isinf(v) else fmt_in(v)
    with open(os.path.join(vdir, "softmax.csv"), "w", newline="\n") as f:
        for row, p, c in zip(m, out["multi:softprob"].reshape(len(m), 3), out["multi:softmax"].reshape(-1)):
            f.write(";".join(num(v) for v in row) + "," + ";".join(fmt_out(v) for v in p) + "," + fmt_out(c) + "\n")


def main():
    if pd is None:
        print("pandas not importable: categorical model skipped", file=sys.stderr)
    X, labels = make_data()
    vdir = os.path.join(BASE, VER)
    os.makedirs(vdir, exist_ok=True)
    ubj = VT >= (1, 6)

    boosters, jsons, entries = {}, {}, {}
    for name, params, lab, supported, note in MODELS:
        if name == "categorical" and (pd is None or VT < (1, 6)):
            print(f"{VER}: {name} skipped (not supported)")
            continue
        if name == "vector_leaf" and VT < (2, 0):  # multi_strategy came with 2.0
            print(f"{VER}: {name} skipped (not supported)")
            continue
        try:
            bst = train(name, params, X, labels[lab])
        except (xgb.core.XGBoostError, ValueError, AssertionError, TypeError) as e:  # older: no multi-target
            print(f"{VER}: {name} skipped: {(str(e).splitlines() or [type(e).__name__])[0]}")
            continue
        files = [f"{name}.json"]
        bst.save_model(os.path.join(vdir, f"{name}.json"))
        if ubj:
            bst.save_model(os.path.join(vdir, f"{name}.ubj"))
            files.append(f"{name}.ubj")
        with open(os.path.join(vdir, f"{name}.json")) as f:
            jsons[name] = json.load(f)
        boosters[name] = bst
        lp = jsons[name]["learner"]["learner_model_param"]
        gb = jsons[name]["learner"]["gradient_booster"]
        entries[name] = {
            "objective": jsons[name]["learner"]["objective"]["name"],
            "num_class": int(lp.get("num_class", "0")),
            "num_target": int(lp.get("num_target", "1")),
            "booster": gb["name"],
            "base_score": lp.get("base_score"),
            "num_feature": int(lp.get("num_feature", "0")),
            "rounds": ROUNDS,
            "files": files + [f"{name}.expected.csv"],
            "supported": supported,
        }
        if note:
            entries[name]["note"] = note

    write_link_probe(vdir)
    write_softmax_probe(vdir)
    inputs = build_inputs(X, [jsons[n] for n in jsons if n != "categorical" and n in PROBED])
    with open(os.path.join(vdir, "inputs.csv"), "w", newline="\n") as f:
        for r in inputs:
            f.write(",".join(fmt_in(v) for v in r) + "\n")

    n = len(inputs)
    for name, trained in list(boosters.items()):
        # XGBoost's predictions for the saved file, as a server that loads it computes them (the
        # same as the trained booster's where the JSON round-trips exactly, 1.2 and later; 1.0
        # writes `base_score` with six decimals, and cannot load its own base_score_tiny).
        d = dmatrix(name, inputs)
        try:
            bst = xgb.Booster(model_file=os.path.join(vdir, f"{name}.json"))
            m = np.asarray(bst.predict(d, output_margin=True), dtype=np.float32).reshape(n, -1)
            p = np.asarray(bst.predict(d), dtype=np.float32).reshape(n, -1)
        except xgb.core.XGBoostError as e:
            print(f"{VER}: {name} dropped: XGBoost cannot use its own file: {str(e).splitlines()[0]}")
            for fn in entries.pop(name)["files"]:
                if os.path.exists(os.path.join(vdir, fn)):
                    os.remove(os.path.join(vdir, fn))
            del boosters[name]
            continue
        with open(os.path.join(vdir, f"{name}.expected.csv"), "w", newline="\n") as f:
            for i in range(n):
                f.write(",".join(fmt_out(v) for v in list(m[i]) + list(p[i])) + "\n")

    for name in entries:
        for fn in entries[name]["files"]:
            size = os.path.getsize(os.path.join(vdir, fn))
            if size > 200 * 1024:
                print(f"WARNING {VER}/{fn} is {size} bytes (> 200 KB)")

    man_path = os.path.join(BASE, "MANIFEST.json")
    manifest = {}
    if os.path.exists(man_path):
        with open(man_path) as f:
            manifest = json.load(f)
    manifest.setdefault("about", (
        "Generated by tools/make_xgboost_fixtures.py. For each XGBoost version: models, "
        "shared inputs.csv (no header, empty = missing) and <name>.expected.csv "
        "(margin(s) then prediction(s), %.9g of float32)."))
    manifest.setdefault("versions", {})
    manifest["versions"][VER] = {"inputs": "inputs.csv", "num_inputs": n, "models": entries}
    manifest["versions"] = dict(sorted(manifest["versions"].items(),
                                       key=lambda kv: tuple(int(x) for x in kv[0].split("."))))
    with open(man_path, "w", newline="\n") as f:
        json.dump(manifest, f, indent=1, sort_keys=False)
        f.write("\n")
    print(f"{VER}: {len(boosters)} models, {n} input rows -> {vdir}")


if __name__ == "__main__":
    main()
