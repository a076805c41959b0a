//! Inputs from Python objects and outputs back to numpy.
//!
//! A C-contiguous 2-D `float32` array (rows × features) is read in place; anything else (other
//! dtypes, strided views, pandas DataFrames, lists of rows) goes through `mlc._convert`, which
//! converts it once or raises `mlc.InputError`.

use mlc_format::names::{FeatureCategories, FeatureNames};
use mlc_host::records::{category_code, CsvHeader, Layout, RecordError, ValueKind};
use numpy::{PyArray1, PyArray2, PyArrayMethods, PyReadonlyArray2, PyUntypedArray, PyUntypedArrayMethods};
use pyo3::prelude::*;

use crate::errors::{error, Kind};

/// Rows of `features` float32 values, read in place: `x` itself when it is a C-contiguous 2-D
/// float32 array, else the array `mlc._convert.rows` makes of it (`copy=False`: an
/// `mlc.InputError` instead of a conversion). A DataFrame's category columns become the codes
/// of the model's `categories` where it has them (by name, as XGBoost 3.1+ re-codes them).
pub fn rows<'py>(
    x: &Bound<'py, PyAny>,
    features: usize,
    copy: bool,
    categories: Option<FeatureCategories<'_>>,
) -> PyResult<PyReadonlyArray2<'py, f32>> {
    let array = match x.cast::<PyArray2<f32>>() {
        Ok(a) if a.is_c_contiguous() => a.clone(),
        _ => {
            let names = categories.map(|c| (0..c.len()).map(|f| c.of(f).map(|n| n.iter().collect::<Vec<_>>())).collect::<Vec<_>>());
            x.py().import("mlc._convert")?.getattr("rows")?.call1((x, copy, names))?.cast_into::<PyArray2<f32>>()?
        }
    };
    check_width(array.shape()[1], features, ValueKind::Feature)?;
    Ok(array.try_readonly()?)
}

/// `x` with its columns in the feature order of a model with feature `names`, when `x` is a
/// DataFrame whose column labels are all strings: columns are then taken by name, in any
/// order, by the CLI's header mapping (`CsvHeader::columns_of`; unknown, missing and repeated
/// names are an `mlc.InputError` naming them). Anything else (arrays, lists, a DataFrame with
/// non-string labels such as `pd.DataFrame(array)`, a model without names) is `x` itself, read
/// by position.
pub fn by_name<'py>(x: &Bound<'py, PyAny>, names: Option<FeatureNames<'_>>, model: &str) -> PyResult<Bound<'py, PyAny>> {
    let Some(names) = names else { return Ok(x.clone()) };
    // Arrays and lists have no column labels: no Python call on the hot path of single rows.
    if x.cast::<PyUntypedArray>().is_ok() || !x.hasattr("columns")? {
        return Ok(x.clone());
    }
    let convert = x.py().import("mlc._convert")?;
    let Some(labels) = convert.getattr("column_labels")?.call1((x,))?.extract::<Option<Vec<String>>>()? else {
        return Ok(x.clone());
    };
    match CsvHeader::new(labels).columns_of(Some(names), None, None) {
        Ok(Some(columns)) => convert.getattr("take_columns")?.call1((x, columns)),
        Ok(None) => Ok(x.clone()),
        Err(e) => Err(error(Kind::Input, format!("model `{model}`: DataFrame: {e}"))),
    }
}

/// The codes of a column of values (`None`: missing) of a feature whose categories are `names`,
/// read as a CSV field is (`mlc_host::records::category_code`), and the index of the first
/// value that is none of them, if any (`mlc._convert` names it with its column).
#[pyfunction]
pub fn category_codes(values: Vec<Option<String>>, names: Vec<String>) -> (Vec<f32>, Option<usize>) {
    let section = mlc_format::names::encode_categories(&[names]);
    let Some(names) = FeatureCategories::parse(&section).ok().and_then(|c| c.of(0)) else {
        // No names (never asked: such features keep their numbers): nothing is a category.
        return (vec![f32::NAN; values.len()], (!values.is_empty()).then_some(0));
    };
    let mut first_bad = None;
    let codes = values
        .iter()
        .enumerate()
        .map(|(i, v)| match v {
            None => f32::NAN,
            Some(v) => category_code(v.as_bytes(), &names).unwrap_or_else(|| {
                first_bad.get_or_insert(i);
                f32::NAN
            }),
        })
        .collect();
    (codes, first_bad)
}

/// Token ids, `length` per record, as a C-contiguous 2-D uint32 array (`mlc._convert.ids`
/// checks and converts integer arrays and lists).
pub fn ids<'py>(x: &Bound<'py, PyAny>, length: usize) -> PyResult<PyReadonlyArray2<'py, u32>> {
    let array = x.py().import("mlc._convert")?.getattr("ids")?.call1((x,))?.cast_into::<PyArray2<u32>>()?;
    check_width(array.shape()[1], length, ValueKind::TokenId)?;
    Ok(array.try_readonly()?)
}

/// `mlc.InputError` with the record pipeline's message when a row has the wrong number of
/// values.
fn check_width(found: usize, expected: usize, kind: ValueKind) -> PyResult<()> {
    if found == expected {
        return Ok(());
    }
    Err(error(Kind::Input, RecordError::Count { kind, layout: Layout::Json, expected, found }))
}

/// `values` (`width` per record) as a numpy array: `(n,)` for one value per record, else
/// `(n, width)`.
pub fn output(py: Python<'_>, values: Vec<f32>, width: usize) -> PyResult<Bound<'_, PyAny>> {
    let n = values.len().checked_div(width).unwrap_or(0);
    let flat = PyArray1::from_vec(py, values);
    if width == 1 {
        Ok(flat.into_any())
    } else {
        Ok(flat.reshape([n, width])?.into_any())
    }
}
