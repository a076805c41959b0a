"""Pickling, threads, memory (inputs read in place), text models, transform and the registry."""

import json
import pickle
import shutil
import sys
import threading
import time
import tracemalloc

import numpy as np
import pytest

import mlc
from conftest import CHURN, FIXTURES, SENTIMENT, mlc_predict


def bits(a):
    return np.asarray(a, dtype=np.float32).view(np.uint32)


def test_pickle_round_trips(churn_bundle, heldout, tmp_path):
    states, rows = heldout
    path = tmp_path / "churn.mlc"
    shutil.copy(churn_bundle, path)
    art = mlc.load(path)
    model = art["TX"]
    art2 = pickle.loads(pickle.dumps(art))
    model2 = pickle.loads(pickle.dumps(model))
    assert isinstance(art2, mlc.Artifact) and art2.names == art.names
    assert model2.name == "TX"
    np.testing.assert_array_equal(bits(art2.predict(rows, model=states)), bits(art.predict(rows, model=states)))
    np.testing.assert_array_equal(bits(model2.predict(rows)), bits(model.predict(rows)))
    # The artifact changes on disk: unpickling refuses it.
    pickled_art, pickled_model = pickle.dumps(art), pickle.dumps(model)
    mlc.compile({"TX": CHURN / "models" / "states" / "CA.json"}, path)
    with pytest.raises(mlc.FormatError, match="changed since it was pickled"):
        pickle.loads(pickled_art)
    with pytest.raises(mlc.FormatError, match="changed since it was pickled"):
        pickle.loads(pickled_model)


def test_four_threads_give_identical_results(churn_bundle, heldout):
    states, rows = heldout
    big = np.ascontiguousarray(np.tile(rows, (20, 1)))
    big_states = np.tile(states, 20)
    art = mlc.load(churn_bundle)
    model = art["all_states"]
    want, want_routed = model.predict(big), art.predict(big, model=big_states)
    results = [None] * 4

    def work(i):
        results[i] = [(model.predict(big), art.predict(big, model=big_states)) for _ in range(3)]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for per_thread in results:
        for got, got_routed in per_thread:
            np.testing.assert_array_equal(bits(got), bits(want))
            np.testing.assert_array_equal(bits(got_routed), bits(want_routed))


def peak_traced(f):
    tracemalloc.start()
    try:
        f()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_float32_rows_are_read_in_place(churn_bundle, heldout):
    _, rows = heldout
    model = mlc.load(churn_bundle)["all_states"]
    x32 = np.ascontiguousarray(np.tile(rows, (60, 1)))  # 100,020 rows, 7.2 MB
    x64 = x32.astype(np.float64)
    model.predict(x32)  # warm: imports and first-call allocations
    in_place = peak_traced(lambda: model.predict(x32))
    converted = peak_traced(lambda: model.predict(x64))
    # Converting float64 makes a float32 copy (numpy's allocations are traced): the test sees
    # copies. Reading float32 in place allocates nothing of the input's size.
    assert converted >= x32.nbytes
    assert in_place < x32.nbytes // 10, (in_place, x32.nbytes)


def vm_kb(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def rss_growth(f):
    """Bytes the process's peak RSS grows by while f runs (Linux: VmHWM reset by clear_refs)."""
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    base = vm_kb("VmHWM")
    f()
    return (vm_kb("VmHWM") - base) * 1024


def test_float32_rows_are_not_copied_by_the_native_side(churn_bundle, heldout):
    # tracemalloc sees numpy's allocations only; the peak RSS sees the Rust side's too.
    try:
        rss_growth(lambda: None)
    except OSError as e:
        pytest.skip(f"cannot reset the peak RSS here: {e}")
    _, rows = heldout
    model = mlc.load(churn_bundle)["all_states"]
    x32 = np.ascontiguousarray(np.tile(rows, (600, 1)))  # 1,000,200 rows, 72 MB
    x64 = x32.astype(np.float64)
    model.predict(x32[:1000])
    in_place = rss_growth(lambda: model.predict(x32))
    converted = rss_growth(lambda: model.predict(x64))
    assert converted >= 0.9 * x32.nbytes, (converted, x32.nbytes)  # the float32 copy shows
    assert in_place < x32.nbytes // 4, (in_place, x32.nbytes)  # the output (4 MB) only


def test_text_model_matches_mlc_predict_and_its_ids(text_model, mlc_bin):
    model = mlc.load(text_model)["imdb_cnn_mcu"]
    assert model.inputs == {"kind": "token_ids", "length": 400, "vocab": 5000, "text": True}
    reviews = (SENTIMENT / "reviews.txt").read_text(encoding="utf-8").split("\n")[:-1]
    p = model.predict_text(reviews)
    assert p.shape == (len(reviews),) and p.dtype == np.float32
    cli = mlc_predict(mlc_bin, text_model, reviews)
    np.testing.assert_array_equal(bits(p), bits(cli[:, 0]))
    ids = np.loadtxt(SENTIMENT / "expected_ids_imdb_cnn_mcu.csv", delimiter=",", dtype=np.int64)
    np.testing.assert_array_equal(bits(model.predict_ids(ids)), bits(p))
    # The artifact's tokenizer gives Keras' ids, the very ids predict_text feeds the network.
    tokens = model.tokenize(reviews)
    assert tokens.dtype == np.uint32 and tokens.shape == ids.shape
    np.testing.assert_array_equal(tokens, ids)
    keras = np.loadtxt(SENTIMENT / "expected_keras_imdb_cnn_mcu.csv", dtype=np.float32)
    np.testing.assert_allclose(p, keras, atol=1e-4)


def test_transform_writes_what_predict_gives(churn_bundle, heldout, tmp_path):
    states, rows = heldout
    summary = mlc.transform(churn_bundle, [CHURN / "heldout.csv"], tmp_path / "out", route_column=1, workers=2)
    assert summary["records"] == len(rows) and summary["errors"] == 0
    lines = (tmp_path / "out" / "heldout.csv.out").read_text().splitlines()
    got = np.array([json.loads(v) for v in lines], dtype=np.float32)
    np.testing.assert_array_equal(bits(got), bits(mlc.load(churn_bundle).predict(rows, model=states)))
    with pytest.raises(mlc.InputError, match="a route column is for CSV records"):
        mlc.transform(churn_bundle, [CHURN / "heldout.csv"], tmp_path / "o2", content_type="application/jsonlines", route_column=1)


def test_registry_keeps_within_its_budget(churn_bundle, heldout):
    _, rows = heldout
    reg = mlc.Registry(churn_bundle, memory_budget=1)
    assert isinstance(reg, mlc.Artifact) and reg.memory_budget == 1
    reg["CA"].predict(rows)
    reg["TX"].predict(rows)
    assert reg.loaded() == ["TX"]  # a model larger than the budget is served alone
    stats = {s["name"]: s for s in reg.stats()}
    assert stats["CA"]["evictions"] == 1 and stats["TX"]["predictions"] == len(rows)
    assert reg.unload("TX") and reg.loaded() == []


def test_compile_report(churn_bundle, tmp_path):
    report = mlc.compile({"CA": CHURN / "models" / "states" / "CA.json"}, tmp_path / "ca.mlc",
                         check_data=None, target="cortex-m0")
    assert report["output"] == tmp_path / "ca.mlc"
    (m,) = report["models"]
    assert m["name"] == "CA" and m["check_rows"] > 0 and m["decision_mismatches"] == 0
    assert "fixed" in m["report"].lower() or "integer" in m["report"].lower()
    assert report["bytes"] == (tmp_path / "ca.mlc").stat().st_size


def test_compile_gives_the_cli_bytes(tmp_path, mlc_bin):
    import subprocess

    src = CHURN / "models" / "states" / "CA.json"
    mlc.compile([str(src)], tmp_path / "py.mlc", numeric="fixed", layout="linked")
    subprocess.run([str(mlc_bin), "compile", str(src), "-o", str(tmp_path / "cli.mlc"), "--numeric", "fixed", "--layout", "linked"],
                   check=True, capture_output=True)
    assert (tmp_path / "py.mlc").read_bytes() == (tmp_path / "cli.mlc").read_bytes()


def test_directory_source_and_empty_inputs(tmp_path, heldout):
    _, rows = heldout
    mlc.compile({"CA": CHURN / "models" / "states" / "CA.json"}, tmp_path / "CA.mlc")
    mlc.compile({"TX": CHURN / "models" / "states" / "TX.json", "NY": CHURN / "models" / "states" / "NY.json"}, tmp_path / "two.mlc")
    art = mlc.load(tmp_path)
    assert art.names == ["CA", "two/NY", "two/TX"] and "two/TX" in art and "XX" not in art
    routed = art.predict(rows[:3], model=["CA", "two/TX", "two/NY"])
    single = [art[m].predict(rows[i : i + 1])[0] for i, m in enumerate(["CA", "two/TX", "two/NY"])]
    np.testing.assert_array_equal(bits(routed), bits(single))
    assert art["CA"].predict(np.zeros((0, 18), np.float32)).shape == (0,)
    assert art.predict(np.zeros((0, 18), np.float32), model=np.array([], dtype=str)).shape == (0,)
    with pytest.raises(mlc.InputError, match="0 model names for 3 rows"):
        art.predict(rows[:3], model=[])
    with pytest.raises(mlc.InputError, match="must be strings"):
        art.predict(rows[:3], model=[1, 2, 3])


def test_the_gil_is_released_while_predicting(churn_bundle, heldout):
    # With a very long switch interval a thread runs Python code only when the one holding the
    # GIL gives it up: the counter thread (which yields at every 1,000th step) can advance
    # between the two reads of `count` only if predict released the GIL.
    _, rows = heldout
    model = mlc.load(churn_bundle)["all_states"]
    x = np.ascontiguousarray(np.tile(rows, (300, 1)))
    state = {"count": 0, "done": False}

    def count():
        while not state["done"]:
            state["count"] += 1
            if state["count"] % 1000 == 0:
                time.sleep(0)

    old = sys.getswitchinterval()
    sys.setswitchinterval(100.0)
    counter = threading.Thread(target=count)
    try:
        counter.start()
        time.sleep(0.01)
        before = state["count"]
        model.predict(x)
        during = state["count"] - before
    finally:
        state["done"] = True
        sys.setswitchinterval(old)
        counter.join()
    assert during > 0


def test_compile_reads_keras_saved_models(tmp_path):
    # Keras' own files, .keras and legacy .h5, with no export step: one bundle, Keras' outputs.
    d = FIXTURES / "keras_files" / "seq_mlp_bn"
    out = tmp_path / "keras.mlc"
    report = mlc.compile({"from_keras": d / "model.keras", "from_h5": d / "model.h5"}, out)
    assert [m["name"] for m in report["models"]] == ["from_keras", "from_h5"]
    rows = np.loadtxt(d / "inputs.csv", delimiter=",", dtype=np.float32)
    want = np.loadtxt(d / "expected.csv", delimiter=",", dtype=np.float32)
    art = mlc.load(out)
    p = art["from_keras"].predict(rows)
    assert p.shape == want.shape
    np.testing.assert_allclose(p, want, atol=1e-5)
    np.testing.assert_array_equal(bits(art["from_h5"].predict(rows)), bits(p))
