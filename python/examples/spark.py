"""Spark with mlc: `predict_batch_udf` and `mapInPandas` on `local[2]`.

    python python/examples/spark.py           # pyspark from PyPI, Java 17+

Scores the 1,667 held-out churn customers with their state's model and the committed
reviews as raw text, both ways, and checks every row against the expected outputs.

Each executor (Python worker) loads the artifact once, from a path every executor can read
(a shared file system; for S3/HDFS, `SparkContext.addFile(url)` and `SparkFiles.get(name)`
give each node a local copy, which `mlc.load` memory-maps once per worker process).
"""

import os
import pathlib
import sys
import tempfile

import numpy as np
import pandas as pd
from pyspark.ml.functions import predict_batch_udf
from pyspark.sql import SparkSession
from pyspark.sql.types import FloatType

import mlc
from _data import FEATURES, churn_artifact, churn_rows, expected_churn, reviews, sentiment_artifact


def churn_udf(artifact):
    """A `predict_batch_udf` over (state, 18 features) columns: rows routed by state."""

    def make_predict_fn():
        art = mlc.load(artifact)  # once per Python worker

        def predict(state, features):
            return art.predict(features, model=state)

        return predict

    return predict_batch_udf(make_predict_fn, return_type=FloatType(), batch_size=512,
                             input_tensor_shapes=[None, [len(FEATURES)]])


def review_udf(artifact):
    """A `predict_batch_udf` over a text column."""

    def make_predict_fn():
        model = mlc.load(artifact)["imdb_cnn_mcu"]

        def predict(texts):
            return model.predict_text(texts.tolist())

        return predict

    return predict_batch_udf(make_predict_fn, return_type=FloatType(), batch_size=64)


def churn_map_in_pandas(artifact):
    """The same with `mapInPandas`: an iterator of pandas DataFrames in, one out per batch."""

    def score(frames):
        art = mlc.load(artifact)
        for frame in frames:
            p = art.predict(frame[FEATURES], model=frame["state"].to_numpy())
            yield pd.DataFrame({"id": frame["id"], "probability": p})

    return score


def session():
    """Spark on local[2]; its Python workers import this folder's modules (the functions above)."""
    # The Python workers run this interpreter (its mlc), not the first python3 on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master("local[2]").appName("mlc")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate())
    here = pathlib.Path(__file__).resolve().parent
    for module in ("_data.py", "spark.py"):
        spark.sparkContext.addPyFile(str(here / module))
    return spark


def score_all(spark, churn_path, text_path):
    """{name: pandas DataFrame sorted by id} of the four jobs."""
    from pyspark.sql import functions as F

    churn = spark.createDataFrame(churn_rows()).repartition(4)
    texts = spark.createDataFrame(reviews()).repartition(2)
    udf = churn_udf(churn_path)
    by_udf = churn.select("id", udf("state", F.array(*FEATURES)).alias("probability"))
    by_map = churn.mapInPandas(churn_map_in_pandas(churn_path), schema="id long, probability float")
    text_udf = texts.select("id", review_udf(text_path)("text").alias("positive"))

    def texts_map(frames):
        model = mlc.load(text_path)["imdb_cnn_mcu"]
        for frame in frames:
            yield pd.DataFrame({"id": frame["id"], "positive": model.predict_text(frame["text"].tolist())})

    text_map = texts.mapInPandas(texts_map, schema="id long, positive float")
    jobs = {"churn predict_batch_udf": by_udf, "churn mapInPandas": by_map, "reviews predict_batch_udf": text_udf,
            "reviews mapInPandas": text_map}
    return {name: df.toPandas().sort_values("id").reset_index(drop=True) for name, df in jobs.items()}


def main():
    spark = session()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        churn_path, text_path = churn_artifact(tmp), sentiment_artifact(tmp)
        direct_text = mlc.load(text_path)["imdb_cnn_mcu"].predict_text(reviews()["text"].tolist())
        for name, frame in score_all(spark, churn_path, text_path).items():
            column, want = ("probability", expected_churn()) if name.startswith("churn") else ("positive", direct_text)
            same = np.array_equal(frame[column].to_numpy(np.float32).view(np.uint32), want.view(np.uint32))
            ok &= same
            print(f"spark {name}: {len(frame)} rows, identical to the expected outputs: {same}")
    spark.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
