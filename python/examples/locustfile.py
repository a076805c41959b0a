"""Load-test `mlc serve` with locust (https://locust.io), for users who prefer it to `mlc bench --url`.

Three kinds of users, each sending one record per request over keep-alive connections:

* ``ChurnSageMakerUser``: a held-out churn row as ``text/csv`` to ``POST /invocations``, with its
  state's model in ``X-Amzn-SageMaker-Target-Model`` (the multi-model endpoint: one model per US state);
* ``ChurnOipUser``: the same rows as an Open Inference Protocol v2 FP32 ``features`` tensor ``[1, 18]``
  to ``POST /v2/models/{state}/infer``;
* ``SentimentUser``: one review as raw text, a BYTES ``text`` tensor to ``POST /v2/models/imdb/infer``.

Serve the 51-state bundle and the sentiment model from one directory, e.g.::

    mkdir -p models
    mlc compile $(for f in tests/fixtures/churn/models/states/*.json; do echo "$(basename $f .json)=$f"; done) -o models/states.mlc
    mlc compile imdb=tests/fixtures/sentiment/imdb_cnn -o models/imdb.mlc
    mlc serve models --listen 127.0.0.1:8080 &
    locust -f python/examples/locustfile.py --headless -u 16 -r 16 -t 30s --host http://127.0.0.1:8080
    locust -f python/examples/locustfile.py --headless -u 4 -r 4 -t 30s --host http://127.0.0.1:8080 SentimentUser

A directory's bundle ``states.mlc`` names its models ``states/AK`` ...: set ``MLC_CHURN_PREFIX=states/``
(the default); serving the bundle file itself, set it to the empty string. Environment:

* ``MLC_CHURN_ROWS``: CSV rows, the state then the 18 features (default: the held-out rows of the repository);
* ``MLC_REVIEWS``: one review per line (default: the repository's sentiment fixture reviews);
* ``MLC_CHURN_PREFIX``: prepended to a row's state to name its model (default ``states/``);
* ``MLC_SENTIMENT_MODEL``: the sentiment model's name (default ``imdb``).

Each answer is checked (status 200 and one prediction), so a wrong answer counts as a failure in
locust's report. Latency here is locust's (Python, gevent): use ``mlc bench --url`` for the
server's own model/overhead/queue split (docs/serve.md).
"""

import itertools
import json
import os
import random
from pathlib import Path
from urllib.parse import quote

from locust import FastHttpUser, constant, task

REPO = Path(__file__).resolve().parents[2]
ROWS = Path(os.environ.get("MLC_CHURN_ROWS", REPO / "tests/fixtures/churn/heldout.csv"))
REVIEWS = Path(os.environ.get("MLC_REVIEWS", REPO / "tests/fixtures/sentiment/reviews.txt"))
PREFIX = os.environ.get("MLC_CHURN_PREFIX", "states/")
SENTIMENT = os.environ.get("MLC_SENTIMENT_MODEL", "imdb")


def _churn_rows():
    """(model, CSV features, FP32 values with None for a missing one) per held-out row."""
    rows = []
    for line in ROWS.read_text().splitlines():
        if not line.strip():
            continue
        state, features = line.split(",", 1)
        values = [float(v) if v not in ("", "nan") else None for v in features.split(",")]
        rows.append((PREFIX + state, features, values))
    if not rows:
        raise SystemExit(f"{ROWS}: no rows")
    return rows


CHURN = _churn_rows()
TEXTS = [line for line in REVIEWS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _records(user):
    """An endless walk over the rows, each user starting at a different place."""
    return itertools.islice(itertools.cycle(CHURN), random.randrange(len(CHURN)), None)


class ChurnSageMakerUser(FastHttpUser):
    """One churn row per request, SageMaker CSV, routed by the target-model header."""

    weight = 3
    wait_time = constant(0)

    def on_start(self):
        self.rows = _records(self)

    @task
    def invoke(self):
        model, features, _ = next(self.rows)
        headers = {"Content-Type": "text/csv", "X-Amzn-SageMaker-Target-Model": model}
        with self.client.post("/invocations", data=features + "\n", headers=headers,
                              name="/invocations [churn]", catch_response=True) as r:
            if r.status_code != 200 or len(r.text.split()) != 1:
                r.failure(f"{model}: {r.status_code} {r.text[:200]}")


class ChurnOipUser(FastHttpUser):
    """One churn row per request, OIP v2 JSON tensor, the state's model in the path."""

    weight = 3
    wait_time = constant(0)

    def on_start(self):
        self.rows = _records(self)

    @task
    def infer(self):
        model, _, values = next(self.rows)
        body = {"inputs": [{"name": "features", "datatype": "FP32", "shape": [1, len(values)], "data": values}]}
        with self.client.post(f"/v2/models/{quote(model, safe='')}/infer", data=json.dumps(body),
                              headers={"Content-Type": "application/json"},
                              name="/v2/models/{state}/infer", catch_response=True) as r:
            outputs = r.json().get("outputs", []) if r.status_code == 200 else []
            if len(outputs) != 1 or len(outputs[0].get("data", [])) != 1:
                r.failure(f"{model}: {r.status_code} {r.text[:200]}")


class SentimentUser(FastHttpUser):
    """One review per request, raw text as an OIP v2 BYTES tensor."""

    weight = 1
    wait_time = constant(0)

    @task
    def infer(self):
        body = {"inputs": [{"name": "text", "datatype": "BYTES", "shape": [1], "data": [random.choice(TEXTS)]}]}
        with self.client.post(f"/v2/models/{quote(SENTIMENT, safe='')}/infer", data=json.dumps(body),
                              headers={"Content-Type": "application/json"},
                              name="/v2/models/imdb/infer [text]", catch_response=True) as r:
            outputs = r.json().get("outputs", []) if r.status_code == 200 else []
            if len(outputs) != 1 or len(outputs[0].get("data", [])) != 1:
                r.failure(f"{r.status_code} {r.text[:200]}")
