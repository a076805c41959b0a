#!/usr/bin/env python3
"""Check the committed XGBoost fixtures.

    target/venv/bin/python tools/verify_fixtures.py

1. Re-predicts with the installed XGBoost: the churn models (JSON and UBJ)
   on heldout.csv / edge.csv, and the tests/fixtures/xgboost/<version>/
   models of the installed version, and requires bit-identical output.
2. Runs an independent reference evaluator written from the saved JSON
   alone (float32 everywhere, tree order, glibc logf/expf via ctypes) over
   every fixture of every version, and requires bit-identical margins and
   predictions. It documents the exact semantics an importer must follow:
     margin[k] = bias[k], then += leaf (x weight_drop[t] for dart) for each
       tree t with tree_info[t] == k, in tree order, float32 adds;
       go left iff x < threshold (float32), NaN -> default_left.
     base_score: "0.5" or "[0.5]" or "[a,b,c]" (3.1+, per class).
     bias = -logf(1/b - 1) with b clamped to [1e-6, 1-1e-6] for
       binary:logistic and reg:logistic; logf(b) for count:poisson and
       reg:gamma; b itself for binary:logitraw, reg:squarederror and
       multi:* (in 3.1+ the per-class multi base_score is already a margin).
     sigmoid: 1 / (expf(min(-x, 88.7)) + 1); exp for poisson/gamma;
     softmax: e = expf(x - max) in f32, summed in f64, cast to f32, e / sum.
Exits non-zero on any mismatch. Linux only (uses libm.so.6).
"""
from __future__ import annotations

import ctypes
import glob
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CHURN = os.path.join(ROOT, "tests", "fixtures", "churn")
XGB = os.path.join(ROOT, "tests", "fixtures", "xgboost")
f32 = np.float32

libm = ctypes.CDLL("libm.so.6")
for _n in ("logf", "expf"):
    getattr(libm, _n).restype = ctypes.c_float
    getattr(libm, _n).argtypes = [ctypes.c_float]

failures: list[str] = []


def load_rows(path: str, with_state: bool):
    states, rows = [], []
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split(",")
            if with_state:
                states.append(parts[0])
                parts = parts[1:]
            rows.append([f32("nan") if p == "" else f32(p) for p in parts])
    return states, np.array(rows, dtype=np.float32)


def load_expected(path: str) -> np.ndarray:
    return np.loadtxt(path, delimiter=",", dtype=np.float64, ndmin=2).astype(np.float32)


def same(a: np.ndarray, b: np.ndarray) -> bool:
    a, b = np.asarray(a, np.float32), np.asarray(b, np.float32)
    return a.shape == b.shape and bool(np.all((a == b) | (np.isnan(a) & np.isnan(b))))


def check(label: str, got: np.ndarray, want: np.ndarray) -> None:
    if not same(got, want):
        bad = int(np.sum(~np.all((got == want) | (np.isnan(got) & np.isnan(want)), axis=1)))
        failures.append(f"{label}: {bad} rows differ")


# ------------------------------------------------------------ reference model
class RefModel:
    def __init__(self, path: str):
        with open(path) as f:
            j = json.load(f)  # accepts the bare NaN that 1.x/2.x write
        L = j["learner"]
        gb = L["gradient_booster"]
        self.obj = L["objective"]["name"]
        lp = L["learner_model_param"]
        self.k = max(1, int(lp["num_class"]))
        self.wd = None
        if gb["name"] == "dart":
            self.wd = [f32(w) for w in gb["weight_drop"]]
            m = gb["gbtree"]["model"]
        elif gb["name"] == "gbtree":
            m = gb["model"]
        else:
            raise ValueError(f"unsupported booster {gb['name']}")
        s = lp["base_score"].strip()
        bs = [f32(x) for x in s[1:-1].split(",")] if s.startswith("[") else [f32(s)]
        if len(bs) == 1:
            bs = bs * self.k
        self.bias = [self._to_margin(b) for b in bs]
        self.trees = []
        for t in m["trees"]:
            if any(st != 0 for st in t.get("split_type", [])):
                raise ValueError("categorical split")
            self.trees.append((t["left_children"], t["right_children"], t["split_indices"],
                               [f32(c) for c in t["split_conditions"]], t["default_left"]))
        self.info = m["tree_info"]

    def _to_margin(self, b):
        if self.obj in ("binary:logistic", "reg:logistic"):
            b = min(max(b, f32(1e-6)), f32(1 - 1e-6))
            return f32(-libm.logf(f32(f32(1) / b - f32(1))))
        if self.obj in ("count:poisson", "reg:gamma"):
            return f32(libm.logf(b))
        return b

    def margin(self, X: np.ndarray) -> np.ndarray:
        out = np.zeros((len(X), self.k), np.float32)
        for i, x in enumerate(X):
            acc = list(self.bias)
            for ti, (l, r, fi, c, dl) in enumerate(self.trees):
                n = 0
                while l[n] != -1:
                    v = x[fi[n]]
                    if np.isnan(v):
                        n = l[n] if dl[n] else r[n]
                    elif v < c[n]:
                        n = l[n]
                    else:
                        n = r[n]
                leaf = c[n] if self.wd is None else f32(c[n] * self.wd[ti])
                acc[self.info[ti]] = f32(acc[self.info[ti]] + leaf)
            out[i] = acc
        return out

    def transform(self, m: np.ndarray) -> np.ndarray:
        o = self.obj
        if o in ("binary:logistic", "reg:logistic"):
            return np.array([[f32(1) / f32(f32(libm.expf(min(-v, f32(88.7)))) + f32(1)) for v in r]
                             for r in m], np.float32)
        if o in ("count:poisson", "reg:gamma"):
            return np.array([[libm.expf(v) for v in r] for r in m], np.float32)
        if o == "multi:softprob":
            res = []
            for r in m:
                mx = max(r)
                e = [f32(libm.expf(f32(v - mx))) for v in r]
                s = f32(sum(float(v) for v in e))
                res.append([f32(v / s) for v in e])
            return np.array(res, np.float32)
        if o == "multi:softmax":
            return m.argmax(1).astype(np.float32)[:, None]
        return m


def ref_check(label: str, model_path: str, X: np.ndarray, want: np.ndarray) -> None:
    rm = RefModel(model_path)
    m = rm.margin(X)
    check(label + " [reference]", np.hstack([m, rm.transform(m)]), want)


# ------------------------------------------------------------------- checks
def churn() -> None:
    import xgboost as xgb

    states, Xh = load_rows(os.path.join(CHURN, "heldout.csv"), True)
    estates, Xe = load_rows(os.path.join(CHURN, "edge.csv"), True)
    mdir = os.path.join(CHURN, "models")
    for ext in ("json", "ubj"):
        bst = xgb.Booster(model_file=os.path.join(mdir, f"all_states.{ext}"))
        for X, exp in ((Xh, "expected_all_states.csv"), (Xe, "expected_edge_all_states.csv")):
            d = xgb.DMatrix(X, missing=np.nan, feature_names=bst.feature_names)
            got = np.column_stack([bst.predict(d, output_margin=True), bst.predict(d)])
            check(f"churn all_states.{ext} {exp}", got, load_expected(os.path.join(CHURN, exp)))
    ref_check("churn all_states heldout", os.path.join(mdir, "all_states.json"), Xh,
              load_expected(os.path.join(CHURN, "expected_all_states.csv")))
    ref_check("churn all_states edge", os.path.join(mdir, "all_states.json"), Xe,
              load_expected(os.path.join(CHURN, "expected_edge_all_states.csv")))
    for X, sts, exp in ((Xh, states, "expected_per_state.csv"),
                        (Xe, estates, "expected_edge_per_state.csv")):
        want = load_expected(os.path.join(CHURN, exp))
        sts = np.array(sts)
        for st in np.unique(sts):
            idx = np.nonzero(sts == st)[0]
            for ext in ("json", "ubj"):
                p = os.path.join(mdir, "states", f"{st}.{ext}")
                if not os.path.exists(p):
                    continue
                bst = xgb.Booster(model_file=p)
                d = xgb.DMatrix(X[idx], missing=np.nan, feature_names=bst.feature_names)
                got = np.column_stack([bst.predict(d, output_margin=True), bst.predict(d)])
                check(f"churn {st}.{ext} {exp}", got, want[idx])
            ref_check(f"churn {st} {exp}", os.path.join(mdir, "states", f"{st}.json"),
                      X[idx], want[idx])
    print(f"churn: {len(Xh)} held-out rows, {len(Xe)} edge rows checked")


def xgb_fixtures() -> None:
    import xgboost as xgb

    with open(os.path.join(XGB, "MANIFEST.json")) as f:
        man = json.load(f)
    for ver, vinfo in man["versions"].items():
        vdir = os.path.join(XGB, ver)
        _, X = load_rows(os.path.join(vdir, vinfo["inputs"]), False)
        n = 0
        for name, e in vinfo["models"].items():
            want = load_expected(os.path.join(vdir, f"{name}.expected.csv"))
            if ver == xgb.__version__ and name != "categorical":
                for fn in e["files"]:
                    if fn.endswith((".json", ".ubj")):
                        bst = xgb.Booster(model_file=os.path.join(vdir, fn))
                        d = xgb.DMatrix(X, missing=np.nan)
                        got = np.hstack([
                            np.asarray(bst.predict(d, output_margin=True)).reshape(len(X), -1),
                            np.asarray(bst.predict(d)).reshape(len(X), -1)])
                        check(f"xgboost {ver}/{fn} (re-run)", got, want)
            if e["supported"]:
                ref_check(f"xgboost {ver}/{name}", os.path.join(vdir, f"{name}.json"), X, want)
                n += 1
        print(f"xgboost {ver}: {n} supported models checked by the reference evaluator")


def main() -> None:
    churn()
    xgb_fixtures()
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print("all fixtures OK")


if __name__ == "__main__":
    main()
