#!/usr/bin/env python3
"""Write small end-to-end Keras text models -- the `TextVectorization` layer inside the model,
as Keras' text-classification guide saves them -- with Keras' own outputs on raw strings,
into tests/fixtures/keras_textvec/ (tests/e2e/keras_textvec.rs).

For every model NAME below:
    NAME/model.keras    the model as Keras saves it (`model.save`), ~10 KB
    NAME/               its export by tools/export_keras.py (from the model loaded back from
                        model.keras): config.json, model.safetensors, vocab.txt,
                        vectorizer.json
    NAME/ids.csv        per test string, the token ids the model's own TextVectorization
                        layer gives (Keras, loaded model)
    NAME/expected.csv   per test string, the loaded model's float32 outputs, '%.9g'
And once:
    texts.json          the test strings (a JSON list: they hold tabs, newlines, Unicode)
    unsupported.json    TextVectorization options the runtime cannot honour, each as Keras
                        serializes the layer (`keras.saving.serialize_keras_object`): name ->
                        the layer's {"class_name", "config", ...}; the test puts each into a
                        fixture's config.json and expects the compiler to name the option.

Models (trained a few epochs on the sentences below, labels by hand, seeded)
    seq_default      Sequential, no Input: TextVectorization() defaults except
                     max_tokens=40, output_sequence_length=12, adapted on the sentences
                     -> Embedding(40, 4) -> Conv1D(4, 3, relu) -> GlobalMaxPooling1D
                     -> Dense(1, sigmoid)
    fn_lower         Functional, Input(shape=(1,), dtype="string") (the guide's end-to-end
                     model): TextVectorization(standardize="lower", output_sequence_length=8,
                     vocabulary=<a list without "" and "[UNK]">) -> Embedding -> Flatten
                     -> Dense(3, softmax)
    seq_strip        Sequential with Input(shape=(), dtype="string"):
                     TextVectorization(standardize="strip_punctuation", max_tokens=30,
                     pad_to_max_tokens=True, output_sequence_length=10, vocabulary=<a list
                     starting with "" and "[UNK]">) -> Embedding(30, 3)
                     -> GlobalAveragePooling1D -> Dense(2)
    fn_raw           Functional, Input(shape=(), dtype="string"): TextVectorization(
                     standardize=None, output_sequence_length=5 (shorter than most
                     strings), adapted) -> Embedding -> GlobalAveragePooling1D
                     -> Dense(1, sigmoid)
    guide_e2e        as Keras' text-classification guide builds it: a Functional model on ids
                     (Input(shape=(None,), int64) -> Embedding(50, 4) -> Dropout -> Conv1D(4, 3,
                     relu) -> GlobalMaxPooling1D -> Dense(4, relu) -> Dropout -> Dense(1,
                     sigmoid)), nested in the end-to-end model Input(shape=(1,), string) ->
                     TextVectorization(max_tokens=50, output_sequence_length=16, adapted)
                     -> that model

model.keras holds the date Keras saved it: a re-run rewrites it, and trains again.

Run: target/venv-tf/bin/python tools/make_keras_textvec_fixtures.py
(venv: python3 -m venv target/venv-tf && target/venv-tf/bin/pip install -r tools/requirements-sentiment.txt)
"""

import json
import os
import shutil
import sys
import tempfile

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "keras_textvec")

# Freely written training sentences, (text, label): 1 = likes it.
SENTENCES = [
    ("I loved this film, the acting was great!", 1),
    ("What a wonderful, touching story.", 1),
    ("The music is beautiful and the cast is brilliant.", 1),
    ("A great movie; I'd watch it again.", 1),
    ("Funny, warm and clever -- loved it.", 1),
    ("Brilliant! The best film of the year.", 1),
    ("the plot was boring and the acting was bad", 0),
    ("I hated it. What a waste of time!", 0),
    ("Terrible music, a dull story and a bad ending.", 0),
    ("Boring, slow, and far too long.", 0),
    ("The worst movie I've seen; don't watch it.", 0),
    ("Bad acting, bad plot, bad everything.", 0),
]

# The strings the models are checked on: punctuation, case, Unicode (accents, NBSP, emoji,
# an ideographic space), whitespace of every kind, the empty string, out-of-vocabulary words,
# texts longer than every output_sequence_length, vocabulary tokens written oddly.
TEXTS = [
    "I loved this film, the acting was great!",
    "THE PLOT WAS BORING",
    "Don't watch it... it's BAD!!!",
    "",
    "   ",
    "!!!",
    "a-great_movie (brilliant) [music] {story} <cast>",
    "wonderful\tstory\nbrilliant\r\ncast\x0bmusic\x0cend",
    "Café CAFÉ café naïve Ünïcödé",
    "great\u00a0movie great\u3000movie",
    "loved it \U0001f600 \U0001f600!",
    "zyzzyva quokka xylophone",
    "[UNK] [unk] UNK",
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
    "the the the the the the the the the the the the the the the the the the the the",
    "Bad acting, bad plot, bad everything. Brilliant music, though: best of the year!",
    "GREAT great Great gReAt",
    "what a waste of time",
    "It's the worst; I hated it.",
    "  leading and trailing spaces  ",
]

# The vocabularies given by hand (fn_lower, seq_strip).
LOWER_VOCAB = ["great", "bad", "movie", "film", "the", "plot", "music", "loved", "hated", "boring",
               "it", "was", "brilliant", "café", "don't", "it's", "bad!!!", "[unk]"]
STRIP_VOCAB = ["", "[UNK]", "great", "Great", "GREAT", "bad", "Bad", "BAD", "movie", "film", "the",
               "The", "THE", "I", "loved", "hated", "Dont", "its", "it", "music", "plot", "acting",
               "Café", "CAFÉ", "café", "worst", "best"]


# Outputs of each model (a Sequential without an Input has no output_shape before it is built).
OUTPUTS = {"seq_default": 1, "fn_lower": 3, "seq_strip": 2, "fn_raw": 1, "guide_e2e": 1}


def build(name, keras, texts):
    L = keras.layers
    if name == "seq_default":
        tv = L.TextVectorization(max_tokens=40, output_sequence_length=12)
        tv.adapt(texts)
        return keras.Sequential([
            tv,
            L.Embedding(40, 4),
            L.Conv1D(4, 3, activation="relu"),
            L.GlobalMaxPooling1D(),
            L.Dense(1, activation="sigmoid"),
        ], name=name)
    if name == "fn_lower":
        tv = L.TextVectorization(standardize="lower", output_sequence_length=8, vocabulary=LOWER_VOCAB)
        inputs = keras.Input(shape=(1,), dtype="string")
        x = tv(inputs)
        x = L.Embedding(len(LOWER_VOCAB) + 2, 3)(x)
        x = L.Flatten()(x)
        outputs = L.Dense(3, activation="softmax")(x)
        return keras.Model(inputs, outputs, name=name)
    if name == "seq_strip":
        tv = L.TextVectorization(standardize="strip_punctuation", max_tokens=30, pad_to_max_tokens=True,
                                 output_sequence_length=10, vocabulary=STRIP_VOCAB)
        return keras.Sequential([
            keras.Input(shape=(), dtype="string"),
            tv,
            L.Embedding(30, 3),
            L.GlobalAveragePooling1D(),
            L.Dense(2),
        ], name=name)
    if name == "fn_raw":
        tv = L.TextVectorization(standardize=None, output_sequence_length=5)
        tv.adapt(texts)
        inputs = keras.Input(shape=(), dtype="string")
        x = tv(inputs)
        x = L.Embedding(tv.vocabulary_size(), 4)(x)
        x = L.GlobalAveragePooling1D()(x)
        outputs = L.Dense(1, activation="sigmoid")(x)
        return keras.Model(inputs, outputs, name=name)
    if name == "guide_e2e":
        # Keras' text-classification guide ("text_classification_from_scratch"): a model on
        # token ids of any length, then the end-to-end model wrapping it behind the vectorizer.
        tv = L.TextVectorization(max_tokens=50, output_mode="int", output_sequence_length=16)
        tv.adapt(texts)
        ids = keras.Input(shape=(None,), dtype="int64")
        x = L.Embedding(50, 4)(ids)
        x = L.Dropout(0.5)(x)
        x = L.Conv1D(4, 3, padding="valid", activation="relu", strides=1)(x)
        x = L.GlobalMaxPooling1D()(x)
        x = L.Dense(4, activation="relu")(x)
        x = L.Dropout(0.5)(x)
        predictions = L.Dense(1, activation="sigmoid", name="predictions")(x)
        model = keras.Model(ids, predictions)
        inputs = keras.Input(shape=(1,), dtype="string")
        return keras.Model(inputs, model(tv(inputs)), name=name)
    raise ValueError(name)


def batch(model, texts):
    """`texts` shaped as the model's string input takes them: (n,) or (n, 1)."""
    import tensorflow as tf
    shape = model.inputs[0].shape if getattr(model, "inputs", None) else (None,)
    arr = tf.constant(texts, dtype=tf.string)
    return tf.reshape(arr, (-1, 1)) if len(shape) == 2 else arr


def unsupported(keras):
    """Keras' serialization of TextVectorization layers with options the runtime cannot honour."""
    import tensorflow as tf
    L = keras.layers

    @keras.saving.register_keras_serializable(package="mlc_fixtures")
    def standardize_nfkc(x):
        return tf.strings.lower(tf.strings.unicode_transcode(x, "UTF-8", "UTF-8"))

    @keras.saving.register_keras_serializable(package="mlc_fixtures")
    def split_on_commas(x):
        return tf.strings.split(x, sep=",")

    vocab = ["great", "bad"]
    layers = {
        "ngrams": L.TextVectorization(ngrams=2, output_sequence_length=8, vocabulary=vocab),
        "output_mode_tf_idf": L.TextVectorization(output_mode="tf_idf", vocabulary=vocab, idf_weights=[1.0, 2.0]),
        "output_mode_multi_hot": L.TextVectorization(output_mode="multi_hot", vocabulary=vocab),
        "split_character": L.TextVectorization(split="character", output_sequence_length=8, vocabulary=vocab),
        "split_none": L.TextVectorization(split=None, output_sequence_length=8, vocabulary=vocab),
        "split_callable": L.TextVectorization(split=split_on_commas, output_sequence_length=8, vocabulary=vocab),
        "standardize_callable": L.TextVectorization(standardize=standardize_nfkc, output_sequence_length=8,
                                                    vocabulary=vocab),
        "output_sequence_length_none": L.TextVectorization(vocabulary=vocab),
        "ragged": L.TextVectorization(ragged=True, vocabulary=vocab),
    }
    return {k: keras.saving.serialize_keras_object(v) for k, v in layers.items()}


def main():
    import keras
    import numpy as np
    from export_keras import export

    keras.utils.set_random_seed(11)
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    texts = [s for s, _ in SENTENCES]
    labels = np.array([y for _, y in SENTENCES], dtype="float32")
    with open(os.path.join(OUT, "texts.json"), "w", encoding="utf-8") as f:
        json.dump(TEXTS, f, indent=1, ensure_ascii=True)
        f.write("\n")
    for name in OUTPUTS:
        model = build(name, keras, texts)
        outputs = OUTPUTS[name]
        y = labels.reshape(-1, 1) if outputs == 1 else keras.utils.to_categorical(labels.astype(int), outputs)
        model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
        model.fit(batch(model, texts), y, epochs=10, batch_size=4, verbose=0)

        outdir = os.path.join(OUT, name)
        os.makedirs(outdir)
        saved = os.path.join(outdir, "model.keras")
        model.save(saved)
        loaded = keras.models.load_model(saved)
        export(loaded, outdir)
        tv = next(l for l in loaded.layers if l.__class__.__name__ == "TextVectorization")
        ids = np.asarray(tv(batch(loaded, TEXTS)))
        ids = ids.reshape(len(TEXTS), -1)
        want = np.asarray(loaded.predict(batch(loaded, TEXTS), verbose=0), dtype=np.float32)
        trained = np.asarray(model.predict(batch(model, TEXTS), verbose=0), dtype=np.float32)
        assert np.array_equal(want, trained), f"{name}: the loaded model differs from the trained one"
        np.savetxt(os.path.join(outdir, "ids.csv"), ids, fmt="%d", delimiter=",")
        np.savetxt(os.path.join(outdir, "expected.csv"), want.reshape(len(TEXTS), -1), fmt="%.9g", delimiter=",")
        print(f"{name}: vocabulary {tv.vocabulary_size()}, ids {ids.shape}, outputs in [{want.min():.3g}, {want.max():.3g}]")

    with open(os.path.join(OUT, "unsupported.json"), "w", encoding="utf-8") as f:
        json.dump(unsupported(keras), f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
