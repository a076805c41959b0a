"""Benchmark (not a test): the 25,000 IMDb test reviews from a Python list of strings through
the seed sentiment CNN (`imdb_cnn`) compiled int8 for the host, one call of
`Model.predict_text`, and its accuracy. Reads ../shared/data/imdb/imdb_50k.jsonl.gz when
present (never committed); prints why it skips otherwise.

With `--tflite FILE` (TFLite's full-integer int8 conversion of the same Keras model, as
benches/peers/sentiment/peers.py writes it: target/peers-sentiment/imdb_cnn_int8.tflite; needs
`pip install ai-edge-litert` in the venv), the same run also times TFLite int8 from Python on
the same token ids (mlc's tokenizer gives Keras' ids): one `invoke` per review (its input is
one review), and mlc `predict_ids` on those ids, so the network is compared without the
tokenizing.

    target/venv-py/bin/python python/bench/imdb_bench.py [imdb_50k.jsonl.gz] [--tflite FILE]
"""

import argparse
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


def tflite_predictor(path):
    """TFLite int8 from Python: one review per invoke, output dequantized."""
    from ai_edge_litert.interpreter import Interpreter

    it = Interpreter(model_path=str(path), num_threads=1)
    it.allocate_tensors()
    inp, out = it.get_input_details()[0], it.get_output_details()[0]
    scale, zero = out["quantization"]
    buf = np.zeros(inp["shape"], dtype=inp["dtype"])

    def predict(ids):
        p = np.empty(len(ids), dtype=np.float32)
        for i, row in enumerate(ids):
            buf[0] = row
            it.set_tensor(inp["index"], buf)
            it.invoke()
            y = it.get_tensor(out["index"]).reshape(-1)[0]
            p[i] = (float(y) - zero) * scale if scale else y
        return p

    return predict


def best_of(reps, fn):
    times, result = [], None
    for _ in range(reps):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DATA))
    ap.add_argument("--tflite", help="TFLite int8 model of imdb_cnn to compare with")
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    data = pathlib.Path(args.data)
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
    n = len(texts)
    accuracy = lambda p: float(((p > 0.5) == (labels == 1)).mean())  # noqa: E731
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "imdb_cnn_int8.mlc"
        start = time.perf_counter()
        mlc.compile({"imdb_cnn": SENTIMENT / "imdb_cnn"}, out, numeric="int8", calibration=SENTIMENT / "reviews.txt")
        compile_s = time.perf_counter() - start
        model = mlc.load(out)["imdb_cnn"]
        model.predict_text(texts[:100])
        text_s, p = best_of(args.reps, lambda: model.predict_text(texts))
        tok_s, ids = best_of(args.reps, lambda: model.tokenize(texts))
        ids_s, p_ids = best_of(args.reps, lambda: model.predict_ids(ids))
    print(f"imdb_cnn int8 (compiled in {compile_s:.0f} s), {n:,} reviews from a Python list, best of {args.reps}:")
    print(f"  mlc predict_text (tokenizing included): {text_s:.2f} s, {text_s / n * 1e6:.1f} µs/review, accuracy {accuracy(p):.4f}")
    print(f"  mlc tokenize alone: {tok_s:.2f} s, {tok_s / n * 1e6:.1f} µs/review")
    print(f"  mlc predict_ids: {ids_s:.2f} s, {ids_s / n * 1e6:.1f} µs/review, accuracy {accuracy(p_ids):.4f}")
    if args.tflite:
        tflite = tflite_predictor(args.tflite)
        tflite(ids[:100])
        tfl_s, p_tfl = best_of(args.reps, lambda: tflite(ids))
        print(f"  TFLite int8 ({pathlib.Path(args.tflite).name}), one invoke per review: {tfl_s:.2f} s, "
              f"{tfl_s / n * 1e6:.1f} µs/review, accuracy {accuracy(p_tfl):.4f}")
        print(f"  mlc predict_ids vs TFLite int8: {tfl_s / ids_s:.2f}× faster; decisions differ on "
              f"{int(((p_ids > 0.5) != (p_tfl > 0.5)).sum())} reviews")


if __name__ == "__main__":
    sys.exit(main())
