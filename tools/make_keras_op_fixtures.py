#!/usr/bin/env python3
"""Write small Keras models that exercise single operations, with Keras' own outputs, into
tests/fixtures/keras_ops/ (docs/adding-an-op.md: each new layer gets a model here).

For every model NAME below:
    NAME/               the export (tools/export_keras.py): config.json, model.safetensors
    NAME/inputs.csv     one input per line: token ids, or the float input flattened
                        (length x channels, channels last), comma-separated, '%.9g'
    NAME/expected.csv   per line, Keras' float32 outputs for that input, '%.9g'

The models are trained for a few steps by Keras on synthetic data (seeded), so that
their weights and BatchNormalization statistics are what Keras itself produces; the
expected outputs come from the model rebuilt from the export (and are checked against
the trained model, max abs difference < 1e-6).

Models
    batchnorm_text   ids (24) -> Embedding(60, 8) -> Conv1D(12, 3, relu)
                     -> BatchNormalization (after a ReLU: stays a layer of its own)
                     -> GlobalMaxPooling1D -> Dense(6) -> BatchNormalization (folded
                     into the Dense before it) -> Dense(1, sigmoid)
    batchnorm_seq    floats (16, 3) -> BatchNormalization (first layer, center=False)
                     -> Conv1D(5, 2, strides 2) -> BatchNormalization(scale=False,
                     epsilon=0.01) (folded into the convolution) -> Flatten -> Dense(3, softmax)
    causal_seq       floats (20, 4) -> Conv1D(6, 3, padding="causal", dilation 2, relu)
                     -> Conv1D(4, 2, padding="causal") -> GlobalAveragePooling1D -> Dense(2)

Run: target/venv-tf/bin/python tools/make_keras_op_fixtures.py
(venv: python3 -m venv target/venv-tf && target/venv-tf/bin/pip install -r tools/requirements-sentiment.txt)
"""

import os
import shutil
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "keras_ops")
INPUTS = 40


def build(name, keras):
    L = keras.layers
    if name == "batchnorm_text":
        return keras.Sequential([
            keras.Input(shape=(24,), dtype="int32"),
            L.Embedding(60, 8),
            L.Conv1D(12, 3, activation="relu"),
            L.BatchNormalization(momentum=0.5),
            L.GlobalMaxPooling1D(),
            L.Dense(6),
            L.BatchNormalization(momentum=0.5),
            L.Dense(1, activation="sigmoid"),
        ], name=name)
    if name == "batchnorm_seq":
        return keras.Sequential([
            keras.Input(shape=(16, 3)),
            L.BatchNormalization(center=False, momentum=0.5),
            L.Conv1D(5, 2, strides=2),
            L.BatchNormalization(scale=False, epsilon=0.01, momentum=0.5),
            L.Flatten(),
            L.Dense(3, activation="softmax"),
        ], name=name)
    if name == "causal_seq":
        return keras.Sequential([
            keras.Input(shape=(20, 4)),
            L.Conv1D(6, 3, padding="causal", dilation_rate=2, activation="relu"),
            L.Conv1D(4, 2, padding="causal"),
            L.GlobalAveragePooling1D(),
            L.Dense(2),
        ], name=name)
    raise ValueError(name)


def data(model, rng, n):
    """Inputs for `model`: token ids, or floats (mean 1, sd 2: BatchNormalization has work)."""
    import numpy as np
    shape = model.input_shape[1:]
    if model.inputs[0].dtype.startswith("int"):
        return rng.integers(0, 60, size=(n,) + shape).astype("int32")
    return (1.0 + 2.0 * rng.standard_normal((n,) + shape)).astype("float32")


def main():
    import keras
    import numpy as np
    from export_keras import export

    keras.utils.set_random_seed(7)
    rng = np.random.default_rng(7)
    for name in ["batchnorm_text", "batchnorm_seq", "causal_seq"]:
        model = build(name, keras)
        x = data(model, rng, 256)
        outputs = model.output_shape[-1]
        y = rng.random((256, outputs)).astype("float32")
        if outputs > 1 and name == "batchnorm_seq":
            y = keras.utils.to_categorical(rng.integers(0, outputs, 256), outputs)
        model.compile(optimizer="adam", loss="mse")
        model.fit(x, y, epochs=3, batch_size=32, verbose=0)

        outdir = os.path.join(OUT, name)
        shutil.rmtree(outdir, ignore_errors=True)
        export(model, outdir)
        # Keras' own outputs, from the model rebuilt from the export.
        rebuilt = keras.models.model_from_json(open(os.path.join(outdir, "config.json")).read())
        from safetensors.numpy import load_file
        weights = load_file(os.path.join(outdir, "model.safetensors"))
        for layer in rebuilt.layers:
            for v in layer.weights:
                v.assign(weights[f"{layer.name}/{v.name}"])
        inputs = data(model, rng, INPUTS)
        want = np.asarray(rebuilt.predict(inputs, verbose=0), dtype=np.float32)
        trained = np.asarray(model.predict(inputs, verbose=0), dtype=np.float32)
        diff = float(np.max(np.abs(want - trained)))
        assert diff < 1e-6, f"{name}: rebuilt model differs from the trained one by {diff}"
        flat = inputs.reshape(INPUTS, -1)
        fmt = "%d" if flat.dtype.kind == "i" else "%.9g"
        np.savetxt(os.path.join(outdir, "inputs.csv"), flat, fmt=fmt, delimiter=",")
        np.savetxt(os.path.join(outdir, "expected.csv"), want.reshape(INPUTS, -1), fmt="%.9g", delimiter=",")
        print(f"{name}: {len(model.layers)} layers, {INPUTS} inputs, outputs in [{want.min():.3g}, {want.max():.3g}]")


if __name__ == "__main__":
    sys.exit(main())
