"""The scale-out examples as tests on real engines: Ray Data on a local Ray instance with 2
CPUs and Spark on local[2] score the 1,667 held-out churn rows routed by state and the
committed reviews; every row is checked (order restored by the id column). Run by
`scripts/python.sh --scale` (pins in python/requirements-scale.txt)."""

import pathlib
import shutil
import sys

import numpy as np
import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "examples"))

import mlc  # noqa: E402
from _data import churn_artifact, expected_churn, reviews, sentiment_artifact  # noqa: E402


def bits(a):
    return np.asarray(a, dtype=np.float32).view(np.uint32)


@pytest.fixture(scope="module")
def paths(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("scale")
    churn, text = churn_artifact(tmp), sentiment_artifact(tmp)
    direct = mlc.load(text)["imdb_cnn_mcu"].predict_text(reviews()["text"].tolist())
    return churn, text, direct


def test_ray_data(paths):
    ray = pytest.importorskip("ray")
    import ray_data

    churn, text, direct = paths
    ray_data.init(num_cpus=2)
    try:
        scored = ray_data.score_churn(churn)
        assert scored["id"].tolist() == list(range(1667))
        np.testing.assert_array_equal(bits(scored["probability"].to_numpy()), bits(expected_churn()))
        texts = ray_data.score_reviews(text)
        assert texts["id"].tolist() == list(range(len(direct)))
        np.testing.assert_array_equal(bits(texts["positive"].to_numpy()), bits(direct))
    finally:
        ray.shutdown()


def test_spark(paths):
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("no java on PATH (Spark needs Java 17+)")
    import spark as spark_example

    churn, text, direct = paths
    spark = spark_example.session()
    try:
        results = spark_example.score_all(spark, churn, text)
    finally:
        spark.stop()
    for name, frame in results.items():
        column, want = ("probability", expected_churn()) if name.startswith("churn") else ("positive", direct)
        assert frame["id"].tolist() == list(range(len(want))), name
        np.testing.assert_array_equal(bits(frame[column].to_numpy()), bits(want), err_msg=name)
