//! CSV headers (`--header`): the first line names the columns. Where the model has feature
//! names (format 1.2, XGBoost's `feature_names`), the header must name exactly its features
//! (besides the route and id columns), in any order, and columns are read by name; without
//! names, columns are read by position and the header is only skipped.

use std::collections::HashMap;
use std::fmt;

use mlc_format::names::FeatureNames;

use super::csv_fields::CsvFields;

/// A CSV header line: the column names, in column order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvHeader {
    columns: Vec<String>,
}

/// Why a header does not fit a model's feature names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderError {
    /// Header columns that are not features of the model (nor the route or id column).
    pub unknown: Vec<String>,
    /// Features of the model that no header column names.
    pub missing: Vec<String>,
    /// Names that several header columns carry.
    pub repeated: Vec<String>,
}

/// At most this many names of each kind in a message; the rest are counted.
const SHOWN: usize = 8;

fn list(f: &mut fmt::Formatter<'_>, what: &str, names: &[String]) -> fmt::Result {
    write!(f, "{what} ")?;
    for (i, n) in names.iter().take(SHOWN).enumerate() {
        write!(f, "{}`{n}`", if i > 0 { ", " } else { "" })?;
    }
    if names.len() > SHOWN {
        write!(f, " and {} more", names.len() - SHOWN)?;
    }
    Ok(())
}

impl fmt::Display for HeaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the columns' names are not the model's feature names: ")?;
        let mut first = true;
        for (what, names) in [("unknown column", &self.unknown), ("missing feature", &self.missing), ("repeated column", &self.repeated)] {
            if names.is_empty() {
                continue;
            }
            if !first {
                write!(f, "; ")?;
            }
            first = false;
            list(f, &format!("{what}{}", if names.len() > 1 { "s" } else { "" }), names)?;
        }
        write!(f, " (`mlc inspect` lists the names)")
    }
}

impl std::error::Error for HeaderError {}

impl CsvHeader {
    /// The header of a CSV line (without its line end; a byte order mark is dropped, fields
    /// quoted as in records; names are lossy UTF-8 and trimmed of surrounding spaces).
    pub fn parse(line: &[u8]) -> CsvHeader {
        let mut fields = CsvFields::default();
        fields.split(super::strip_bom(line));
        CsvHeader { columns: fields.iter().map(|f| String::from_utf8_lossy(f).trim().to_string()).collect() }
    }

    /// A header of these column names (e.g. a DataFrame's columns), in column order.
    pub fn new(columns: Vec<String>) -> CsvHeader {
        CsvHeader { columns }
    }

    /// The column names, in column order.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// Where each of the model's features is: `Ok(None)` when the model has no names (columns
    /// are read by position), else the 0-based column of each feature, in feature order. The
    /// 1-based `route` and `id` columns are not features. An error names the columns that are
    /// not features, the features no column names and the names given twice.
    pub fn columns_of(
        &self,
        names: Option<FeatureNames<'_>>,
        route: Option<usize>,
        id: Option<usize>,
    ) -> Result<Option<Vec<usize>>, HeaderError> {
        let Some(names) = names else { return Ok(None) };
        let mut at: HashMap<&str, usize> = HashMap::with_capacity(self.columns.len());
        let mut error = HeaderError { unknown: Vec::new(), missing: Vec::new(), repeated: Vec::new() };
        for (i, column) in self.columns.iter().enumerate() {
            if Some(i + 1) == route || Some(i + 1) == id {
                continue;
            }
            if at.insert(column, i).is_some() && !error.repeated.contains(column) {
                error.repeated.push(column.clone());
            }
        }
        let mut columns = Vec::with_capacity(names.len());
        for name in names.iter() {
            match at.remove(name) {
                Some(i) => columns.push(i),
                None => error.missing.push(name.to_string()),
            }
        }
        let mut unknown: Vec<(usize, &str)> = at.into_iter().map(|(name, i)| (i, name)).collect();
        unknown.sort();
        error.unknown = unknown.into_iter().map(|(_, name)| name.to_string()).collect();
        error.repeated.retain(|name| !error.missing.contains(name));
        if error.unknown.is_empty() && error.missing.is_empty() && error.repeated.is_empty() {
            Ok(Some(columns))
        } else {
            Err(error)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: &[&str]) -> Vec<u8> {
        mlc_format::names::encode(n)
    }

    #[test]
    fn columns_by_name_in_any_order() {
        let bytes = names(&["a", "b", "c"]);
        let view = FeatureNames::parse(&bytes).ok();
        let header = CsvHeader::parse(b"\xEF\xBB\xBFc, a ,\"b\"");
        assert_eq!(header.columns(), ["c", "a", "b"]);
        assert_eq!(header.columns_of(view, None, None), Ok(Some(vec![1, 2, 0])));
        // The route and id columns are not features.
        let header = CsvHeader::parse(b"state,b,id,a,c");
        assert_eq!(header.columns_of(view, Some(1), Some(3)), Ok(Some(vec![3, 1, 4])));
        // No names: by position.
        assert_eq!(header.columns_of(None, None, None), Ok(None));
    }

    #[test]
    fn mismatches_name_the_columns() {
        let bytes = names(&["a", "b", "c"]);
        let view = FeatureNames::parse(&bytes).ok();
        let err = CsvHeader::parse(b"a,x,c,y").columns_of(view, None, None).unwrap_err();
        assert_eq!((err.unknown.clone(), err.missing.clone()), (vec!["x".to_string(), "y".into()], vec!["b".to_string()]));
        assert_eq!(
            err.to_string(),
            "the columns' names are not the model's feature names: unknown columns `x`, `y`; missing feature `b` \
             (`mlc inspect` lists the names)"
        );
        let err = CsvHeader::parse(b"a,b,c,a").columns_of(view, None, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the columns' names are not the model's feature names: repeated column `a` (`mlc inspect` lists the names)"
        );
    }
}
