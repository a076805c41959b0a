"""Pickled XGBoost boosters and SageMaker model archives, and XGBoost's predictions from them.

SageMaker's XGBoost containers before 1.3-1 save the trained model with `pickle.dump(booster)`
as `xgboost-model`, packed into `model.tar.gz`; later containers save it with `save_model`. A
pickled `Booster` holds its model in the state's `handle`: XGBoost's legacy binary model before
1.0, its serialisation (`CONFIG-offset:` and a binary model in 1.0-1.2, a JSON snapshot of model
and configuration in 1.3-1.5, the same in UBJSON from 1.6) after.

Writes tests/fixtures/xgboost_pickle/<version>/:
  <name>.pkl           pickle.dump(booster, protocol=P), P in 0..5 spread over models and versions
  model.tar.gz         SageMaker's layout: `xgboost-model` (the pickle of binary_logistic before
                       1.3, else save_model to that name) and nothing else
  named.pkl            binary:logistic trained on a DMatrix with feature names (protocol 2):
                       before 1.3 the names are only in the Booster's Python attributes
  inputs.csv           rows (empty = missing), values on the models' thresholds included
  <name>.expected.csv  margin(s), then prediction(s) (%.9g of float32), from the booster that
                       pickle.load gives back
  sklearn_classifier.pkl / .expected.csv  (when scikit-learn is installed) an XGBClassifier
                       pickled whole: its booster's predictions
  pipeline.pkl         (the same) a scikit-learn Pipeline of a StandardScaler and an
                       XGBClassifier, which mlc must refuse
  sklearn_classifier.joblib / .joblib.z  (when joblib is installed too) the same classifier
                       saved by joblib.dump, plain and zlib-compressed: joblib writes numpy
                       arrays (`classes_` before XGBoost 2.0) between the pickle's opcodes
Models: binary_logistic, multi_softprob (3 classes), dart (binary:logistic, rate_drop 0.3), 8
rounds of depth 4 on 6 features with missing values.

Run once per XGBoost venv (used: 0.90, 1.0.2, 1.5.2, 1.7.6, 2.0.3, 3.2.0; scikit-learn 1.2.2
and joblib 1.1.1 with 0.90 and 1.0.2, scikit-learn 1.2.2 with 1.5.2, 1.9.1 with 1.7.6, 1.5.2 with
2.0.3; joblib 1.6.0 from 1.5.2 on):
  python tools/make_xgboost_pickle_fixtures.py
"""
import gzip
import os
import pickle
import tarfile
import warnings

import numpy as np
import xgboost as xgb

from xgboost_rows import fmt_in, threshold_rows, write_expected

VER = xgb.__version__
VT = tuple(int(p) for p in VER.split(".")[:2])
ROUNDS = 8
BASE = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "xgboost_pickle", VER)
N_FEAT, N_ROWS = 6, 400
VERSIONS = ["0.90", "1.0.2", "1.5.2", "1.7.6", "2.0.3", "3.2.0"]
NAMES = ["account_length", "voice_mail", "day_minutes", "eve_minutes", "night_minutes", "intl_calls"]

MODELS = {
    "binary_logistic": ({"objective": "binary:logistic"}, "binary"),
    "multi_softprob": ({"objective": "multi:softprob", "num_class": 3}, "class"),
    "dart": ({"objective": "binary:logistic", "booster": "dart", "rate_drop": 0.3}, "binary"),
}


def protocol(i):
    """Protocols 0-5 spread over versions and models, so each appears with several versions."""
    return (VERSIONS.index(VER) + i) % (pickle.HIGHEST_PROTOCOL + 1) if VER in VERSIONS else i


def data(rng):
    X = rng.normal(size=(N_ROWS, N_FEAT)).astype(np.float32)
    X[rng.random(X.shape) < 0.08] = np.nan
    z = np.nan_to_num(X[:, 0]) + 0.5 * np.nan_to_num(X[:, 1]) - np.nan_to_num(X[:, 2]) ** 2
    return X, {"binary": (z > 0).astype(np.float32), "class": np.digitize(z, [-0.5, 0.5]).astype(np.float32)}


def write_model_expected(name, bst, rows, ntree_limit=None, feature_names=None):
    d = xgb.DMatrix(rows, missing=np.nan, feature_names=feature_names)
    # 0.x drops dart trees at random when it predicts without ntree_limit (fixed in 1.0).
    kw = {"ntree_limit": ntree_limit} if ntree_limit and VT < (1, 0) else {}
    write_expected(os.path.join(BASE, f"{name}.expected.csv"), bst, d, len(rows), **kw)


def main():
    rng = np.random.default_rng(23)
    X, labels = data(rng)
    os.makedirs(BASE, exist_ok=True)
    loaded = {}
    for i, (name, (params, label)) in enumerate(MODELS.items()):
        p = {"max_depth": 4, "eta": 0.3, "seed": 0, "nthread": 1, "base_score": 0.5, **params}
        bst = xgb.train(p, xgb.DMatrix(X, label=labels[label], missing=np.nan), num_boost_round=ROUNDS)
        path = os.path.join(BASE, f"{name}.pkl")
        with open(path, "wb") as f:
            pickle.dump(bst, f, protocol=protocol(i))
        with open(path, "rb") as f:
            loaded[name] = pickle.load(f)
        print(f"{VER}/{name}.pkl: protocol {protocol(i)}, {os.path.getsize(path)} bytes")
    rows = threshold_rows(X, loaded.values(), rng, 100, 30)
    with open(os.path.join(BASE, "inputs.csv"), "w", newline="\n") as f:
        for r in rows:
            f.write(",".join(fmt_in(v) for v in r) + "\n")
    for name, bst in loaded.items():
        write_model_expected(name, bst, rows, ROUNDS if name == "dart" else None)

    # Feature names: in the model from 1.3 on, only in the Booster's Python attributes before.
    p = {"max_depth": 3, "eta": 0.3, "seed": 0, "nthread": 1, "base_score": 0.5, "objective": "binary:logistic"}
    bst = xgb.train(p, xgb.DMatrix(X, label=labels["binary"], missing=np.nan, feature_names=NAMES), num_boost_round=4)
    path = os.path.join(BASE, "named.pkl")
    with open(path, "wb") as f:
        pickle.dump(bst, f, protocol=2)
    with open(path, "rb") as f:
        write_model_expected("named", pickle.load(f), rows, feature_names=NAMES)

    # SageMaker's model.tar.gz: `xgboost-model`, pickled before container 1.3-1, else save_model.
    member = os.path.join(BASE, "xgboost-model")
    if VT < (1, 3):
        with open(member, "wb") as f:
            pickle.dump(loaded["binary_logistic"], f, protocol=2)
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            loaded["binary_logistic"].save_model(member)
    # gzip's header would hold the time: mtime 0 keeps the archive reproducible.
    with open(os.path.join(BASE, "model.tar.gz"), "wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz, \
            tarfile.open(fileobj=gz, mode="w") as tar:
        info = tar.gettarinfo(member, arcname="xgboost-model")
        info.mtime, info.uid, info.gid, info.uname, info.gname = 0, 0, 0, "", ""
        with open(member, "rb") as f:
            tar.addfile(info, f)
    os.remove(member)

    try:
        from xgboost import XGBClassifier
        import sklearn  # noqa: F401
    except ImportError:
        return
    clf = XGBClassifier(n_estimators=ROUNDS, max_depth=4, learning_rate=0.3, random_state=0, n_jobs=1)
    clf.fit(X, labels["binary"])
    path = os.path.join(BASE, "sklearn_classifier.pkl")
    with open(path, "wb") as f:
        pickle.dump(clf, f)
    with open(path, "rb") as f:
        clf = pickle.load(f)
    write_model_expected("sklearn_classifier", clf.get_booster(), rows)
    print(f"{VER}/sklearn_classifier.pkl: {os.path.getsize(path)} bytes")

    # A booster inside a pipeline: mlc must refuse it (compiling the booster alone would leave
    # the scaler out).
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    pipe = make_pipeline(StandardScaler(), XGBClassifier(n_estimators=2, max_depth=2, random_state=0, n_jobs=1))
    pipe.fit(np.nan_to_num(X), labels["binary"])
    with open(os.path.join(BASE, "pipeline.pkl"), "wb") as f:
        pickle.dump(pipe, f)

    # joblib.dump, as scikit-learn's documentation saves estimators: before XGBoost 2.0 the
    # classifier's `classes_` is a numpy array, which joblib writes between the pickle's
    # opcodes. Plain, and zlib-compressed (`compress=3`; gzip's header would hold the time).
    # Both must predict as the pickle above, whose expected file they share.
    try:
        import joblib
    except ImportError:
        return
    d = xgb.DMatrix(rows, missing=np.nan)
    for name, compress in [("sklearn_classifier.joblib", 0), ("sklearn_classifier.joblib.z", 3)]:
        path = os.path.join(BASE, name)
        joblib.dump(clf, path, compress=compress)
        back = joblib.load(path)
        assert np.array_equal(back.get_booster().predict(d, output_margin=True),
                              clf.get_booster().predict(d, output_margin=True))
        arrays = [k for k, v in vars(back).items() if isinstance(v, np.ndarray)]
        print(f"{VER}/{name}: joblib {joblib.__version__}, {os.path.getsize(path)} bytes, arrays {arrays}")


if __name__ == "__main__":
    main()
