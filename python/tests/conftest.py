"""Fixtures of the mlc Python tests: the committed churn and sentiment models, compiled once
per session with mlc.compile, and the `mlc` command (MLC_BIN, else target/debug/mlc) to
compare with."""

import os
import pathlib
import subprocess

import numpy as np
import pytest

import mlc

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
CHURN = FIXTURES / "churn"
SENTIMENT = FIXTURES / "sentiment"


def read_rows(path):
    """(states, float32 rows) of a churn CSV: the state, then 18 features (empty = missing)."""
    states, rows = [], []
    for line in path.read_text().splitlines():
        fields = line.split(",")
        states.append(fields[0])
        rows.append([float(v) if v else np.nan for v in fields[1:]])
    return np.array(states), np.array(rows, dtype=np.float32)


def read_expected(path):
    """(margins, probabilities) as float32, from `%.9g` text (round-trips float32 exactly)."""
    values = np.loadtxt(path, delimiter=",", dtype=np.float64).astype(np.float32)
    return values[:, 0].copy(), values[:, 1].copy()


@pytest.fixture(scope="session")
def mlc_bin():
    path = pathlib.Path(os.environ.get("MLC_BIN", ROOT / "target" / "debug" / "mlc"))
    if not path.exists():
        pytest.skip(f"no mlc command at {path} (set MLC_BIN or `cargo build -p mlc-cli`)")
    return path


def mlc_predict(mlc_bin, artifact, lines, *args):
    """`mlc predict` over `lines`, its output as float32 rows."""
    out = subprocess.run([str(mlc_bin), "predict", str(artifact), *args], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, check=True).stdout
    return np.array([[np.float32(v) for v in line.split(",")] for line in out.splitlines()], dtype=np.float32)


def churn_models(ext):
    models = {"all_states": CHURN / "models" / f"all_states.{ext}"}
    for p in sorted((CHURN / "models" / "states").glob(f"*.{ext}")):
        models[p.stem] = p
    return models


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory):
    return tmp_path_factory.mktemp("artifacts")


@pytest.fixture(scope="session")
def churn_bundle(artifacts):
    """The 52 churn models (JSON) in one bundle."""
    out = artifacts / "churn.mlc"
    mlc.compile(churn_models("json"), out)
    return out


@pytest.fixture(scope="session")
def churn_bundle_ubj(artifacts):
    """The same 52 models from their UBJ copies."""
    out = artifacts / "churn_ubj.mlc"
    mlc.compile({k: str(v) for k, v in churn_models("ubj").items()}, out)
    return out


@pytest.fixture(scope="session")
def heldout():
    states, rows = read_rows(CHURN / "heldout.csv")
    return states, rows


@pytest.fixture(scope="session")
def text_model(artifacts):
    """The MCU sentiment CNN (raw text in, tokenizer inside), float32 for the host."""
    out = artifacts / "sentiment.mlc"
    mlc.compile({"imdb_cnn_mcu": SENTIMENT / "imdb_cnn_mcu"}, out, calibration=SENTIMENT / "reviews.txt")
    return out
