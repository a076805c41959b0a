"""Predictions from Python equal XGBoost's committed expectations and `mlc predict`'s output,
bit for bit, whatever the input's container."""

import json

import numpy as np
import pandas as pd
import pytest

import mlc
from conftest import CHURN, mlc_predict, read_expected, read_rows


def bits(a):
    return np.asarray(a, dtype=np.float32).view(np.uint32)


@pytest.mark.parametrize("case", ["heldout", "edge"])
@pytest.mark.parametrize("bundle", ["churn_bundle", "churn_bundle_ubj"])
def test_every_churn_model_matches_xgboost(request, case, bundle):
    art = mlc.load(request.getfixturevalue(bundle))
    assert len(art.names) == 52
    states, rows = read_rows(CHURN / f"{case}.csv" if case == "edge" else CHURN / "heldout.csv")
    margin, prob = read_expected(CHURN / (f"expected_{case}_per_state.csv" if case == "edge" else "expected_per_state.csv"))
    # Routed: each row by its state's model, in one call.
    np.testing.assert_array_equal(bits(art.predict(rows, model=states)), bits(prob))
    np.testing.assert_array_equal(bits(art.predict(rows, model=states, margin=True)), bits(margin))
    # Model by model (the single-row path included).
    for state in np.unique(states):
        sel = states == state
        model = art[state]
        np.testing.assert_array_equal(bits(model.predict(rows[sel])), bits(prob[sel]))
        np.testing.assert_array_equal(bits(model.predict(rows[sel][:1])), bits(prob[sel][:1]))
    margin, prob = read_expected(CHURN / (f"expected_{case}_all_states.csv" if case == "edge" else "expected_all_states.csv"))
    np.testing.assert_array_equal(bits(art.predict(rows, model="all_states")), bits(prob))
    np.testing.assert_array_equal(bits(art["all_states"].predict(rows, margin=True)), bits(margin))


def test_same_as_mlc_predict(churn_bundle, heldout, mlc_bin):
    states, rows = heldout
    art = mlc.load(churn_bundle)
    lines = [line.split(",", 1)[1] for line in (CHURN / "heldout.csv").read_text().splitlines()]
    for state in np.unique(states):
        sel = np.flatnonzero(states == state)
        cli = mlc_predict(mlc_bin, churn_bundle, [lines[i] for i in sel], "--model", str(state))
        np.testing.assert_array_equal(bits(art[state].predict(rows[sel])), bits(cli[:, 0]))
    cli = mlc_predict(mlc_bin, churn_bundle, lines, "--model", "all_states", "--margin")
    np.testing.assert_array_equal(bits(art["all_states"].predict(rows, margin=True)), bits(cli[:, 0]))


def test_float64_pandas_lists_and_views_give_the_same_answers(churn_bundle, heldout):
    states, rows = heldout
    model = mlc.load(churn_bundle)["all_states"]
    want = bits(model.predict(rows))
    names = (CHURN / "feature_names.txt").read_text().split()
    frame = pd.DataFrame(rows.astype(np.float64), columns=names)
    wide = np.zeros((rows.shape[0], 2 * rows.shape[1]), dtype=np.float32)
    wide[:, ::2] = rows
    fortran = np.asfortranarray(rows)
    for x in [rows.astype(np.float64), frame, frame.astype("Float64"), rows.tolist(), wide[:, ::2], fortran]:
        np.testing.assert_array_equal(bits(model.predict(x)), want)
    # None in a list of rows is a missing value, as NaN is.
    row = rows[0].tolist()
    row[3] = None
    nan_row = rows[:1].copy()
    nan_row[0, 3] = np.nan
    np.testing.assert_array_equal(bits(model.predict([row])), bits(model.predict(nan_row)))


def test_dataframe_columns_go_by_feature_name(churn_bundle, heldout):
    states, rows = heldout
    art = mlc.load(churn_bundle)
    model = art["all_states"]
    names = (CHURN / "feature_names.txt").read_text().split()
    assert model.feature_names == names
    want = bits(model.predict(rows))
    frame = pd.DataFrame(rows, columns=names)
    # Any column order: the columns are found by name.
    shuffled = frame[names[::-1]]
    np.testing.assert_array_equal(bits(model.predict(shuffled)), want)
    # Routed rows too, each state's model taking the same names.
    routed = art.predict(shuffled, model=states)
    np.testing.assert_array_equal(bits(routed), bits(art.predict(frame, model=states)))
    # Labels that are not strings: by position, as arrays are.
    np.testing.assert_array_equal(bits(model.predict(pd.DataFrame(rows))), want)
    # Unknown, missing and repeated names are named.
    with pytest.raises(mlc.InputError, match="unknown column `acct_len`; missing feature `account_length`"):
        model.predict(frame.rename(columns={"account_length": "acct_len"}))
    with pytest.raises(mlc.InputError, match="missing feature `area_code`"):
        model.predict(frame.drop(columns=["area_code"]))
    with pytest.raises(mlc.InputError, match="repeated column `area_code`"):
        model.predict(frame.rename(columns={"account_length": "area_code"}).assign(account_length=0.0))


def test_multiclass_gives_rows_of_classes_bit_exact(artifacts):
    src = CHURN.parent / "xgboost" / "3.2.0"
    out = artifacts / "softprob.mlc"
    mlc.compile({"m": src / "multi_softprob.json"}, out)
    model = mlc.load(out)["m"]
    assert model.outputs == {"width": 3, "margins": 3}
    rows = np.array([[float(v) if v else np.nan for v in line.split(",")] for line in (src / "inputs.csv").read_text().splitlines()],
                    dtype=np.float32)
    want = np.loadtxt(src / "multi_softprob.expected.csv", delimiter=",", dtype=np.float64).astype(np.float32)
    p = model.predict(rows)
    assert p.shape == (len(rows), 3) and p.dtype == np.float32
    np.testing.assert_array_equal(bits(p), bits(want[:, 3:]))
    np.testing.assert_array_equal(bits(model.predict(rows, margin=True)), bits(want[:, :3]))


def test_linear_models_match_xgboost_in_a_bundle_with_trees(artifacts):
    """gblinear models (XGBoost 3.2's three-class JSON, 0.90's pickled Poisson model) bundled with
    a tree model: each predicts bit-exact with XGBoost, margins and outputs (inf included)."""
    linear = CHURN.parent / "xgboost_linear"
    out = artifacts / "linear.mlc"
    mlc.compile({"softprob": linear / "3.2.0" / "multi_softprob.json", "poisson": linear / "0.90" / "count_poisson.pkl",
                 "trees": CHURN.parent / "xgboost" / "3.2.0" / "binary_logistic.json"}, out)
    bundle = mlc.load(out)
    for name, version, source, width in (("softprob", "3.2.0", "multi_softprob", 3), ("poisson", "0.90", "count_poisson", 1)):
        rows = np.array([[float(v) if v else np.nan for v in line.split(",")]
                         for line in (linear / version / "inputs.csv").read_text().splitlines()], dtype=np.float32)
        model = bundle[name]
        assert model.outputs == {"width": width, "margins": width}
        want = np.loadtxt(linear / version / f"{source}.expected.csv", delimiter=",", dtype=np.float64).astype(np.float32)
        want = want.reshape(len(rows), 2 * width)
        got_margins, got = model.predict(rows, margin=True), model.predict(rows)
        np.testing.assert_array_equal(bits(got_margins.reshape(len(rows), width)), bits(want[:, :width]))
        np.testing.assert_array_equal(bits(got.reshape(len(rows), width)), bits(want[:, width:]))
    assert np.isinf(bundle["poisson"].predict(rows)).any(), "XGBoost's inf outputs are kept"


def test_sagemaker_archives_and_pickles_compile_as_they_are(artifacts):
    """SageMaker's model.tar.gz (here XGBoost 1.0.2's container form: a pickled booster as
    `xgboost-model`) and a scikit-learn XGBClassifier, pickled or saved by joblib.dump (compressed,
    its `classes_` a numpy array), compile from their paths, bit-exact with XGBoost; the archive's
    model is named by its stem."""
    for version, source, name, expected in (("1.0.2", "model.tar.gz", "model", "binary_logistic"),
                                            ("3.2.0", "sklearn_classifier.pkl", "sklearn_classifier", "sklearn_classifier"),
                                            ("1.7.6", "sklearn_classifier.joblib.z", "sklearn_classifier", "sklearn_classifier")):
        src = CHURN.parent / "xgboost_pickle" / version
        out = artifacts / f"{name}-{version}.mlc"
        report = mlc.compile(src / source, out)
        assert [m["name"] for m in report["models"]] == [name]
        model = mlc.load(out)[name]
        rows = np.array([[float(v) if v else np.nan for v in line.split(",")] for line in (src / "inputs.csv").read_text().splitlines()],
                        dtype=np.float32)
        want = np.loadtxt(src / f"{expected}.expected.csv", delimiter=",", dtype=np.float64).astype(np.float32)
        np.testing.assert_array_equal(bits(model.predict(rows, margin=True)), bits(want[:, 0]))
        np.testing.assert_array_equal(bits(model.predict(rows)), bits(want[:, 1]))
    with pytest.raises(mlc.CompileError, match="part of sklearn.pipeline.Pipeline"):
        mlc.compile(CHURN.parent / "xgboost_pickle" / "3.2.0" / "pipeline.pkl", artifacts / "pipeline.mlc")


def test_transform_reads_libsvm_as_xgboost_does(artifacts, tmp_path):
    """mlc.transform with content_type="text/libsvm" (sparse rows, 0-based indices, a feature
    without an entry missing) gives XGBoost's predictions from reading the same file."""
    src = CHURN.parent / "libsvm"
    out = artifacts / "libsvm_softprob.mlc"
    mlc.compile({"m": CHURN.parent / "xgboost" / "3.2.0" / "multi_softprob.json"}, out)
    summary = mlc.transform(out, [src / "rows.libsvm"], tmp_path / "out", content_type="text/libsvm")
    want = np.loadtxt(src / "multi_softprob.expected.csv", delimiter=",", dtype=np.float64).astype(np.float32)
    assert summary["records"] == len(want) and summary["errors"] == 0
    got = np.array([json.loads(v) for v in (tmp_path / "out" / "rows.libsvm.out").read_text().splitlines()], dtype=np.float32)
    np.testing.assert_array_equal(bits(got), bits(want[:, 3:]))


def test_categorical_splits_match_xgboost_from_codes_and_dataframes(artifacts):
    """XGBoost's categorical splits: the codes as numbers give XGBoost's predictions bit for bit
    (every kind of code); a DataFrame's `category` columns give their codes."""
    src = CHURN.parent / "xgboost_categorical" / "3.2.0"
    out = artifacts / "categorical.mlc"
    mlc.compile({"m": src / "partition.json"}, out)
    model = mlc.load(out)["m"]
    rows = np.array([[float(v) if v else np.nan for v in line.split(",")] for line in (src / "inputs.csv").read_text().splitlines()],
                    dtype=np.float32)
    want = np.loadtxt(src / "partition.expected.csv", delimiter=",", dtype=np.float64).astype(np.float32)
    np.testing.assert_array_equal(bits(model.predict(rows, margin=True)), bits(want[:, 0]))
    np.testing.assert_array_equal(bits(model.predict(rows)), bits(want[:, 1]))
    # The rows whose codes are categories of training, as a frame with two category columns:
    # the model knows the categories' names (XGBoost 3.1+: training's were the integers 0..n-1),
    # so the frame's are re-coded by name, as XGBoost does.
    valid = np.all([np.isin(rows[:, i], np.arange(n)) | np.isnan(rows[:, i]) for i, n in ((1, 5), (3, 51))], axis=0)
    sub = rows[valid]
    assert len(sub) >= 40
    frame = pd.DataFrame({f"f{i}": sub[:, i] for i in range(5)})
    for i, n in ((1, 5), (3, 51)):
        codes = np.where(np.isnan(sub[:, i]), -1, sub[:, i]).astype(np.int64)
        frame[f"f{i}"] = pd.Categorical.from_codes(codes, categories=list(range(n)))
    np.testing.assert_array_equal(bits(model.predict(frame)), bits(want[valid, 1]))


def test_category_names_recode_data_frames_as_xgboost_does(artifacts):
    """An XGBoost 3.1+ model trained on a DataFrame keeps its category names: a frame whose own
    categories differ from training's (a subset: other codes) is re-coded by name, string and
    integer categories alike, and gives XGBoost's predictions from the same frame bit for bit;
    so does the CSV read by pandas without category dtypes; a category the model does not know
    is an InputError naming it."""
    src = CHURN.parent / "xgboost_categorical" / "3.2.0"
    out = artifacts / "named.mlc"
    mlc.compile(src / "named.ubj", out)
    model = mlc.load(out)["named"]
    assert model.feature_categories[0] == ["AK", "CA", "NY", "TX", "WY", "Washington, D.C.", 'say "hi"']
    assert model.feature_categories[1] is None and model.feature_categories[3] == ["408", "415", "510"]
    frame = pd.read_csv(src / "named_inputs.csv")
    for column in ("state", "plan", "area_code"):
        frame[column] = frame[column].astype("category")
    assert "AK" not in frame.state.cat.categories  # the frame's codes are not the model's
    want = np.loadtxt(src / "named.expected.csv", delimiter=",", dtype=np.float64).astype(np.float32)
    np.testing.assert_array_equal(bits(model.predict(frame, margin=True)), bits(want[:, 0]))
    np.testing.assert_array_equal(bits(model.predict(frame)), bits(want[:, 1]))
    # Columns by name, in another order.
    np.testing.assert_array_equal(bits(model.predict(frame[frame.columns[::-1]])), bits(want[:, 1]))
    unknown = frame.head(3).copy()
    unknown["state"] = pd.Categorical(["OR", "TX", "TX"])
    with pytest.raises(mlc.InputError, match="category 'OR' is not one the model knows"):
        model.predict(unknown)
    # The CSV as pandas reads it, no category dtypes: strings and the area code's numbers are
    # read as `mlc predict` reads the same file's fields.
    plain = pd.read_csv(src / "named_inputs.csv")
    assert plain.area_code.dtype.kind == "f" and plain.state.dtype.kind != "f"
    np.testing.assert_array_equal(bits(model.predict(plain)), bits(want[:, 1]))
    plain.loc[1, "area_code"] = 1.0  # a code, not an area code: unknown
    with pytest.raises(mlc.InputError, match="column 'area_code': category '1' is not one the model knows"):
        model.predict(plain)
