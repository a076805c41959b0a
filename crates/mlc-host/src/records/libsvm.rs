//! `text/libsvm` records, as XGBoost reads LIBSVM text (`DMatrix("f?format=libsvm")`, where
//! SageMaker's XGBoost container sends such requests):
//! `LABEL[:WEIGHT] [qid:Q] INDEX:VALUE …`, tokens separated by spaces or tabs.
//!
//! * The label (with its weight) comes first and is required, as XGBoost's parser requires it;
//!   it is read as a number and not used, nor is `qid`.
//! * Indices are 0-based feature numbers (XGBoost's default); a feature without an entry is
//!   missing (NaN), as in XGBoost's sparse matrix, while `0` is the value zero. A value is a
//!   number as in CSV (`nan` is missing, [`super::parse_field`]), never empty.
//! * An index the model does not have, or one given twice, is an error (XGBoost refuses a
//!   matrix wider than the model).

use super::error::RecordError;
use super::values::{parse_field, shorten};

/// Appends the `features` values of the LIBSVM record `line` to `out`; on error `out` is left
/// as it was.
pub(crate) fn read_libsvm(line: &[u8], features: usize, out: &mut Vec<f32>) -> Result<(), RecordError> {
    let start = out.len();
    out.resize(start + features, f32::NAN);
    let result = fill(line, &mut out[start..]);
    if result.is_err() {
        out.truncate(start);
    }
    result
}

/// The row width the entries of `line` need: its highest feature index + 1 (0 for none), for a
/// reader that does not know the model; tokens that are no entries are left to
/// [`read_libsvm`]'s errors.
pub(crate) fn width(line: &[u8]) -> usize {
    tokens(line)
        .skip(1)
        .filter_map(|(_, t)| std::str::from_utf8(split_pair(t).0).ok()?.parse::<usize>().ok())
        .map(|i| i.saturating_add(1))
        .max()
        .unwrap_or(0)
        .min(MAX_WIDTH)
}

/// The widest row [`width`] gives (an index beyond it is then an error, not an allocation).
const MAX_WIDTH: usize = 1 << 16;

/// The tokens of `line`, numbered from 1.
fn tokens(line: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    line.split(|b| *b == b' ' || *b == b'\t').filter(|t| !t.is_empty()).enumerate().map(|(i, t)| (i + 1, t))
}

/// Sets `row`'s entries from the tokens of `line`.
fn fill(line: &[u8], row: &mut [f32]) -> Result<(), RecordError> {
    let error = |token: usize, what: String| RecordError::Libsvm { token, what };
    let mut tokens = tokens(line);
    let Some((_, label)) = tokens.next() else { return Err(RecordError::EmptyLine) };
    let (value, weight) = split_pair(label);
    if parse_number(value).is_none() || weight.is_some_and(|w| parse_number(w).is_none()) {
        return Err(error(1, format!("`{}` is not a label (a LIBSVM line begins with its label)", shorten(label))));
    }
    let mut seen = vec![false; row.len()];
    for (i, token) in tokens {
        let (index, value) = split_pair(token);
        let Some(value) = value else {
            return Err(error(i, format!("`{}` is not INDEX:VALUE", shorten(token))));
        };
        if index == b"qid" {
            continue;
        }
        let index = std::str::from_utf8(index)
            .ok()
            .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|s| s.parse::<usize>().ok())
            .ok_or_else(|| error(i, format!("`{}` is not a feature index (0-based)", shorten(index))))?;
        if index >= row.len() {
            let n = row.len();
            return Err(error(i, format!("feature index {index} is beyond the model's {n} features (indices 0 to {})", n.max(1) - 1)));
        }
        if std::mem::replace(&mut seen[index], true) {
            return Err(error(i, format!("feature index {index} is given twice")));
        }
        row[index] = parse_number(value).ok_or_else(|| error(i, format!("`{}` is not a number", shorten(value))))?;
    }
    Ok(())
}

/// `A:B` as `(A, Some(B))`; a token without `:` as `(token, None)`.
fn split_pair(token: &[u8]) -> (&[u8], Option<&[u8]>) {
    match token.iter().position(|&b| b == b':') {
        Some(at) => (&token[..at], Some(&token[at + 1..])),
        None => (token, None),
    }
}

/// A number as [`parse_field`] reads it, but never empty.
fn parse_number(text: &[u8]) -> Option<f32> {
    if text.is_empty() {
        None
    } else {
        parse_field(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str, features: usize) -> Result<Vec<f32>, String> {
        let mut out = vec![7.0];
        match read_libsvm(line.as_bytes(), features, &mut out) {
            Ok(()) => Ok(out[1..].to_vec()),
            Err(e) => {
                assert_eq!(out, [7.0], "an error leaves the buffer as it was");
                Err(e.to_string())
            }
        }
    }

    fn bits(v: Vec<f32>) -> Vec<u32> {
        v.into_iter().map(f32::to_bits).collect()
    }

    #[test]
    fn sparse_rows_are_missing_where_no_entry_is() {
        let nan = f32::NAN;
        assert_eq!(bits(read("1 0:1.5 3:2", 5).unwrap()), bits(vec![1.5, nan, nan, 2.0, nan]));
        // Label with a weight, a qid, tabs, explicit zero and `nan`, any order.
        assert_eq!(bits(read("0:0.5\tqid:3  4:-1 1:0 2:nan", 5).unwrap()), bits(vec![nan, 0.0, nan, nan, -1.0]));
        assert_eq!(bits(read("0", 2).unwrap()), bits(vec![nan, nan]), "a label alone: every feature missing");
    }

    #[test]
    fn bad_tokens_are_named() {
        assert_eq!(read("1:0.5 2:3 x", 3), Err("token 3: `x` is not INDEX:VALUE".into()));
        assert_eq!(read("a 1:2", 3), Err("token 1: `a` is not a label (a LIBSVM line begins with its label)".into()));
        assert_eq!(read("1:x 1:2", 3), Err("token 1: `1:x` is not a label (a LIBSVM line begins with its label)".into()));
        assert_eq!(read("1 -1:2", 3), Err("token 2: `-1` is not a feature index (0-based)".into()));
        assert_eq!(read("1 3:2", 3), Err("token 2: feature index 3 is beyond the model's 3 features (indices 0 to 2)".into()));
        assert_eq!(read("1 1:2 1:3", 3), Err("token 3: feature index 1 is given twice".into()));
        assert_eq!(read("1 1:", 3), Err("token 2: `` is not a number".into()));
        assert_eq!(read("1 1:abc", 3), Err("token 2: `abc` is not a number".into()));
        assert_eq!(read("   ", 3), Err("empty line".into()));
    }
}
