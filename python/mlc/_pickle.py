"""Unpickling: artifacts and models are pickled by reference (path, memory budget, sha256 of the
file, model name) and rebuilt from the file on the worker, which must see the same path."""

from ._errors import FormatError


def _check(path, expected, actual):
    if expected is not None and expected != actual:
        raise FormatError(f"{path}: the artifact changed since it was pickled (sha256 {actual}, pickled {expected})")


def restore_artifact(path, memory_budget, sha256):
    """An Artifact opened again from `path`, checked against the pickled sha256."""
    from . import Artifact

    art = Artifact(path, memory_budget)
    _check(path, sha256, art.sha256())
    return art


def restore_model(path, memory_budget, sha256, name):
    """A Model loaded again from `path`, its file checked against the pickled sha256."""
    from . import Artifact

    model = Artifact(path, memory_budget)[name]
    _check(path, sha256, model.file_sha256())
    return model
