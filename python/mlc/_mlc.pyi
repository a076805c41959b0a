"""Type stubs of the native module mlc._mlc (python/src)."""

import os
from typing import Any, Mapping, Optional, Sequence, Union

import numpy as np
import numpy.typing as npt

_Path = Union[str, "os.PathLike[str]"]
_Rows = Union[npt.ArrayLike, Any]  # 2-D numpy array, pandas DataFrame, or a list of rows

__version__: str

class Model:
    """One model of an artifact. Pickles by artifact path + sha256 + name."""

    @property
    def name(self) -> str: ...
    @property
    def inputs(self) -> dict[str, Any]:
        """{"kind": "features", "features": n} or {"kind": "token_ids", "length", "vocab", "text"}."""
    @property
    def outputs(self) -> dict[str, int]:
        """{"width": values of predict per row, "margins": values with margin=True}."""
    @property
    def feature_names(self) -> Optional[list[str]]:
        """The input features' names in order (XGBoost's feature_names), or None. With names, a
        DataFrame whose column labels are strings is read by name, in any column order."""
    @property
    def feature_categories(self) -> Optional[list[Optional[list[str]]]]:
        """Each feature's category names in code order (XGBoost 3.1+, trained on a DataFrame:
        strings, or integers in decimal), None for a feature without; None when the model has
        none. With names, a DataFrame's category columns are re-coded by name, as XGBoost does."""
    def predict(self, x: _Rows, margin: bool = False, copy: bool = True) -> npt.NDArray[np.float32]:
        """Rows of features → float32 (n,) or (n, classes). C-contiguous float32 is read in place."""
    def predict_text(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Raw texts (a text model) → float32 (n,) or (n, outputs)."""
    def tokenize(self, texts: Sequence[str]) -> npt.NDArray[np.uint32]:
        """Raw texts → the token ids predict_text feeds the network, uint32 (n, sequence length)."""
    def predict_ids(self, ids: npt.ArrayLike) -> npt.NDArray[np.float32]:
        """Token ids (n × sequence length) → float32 (n,) or (n, outputs)."""
    def file_sha256(self) -> str: ...
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]: ...

class Artifact:
    """The models of an artifact file or of a directory of NAME.mlc artifacts."""

    def __new__(cls, path: _Path, memory_budget: Optional[int] = None) -> "Artifact": ...
    @property
    def path(self) -> "os.PathLike[str]":
        """The path it was opened from (a pathlib.Path)."""
    @property
    def memory_budget(self) -> Optional[int]: ...
    @property
    def names(self) -> list[str]: ...
    def __getitem__(self, name: str) -> Model: ...
    def __contains__(self, name: str) -> bool: ...
    def __len__(self) -> int: ...
    def model(self, name: Optional[str] = None) -> Model: ...
    def predict(
        self,
        x: _Rows,
        model: Union[None, str, Sequence[str], npt.NDArray[Any]] = None,
        margin: bool = False,
        copy: bool = True,
    ) -> npt.NDArray[np.float32]:
        """model: None (the only model), a name, or one name per row (routed, one call)."""
    def loaded(self) -> list[str]: ...
    def memory_used(self) -> int: ...
    def unload(self, name: str) -> bool: ...
    def stats(self) -> list[dict[str, Any]]: ...
    def sha256(self) -> Optional[str]: ...
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]: ...

def compile(
    models: Union[_Path, Sequence[_Path], Mapping[str, _Path]],
    output: _Path,
    target: str = "host",
    numeric: str = "auto",
    calibration: Optional[_Path] = None,
    check_data: Optional[_Path] = None,
    table_budget_kb: Optional[int] = None,
    layout: str = "auto",
) -> dict[str, Any]:
    """Compiles models into one artifact; returns the compile report as a dict ("output" is a pathlib.Path)."""

def transform(
    source: _Path,
    inputs: Sequence[_Path],
    output_dir: _Path,
    content_type: str = "text/csv",
    model: Optional[str] = None,
    route_column: Optional[int] = None,
    workers: Optional[int] = None,
    max_payload_mb: float = 6.0,
    max_records: int = 1000,
    accept: str = "application/jsonlines",
    on_error: str = "record",
    memory_budget: Optional[int] = None,
    margin: bool = False,
) -> dict[str, Any]:
    """A batch transform job (mlc transform); returns its summary."""

def category_codes(values: list[Optional[str]], names: list[str]) -> tuple[list[float], Optional[int]]:
    """Internal (mlc._convert): a column's codes read with a feature's category names, as CSV
    fields are, and the index of the first value that is none of them."""
