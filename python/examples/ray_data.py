"""Ray Data with mlc: `map_batches` with a callable class, one artifact mmap per actor.

    python python/examples/ray_data.py        # a local Ray instance with 2 CPUs

Scores the 1,667 held-out churn customers, each with its state's model (one `predict` call
per batch routes every row to its model), and the committed reviews as raw text, then checks
every row against the expected outputs (order restored by the `id` column).

On a cluster the artifact path must be readable by every worker: a shared file system, or
copy it from S3/HDFS to local disk in `__init__` (then `mlc.load` maps it once per actor
process; the OS shares the pages between actors on one node).
"""

import pathlib
import sys
import tempfile

import numpy as np
import ray

import mlc
from _data import FEATURES, churn_artifact, churn_rows, expected_churn, reviews, sentiment_artifact


class ChurnPredictor:
    """Scores churn rows routed by state: the artifact is loaded once per actor."""

    def __init__(self, artifact):
        self.artifact = mlc.load(artifact)

    def __call__(self, batch):
        x = np.stack([batch[f] for f in FEATURES], axis=1).astype(np.float32, copy=False)
        return {"id": batch["id"], "probability": self.artifact.predict(x, model=batch["state"])}


class ReviewPredictor:
    """Scores raw review texts with a text model (the tokenizer is inside the artifact)."""

    def __init__(self, artifact, model):
        self.model = mlc.load(artifact)[model]

    def __call__(self, batch):
        return {"id": batch["id"], "positive": self.model.predict_text(batch["text"].tolist())}


def init(num_cpus=2):
    """A local Ray instance; its workers import this folder's modules (the classes above)."""
    here = str(pathlib.Path(__file__).resolve().parent)
    ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": {"PYTHONPATH": here}})


def score_churn(artifact, concurrency=2, batch_size=256):
    ds = ray.data.from_pandas(churn_rows())
    out = ds.map_batches(ChurnPredictor, fn_constructor_kwargs={"artifact": artifact}, batch_format="numpy",
                         batch_size=batch_size, concurrency=concurrency)
    return out.to_pandas().sort_values("id")


def score_reviews(artifact, concurrency=2, batch_size=64):
    ds = ray.data.from_pandas(reviews())
    out = ds.map_batches(ReviewPredictor, fn_constructor_kwargs={"artifact": artifact, "model": "imdb_cnn_mcu"},
                         batch_format="numpy", batch_size=batch_size, concurrency=concurrency)
    return out.to_pandas().sort_values("id")


def main():
    init()
    with tempfile.TemporaryDirectory() as tmp:
        churn = score_churn(churn_artifact(tmp))
        same = np.array_equal(churn["probability"].to_numpy(np.float32).view(np.uint32), expected_churn().view(np.uint32))
        print(f"ray: {len(churn)} churn rows scored by state, bit-identical to XGBoost: {same}")
        texts = score_reviews(sentiment_artifact(tmp))
        direct = mlc.load(sentiment_artifact(tmp))["imdb_cnn_mcu"].predict_text(reviews()["text"].tolist())
        same_text = np.array_equal(texts["positive"].to_numpy(np.float32), direct)
        print(f"ray: {len(texts)} reviews scored from raw text, identical to one process: {same_text}")
    ray.shutdown()
    return 0 if same and same_text else 1


if __name__ == "__main__":
    sys.exit(main())
