#!/usr/bin/env python3
"""Random Keras models made of the layers mlc supports, saved by Keras, with Keras' outputs:
a sweep over layer options and model forms that the committed fixtures do not each cover.

Usage
    keras_sweep.py OUTDIR [--count N] [--seed S] [--keras2] [--activation-layers]

Writes OUTDIR/mNNN/{model.keras, model.h5, inputs.csv, expected.csv}, the layout of
tests/fixtures/keras_files (with --keras2: Keras 2, tf_keras, and model.h5 only); then
    MLC_KERAS_SWEEP=OUTDIR cargo test -p mlc-tests --test keras_files -- --ignored --nocapture
compiles each with `mlc`'s compiler (float32, host) and compares with Keras.

Each model: token ids into an Embedding, a float sequence, or a float vector; on sequences
1-3 of Conv1D (filters, kernel 1-5, strides, dilation, valid/same/causal, relu or linear,
with or without bias), Dense on every position (relu or linear), MaxPooling1D / AveragePooling1D (pool, strides, valid/same),
BatchNormalization (center, scale, epsilon; its statistics drawn at random), Dropout; then
Flatten, GlobalMaxPooling1D or GlobalAveragePooling1D; then 1-3 Dense (every supported
activation, with or without bias) with BatchNormalization or Dropout between; as a Sequential,
a Functional model, or a Functional model with a nested Sequential. Weights are Keras'
initial ones, biases and statistics set at random so that none is trivial. With
--activation-layers, half of the activations come as layers of their own instead (an
`Activation` or `ReLU` after a linear Conv1D or Dense, or after a BatchNormalization).

Run: target/venv-tf/bin/python tools/keras_sweep.py target/keras-sweep --count 60
"""

import argparse
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

# --activation-layers (set by main); off, the random draws are those of earlier sweeps.
ACTIVATION_LAYERS = False


def activated(rng, L, make, act):
    """`make(act)`, or with --activation-layers half the time `make("linear")` then the
    activation as a layer of its own (`ReLU()` or `Activation(act)`)."""
    if not ACTIVATION_LAYERS or act == "linear" or rng.random() < 0.5:
        return [make(act)]
    layer = L.ReLU() if act == "relu" and rng.random() < 0.5 else L.Activation(act)
    return [make("linear"), layer]


def seq_layers(rng, L, length):
    """Sequence layers that keep the length positive; returns (layers, length)."""
    out = []
    for _ in range(rng.integers(1, 4)):
        kind = rng.choice(["conv", "conv", "pool", "bn", "dropout", "dense"])
        if kind == "conv":
            k = int(rng.integers(1, 6))
            dilation = int(rng.choice([1, 1, 2, 3]))
            strides = 1 if dilation > 1 else int(rng.choice([1, 1, 2, 3]))
            padding = str(rng.choice(["valid", "same", "causal"]))
            span = (k - 1) * dilation + 1
            if padding == "valid" and length < span:
                continue
            filters, act, use_bias = int(rng.integers(1, 9)), str(rng.choice(["linear", "relu"])), bool(rng.random() < 0.7)
            out += activated(rng, L, lambda a: L.Conv1D(filters, k, strides=strides, dilation_rate=dilation, padding=padding,
                                                        activation=a, use_bias=use_bias), act)
            length = (length - span) // strides + 1 if padding == "valid" else -(-length // strides)
        elif kind == "pool":
            pool = int(rng.integers(1, 4))
            strides = None if rng.random() < 0.5 else int(rng.integers(1, 4))
            padding = str(rng.choice(["valid", "same"]))
            if padding == "valid" and length < pool:
                continue
            cls = L.MaxPooling1D if rng.random() < 0.5 else L.AveragePooling1D
            out.append(cls(pool, strides=strides, padding=padding))
            s = strides or pool
            length = (length - pool) // s + 1 if padding == "valid" else -(-length // s)
        elif kind == "dense":  # on every position of the sequence
            units, act, use_bias = int(rng.integers(1, 9)), str(rng.choice(["linear", "relu"])), bool(rng.random() < 0.7)
            out += activated(rng, L, lambda a: L.Dense(units, activation=a, use_bias=use_bias), act)
        elif kind == "bn":
            out.append(bn(rng, L))
            if ACTIVATION_LAYERS and rng.random() < 0.4:
                out.append(L.Activation("relu") if rng.random() < 0.5 else L.ReLU())
        else:
            out.append(L.Dropout(0.3))
    return out


def bn(rng, L):
    return L.BatchNormalization(center=bool(rng.random() < 0.7), scale=bool(rng.random() < 0.7),
                                epsilon=float(rng.choice([1e-3, 1e-5, 0.01])))


def build(rng, keras, name):
    L = keras.layers
    kind = rng.choice(["ids", "seq", "vector"])
    if kind == "ids":
        length = int(rng.integers(4, 20))
        inp = keras.Input(shape=(length,), dtype="int32")
        first = [L.Embedding(int(rng.integers(5, 40)), int(rng.integers(1, 8)))]
    elif kind == "seq":
        length = int(rng.integers(4, 20))
        inp = keras.Input(shape=(length, int(rng.integers(1, 6))))
        first = []
    else:
        inp = keras.Input(shape=(int(rng.integers(1, 20)),))
        first, length = [], None
    body = list(first)
    if length is not None:
        body += seq_layers(rng, L, length)
        body.append(rng.choice([L.Flatten, L.GlobalMaxPooling1D, L.GlobalAveragePooling1D])())
    for i in range(rng.integers(1, 4)):
        if i and rng.random() < 0.4:
            body.append(bn(rng, L) if rng.random() < 0.6 else L.Dropout(0.2))
        act = str(rng.choice(["linear", "relu", "sigmoid", "tanh", "softmax"]))
        units, use_bias = int(rng.integers(1, 9)), bool(rng.random() < 0.7)
        body += activated(rng, L, lambda a: L.Dense(units, activation=a, use_bias=use_bias), act)
    form = rng.choice(["sequential", "functional", "nested"])
    if form == "sequential" and kind == "ids" and keras.__version__.startswith("2.") and rng.random() < 0.5:
        # Keras 2's own way: no Input, the Embedding's input_length (the model's input is float).
        e = body[0]
        body[0] = L.Embedding(e.input_dim, e.output_dim, input_length=length)
        return keras.Sequential(body, name=name), kind
    if form == "sequential":
        return keras.Sequential([inp] + body, name=name), kind
    x = inp
    if form == "nested" and len(body) > 1:
        cut = int(rng.integers(0, len(body)))
        for layer in body[:cut]:
            x = layer(x)
        x = keras.Sequential(body[cut:])(x)
    else:
        for layer in body:
            x = layer(x)
    return keras.Model(inp, x, name=name), kind


def randomize(rng, model):
    """Biases and BatchNormalization statistics at random (Keras starts them at 0 and 1)."""
    import numpy as np
    for layer in model._flatten_layers(include_self=False, recursive=True):
        weights = layer.get_weights()
        if not weights or layer.__class__.__name__ == "Embedding":
            continue
        new = []
        for v, w in zip(layer.weights, weights):
            n = getattr(v, "path", v.name).split("/")[-1].split(":")[0]
            if n in ("bias", "beta", "moving_mean"):
                w = rng.normal(0, 0.5, size=w.shape).astype("float32")
            elif n in ("gamma",):
                w = rng.uniform(0.5, 1.5, size=w.shape).astype("float32")
            elif n == "moving_variance":
                w = rng.uniform(0.2, 2.0, size=w.shape).astype("float32")
            new.append(w)
        layer.set_weights(new)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keras2", action="store_true", help="Keras 2 (tf_keras), saved as .h5")
    ap.add_argument("--activation-layers", action="store_true", help="activations also as layers of their own")
    args = ap.parse_args()
    global ACTIVATION_LAYERS
    ACTIVATION_LAYERS = args.activation_layers
    if args.keras2:
        import tf_keras as keras
    else:
        import keras
    import numpy as np

    keras.utils.set_random_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    for i in range(args.count):
        name = f"m{i:03d}"
        try:
            model, kind = build(rng, keras, name)
        except ValueError as e:  # a form this Keras cannot build (Keras 2: a nested Sequential on unknown shapes)
            print(name, "skipped:", str(e).splitlines()[0], flush=True)
            continue
        randomize(rng, model)
        d = os.path.join(args.out, name)
        os.makedirs(d, exist_ok=True)
        if args.keras2:
            path = os.path.join(d, "model.h5")
            model.save(path)
        else:
            path = os.path.join(d, "model.keras")
            model.save(path)
            try:
                model.save(os.path.join(d, "model.h5"))
            except ValueError as e:  # Keras 3.0's legacy writer fails on some nested models
                os.remove(os.path.join(d, "model.h5"))
                print(name, "no .h5:", str(e).splitlines()[0], flush=True)
        loaded = keras.models.load_model(path, compile=False)
        shape = model.inputs[0].shape[1:]
        if kind == "ids":
            vocab = next(l for l in model._flatten_layers(recursive=True) if l.__class__.__name__ == "Embedding").input_dim
            x = rng.integers(0, vocab, size=(8, *shape)).astype("int32")
            fmt = "%d"
        else:
            x = rng.normal(size=(8, *shape)).astype("float32")
            fmt = "%.9g"
        want = loaded.predict(x, verbose=0)
        np.savetxt(os.path.join(d, "inputs.csv"), x.reshape(len(x), -1), fmt=fmt, delimiter=",")
        np.savetxt(os.path.join(d, "expected.csv"), want.reshape(len(want), -1), fmt="%.9g", delimiter=",")
        print(name, kind, [l.__class__.__name__ for l in model._flatten_layers(include_self=False, recursive=True)], flush=True)


if __name__ == "__main__":
    sys.exit(main())
