"""Conversion of inputs that are not C-contiguous float32 rows (the native module reads those
in place). Each input is converted once; what cannot be converted raises mlc.InputError."""

import numpy as np

from ._errors import InputError

# dtype kinds read as numbers: float, signed and unsigned integers, booleans.
_NUMERIC_KINDS = "fiub"


def _is_dataframe(x):
    return hasattr(x, "columns") and hasattr(x, "to_numpy") and hasattr(x, "dtypes")


def column_labels(x):
    """A DataFrame's column labels when every one is a str (columns then go by name), else None."""
    if not _is_dataframe(x):
        return None
    labels = list(x.columns)
    return labels if all(isinstance(c, str) for c in labels) else None


def take_columns(x, columns):
    """The DataFrame `x`'s columns at these positions, in this order (a view where pandas can)."""
    return x.iloc[:, list(columns)]


def _is_category(dtype):
    return getattr(dtype, "name", "") == "category"


def _category_name(c):
    """A frame's category as the model names it: a string as it is, a whole number in decimal
    (`408`, also from a float column's `408.0`)."""
    if isinstance(c, str):
        return c
    if isinstance(c, (float, np.floating)) and float(c).is_integer():
        return str(int(c))
    return str(c)


def _unknown(label, value, names):
    shown = ", ".join(names[:8]) + (f", … {len(names)} in all" if len(names) > 8 else "")
    return InputError(f"column {label!r}: category {value!r} is not one the model knows ({shown})")


def _named_column(column, names, label):
    """A column that is not a pandas category, for a feature whose categories are named, read as
    the record readers read a CSV field (`mlc_host::records::category_code`, through the native
    module): a name is its code, an integer category's own number its category, otherwise a
    number the code; missing stays missing."""
    from ._mlc import category_codes

    missing = column.isna().to_numpy()
    values = [None if m else (v.strip() if isinstance(v, str) else _category_name(v)) for v, m in zip(column.to_numpy(dtype=object), missing)]
    codes, first_bad = category_codes(values, list(names))
    if first_bad is not None:
        raise _unknown(label, values[first_bad], names)
    return np.asarray(codes, dtype=np.float32)


def _category_codes(x, categories=None):
    """The DataFrame `x` with each pandas `category` column replaced by codes as float32, NaN
    where missing: the numbers XGBoost's categorical splits read. Where the model knows the
    feature's category names (`categories[i]`, XGBoost 3.1+), the frame's categories are
    re-coded by name, as XGBoost does, whatever their order in the frame (a category the model
    does not know is an InputError), and a column of strings or numbers for that feature is read
    as a CSV field is (`_named_column`). Otherwise a category column gives the frame's own codes
    (its categories must then be those of training, in the same order)."""
    named = [i for i in range(x.shape[1]) if categories is not None and i < len(categories) and categories[i] is not None]
    positions = sorted(set(named) | {i for i, t in enumerate(x.dtypes) if _is_category(t)})
    if not positions:
        return x
    x = x.copy(deep=False)
    for i in positions:
        column = x.iloc[:, i]
        names = categories[i] if i in named else None
        if not _is_category(column.dtype):
            x.isetitem(i, _named_column(column, names, x.columns[i]))
            continue
        codes = column.cat.codes.to_numpy()
        if names is None:
            x.isetitem(i, np.where(codes >= 0, codes, np.nan).astype(np.float32))
            continue
        known = {name: code for code, name in enumerate(names)}
        # The model's code of each of the frame's categories (integers in decimal), or -1.
        own = [known.get(_category_name(c), -1) for c in column.cat.categories]
        recode = np.array(own + [-1], dtype=np.int64)  # codes of -1 (missing) stay missing
        mapped = recode[np.where(codes >= 0, codes, len(own))]
        # A category the model does not know, where a row has it (unused ones are harmless).
        bad = (mapped < 0) & (codes >= 0)
        if bad.any():
            raise _unknown(x.columns[i], column.cat.categories[codes[bad][0]], names)
        x.isetitem(i, np.where(mapped >= 0, mapped, np.nan).astype(np.float32))
    return x


def rows(x, copy=True, categories=None):
    """`x` as a C-contiguous 2-D float32 array (rows x features). A DataFrame's `category`
    columns give their codes (NaN where missing), re-coded by the model's `categories` (a list
    per feature: names in code order, or None) where it has them."""
    if _is_dataframe(x):
        if not copy:
            raise InputError("a DataFrame is converted to float32 rows: copy=False refuses it")
        x = _category_codes(x, categories)
        bad = [f"{c} ({t})" for c, t in zip(x.columns, x.dtypes) if getattr(t, "kind", "O") not in _NUMERIC_KINDS]
        if bad:
            raise InputError(f"DataFrame columns that are not numbers: {', '.join(map(str, bad[:5]))}")
        return np.ascontiguousarray(x.to_numpy(dtype=np.float32, na_value=np.nan))
    if isinstance(x, np.ndarray):
        a = x
    else:
        if not copy:
            raise InputError(f"{type(x).__name__} is converted to a float32 array: copy=False refuses it")
        try:
            a = np.array(x, dtype=np.float32)
        except (TypeError, ValueError) as e:
            raise InputError(f"cannot read the rows as numbers: {e}") from None
    if a.ndim != 2:
        raise InputError(f"expected 2-D rows (rows x features), got {a.ndim}-D {a.shape}; for one row use [row] or X.reshape(1, -1)")
    if a.dtype.kind not in _NUMERIC_KINDS:
        raise InputError(f"dtype {a.dtype} is not numeric: give float32 (read in place), float64 or integers")
    if a.dtype == np.float32 and a.flags.c_contiguous:
        return a
    if not copy:
        what = "not C-contiguous" if a.dtype == np.float32 else f"{a.dtype}, not float32"
        raise InputError(f"the array is {what}: copy=False refuses to convert it (np.ascontiguousarray(X, dtype=np.float32) does)")
    return np.ascontiguousarray(a, dtype=np.float32)


def ids(x):
    """`x` as a C-contiguous 2-D uint32 array of token ids."""
    a = x if isinstance(x, np.ndarray) else np.asarray(x)
    if a.ndim != 2:
        raise InputError(f"expected 2-D token ids (rows x sequence length), got {a.ndim}-D {a.shape}")
    if a.dtype.kind not in "iu":
        raise InputError(f"token ids must be integers, not {a.dtype}")
    if a.size and (a.min() < 0 or a.max() > np.iinfo(np.uint32).max):
        bad = a.min() if a.min() < 0 else a.max()
        raise InputError(f"`{bad}` is not a token id")
    return np.ascontiguousarray(a, dtype=np.uint32)


def groups(names):
    """The distinct model names of `names` (one per row) and each row's index among them."""
    a = np.asarray(names)
    if a.ndim != 1:
        raise InputError(f"model names: expected one name per row (1-D), got {a.ndim}-D {a.shape}")
    if a.size and a.dtype.kind not in "UO":
        raise InputError(f"model names must be strings, not {a.dtype}")
    unique, inverse = np.unique(a.astype(str), return_inverse=True)
    return [str(u) for u in unique], np.ascontiguousarray(inverse.reshape(-1), dtype=np.int64)
