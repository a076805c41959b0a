//! SageMaker batch transform's data-processing filters (`--input-filter`, `--output-filter`):
//! the JSONPath subset SageMaker documents. For CSV, `$[...]` lists 0-based columns — indexes
//! (`$[0]`, negative from the end: `$[-1]`), slices (`$[1:]`, `$[1:3]`, end excluded) or both
//! (`$[0,2:4,-1]`); for JSON Lines, `$.field`, `$.a.b`, `$['a','b']` (several fields make an
//! object of them). `$` is the whole record.

use serde_json::Value;

/// One CSV column selector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// One column (negative: from the end).
    Index(i64),
    /// Columns `start..end` (negative: from the end; `None`: the line's start or end).
    Slice(Option<i64>, Option<i64>),
}

/// A parsed filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// `$`: the whole record.
    All,
    /// `$[...]`: CSV columns, in the order listed.
    Columns(Vec<Column>),
    /// `$.a.b`: one JSON value at a path of field names.
    Path(Vec<String>),
    /// `$['a','b']`: the named fields of a JSON object, as an object.
    Fields(Vec<String>),
}

impl Filter {
    /// Parses a filter, or says what is wrong with it.
    pub fn parse(text: &str) -> Result<Filter, String> {
        let bad = |why: &str| format!("filter `{text}`: {why} (e.g. `$`, `$[1:]`, `$[0,-1]`, `$.features`, `$['id','SageMakerOutput']`)");
        let rest = text.trim().strip_prefix('$').ok_or_else(|| bad("starts with `$`"))?;
        if rest.is_empty() {
            return Ok(Filter::All);
        }
        if let Some(inner) = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            if inner.trim_start().starts_with('\'') || inner.trim_start().starts_with('"') {
                let names = inner
                    .split(',')
                    .map(|n| {
                        let n = n.trim();
                        n.strip_prefix('\'')
                            .and_then(|n| n.strip_suffix('\''))
                            .or_else(|| n.strip_prefix('"').and_then(|n| n.strip_suffix('"')))
                            .map(str::to_string)
                            .ok_or_else(|| bad("field names are quoted"))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                return Ok(Filter::Fields(names));
            }
            let number = |s: &str| -> Result<Option<i64>, String> {
                let s = s.trim();
                if s.is_empty() {
                    Ok(None)
                } else {
                    s.parse().map(Some).map_err(|_| bad("columns are integers"))
                }
            };
            let columns = inner
                .split(',')
                .map(|part| match part.split_once(':') {
                    Some((a, b)) => Ok(Column::Slice(number(a)?, number(b)?)),
                    None => number(part)?.map(Column::Index).ok_or_else(|| bad("an empty column")),
                })
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(Filter::Columns(columns));
        }
        let path = rest.strip_prefix('.').ok_or_else(|| bad("after `$` comes `[...]` or `.field`"))?;
        let names: Vec<String> = path.split('.').map(str::to_string).collect();
        if names.iter().any(|n| n.is_empty()) {
            return Err(bad("an empty field name"));
        }
        Ok(Filter::Path(names))
    }

    /// Whether the filter is for CSV (`$[...]` columns) rather than JSON.
    pub fn is_columns(&self) -> bool {
        matches!(self, Filter::Columns(_))
    }

    /// The 0-based columns selected from a line of `n` columns, in order; an index beyond the
    /// line is an error naming it.
    pub fn columns(&self, n: usize) -> Result<Vec<usize>, String> {
        let Filter::Columns(columns) = self else { return Ok((0..n).collect()) };
        let at = |i: i64| if i < 0 { n as i64 + i } else { i };
        let mut out = Vec::new();
        for c in columns {
            match *c {
                Column::Index(i) => {
                    let k = at(i);
                    if k < 0 || k >= n as i64 {
                        return Err(format!("the filter's column {i} is beyond the record's {n} columns"));
                    }
                    out.push(k as usize);
                }
                Column::Slice(a, b) => {
                    let a = a.map_or(0, at).clamp(0, n as i64);
                    let b = b.map_or(n as i64, at).clamp(0, n as i64);
                    out.extend(a as usize..b.max(a) as usize);
                }
            }
        }
        Ok(out)
    }

    /// Selects the columns of a CSV line (split into `fields`) and writes them to `out` as a
    /// CSV line (fields quoted where needed).
    pub fn write_columns(&self, fields: &super::CsvFields, out: &mut Vec<u8>) -> Result<(), String> {
        for (i, c) in self.columns(fields.len())?.into_iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_csv_field(out, fields.get(c));
        }
        Ok(())
    }

    /// The JSON value the filter selects from `value` (`None`: a field is missing).
    pub fn select(&self, value: &Value) -> Option<Value> {
        match self {
            Filter::All | Filter::Columns(_) => Some(value.clone()),
            Filter::Path(path) => path.iter().try_fold(value, |v, name| v.get(name)).cloned(),
            Filter::Fields(names) => {
                let mut object = serde_json::Map::new();
                for name in names {
                    object.insert(name.clone(), value.get(name)?.clone());
                }
                Some(Value::Object(object))
            }
        }
    }
}

/// Writes one CSV field, quoted when it holds a comma, a quote or a line end.
pub fn write_csv_field(out: &mut Vec<u8>, field: &[u8]) {
    if field.iter().any(|&b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        out.push(b'"');
        for &b in field {
            if b == b'"' {
                out.push(b'"');
            }
            out.push(b);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_columns() {
        let cols = |f: &str, n| Filter::parse(f).unwrap().columns(n);
        assert_eq!(cols("$[1:]", 4), Ok(vec![1, 2, 3]));
        assert_eq!(cols("$[0,-1]", 4), Ok(vec![0, 3]));
        assert_eq!(cols("$[1:3]", 5), Ok(vec![1, 2]));
        assert_eq!(cols("$[:2, 4]", 5), Ok(vec![0, 1, 4]));
        assert_eq!(cols("$", 2), Ok(vec![0, 1]));
        assert_eq!(cols("$[7]", 3), Err("the filter's column 7 is beyond the record's 3 columns".into()));
    }

    #[test]
    fn json_paths() {
        let v: Value = serde_json::from_str(r#"{"id": 7, "data": {"features": [1, 2]}, "SageMakerOutput": 0.5}"#).unwrap();
        let sel = |f: &str| Filter::parse(f).unwrap().select(&v);
        assert_eq!(sel("$.data.features"), Some(serde_json::json!([1, 2])));
        assert_eq!(sel("$['id','SageMakerOutput']"), Some(serde_json::json!({"id": 7, "SageMakerOutput": 0.5})));
        assert_eq!(sel("$.missing"), None);
        assert_eq!(sel("$"), Some(v.clone()));
    }

    #[test]
    fn bad_filters_say_why() {
        assert!(Filter::parse("[1:]").unwrap_err().contains("starts with `$`"));
        assert!(Filter::parse("$[a]").unwrap_err().contains("columns are integers"));
        assert!(Filter::parse("$..x").unwrap_err().contains("an empty field name"));
        assert!(Filter::parse("$x").is_err());
    }
}
