"""Benchmark (not a test): the 25,000 IMDb test reviews from a Python list of strings through
the seed sentiment CNN (`imdb_cnn`) compiled int8 for the host, one call of
`Model.predict_text`, and its accuracy. Reads ../shared/data/imdb/imdb_50k.jsonl.gz when
present (never committed); prints why it skips otherwise.

    target/venv-py/bin/python python/bench/imdb_bench.py [imdb_50k.jsonl.gz]
"""

import gzip
import json
import pathlib
import sys
import tempfile
import time

import numpy as np

import mlc

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "imdb" / "imdb_50k.jsonl.gz"
SENTIMENT = ROOT / "tests" / "fixtures" / "sentiment"


def main():
    data = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DATA
    if not data.exists():
        print(f"skipped: no {data} (the IMDb reviews are not in the repository)")
        return
    texts, labels = [], []
    with gzip.open(data, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["split"] == "test":
                texts.append(r["text"])
                labels.append(r["label"])
    labels = np.array(labels)
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "imdb_cnn_int8.mlc"
        start = time.perf_counter()
        mlc.compile({"imdb_cnn": SENTIMENT / "imdb_cnn"}, out, numeric="int8", calibration=SENTIMENT / "reviews.txt")
        compile_s = time.perf_counter() - start
        model = mlc.load(out)["imdb_cnn"]
        model.predict_text(texts[:100])
        times = []
        for _ in range(3):
            start = time.perf_counter()
            p = model.predict_text(texts)
            times.append(time.perf_counter() - start)
    best = min(times)
    accuracy = float(((p > 0.5) == (labels == 1)).mean())
    print(f"imdb_cnn int8 (compiled in {compile_s:.0f} s): {len(texts):,} reviews from a Python list in {best:.2f} s "
          f"({best / len(texts) * 1e6:.1f} µs per review, tokenizing included), accuracy {accuracy:.4f}")


if __name__ == "__main__":
    sys.exit(main())
