"""Benchmark (not a test): a Ray Data job on a local instance with 2 CPUs scoring N churn rows
(the held-out rows repeated; default 10,000,000) with the all-states model — mlc inside
`map_batches` vs the same job with XGBoost's `inplace_predict` (nthread=1 per actor).

    target/venv-py/bin/python python/bench/ray_bench.py [ROWS]
"""

import pathlib
import sys
import tempfile
import time

import numpy as np
import ray

import mlc

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHURN = ROOT / "tests" / "fixtures" / "churn"
BATCH = 10_000


def heldout():
    out = []
    for line in (CHURN / "heldout.csv").read_text().splitlines():
        out.append([float(v) if v else np.nan for v in line.split(",")[1:]])
    return np.array(out, dtype=np.float32)


class MlcPredictor:
    """Scores the rows a batch of ids stands for (the held-out rows, cycled: made inside the
    one stage, so that the job needs no second actor pool on 2 CPUs)."""

    def __init__(self, artifact, rows):
        self.model = mlc.load(artifact)["all_states"]
        self.rows = rows

    def __call__(self, batch):
        return {"p": self.model.predict(self.rows[batch["data"] % len(self.rows)])}


class XgbPredictor:
    """The same with XGBoost's inplace_predict, one thread per actor."""

    def __init__(self, model_file, rows):
        import xgboost as xgb

        self.rows = rows
        self.booster = xgb.Booster(model_file=model_file)
        self.booster.set_param({"nthread": 1})

    def __call__(self, batch):
        return {"p": self.booster.inplace_predict(self.rows[batch["data"] % len(self.rows)]).astype(np.float32)}


def run(rows_total, predictor, kwargs):
    # The ids are put in the object store up front: read tasks would compete with the two
    # actors for the 2 CPUs.
    ds = ray.data.from_numpy(np.arange(rows_total, dtype=np.int64)).repartition(40)
    # Half a CPU per actor: the two actors leave a CPU for the read and repartition tasks (with
    # a whole CPU each, nothing else can be scheduled on 2 CPUs and the job stalls).
    ds = ds.map_batches(predictor, fn_constructor_kwargs=kwargs, batch_format="numpy", batch_size=BATCH, concurrency=2,
                        num_cpus=0.5)
    start = time.perf_counter()
    n, total = 0, 0.0
    for batch in ds.iter_batches(batch_size=BATCH, batch_format="numpy"):
        n += len(batch["p"])
        total += float(batch["p"].sum())
    return n, time.perf_counter() - start, total


def main():
    rows_total = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    here = str(pathlib.Path(__file__).resolve().parent)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, runtime_env={"env_vars": {"PYTHONPATH": here}})
    rows = heldout()
    with tempfile.TemporaryDirectory() as tmp:
        artifact = str(pathlib.Path(tmp) / "all.mlc")
        mlc.compile({"all_states": CHURN / "models" / "all_states.json"}, artifact)
        model_file = str(CHURN / "models" / "all_states.json")
        jobs = [("mlc", MlcPredictor, {"artifact": artifact, "rows": rows}),
                ("xgboost inplace_predict", XgbPredictor, {"model_file": model_file, "rows": rows})]
        print(f"| Ray Data, 2 CPUs, {rows_total:,} rows | seconds | rows/s |")
        print("|---|---:|---:|")
        # Two rounds, alternating; the first warms Ray Data up (executor, workers) and is not shown.
        for round_ in range(2):
            for name, cls, kwargs in jobs:
                n, seconds, total = run(rows_total, cls, kwargs)
                assert n == rows_total
                if round_ == 1:
                    print(f"| {name} (sum of p {total:.1f}) | {seconds:.1f} | {n / seconds:,.0f} |")
    ray.shutdown()


if __name__ == "__main__":
    main()
