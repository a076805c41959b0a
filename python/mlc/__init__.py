"""mlc from Python: load mlc artifacts and predict with them, compile models, run batch
transforms — the same artifacts and runtime as the ``mlc`` command and the devices.

>>> import mlc
>>> art = mlc.load("churn.mlc")            # memory-mapped, validated
>>> art.names[:3]
['AK', 'AL', 'AR']
>>> art["CA"].predict(X)                   # X: numpy (float32 read in place), pandas, lists
>>> art.predict(X, model=states)           # each row with its own model, one call
>>> mlc.compile({"CA": "ca.json"}, "ca.mlc")  # the compile report as a dict

Predictions release the GIL. Artifacts and models pickle by path and sha256, so Ray actors and
Spark executors rebuild them from a path every worker can see. Errors are ``mlc.Error``
subclasses carrying the CLI's messages.
"""

from ._errors import CompileError, Error, FileError, FormatError, InputError, TransformError, UnknownModelError
from ._mlc import Artifact, Model, __version__, compile, transform

__all__ = [
    "Artifact",
    "CompileError",
    "Error",
    "FileError",
    "FormatError",
    "InputError",
    "Model",
    "Registry",
    "TransformError",
    "UnknownModelError",
    "compile",
    "load",
    "transform",
]


def load(path, memory_budget=None):
    """Opens an artifact file (one model or a bundle) or a directory of ``NAME.mlc`` artifacts.

    The file is memory-mapped and validated, checksums included (``mlc.FormatError`` if it is
    corrupted, ``mlc.FileError`` if it cannot be read); models load on first use. Returns an
    ``Artifact``: ``.names``, ``art[name]`` (a ``Model``), ``art.predict(X, model=...)``.
    ``memory_budget``: most bytes of loaded models (least recently used evicted), as
    ``mlc transform --memory-budget``.
    """
    return Artifact(path, memory_budget)


class Registry(Artifact):
    """Many models behind one object, within a memory budget: ``mlc.Registry(source,
    memory_budget=64 << 20)``. Models load on first use and the least recently used are
    evicted beyond the budget (``.loaded()``, ``.memory_used()``, ``.unload(name)``,
    ``.stats()``), as ``mlc transform`` and ``mlc serve`` serve them. ``source``: an artifact or
    a directory of ``NAME.mlc`` artifacts."""

    def __new__(cls, source, memory_budget=None):
        return super().__new__(cls, source, memory_budget)
