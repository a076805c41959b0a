//! Values: number and token-id fields.
//!
//! * A number is decimal text (rounded once, directly to `f32`), `inf`/`-inf`, or missing
//!   (NaN): empty or `nan` (any case).
//! * A token id is a non-negative decimal integer that fits a `u32` (`7`, `+7` or `007`; not
//!   `7.0`, `7e0` or empty: ids are indices, written as integers, and never missing).
//!
//! Surrounding spaces are ignored; bytes that are not UTF-8 are neither.

use mlc_format::names::{Categories, FeatureCategories};

use super::error::{Layout, Position, RecordError, ValueKind};

/// Parses a number field; `None` if it is not a number.
pub fn parse_field(raw: &[u8]) -> Option<f32> {
    let text = std::str::from_utf8(raw).ok()?.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("nan") {
        return Some(f32::NAN);
    }
    text.parse::<f32>().ok()
}

/// Parses a token-id field; `None` if it is not a token id.
pub fn parse_token_id(raw: &[u8]) -> Option<u32> {
    std::str::from_utf8(raw).ok()?.trim().parse::<u32>().ok()
}

/// Appends the `expected` numbers of the CSV fields `fields` to `out` (any count: pass
/// `fields.len()`); on error `out` is left as it was.
pub fn parse_features<'a>(fields: impl ExactSizeIterator<Item = &'a [u8]>, expected: usize, out: &mut Vec<f32>) -> Result<(), RecordError> {
    read_values(fields.len(), fields, expected, Layout::Csv { route: None, id: None }, None, out)
}

/// A value a model reads: a number or a token id.
pub(crate) trait Value: Sized {
    /// What it is, for messages.
    const KIND: ValueKind;
    /// Parses one field.
    fn parse(raw: &[u8]) -> Option<Self>;
    /// A categorical feature's field, read with its `categories`' names.
    fn categorical(_raw: &[u8], _categories: &Categories<'_>) -> Option<Self> {
        None
    }
}

impl Value for f32 {
    const KIND: ValueKind = ValueKind::Feature;
    fn parse(raw: &[u8]) -> Option<f32> {
        parse_field(raw)
    }
    /// A name among the categories (the field's text, surrounding spaces ignored, or a JSON
    /// string's value; a whole number's decimal digits) is its code. Otherwise a number is the code itself (as XGBoost reads
    /// arrays), except for integer categories other than the codes themselves (a `pandas`
    /// category of area codes, `408, 415, 510`), whose numbers are the categories: one not
    /// among them is unknown. Empty or `nan` is missing.
    fn categorical(raw: &[u8], categories: &Categories<'_>) -> Option<f32> {
        let text = std::str::from_utf8(raw).ok()?.trim();
        let name = if text.starts_with('"') { serde_json::from_str::<String>(text).ok() } else { None };
        // Codes are below 2^24 (a feature's categories come from one section of the
        // artifact), so exact in `f32`.
        let name = name.as_deref().unwrap_or(text);
        // A whole number also names an integer category when written as a float (`408.0`, as a
        // spreadsheet or pandas writes a column with missing values).
        let whole = || name.parse::<f64>().ok().filter(|v| v.fract() == 0.0 && v.abs() < 1e18).map(|v| (v as i64).to_string());
        if let Some(code) = categories.code(name).or_else(|| categories.code(&whole()?)) {
            return Some(code as f32);
        }
        let x = parse_field(raw)?;
        let numbers_are_categories = categories.iter().enumerate().any(|(code, n)| n.parse::<i64>().ok() != Some(code as i64))
            && categories.iter().all(|n| n.parse::<i64>().is_ok());
        (x.is_nan() || !numbers_are_categories).then_some(x)
    }
}

impl Value for u32 {
    const KIND: ValueKind = ValueKind::TokenId;
    fn parse(raw: &[u8]) -> Option<u32> {
        parse_token_id(raw)
    }
}

/// A categorical feature's field `raw` read with its category `names` (a name is its code, …:
/// [`Value::categorical`] of `f32`, the one rule of every reader); `None` for a value that is
/// neither a name nor a number it takes.
pub fn category_code(raw: &[u8], names: &Categories<'_>) -> Option<f32> {
    f32::categorical(raw, names)
}

/// Parses feature `i`'s field `raw` (read with its names where `categories` has some);
/// otherwise the error, at `at`.
/// (`at` is computed only for an error: it is not free, and this runs for every field.)
fn parse_value<T: Value>(
    raw: &[u8],
    i: usize,
    at: impl FnOnce() -> Position,
    categories: Option<&FeatureCategories<'_>>,
) -> Result<T, RecordError> {
    match categories.and_then(|c| c.of(i)) {
        None => T::parse(raw).ok_or_else(|| RecordError::BadValue { kind: T::KIND, at: at(), text: shorten(raw) }),
        Some(names) => T::categorical(raw, &names).ok_or_else(|| {
            let shown: Vec<&str> = names.iter().take(8).collect();
            let more = if names.len() > shown.len() { format!(", … {} in all", names.len()) } else { String::new() };
            RecordError::UnknownCategory { at: at(), text: shorten(raw), known: format!("{}{more}", shown.join(", ")) }
        }),
    }
}

/// Appends the `count` values of `values` (laid out as `layout` says) to `out`, which must
/// be `expected` of them, value `i` read as feature `i` (a name among its `categories`, where
/// it has some, is its code); on error `out` is left as it was.
pub(crate) fn read_values<'a, T: Value>(
    count: usize,
    values: impl Iterator<Item = &'a [u8]>,
    expected: usize,
    layout: Layout,
    categories: Option<&FeatureCategories<'_>>,
    out: &mut Vec<T>,
) -> Result<(), RecordError> {
    let kind = T::KIND;
    if count != expected {
        return Err(RecordError::Count { kind, layout, expected, found: count });
    }
    push_all(values, |i| layout.position(i), categories, out)
}

/// [`read_values`] of the CSV `fields` at `columns` (0-based, one per value in the model's
/// order).
pub(crate) fn read_columns<T: Value>(
    fields: &super::csv_fields::CsvFields,
    columns: &[usize],
    categories: Option<&FeatureCategories<'_>>,
    out: &mut Vec<T>,
) -> Result<(), RecordError> {
    push_all(columns.iter().map(|&c| fields.get(c)), |i| Position::Column(columns[i] + 1), categories, out)
}

/// Appends the values, value `i` read as feature `i` (at the place `at(i)`, for messages); on
/// error `out` is left as it was.
fn push_all<'a, T: Value>(
    values: impl Iterator<Item = &'a [u8]>,
    at: impl Fn(usize) -> Position,
    categories: Option<&FeatureCategories<'_>>,
    out: &mut Vec<T>,
) -> Result<(), RecordError> {
    let start = out.len();
    for (i, raw) in values.enumerate() {
        match parse_value(raw, i, || at(i), categories) {
            Ok(x) => out.push(x),
            Err(e) => {
                out.truncate(start);
                return Err(e);
            }
        }
    }
    Ok(())
}

/// A field's text for a message: lossy UTF-8, at most 40 bytes (then `…`).
pub fn shorten(raw: &[u8]) -> String {
    let mut text = String::from_utf8_lossy(raw).into_owned();
    if text.len() > 40 {
        let cut = (0..=40).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        text.truncate(cut);
        text.push('…');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::super::error::Position;
    use super::*;

    fn parse(line: &str, n: usize) -> Result<Vec<f32>, RecordError> {
        let mut out = Vec::new();
        let fields: Vec<&[u8]> = line.split(',').map(str::as_bytes).collect();
        parse_features(fields.into_iter(), n, &mut out).map(|_| out)
    }

    #[test]
    fn numbers_and_missing_values() {
        let row = parse("1.5, -2,,nan,NaN,inf,1e-3", 7).unwrap();
        assert_eq!(row[0], 1.5);
        assert_eq!(row[1], -2.0);
        assert!(row[2].is_nan() && row[3].is_nan() && row[4].is_nan());
        assert_eq!(row[5], f32::INFINITY);
        assert_eq!(row[6], 1e-3);
    }

    #[test]
    fn decimal_text_rounds_once_to_f32() {
        // 0.1 + half an f32 ulp: via f64 it would round differently than directly.
        let row = parse("0.10000000745058059692382812500001", 1).unwrap();
        assert_eq!(row[0], "0.10000000745058059692382812500001".parse::<f32>().unwrap());
    }

    #[test]
    fn token_ids_are_integers() {
        for (text, id) in [("7", 7), (" 7 ", 7), ("+7", 7), ("007", 7), ("0", 0), ("4294967295", u32::MAX)] {
            assert_eq!(parse_token_id(text.as_bytes()), Some(id), "{text}");
        }
        // `1.0` is a number but not a token id: ids are written as integers everywhere
        // (CSV, JSON Lines, `mlc predict --format ids`), and never missing.
        for text in ["1.0", "1e0", "-1", "", "nan", "null", "4294967296", "0x10", "1,2", "\u{ff}"] {
            assert_eq!(parse_token_id(text.as_bytes()), None, "{text}");
        }
        assert_eq!(parse_token_id(b"\xff1"), None, "not UTF-8");
    }

    #[test]
    fn errors_name_the_column() {
        let bad = |column, text: &str| RecordError::BadValue { kind: ValueKind::Feature, at: Position::Column(column), text: text.into() };
        assert_eq!(parse("1,x,3", 3), Err(bad(2, "x")));
        assert_eq!(parse("1,x,3", 3).unwrap_err().to_string(), "column 2: `x` is not a number");
        let count = parse("1,2", 3).unwrap_err();
        assert_eq!(count.to_string(), "expected 3 fields (the model's feature count), found 2");
        let mut out = vec![9.0];
        assert!(parse_features(["1", "oops"].map(str::as_bytes).into_iter(), 2, &mut out).is_err());
        assert_eq!(out, vec![9.0], "a failed record leaves the output untouched");
    }

    #[test]
    fn long_fields_are_shortened_on_a_char_boundary() {
        assert_eq!(shorten(b"abc"), "abc");
        let long = "é".repeat(30);
        let short = shorten(long.as_bytes());
        assert!(short.ends_with('…') && short.len() <= 40 + '…'.len_utf8(), "{short}");
        assert_eq!(shorten(b"\xff"), "\u{fffd}");
    }
}
