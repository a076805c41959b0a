"""Bad inputs and bad artifacts raise the documented exceptions, with the CLI's messages."""

import shutil

import numpy as np
import pytest

import mlc


def test_wrong_column_count(churn_bundle, heldout):
    _, rows = heldout
    model = mlc.load(churn_bundle)["CA"]
    with pytest.raises(mlc.InputError, match=r"^expected 18 features, found 17$"):
        model.predict(rows[:, :17])
    with pytest.raises(ValueError):  # InputError is a ValueError too
        model.predict([[1.0, 2.0]])


def test_wrong_dtype_and_shape(churn_bundle, heldout):
    _, rows = heldout
    model = mlc.load(churn_bundle)["CA"]
    with pytest.raises(mlc.InputError, match="not numeric"):
        model.predict(rows.astype(str))
    with pytest.raises(mlc.InputError, match="not numeric"):
        model.predict(rows.astype(np.complex64))
    with pytest.raises(mlc.InputError, match="cannot read the rows as numbers"):
        model.predict([["abc"] * 18])
    with pytest.raises(mlc.InputError, match="2-D"):
        model.predict(rows[0])


def test_copy_false_refuses_conversions(churn_bundle, heldout):
    _, rows = heldout
    model = mlc.load(churn_bundle)["CA"]
    model.predict(rows, copy=False)  # C-contiguous float32: read in place
    with pytest.raises(mlc.InputError, match="not C-contiguous"):
        model.predict(np.asfortranarray(rows), copy=False)
    with pytest.raises(mlc.InputError, match="not C-contiguous"):
        model.predict(rows[::2], copy=False)
    with pytest.raises(mlc.InputError, match="float64, not float32"):
        model.predict(rows.astype(np.float64), copy=False)


def test_unknown_model(churn_bundle, heldout):
    states, rows = heldout
    art = mlc.load(churn_bundle)
    with pytest.raises(mlc.UnknownModelError, match=r"no model named `XX`"):
        art["XX"]
    with pytest.raises(LookupError):
        art.predict(rows, model="XX")
    routed = states.copy()
    routed[5] = "XX"
    with pytest.raises(mlc.UnknownModelError, match="no model named `XX`"):
        art.predict(rows, model=routed)
    with pytest.raises(mlc.InputError, match="1667 rows"):
        art.predict(rows, model=states[:10])
    with pytest.raises(mlc.InputError, match="52 models here; choose one"):
        art.predict(rows)


def test_corrupted_artifact(churn_bundle, tmp_path):
    bad = tmp_path / "bad.mlc"
    data = bytearray(churn_bundle.read_bytes())
    data[len(data) // 2] ^= 0x40
    bad.write_bytes(bytes(data))
    with pytest.raises(mlc.FormatError, match=str(bad)):
        mlc.load(bad)
    bad.write_bytes(bytes(data[:100]))
    with pytest.raises(mlc.FormatError):
        mlc.load(bad)
    with pytest.raises(mlc.FileError, match="No such file"):
        mlc.load(tmp_path / "missing.mlc")
    with pytest.raises(OSError):
        mlc.load(tmp_path / "missing.mlc")


def test_compile_errors(tmp_path):
    bad = tmp_path / "m.json"
    bad.write_text('{"learner": 1}')
    with pytest.raises(mlc.CompileError):
        mlc.compile([str(bad)], tmp_path / "out.mlc")
    with pytest.raises(mlc.InputError, match="numeric must be"):
        mlc.compile([str(bad)], tmp_path / "out.mlc", numeric="double")
    assert not (tmp_path / "out.mlc").exists()


def test_text_and_rows_are_not_mixed_up(churn_bundle, text_model, heldout):
    _, rows = heldout
    trees = mlc.load(churn_bundle)["CA"]
    net = mlc.load(text_model)["imdb_cnn_mcu"]
    with pytest.raises(mlc.InputError, match="tree ensemble: it takes features, not text"):
        trees.predict_text(["great film"])
    with pytest.raises(mlc.InputError, match="takes feature rows, not token ids"):
        trees.predict_ids([[1, 2]])
    with pytest.raises(mlc.InputError, match="model `CA` has no tokenizer"):
        trees.tokenize(["great film"])
    with pytest.raises(mlc.InputError, match="takes token ids, not feature rows"):
        net.predict(rows)
    length = net.inputs["length"]
    with pytest.raises(mlc.InputError, match="expected 400 token ids, found 3"):
        net.predict_ids([[1, 2, 3]])
    ids = np.zeros((1, length), dtype=np.int64)
    ids[0, 7] = net.inputs["vocab"]
    with pytest.raises(mlc.InputError, match="token id"):
        net.predict_ids(ids)
    ids[0, 7] = -1
    with pytest.raises(mlc.InputError, match="`-1` is not a token id"):
        net.predict_ids(ids)


def test_renamed_artifact_keeps_working(churn_bundle, tmp_path, heldout):
    # The file is mapped: replacing it by rename does not change a loaded artifact.
    _, rows = heldout
    path = tmp_path / "a.mlc"
    shutil.copy(churn_bundle, path)
    model = mlc.load(path)["CA"]
    want = model.predict(rows)
    tmp = tmp_path / "b.mlc"
    tmp.write_bytes(b"not an artifact")
    tmp.replace(path)
    np.testing.assert_array_equal(model.predict(rows), want)
