#!/usr/bin/env python3
"""Train the reference Keras sentiment CNNs on IMDb and export them for mlc.

Data
    --data (default ../shared/data/imdb/imdb_50k.jsonl.gz relative to the repo root):
    50,000 labelled IMDb reviews, one JSON object per line with split
    ("train"/"test"), label (1 = positive), rating, id, text. 25,000 train,
    25,000 test. The texts are NOT copied into the repo (licence); only the
    trained weights, the vocabularies and the metrics are written.

Tokenizer (NOT part of the models; saved separately as vocab.txt + vectorizer.json)
    keras.layers.TextVectorization(max_tokens=V, standardize="lower_and_strip_punctuation",
    split="whitespace", output_mode="int", output_sequence_length=400), adapted on
    the 25,000 training texts. Id 0 = padding (""), id 1 = OOV ("[UNK]").
    The models take the int token ids, shape (batch, 400).

Models (keras.Sequential, explicit layer names, sigmoid output, binary
crossentropy, Adam(1e-3), batch 128, seed 1234)
    imdb_cnn      V=20000: Embedding(20000,300) Dropout(0.2) Conv1D(256,3,relu,valid)
                  MaxPooling1D(2) GlobalMaxPooling1D Dense(256,relu) Dropout(0.2)
                  Dense(1,sigmoid); 2 epochs.
    imdb_cnn_mcu  V=5000:  Embedding(5000,16) Dropout(0.2) Conv1D(32,3,relu,valid)
                  MaxPooling1D(2) GlobalMaxPooling1D Dense(32,relu) Dropout(0.2)
                  Dense(1,sigmoid); 4 epochs.

Outputs
    target/sentiment/<model>.keras, <model>.vocab.txt, <model>.vectorizer.json (not committed)
    tests/fixtures/sentiment/<model>/ via export_keras.export: config.json,
    model.safetensors, vocab.txt, vectorizer.json, metrics.json (test accuracy on
    all 25,000 test reviews, training parameters, seconds per epoch).

Run: target/venv-tf/bin/python tools/train_sentiment.py [--models imdb_cnn_mcu imdb_cnn]
Training uses 2 CPU threads; runs are seeded but TF CPU kernels are not
guaranteed bit-reproducible across machines.
"""

import argparse
import gzip
import json
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

SEQ_LEN = 400
SEED = 1234

SPECS = {
    "imdb_cnn": dict(vocab=20000, emb=300, filters=256, dense=256, epochs=2),
    "imdb_cnn_mcu": dict(vocab=5000, emb=16, filters=32, dense=32, epochs=4),
}


def load_imdb(path):
    data = {"train": ([], []), "test": ([], [])}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            texts, labels = data[r["split"]]
            texts.append(r["text"])
            labels.append(int(r["label"]))
    return data


def make_vectorizer(vocab_size):
    import keras
    return keras.layers.TextVectorization(
        max_tokens=vocab_size,
        standardize="lower_and_strip_punctuation",
        split="whitespace",
        output_mode="int",
        output_sequence_length=SEQ_LEN,
        name="text_vectorization",
    )


def vectorize(tv, texts, batch=2048):
    import numpy as np
    out = []
    for i in range(0, len(texts), batch):
        out.append(np.asarray(tv(np.array(texts[i:i + batch], dtype=object))).astype(np.int32))
    return np.concatenate(out) if out else np.zeros((0, SEQ_LEN), np.int32)


def build_model(name, s):
    import keras
    from keras import layers
    return keras.Sequential([
        keras.Input(shape=(SEQ_LEN,), dtype="int32", name="token_ids"),
        layers.Embedding(s["vocab"], s["emb"], name="embedding"),
        layers.Dropout(0.2, seed=SEED, name="dropout"),
        layers.Conv1D(s["filters"], 3, padding="valid", activation="relu", name="conv1d"),
        layers.MaxPooling1D(2, name="max_pooling1d"),
        layers.GlobalMaxPooling1D(name="global_max_pooling1d"),
        layers.Dense(s["dense"], activation="relu", name="dense"),
        layers.Dropout(0.2, seed=SEED + 1, name="dropout_1"),
        layers.Dense(1, activation="sigmoid", name="dense_1"),
    ], name=name)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "imdb", "imdb_50k.jsonl.gz"))
    ap.add_argument("--models", nargs="+", default=["imdb_cnn_mcu", "imdb_cnn"], choices=sorted(SPECS))
    ap.add_argument("--epochs", type=int, help="override every model's epoch count")
    ap.add_argument("--batch-size", type=int, default=128)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--work", default=os.path.join(ROOT, "target", "sentiment"))
    ap.add_argument("--out", default=os.path.join(ROOT, "tests", "fixtures", "sentiment"))
    args = ap.parse_args()

    import numpy as np
    import tensorflow as tf
    tf.config.threading.set_intra_op_parallelism_threads(args.threads)
    tf.config.threading.set_inter_op_parallelism_threads(args.threads)
    import keras
    import export_keras

    os.makedirs(args.work, exist_ok=True)
    t0 = time.time()
    data = load_imdb(args.data)
    (tr_x, tr_y), (te_x, te_y) = data["train"], data["test"]
    tr_y = np.array(tr_y, np.float32)
    te_y = np.array(te_y, np.float32)
    print(f"loaded {len(tr_x)} train / {len(te_x)} test reviews in {time.time() - t0:.1f}s", flush=True)

    for name in args.models:
        s = dict(SPECS[name])
        if args.epochs:
            s["epochs"] = args.epochs
        keras.utils.set_random_seed(SEED)
        t0 = time.time()
        tv = make_vectorizer(s["vocab"])
        tv.adapt(np.array(tr_x, dtype=object), batch_size=1024)
        vocab = tv.get_vocabulary()
        assert vocab[0] == "" and vocab[1] == "[UNK]" and len(vocab) == s["vocab"], len(vocab)
        xtr = vectorize(tv, tr_x)
        xte = vectorize(tv, te_x)
        print(f"{name}: vocabulary {len(vocab)}, vectorized in {time.time() - t0:.1f}s", flush=True)

        keras.utils.set_random_seed(SEED)
        model = build_model(name, s)
        model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
                      metrics=["accuracy"])
        model.summary()
        epoch_times = []

        class Timer(keras.callbacks.Callback):
            def on_epoch_begin(self, epoch, logs=None):
                self.t = time.time()

            def on_epoch_end(self, epoch, logs=None):
                epoch_times.append(round(time.time() - self.t, 1))
                print(f"  epoch {epoch + 1}: {epoch_times[-1]}s {logs}", flush=True)

        hist = model.fit(xtr, tr_y, batch_size=args.batch_size, epochs=s["epochs"],
                         shuffle=True, verbose=2, callbacks=[Timer()])
        loss, acc = model.evaluate(xte, te_y, batch_size=512, verbose=0)
        print(f"{name}: test accuracy {acc:.4f} (loss {loss:.4f})", flush=True)

        metrics = {
            "model": name,
            "test_accuracy": float(acc),
            "test_loss": float(loss),
            "test_examples": int(len(te_y)),
            "train_examples": int(len(tr_y)),
            "train_history": {k: [float(x) for x in v] for k, v in hist.history.items()},
            "epochs": s["epochs"],
            "seconds_per_epoch": epoch_times,
            "batch_size": args.batch_size,
            "optimizer": "Adam(learning_rate=0.001)",
            "loss": "binary_crossentropy",
            "seed": SEED,
            "threads": args.threads,
            "vocabulary_size": len(vocab),
            "sequence_length": SEQ_LEN,
            "embedding_dim": s["emb"],
            "conv_filters": s["filters"],
            "dense_units": s["dense"],
            "params": int(model.count_params()),
            "tensorflow_version": tf.__version__,
            "keras_version": keras.__version__,
            "data": "IMDb 50k (split=train for training and vocabulary, split=test for accuracy)",
        }
        kpath = os.path.join(args.work, f"{name}.keras")
        model.save(kpath)
        export_keras.write_vocab(os.path.join(args.work, f"{name}.vocab.txt"), vocab)
        with open(os.path.join(args.work, f"{name}.vectorizer.json"), "w", encoding="utf-8") as f:
            json.dump(tv.get_config(), f, indent=1, sort_keys=True, ensure_ascii=False)
        with open(os.path.join(args.work, f"{name}.metrics.json"), "w", encoding="utf-8") as f:
            json.dump(metrics, f, indent=1, sort_keys=True)
        export_keras.export(model, os.path.join(args.out, name), vocab=vocab,
                            vectorizer_config=tv.get_config(), metrics=metrics)
        import make_sentiment_fixtures
        rebuilt = make_sentiment_fixtures.load_tokenizer(os.path.join(args.out, name))
        assert np.array_equal(vectorize(rebuilt, te_x), xte), "exported tokenizer differs"
        print(f"{name}: saved {kpath} and exported to {os.path.join(args.out, name)}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
