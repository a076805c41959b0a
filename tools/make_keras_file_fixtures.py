#!/usr/bin/env python3
"""Write small Keras models as Keras itself saves them (`model.save("model.keras")`), with
Keras' own outputs, into tests/fixtures/keras_files/: what `mlc compile model.keras` reads with
no export step (compiler/src/import/keras_file.rs).

For every model NAME below:
    NAME/model.keras    the model as `model.save` writes it: a zip of config.json,
                        metadata.json, model.weights.h5 (HDF5, written by h5py) and, for a
                        TextVectorization that was adapted, its vocabulary under assets/
    NAME/model.h5       (models on numbers) the same model in the legacy HDF5 format,
                        `model.save("model.h5")`; its outputs as Keras loads it back equal
                        those of model.keras (checked here)
    NAME/inputs.csv     (models on numbers) one input per line: token ids, or the float input
                        flattened (length x channels, channels last), comma-separated, '%.9g'
    NAME/expected.csv   per line, Keras' float32 outputs for that input (text models: for each
                        string of tests/fixtures/keras_textvec/texts.json), '%.9g'

The models are trained for a few steps by Keras on synthetic data (seeded), so that their
weights and BatchNormalization statistics are Keras' own. The expected outputs come from the
model as `keras.models.load_model` reads the saved file back.

Models (each chosen for what the file holds, beyond what tests/fixtures/keras_ops covers)
    seq_mlp_bn       floats (12) -> Dense(16, relu) -> BatchNormalization(center=False)
                     -> Dense(8, tanh, use_bias=False) -> BatchNormalization(scale=False)
                     -> Dropout -> Dense(3, softmax): a Sequential (its InputLayer is not one
                     of the file's layers), three Dense and two BatchNormalization layers
                     (the file names them dense, dense_1, dense_2, ...), optional weights absent
    fn_conv_nested   floats (24, 4) -> Conv1D(6, 3, same, no bias) -> a Sequential nested in
                     the Functional model [Conv1D(5, 2, causal, dilation 2, relu),
                     MaxPooling1D(2), BatchNormalization] -> AveragePooling1D(2, same)
                     -> Flatten -> Dense(2, sigmoid): weights under layers/sequential/layers/
    ids_cnn          token ids (16) -> Embedding(50, 6) -> Conv1D(8, 5, strides 2, relu)
                     -> GlobalAveragePooling1D -> Dense(4)
    text_adapted     a string Input -> TextVectorization adapted on a few sentences (its
                     vocabulary is then in the file's assets/, not in config.json)
                     -> Embedding -> Conv1D(4, 3, relu) -> GlobalMaxPooling1D
                     -> Dense(1, sigmoid)
    ids_dense_steps  token ids (12) -> Embedding(40, 6) -> Dense(8, relu) on every position
                     (Keras applies a Dense to a sequence's last axis) -> Dense(5)
                     -> GlobalAveragePooling1D -> Dense(2, softmax)
    text_given       a string Input -> TextVectorization(vocabulary=[...], standardize="lower")
                     whose list starts with "" and "[UNK]" (Keras drops them: they are its
                     own) -> Embedding -> Flatten -> Dense(2, softmax)
    act_layers       floats (20, 3) -> Conv1D(6, 3, no bias) -> BatchNormalization
                     -> Activation("relu") -> MaxPooling1D(2) -> Conv1D(5, 2) -> ReLU()
                     -> GlobalAveragePooling1D -> Dense(8) -> Activation("tanh") -> Dense(3)
                     -> Activation("softmax"): activation layers, fused into the layer before

Keras 2 models (tf_keras 2.21, the Keras 2 of TensorFlow 2.16 and later: its
serialization has `batch_input_shape` and the old `inbound_nodes` lists), saved as model.h5
(Keras 2's default format), with tf_keras' outputs:
    k2_seq           floats (10) with `input_shape` on the first layer: Dense(8, relu)
                     -> BatchNormalization -> Dense(4, tanh) -> Dense(2, softmax)
    k2_emb_seq       token ids (9): a Sequential that starts with Embedding(30, 4,
                     input_length=9) (Keras 2 gives it a float input, which the Embedding
                     casts) -> Conv1D(6, 2, relu) -> GlobalMaxPooling1D -> Dense(3, softmax)
    k2_fn_nested     floats (16, 3) -> Conv1D(5, 3, relu) -> MaxPooling1D(2)
                     -> BatchNormalization(center=False) -> GlobalAveragePooling1D -> a nested
                     Sequential [Dense(6, relu), Dense(1, sigmoid)]

A Keras 3.0 model (its `.keras` records no layer names; its `.h5` names a nested model's
variables without their layers, `kernel`, in the model's legacy order), written by a second
run in a Keras 3.0.5 environment (JAX backend):
    k30_nested       floats (6) -> Dense(5) -> a nested Sequential [BatchNormalization,
                     Dense(4, relu)] -> Dense(2), as model.keras and model.h5
    KERAS_BACKEND=jax target/venv-k30/bin/python tools/make_keras_file_fixtures.py --keras30
    (venv: python3 -m venv target/venv-k30 && target/venv-k30/bin/pip install keras==3.0.5
    "numpy<2" h5py packaging "jax[cpu]==0.4.30")

Run: target/venv-tf/bin/python tools/make_keras_file_fixtures.py [NAME...]   (default: all)
(venv: python3 -m venv target/venv-tf && target/venv-tf/bin/pip install -r tools/requirements-sentiment.txt)
model.keras holds the date Keras saved it: a re-run rewrites every file.
"""

import json
import os
import shutil
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "keras_files")
TEXTS = os.path.join(ROOT, "tests", "fixtures", "keras_textvec", "texts.json")
INPUTS = 30

ADAPT = [
    "the movie was great and the music was great",
    "a bad plot, a boring film; bad acting",
    "I loved it! brilliant cast, brilliant story",
    "don't watch it: it's bad",
    "great film great cast",
]
GIVEN = ["", "[UNK]", "great", "bad", "movie", "film", "the", "it", "was", "loved", "boring", "café"]


def build(name, keras):
    L = keras.layers
    if name == "seq_mlp_bn":
        return keras.Sequential([
            keras.Input(shape=(12,)),
            L.Dense(16, activation="relu"),
            L.BatchNormalization(center=False, momentum=0.5),
            L.Dense(8, activation="tanh", use_bias=False),
            L.BatchNormalization(scale=False, momentum=0.5, epsilon=0.01),
            L.Dropout(0.25),
            L.Dense(3, activation="softmax"),
        ], name=name)
    if name == "fn_conv_nested":
        inner = keras.Sequential([
            L.Conv1D(5, 2, padding="causal", dilation_rate=2, activation="relu"),
            L.MaxPooling1D(2),
            L.BatchNormalization(momentum=0.5),
        ])
        x = inp = keras.Input(shape=(24, 4))
        x = L.Conv1D(6, 3, padding="same", use_bias=False)(x)
        x = inner(x)
        x = L.AveragePooling1D(2, padding="same")(x)
        x = L.Flatten()(x)
        return keras.Model(inp, L.Dense(2, activation="sigmoid")(x), name=name)
    if name == "ids_cnn":
        return keras.Sequential([
            keras.Input(shape=(16,), dtype="int32"),
            L.Embedding(50, 6),
            L.Conv1D(8, 5, strides=2, activation="relu"),
            L.GlobalAveragePooling1D(),
            L.Dense(4),
        ], name=name)
    if name == "ids_dense_steps":
        return keras.Sequential([
            keras.Input(shape=(12,), dtype="int32"),
            L.Embedding(40, 6),
            L.Dense(8, activation="relu"),
            L.Dense(5),
            L.GlobalAveragePooling1D(),
            L.Dense(2, activation="softmax"),
        ], name=name)
    if name == "text_adapted":
        tv = L.TextVectorization(output_sequence_length=10)
        tv.adapt(ADAPT)
        x = inp = keras.Input(shape=(1,), dtype="string")
        x = tv(x)
        x = L.Embedding(len(tv.get_vocabulary()), 8)(x)
        x = L.Conv1D(4, 3, activation="relu")(x)
        x = L.GlobalMaxPooling1D()(x)
        return keras.Model(inp, L.Dense(1, activation="sigmoid")(x), name=name)
    if name == "text_given":
        tv = L.TextVectorization(vocabulary=GIVEN, standardize="lower", output_sequence_length=6)
        x = inp = keras.Input(shape=(1,), dtype="string")
        x = tv(x)
        x = L.Embedding(len(tv.get_vocabulary()), 3)(x)
        x = L.Flatten()(x)
        return keras.Model(inp, L.Dense(2, activation="softmax")(x), name=name)
    if name == "act_layers":
        return keras.Sequential([
            keras.Input(shape=(20, 3)),
            L.Conv1D(6, 3, use_bias=False),
            L.BatchNormalization(momentum=0.5),
            L.Activation("relu"),
            L.MaxPooling1D(2),
            L.Conv1D(5, 2),
            L.ReLU(),
            L.GlobalAveragePooling1D(),
            L.Dense(8),
            L.Activation("tanh"),
            L.Dense(3),
            L.Activation("softmax"),
        ], name=name)
    raise ValueError(name)


MODELS = ["seq_mlp_bn", "fn_conv_nested", "ids_cnn", "ids_dense_steps", "text_adapted", "text_given", "act_layers"]


def inputs(name, model, rng):
    """The model's test inputs: strings for a text model, else an array."""
    import numpy as np
    if name.startswith("text_"):
        with open(TEXTS, encoding="utf-8") as f:
            return json.load(f)
    shape = model.inputs[0].shape[1:]
    if name.startswith("ids_"):
        vocab = next(l for l in model.layers if l.__class__.__name__ == "Embedding").input_dim
        return rng.integers(0, vocab, size=(INPUTS, *shape)).astype("int32")
    return rng.normal(size=(INPUTS, *shape)).astype("float32")


def strings(texts):
    """A batch of strings for a model with a string Input of shape (1,)."""
    import tensorflow as tf
    return tf.reshape(tf.constant(texts, dtype=tf.string), (-1, 1))


def train(name, model, rng, keras):
    """A few steps on synthetic data, so that the weights and statistics are Keras'."""
    import numpy as np
    out = model.outputs[0].shape[-1]
    if name.startswith("text_"):
        x = strings(ADAPT * 4)
    elif name.startswith("ids_"):
        vocab = next(l for l in model.layers if l.__class__.__name__ == "Embedding").input_dim
        x = rng.integers(0, vocab, size=(64, *model.inputs[0].shape[1:])).astype("int32")
    else:
        x = rng.normal(size=(64, *model.inputs[0].shape[1:])).astype("float32")
    y = rng.random(size=(len(x), out)).astype("float32")
    if out > 1 and name != "ids_cnn":  # the outputs of softmax models sum to 1
        y = y / y.sum(axis=1, keepdims=True)
    model.compile(optimizer=keras.optimizers.Adam(0.05), loss="mse")
    model.fit(x, y, epochs=3, batch_size=16, verbose=0)


def keras30():
    """The Keras 3.0 model (run with keras 3.0.5)."""
    import keras
    import numpy as np
    assert keras.__version__.startswith("3.0."), keras.__version__
    L = keras.layers
    keras.utils.set_random_seed(7)
    rng = np.random.default_rng(7)
    x = inp = keras.Input((6,))
    x = L.Dense(5)(x)
    x = keras.Sequential([L.BatchNormalization(momentum=0.5), L.Dense(4, activation="relu")])(x)
    model = keras.Model(inp, L.Dense(2)(x))
    # A loss object: Keras 3.0 cannot load back the name "mse" from a compiled model's file.
    model.compile(optimizer=keras.optimizers.Adam(0.05), loss=keras.losses.MeanSquaredError())
    model.fit(rng.normal(size=(64, 6)).astype("float32"), rng.random(size=(64, 2)).astype("float32"), epochs=3, verbose=0)
    outdir = os.path.join(OUT, "k30_nested")
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    x = rng.normal(size=(INPUTS, 6)).astype("float32")
    want = model.predict(x, verbose=0)
    for file in ["model.keras", "model.h5"]:
        path = os.path.join(outdir, file)
        model.save(path)
        got = keras.models.load_model(path, compile=False).predict(x, verbose=0)
        assert np.abs(got - want).max() < 1e-6, f"{file}: the reloaded model differs"
    np.savetxt(os.path.join(outdir, "inputs.csv"), x, fmt="%.9g", delimiter=",")
    np.savetxt(os.path.join(outdir, "expected.csv"), want, fmt="%.9g", delimiter=",")
    print(f"k30_nested: Keras {keras.__version__}, outputs {want.shape}")


def main():
    if sys.argv[1:] == ["--keras30"]:
        return keras30()
    import keras
    import numpy as np

    only = sys.argv[1:]
    keras.utils.set_random_seed(7)
    rng = np.random.default_rng(7)
    for name in MODELS:
        if only and name not in only:
            continue
        model = build(name, keras)
        train(name, model, rng, keras)
        outdir = os.path.join(OUT, name)
        shutil.rmtree(outdir, ignore_errors=True)
        os.makedirs(outdir)
        saved = os.path.join(outdir, "model.keras")
        model.save(saved)
        loaded = keras.models.load_model(saved)
        x = inputs(name, model, rng)
        if isinstance(x, list):
            want = loaded.predict(strings(x), verbose=0)
            again = model.predict(strings(x), verbose=0)
        else:
            want = loaded.predict(x, verbose=0)
            again = model.predict(x, verbose=0)
            fmt = "%d" if x.dtype.kind == "i" else "%.9g"
            np.savetxt(os.path.join(outdir, "inputs.csv"), x.reshape(len(x), -1), fmt=fmt, delimiter=",")
        assert np.abs(want - again).max() < 1e-6, f"{name}: the reloaded model differs"
        if not isinstance(x, list):
            legacy = os.path.join(outdir, "model.h5")
            model.save(legacy)
            from_h5 = keras.models.load_model(legacy, compile=False).predict(x, verbose=0)
            assert np.array_equal(from_h5, want), f"{name}: the .h5 model differs from the .keras one"
        np.savetxt(os.path.join(outdir, "expected.csv"), want.reshape(len(want), -1), fmt="%.9g", delimiter=",")
        print(f"{name}: {os.path.getsize(saved)} bytes, outputs {want.shape}")
    keras2(rng, only)


def keras2(rng, only):
    """The Keras 2 models (tf_keras), saved as .h5."""
    import numpy as np
    import tf_keras as k2
    L = k2.layers
    k2.utils.set_random_seed(7)
    models = {
        "k2_seq": k2.Sequential([
            L.Dense(8, activation="relu", input_shape=(10,)),
            L.BatchNormalization(momentum=0.5),
            L.Dense(4, activation="tanh"),
            L.Dense(2, activation="softmax"),
        ]),
    }
    models["k2_emb_seq"] = k2.Sequential([
        L.Embedding(30, 4, input_length=9),
        L.Conv1D(6, 2, activation="relu"),
        L.GlobalMaxPooling1D(),
        L.Dense(3, activation="softmax"),
    ])
    x = inp = k2.Input((16, 3))
    x = L.Conv1D(5, 3, activation="relu")(x)
    x = L.MaxPooling1D(2)(x)
    x = L.BatchNormalization(center=False, momentum=0.5)(x)
    x = L.GlobalAveragePooling1D()(x)
    x = k2.Sequential([L.Dense(6, activation="relu"), L.Dense(1, activation="sigmoid")])(x)
    models["k2_fn_nested"] = k2.Model(inp, x)
    for name, model in models.items():
        if only and name not in only:
            continue
        shape = model.inputs[0].shape[1:]
        ids = name == "k2_emb_seq"

        def draw(n):
            return rng.integers(0, 30, size=(n, *shape)) if ids else rng.normal(size=(n, *shape)).astype("float32")

        train_x = draw(64)
        train_y = rng.random(size=(64, model.outputs[0].shape[-1])).astype("float32")
        model.compile(optimizer=k2.optimizers.Adam(0.05), loss="mse")
        model.fit(train_x, train_y, epochs=3, batch_size=16, verbose=0)
        outdir = os.path.join(OUT, name)
        shutil.rmtree(outdir, ignore_errors=True)
        os.makedirs(outdir)
        saved = os.path.join(outdir, "model.h5")
        model.save(saved)
        x = draw(INPUTS)
        want = k2.models.load_model(saved, compile=False).predict(x, verbose=0)
        assert np.abs(want - model.predict(x, verbose=0)).max() < 1e-6, f"{name}: the reloaded model differs"
        np.savetxt(os.path.join(outdir, "inputs.csv"), x.reshape(len(x), -1), fmt="%d" if ids else "%.9g", delimiter=",")
        np.savetxt(os.path.join(outdir, "expected.csv"), want.reshape(len(want), -1), fmt="%.9g", delimiter=",")
        print(f"{name}: {os.path.getsize(saved)} bytes (Keras {k2.__version__}), outputs {want.shape}")


if __name__ == "__main__":
    sys.exit(main())
