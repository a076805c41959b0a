"""Benchmark (not a test): mlc from Python on the all-states churn model vs XGBoost's
`inplace_predict` (and tl2cgen / treelite when installed), batch 1, 100 and 10,000 rows, one
thread each; then Python threads sharing one model (the GIL is released while predicting).

    target/venv-py/bin/python python/bench/bench.py [--threads-only]

Prints a Markdown table of µs per call and per row (median of repeated timings)."""

import os
import pathlib
import statistics
import sys
import tempfile
import threading
import time

import numpy as np

import mlc

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHURN = ROOT / "tests" / "fixtures" / "churn"


def rows():
    out = []
    for line in (CHURN / "heldout.csv").read_text().splitlines():
        out.append([float(v) if v else np.nan for v in line.split(",")[1:]])
    return np.array(out, dtype=np.float32)


def per_call(f, min_time=0.3, repeats=5):
    """Median seconds per call of f over `repeats` timings of at least min_time each."""
    n = 1
    while True:
        t = time.perf_counter()
        for _ in range(n):
            f()
        if time.perf_counter() - t >= min_time / 10:
            break
        n *= 4
    samples = []
    for _ in range(repeats):
        t = time.perf_counter()
        for _ in range(n * 10):
            f()
        samples.append((time.perf_counter() - t) / (n * 10))
    return statistics.median(samples)


def predictors(x_all):
    model_path = CHURN / "models" / "all_states.json"
    tmp = tempfile.mkdtemp()
    out = pathlib.Path(tmp) / "all.mlc"
    mlc.compile({"all_states": model_path}, out)
    model = mlc.load(out)["all_states"]
    found = {"mlc .predict": model.predict}
    try:
        import xgboost as xgb

        booster = xgb.Booster(model_file=str(model_path))
        booster.set_param({"nthread": 1})
        found["xgboost inplace_predict"] = lambda x: booster.inplace_predict(x)
        try:
            import tl2cgen
            import treelite

            tl_model = treelite.frontend.from_xgboost(booster)
            found["treelite gtil.predict"] = lambda x: treelite.gtil.predict(tl_model, x, nthread=1)
            lib = pathlib.Path(tmp) / "tl2cgen.so"
            tl2cgen.export_lib(tl_model, toolchain="gcc", libpath=str(lib), params={"parallel_comp": 1})
            predictor = tl2cgen.Predictor(str(lib), nthread=1)
            found["tl2cgen Predictor"] = lambda x: predictor.predict(tl2cgen.DMatrix(x))
        except ImportError as e:
            print(f"(tl2cgen/treelite not installed: {e.name})", file=sys.stderr)
    except ImportError:
        print("(xgboost not installed)", file=sys.stderr)
    want = model.predict(x_all[:100])
    for name, f in found.items():
        got = np.asarray(f(x_all[:100]), dtype=np.float32).reshape(-1)
        if not np.array_equal(got, want):
            print(f"(note: {name} differs from mlc by up to {np.abs(got - want).max():.3g})", file=sys.stderr)
    return model, found


def batches_table(x_all, found):
    print("| predictor | batch 1, µs/call | batch 100, µs/call | batch 10,000, µs/call | batch 10,000, ns/row |")
    print("|---|---:|---:|---:|---:|")
    big = np.ascontiguousarray(np.tile(x_all, (6, 1))[:10_000])
    for name, f in found.items():
        t1 = per_call(lambda: f(x_all[:1]))
        t100 = per_call(lambda: f(x_all[:100]))
        t10k = per_call(lambda: f(big), min_time=1.0)
        print(f"| {name} | {t1 * 1e6:.2f} | {t100 * 1e6:.1f} | {t10k * 1e6:.0f} | {t10k / 10_000 * 1e9:.0f} |")


def threads_table(model, x_all):
    big = np.ascontiguousarray(np.tile(x_all, (60, 1)))  # 100,020 rows
    calls = 20
    print()
    print(f"| Python threads, one shared model | rows/s ({calls} calls of {len(big):,} rows per thread) |")
    print("|---|---:|")
    for n in (1, 2, 4):
        def work():
            for _ in range(calls):
                model.predict(big)
        threads = [threading.Thread(target=work) for _ in range(n)]
        t = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        elapsed = time.perf_counter() - t
        print(f"| {n} | {n * calls * len(big) / elapsed:,.0f} |")


def main():
    x_all = rows()
    model, found = predictors(x_all)
    print(f"machine: {os.cpu_count()} CPUs; mlc {mlc.__version__}; numpy {np.__version__}")
    if "--threads-only" not in sys.argv:
        batches_table(x_all, found)
    threads_table(model, x_all)


if __name__ == "__main__":
    main()
