"""Fixtures of the client tests: the `mlc` binary, the compiled models, the expected answers
(by `mlc predict`), and `mlc serve` started on a loopback port.

Run by scripts/serve-clients.sh, which builds `mlc` and sets MLC_BIN to it.
"""

import os
import signal
import subprocess
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
#: How long any server start, request or shutdown may take (seconds).
TIMEOUT = 30


def mlc(*args, stdin=None):
    """Runs `mlc ARGS...` and returns its standard output; fails the test if it fails."""
    binary = os.environ.get("MLC_BIN", str(ROOT / "target" / "debug" / "mlc"))
    done = subprocess.run([binary, *map(str, args)], input=stdin, capture_output=True, timeout=120)
    assert done.returncode == 0, f"mlc {' '.join(map(str, args))}: {done.stderr.decode()}"
    return done.stdout


def floats(text):
    """The float32 values of `mlc predict`'s or a server's text answer (one record per line;
    the shortest digits that round-trip an f32, so parsing gives back its exact bits)."""
    return np.array([np.float32(v) for v in text.split()], dtype=np.float32)


def assert_bits(got, want, what):
    """The float32 arrays `got` and `want` are identical bit for bit."""
    got = np.asarray(got, dtype=np.float32).reshape(-1)
    want = np.asarray(want, dtype=np.float32).reshape(-1)
    assert got.shape == want.shape, f"{what}: {got.shape} answers, {want.shape} expected"
    differ = np.flatnonzero(got.view(np.uint32) != want.view(np.uint32))
    assert differ.size == 0, f"{what}: answer {differ[0]}: {got[differ[0]]!r} != {want[differ[0]]!r} (mlc predict)"


@pytest.fixture(scope="session")
def models(tmp_path_factory):
    """`states.mlc` (the 51 per-state churn models, one bundle) and `imdb.mlc` (the sentiment CNN)."""
    out = tmp_path_factory.mktemp("models")
    specs = [f"{p.stem}={p}" for p in sorted((FIXTURES / "churn/models/states").glob("*.json"))]
    assert len(specs) == 51
    mlc("compile", *specs, "-o", out / "states.mlc")
    mlc("compile", f"imdb={FIXTURES / 'sentiment/imdb_cnn_mcu'}", "-o", out / "imdb.mlc")
    return out


@pytest.fixture(scope="session")
def churn(models):
    """Per state: (the held-out rows' features as CSV lines, as float32, `mlc predict`'s answers)."""
    by_state = defaultdict(list)
    for line in (FIXTURES / "churn/heldout.csv").read_text().splitlines():
        state, features = line.split(",", 1)
        by_state[state].append(features)
    assert len(by_state) == 51
    cases = {}
    for state, rows in sorted(by_state.items()):
        csv = "".join(f"{r}\n" for r in rows)
        want = floats(mlc("predict", models / "states.mlc", "--model", state, stdin=csv.encode()).decode())
        x = np.array([[np.float32(v) if v else np.nan for v in r.split(",")] for r in rows], dtype=np.float32)
        cases[state] = (csv, x, want)
    return cases


@pytest.fixture(scope="session")
def sentiment(models):
    """The committed reviews (bytes, one per line), their token ids, and `mlc predict`'s answers,
    the same from the text as from the ids."""
    reviews = (FIXTURES / "sentiment/reviews.txt").read_bytes().removesuffix(b"\n").split(b"\n")
    ids_text = (FIXTURES / "sentiment/expected_ids_imdb_cnn_mcu.csv").read_bytes()
    ids = np.array([[int(v) for v in line.split(b",")] for line in ids_text.splitlines()], dtype=np.int64)
    want = floats(mlc("predict", models / "imdb.mlc", stdin=b"".join(r + b"\n" for r in reviews)).decode())
    from_ids = floats(mlc("predict", models / "imdb.mlc", "--format", "ids", stdin=ids_text).decode())
    assert_bits(from_ids, want, "mlc predict: ids and text agree")
    assert len(reviews) == len(ids) == len(want) == 296
    return reviews, ids, want


class Server:
    """A running `mlc serve SOURCE --listen 127.0.0.1:0`: its address, read from its first line."""

    def __init__(self, source):
        binary = os.environ.get("MLC_BIN", str(ROOT / "target" / "debug" / "mlc"))
        self.process = subprocess.Popen(
            [binary, "serve", str(source), "--listen", "127.0.0.1:0", "--workers", "2"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        line = self.process.stdout.readline().decode()
        if "http://" not in line:
            self.process.kill()
            raise AssertionError(f"mlc serve printed {line!r}: {self.process.stderr.read().decode()}")
        self.address = line.split("http://")[1].split()[0]
        self.url = f"http://{self.address}"

    def stop(self):
        """SIGTERM: the server drains and exits 0."""
        self.process.send_signal(signal.SIGTERM)
        try:
            status = self.process.wait(TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
        assert status == 0, f"mlc serve exited {status}: {self.process.stderr.read().decode()}"


@pytest.fixture(scope="module")
def churn_server(models):
    """`mlc serve states.mlc`: the models are the states, `AK` … `WY`."""
    server = Server(models / "states.mlc")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def imdb_server(models):
    """`mlc serve imdb.mlc`: one model, `imdb`."""
    server = Server(models / "imdb.mlc")
    yield server
    server.stop()
