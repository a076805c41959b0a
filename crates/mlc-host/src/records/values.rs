//! Parsing input records: rows of features as CSV without a header.
//!
//! A field is a decimal number (rounded once, directly to `f32`), `inf`/`-inf`, or missing:
//! empty or `nan` (any case). Surrounding spaces are ignored. Errors carry the 1-based column;
//! callers add the file and line.

use std::fmt;

/// Why one record could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// The record has the wrong number of fields.
    FieldCount {
        /// Fields the model takes.
        expected: usize,
        /// Fields found.
        found: usize,
    },
    /// A field is not a number.
    BadNumber {
        /// 1-based column.
        column: usize,
        /// The field's text (lossy UTF-8, shortened).
        text: String,
    },
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::FieldCount { expected, found } => {
                write!(f, "expected {expected} fields (the model's feature count), found {found}")
            }
            RecordError::BadNumber { column, text } => write!(f, "column {column}: `{text}` is not a number"),
        }
    }
}

impl std::error::Error for RecordError {}

/// Parses one field; `None` if it is not a number.
pub fn parse_field(raw: &[u8]) -> Option<f32> {
    let text = std::str::from_utf8(raw).ok()?.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("nan") {
        return Some(f32::NAN);
    }
    text.parse::<f32>().ok()
}

/// Appends the `expected` features of `fields` to `out`; on error `out` is left as it was.
pub fn parse_features<'a>(fields: impl ExactSizeIterator<Item = &'a [u8]>, expected: usize, out: &mut Vec<f32>) -> Result<(), RecordError> {
    parse_values(fields.len(), fields, expected, out)
}

/// [`parse_features`] of `count` values given by any iterator.
pub fn parse_values<'a>(
    count: usize,
    values: impl Iterator<Item = &'a [u8]>,
    expected: usize,
    out: &mut Vec<f32>,
) -> Result<(), RecordError> {
    if count != expected {
        return Err(RecordError::FieldCount { expected, found: count });
    }
    let start = out.len();
    for (i, raw) in values.enumerate() {
        match parse_field(raw) {
            Some(x) => out.push(x),
            None => {
                out.truncate(start);
                return Err(RecordError::BadNumber { column: i + 1, text: shorten(raw) });
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

/// A UTF-8 byte order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A line without a leading UTF-8 byte order mark. Editors and spreadsheet exports begin a file
/// with one, and concatenated files carry it into later lines; it is never part of a record
/// (the CSV reader of [`csv_reader`] skips it at the start of its input; csv-core skips it at
/// the start of every line that `transform`'s CSV splitter reads).
pub fn strip_bom(line: &[u8]) -> &[u8] {
    line.strip_prefix(BOM).unwrap_or(line)
}

/// A CSV reader configured for feature rows: no header, any field count per line (checked per
/// record instead), `\n` or `\r\n` line ends.
pub fn csv_reader<R: std::io::Read>(input: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(input)
}

#[cfg(test)]
mod tests {
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
    fn errors_name_the_column() {
        assert_eq!(parse("1,x,3", 3), Err(RecordError::BadNumber { column: 2, text: "x".into() }));
        assert_eq!(parse("1,2", 3), Err(RecordError::FieldCount { expected: 3, found: 2 }));
        let mut out = vec![9.0];
        assert!(parse_features(["1", "oops"].map(str::as_bytes).into_iter(), 2, &mut out).is_err());
        assert_eq!(out, vec![9.0], "a failed record leaves the output untouched");
    }
}
