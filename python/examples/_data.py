"""Inputs of the scale-out examples: the committed churn rows and reviews (tests/fixtures),
compiled with mlc.compile into a directory every worker can read. With `--full`, the real
data under ../shared/data is used when present (never committed)."""

import pathlib

import numpy as np
import pandas as pd

import mlc

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
FEATURES = (FIXTURES / "churn" / "feature_names.txt").read_text().split()


def churn_artifact(out_dir):
    """The 51 per-state churn models and the all-states model in one bundle."""
    out = pathlib.Path(out_dir) / "churn.mlc"
    if not out.exists():
        models = {p.stem: p for p in sorted((FIXTURES / "churn" / "models" / "states").glob("*.json"))}
        models["all_states"] = FIXTURES / "churn" / "models" / "all_states.json"
        mlc.compile(models, out)
    return str(out)


def sentiment_artifact(out_dir):
    """The MCU sentiment CNN: raw text in, the tokenizer inside the artifact."""
    out = pathlib.Path(out_dir) / "sentiment.mlc"
    if not out.exists():
        sentiment = FIXTURES / "sentiment"
        mlc.compile({"imdb_cnn_mcu": sentiment / "imdb_cnn_mcu"}, out, calibration=sentiment / "reviews.txt")
    return str(out)


def churn_rows():
    """The 1,667 held-out churn customers: `id`, `state` and the 18 features (NaN = missing)."""
    frame = pd.read_csv(FIXTURES / "churn" / "heldout.csv", header=None, names=["state", *FEATURES], keep_default_na=False,
                        na_values=[""])
    frame[FEATURES] = frame[FEATURES].astype(np.float32)
    frame.insert(0, "id", np.arange(len(frame), dtype=np.int64))
    return frame


def reviews():
    """The committed reviews: `id`, `text`."""
    texts = (FIXTURES / "sentiment" / "reviews.txt").read_text(encoding="utf-8").split("\n")[:-1]
    return pd.DataFrame({"id": np.arange(len(texts), dtype=np.int64), "text": texts})


def expected_churn():
    """The per-state model's probability for each held-out row (XGBoost's, float32)."""
    values = np.loadtxt(FIXTURES / "churn" / "expected_per_state.csv", delimiter=",", dtype=np.float64)
    return values[:, 1].astype(np.float32)
