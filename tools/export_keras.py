#!/usr/bin/env python3
"""Export a Keras 3 model (.keras) into the directory format `mlc compile` imports.

Usage
    export_keras.py MODEL.keras OUTDIR [--vocab vocab.txt --vectorizer vectorizer.json]
                                       [--metrics metrics.json]

Writes into OUTDIR
    config.json       exactly `model.to_json()` (Keras 3 serialization; the layer
                      list is at config["config"]["layers"], each entry with
                      "class_name" and "config").
    model.safetensors every weight of every layer, float32, Keras' own shapes:
                        Embedding  "<layer>/embeddings"  (input_dim, output_dim)
                        Conv1D     "<layer>/kernel"      (kernel_size, in_channels, filters)
                                   "<layer>/bias"        (filters,)
                        Dense      "<layer>/kernel"      (in_features, units)
                                   "<layer>/bias"        (units,)
                        BatchNormalization "<layer>/gamma", "<layer>/beta" (if scale,
                                   center), "<layer>/moving_mean", "<layer>/moving_variance"
                                   (channels,)
                      Tensor name = layer.name + "/" + variable.name, where layer.name
                      is the "name" in that layer's config in config.json (for a model
                      nested in the model, the name of the layer inside it) and
                      variable.name is the last component of the variable's Keras path
                      (variable.path is "<layer>/<name>" for these layers). Layers are
                      visited in model.layers order and each layer's variables in
                      layer.weights order (trainable first); that order is also
                      stored in the safetensors metadata "mlc.weight_order" (a JSON
                      list). The file is written by this script (deterministic,
                      byte-reproducible): header keys and tensor data appear in that
                      same order, header padded with spaces to a multiple of 8 bytes,
                      and it is read back with the `safetensors` package to check it.
                      Other metadata: "mlc.format" = "keras-export-v1",
                      "mlc.keras_version".
    vocab.txt         (if the model has a tokenizer) TextVectorization.get_vocabulary(),
                      one token per line in index order, lines separated by "\\n" only
                      (the file ends with "\\n"): line 1 is "" (padding, id 0), line 2
                      "[UNK]" (OOV, id 1). Read it by splitting on "\\n", not with a
                      "universal newline" reader.
    vectorizer.json   (if the model has a tokenizer) TextVectorization.get_config().
    metrics.json      (with --metrics) a copy of the given JSON file.

The tokenizer is taken from a TextVectorization layer inside the model if there is
one (a Sequential with the vectorizer first, or a Functional model with a string Input,
as Keras' text-classification guide saves end-to-end models): its vocabulary and settings
come from the layer, no --vocab/--vectorizer needed, and `mlc compile` makes a model that
takes raw text. Otherwise they come from --vocab/--vectorizer (the models trained by
train_sentiment.py take token ids; their TextVectorization layer is saved separately).
The compiler accepts TextVectorization options the runtime's tokenizer honours
(standardize None/"lower"/"strip_punctuation"/"lower_and_strip_punctuation",
split="whitespace", ngrams=None, output_mode="int", a fixed output_sequence_length,
max_tokens, pad_to_max_tokens) and names any other.

Supported layers: InputLayer, Embedding, Dropout, Conv1D, MaxPooling1D,
AveragePooling1D, GlobalMaxPooling1D, GlobalAveragePooling1D, Flatten, Dense,
BatchNormalization
(plus TextVectorization, which contributes the tokenizer files and no weights).
Any other layer is an error: the importer would not know it.
"""

import argparse
import json
import os
import shutil
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

SUPPORTED = {
    "InputLayer", "Embedding", "Dropout", "Conv1D", "MaxPooling1D", "AveragePooling1D",
    "GlobalMaxPooling1D", "GlobalAveragePooling1D", "Flatten", "Dense", "BatchNormalization",
}
TOKENIZER = "TextVectorization"


def write_vocab(path, vocab):
    for tok in vocab:
        if "\n" in tok:
            raise ValueError(f"vocabulary token {tok!r} contains a newline")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("".join(tok + "\n" for tok in vocab))


def read_vocab(path):
    with open(path, "r", encoding="utf-8", newline="") as f:
        text = f.read()
    if not text.endswith("\n"):
        raise ValueError(f"{path}: must end with a newline")
    return text[:-1].split("\n")


def write_safetensors(path, tensors, order, metadata):
    """Deterministic safetensors writer: header keys and data in `order`."""
    import struct
    header = {"__metadata__": metadata}
    offset = 0
    for name in order:
        t = tensors[name]
        assert t.dtype.str == "<f4"
        header[name] = {"dtype": "F32", "shape": list(t.shape),
                        "data_offsets": [offset, offset + t.nbytes]}
        offset += t.nbytes
    h = json.dumps(header, separators=(",", ":")).encode("utf-8")
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for name in order:
            f.write(tensors[name].tobytes(order="C"))
    # read it back with the reference implementation
    from safetensors.numpy import load_file
    import numpy as np
    back = load_file(path)
    assert list(back) and set(back) == set(order)
    for name in order:
        assert np.array_equal(back[name], tensors[name]), name


def leaf_layers(model):
    """model.layers, with the layers of a nested model (Sequential or Functional) in its place
    (Keras' text-classification guide wraps the trained model behind its vectorizer)."""
    for layer in model.layers:
        if hasattr(layer, "layers"):
            yield from leaf_layers(layer)
        else:
            yield layer


def export(model, outdir, vocab=None, vectorizer_config=None, metrics=None):
    import keras
    import numpy as np

    os.makedirs(outdir, exist_ok=True)
    tensors = {}
    order = []
    tv = None
    for layer in leaf_layers(model):
        cls = layer.__class__.__name__
        if cls == TOKENIZER:
            if tv is not None:
                raise ValueError("more than one TextVectorization layer")
            tv = layer
            continue
        if cls not in SUPPORTED:
            raise ValueError(f"layer {layer.name!r}: unsupported class {cls}")
        for v in layer.weights:
            name = f"{layer.name}/{v.name}"
            if name in tensors:
                raise ValueError(f"duplicate weight name {name}")
            tensors[name] = np.ascontiguousarray(np.asarray(keras.ops.convert_to_numpy(v), dtype=np.float32))
            order.append(name)

    with open(os.path.join(outdir, "config.json"), "w", encoding="utf-8") as f:
        f.write(model.to_json())
    write_safetensors(os.path.join(outdir, "model.safetensors"), tensors, order, {
        "mlc.format": "keras-export-v1",
        "mlc.keras_version": keras.__version__,
        "mlc.weight_order": json.dumps(order),
    })

    if tv is not None:
        vocab = tv.get_vocabulary()
        vectorizer_config = tv.get_config()
    if vocab is not None:
        write_vocab(os.path.join(outdir, "vocab.txt"), list(vocab))
    if vectorizer_config is not None:
        with open(os.path.join(outdir, "vectorizer.json"), "w", encoding="utf-8") as f:
            json.dump(vectorizer_config, f, indent=1, sort_keys=True, ensure_ascii=False)
            f.write("\n")
    if metrics is not None:
        with open(os.path.join(outdir, "metrics.json"), "w", encoding="utf-8") as f:
            json.dump(metrics, f, indent=1, sort_keys=True)
            f.write("\n")
    return order


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("model")
    ap.add_argument("outdir")
    ap.add_argument("--vocab", help="vocab.txt of a separately saved TextVectorization")
    ap.add_argument("--vectorizer", help="its get_config() as JSON")
    ap.add_argument("--metrics", help="JSON file copied to OUTDIR/metrics.json")
    args = ap.parse_args()

    import keras
    model = keras.models.load_model(args.model)
    vocab = read_vocab(args.vocab) if args.vocab else None
    vcfg = None
    if args.vectorizer:
        with open(args.vectorizer, encoding="utf-8") as f:
            vcfg = json.load(f)
    metrics = None
    if args.metrics:
        with open(args.metrics, encoding="utf-8") as f:
            metrics = json.load(f)
    order = export(model, args.outdir, vocab, vcfg, metrics)
    print(f"{args.outdir}: {len(order)} tensors: {', '.join(order)}")


if __name__ == "__main__":
    sys.exit(main())
