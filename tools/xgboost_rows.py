"""Input rows and expected outputs for XGBoost fixtures, shared by the fixture scripts (imported
from tools/, run in any XGBoost venv from 0.90 on): rows of the training data, plus rows whose
value on a split's feature is the split's threshold or one f32 ulp either side; and XGBoost's
margins and predictions for them as the tests read them."""
import json

import numpy as np


def thresholds(bst):
    """(feature, threshold as f32) of every split of `bst`, from its JSON dump."""
    out = []
    for tree in bst.get_dump(dump_format="json"):
        stack = [json.loads(tree)]
        while stack:
            n = stack.pop()
            if "split" in n:
                out.append((int(str(n["split"]).lstrip("f")), np.float32(n["split_condition"])))
                stack.extend(n["children"])
    return out


def threshold_rows(X, boosters, rng, plain, per_model):
    """The first `plain` rows of X, then for the first `per_model` splits of each booster three
    random rows of X with the split's feature set on and beside its threshold."""
    rows = [r for r in X[:plain]]
    for bst in boosters:
        for f, t in thresholds(bst)[:per_model]:
            for v in (t, np.nextafter(t, np.float32(-np.inf)), np.nextafter(t, np.float32(np.inf))):
                r = X[rng.integers(0, len(X))].copy()
                r[f] = v
                rows.append(r)
    return np.array(rows, dtype=np.float32)


def fmt_in(v):
    """A CSV field: the shortest text of the f32, empty for missing."""
    v = np.float32(v)
    return "" if np.isnan(v) else np.format_float_positional(v, unique=True, trim="-")


def write_expected(path, bst, d, n, **predict_args):
    """`bst`'s margin(s), then prediction(s), for the `n` rows of the DMatrix `d`, one row a
    line (%.9g of float32): the `<name>.expected.csv` the tests read."""
    m = np.asarray(bst.predict(d, output_margin=True, **predict_args), np.float32).reshape(n, -1)
    p = np.asarray(bst.predict(d, **predict_args), np.float32).reshape(n, -1)
    with open(path, "w", newline="\n") as f:
        for a, b in zip(m, p):
            f.write(",".join("%.9g" % v for v in list(a) + list(b)) + "\n")
