#!/usr/bin/env python3
"""Float Keras accuracy of an exported sentiment model on the 25,000 IMDb test reviews.

Usage: sentiment_accuracy.py [MODEL_DIR ...] [--data imdb_50k.jsonl.gz]
MODEL_DIR is an export_keras.py directory (default: tests/fixtures/sentiment/imdb_cnn
and imdb_cnn_mcu). The tokenizer is rebuilt from vectorizer.json + vocab.txt and the
model from config.json + model.safetensors, so this measures exactly what was
exported; a review counts as positive when the sigmoid output is > 0.5 (the rule
Keras' binary "accuracy" metric uses). Prints the accuracy and compares it with
metrics.json's test_accuracy.
"""

import argparse
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="*", default=[
        os.path.join(ROOT, "tests", "fixtures", "sentiment", m) for m in ("imdb_cnn", "imdb_cnn_mcu")])
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "imdb", "imdb_50k.jsonl.gz"))
    args = ap.parse_args()

    import numpy as np
    import tensorflow as tf
    tf.config.threading.set_intra_op_parallelism_threads(2)
    tf.config.threading.set_inter_op_parallelism_threads(2)
    import make_sentiment_fixtures as msf
    import train_sentiment

    texts, labels = train_sentiment.load_imdb(args.data)["test"]
    labels = np.array(labels)
    for d in args.dirs:
        tv = msf.load_tokenizer(d)
        ids = train_sentiment.vectorize(tv, texts)
        model = msf.load_exported_model(d)
        p = model.predict(ids, batch_size=512, verbose=0)[:, 0]
        acc = float(np.mean((p > 0.5).astype(int) == labels))
        ref = None
        mpath = os.path.join(d, "metrics.json")
        if os.path.exists(mpath):
            with open(mpath) as f:
                ref = json.load(f).get("test_accuracy")
        print(f"{d}: accuracy {acc:.5f} on {len(labels)} test reviews (metrics.json: {ref})")


if __name__ == "__main__":
    sys.exit(main())
