//! Input records: the one reading of CSV, JSON Lines, text, LIBSVM and token-id records into a model's
//! input, shared by `mlc predict`, `mlc transform` and `mlc bench` (and by anything that parses
//! a request body: nothing here reads files).
//!
//! * Every line is one record ([`lines`]; a UTF-8 byte order mark at its start is not part of
//!   it).
//! * [`RecordReader::read`] splits a line as its [`ContentType`] says: CSV fields (the model's
//!   name in a route column, if any), a JSON Lines object (`model`, and `features` or `text`),
//!   raw text, or a LIBSVM line (sparse features, [`libsvm`]).
//! * [`Record::input`] reads the record's values as the model takes them
//!   ([`Model::input_kind`]) into reusable buffers ([`InputBuf`]), giving the runtime's
//!   [`Input`]: numbers for [`InputKind::Floats`] (empty, `nan` or JSON `null` is a missing
//!   value), integers for [`InputKind::TokenIds`] (see [`parse_token_id`]), raw text for a text
//!   model.
//!
//! Errors ([`RecordError`]) name the column (CSV, counted in the line) or the feature (JSON
//! Lines); callers add the file and the line.

mod csv_fields;
mod error;
pub mod filter;
mod header;
mod json;
mod libsvm;
mod lines;
mod values;

use std::borrow::Cow;

use mlc_format::names::FeatureCategories;
use mlc_runtime::{Input, InputKind, Model};
use serde_json::value::RawValue;

pub use csv_fields::{csv_reader, read_feature_rows, CsvFields, RowsError};
pub use error::{Layout, Position, RecordError, ValueKind};
pub use header::{CsvHeader, HeaderError};
pub use json::{json_value, JsonRecord};
pub use lines::{lines, strip_bom, BOM};
use values::read_values;
pub use values::{category_code, parse_features, parse_field, parse_token_id, shorten};

/// Format of the records (`--content-type`, or a request's `Content-Type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentType {
    /// `text/csv`: values comma-separated, no header; optionally the model name in a column.
    Csv,
    /// `application/jsonlines`: one object per line, with `features` (an array of numbers,
    /// `null` = missing) or `text` (a string), and optionally `model`.
    JsonLines,
    /// `text/plain`: each line is one text (a review) for a text model.
    Text,
    /// `text/libsvm`: `LABEL INDEX:VALUE …` (0-based indices; a feature with no entry is
    /// missing), as XGBoost reads LIBSVM text ([`libsvm`]).
    Libsvm,
}

impl ContentType {
    /// The media type.
    pub fn mime(self) -> &'static str {
        match self {
            ContentType::Csv => "text/csv",
            ContentType::JsonLines => "application/jsonlines",
            ContentType::Text => "text/plain",
            ContentType::Libsvm => "text/libsvm",
        }
    }

    /// The content type of a media type such as a `Content-Type` header's (parameters such as
    /// `; charset=utf-8` and case ignored; `application/x-ndjson` and `application/jsonl` are
    /// JSON Lines too); `None` for another type.
    pub fn from_mime(mime: &str) -> Option<ContentType> {
        let essence = mime.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
        match essence.as_str() {
            "text/csv" => Some(ContentType::Csv),
            "application/jsonlines" | "application/jsonl" | "application/x-ndjson" => Some(ContentType::JsonLines),
            "text/plain" => Some(ContentType::Text),
            "text/libsvm" | "text/x-libsvm" => Some(ContentType::Libsvm),
            _ => None,
        }
    }

    /// The content type a file's extension names (case ignored): `.csv`; `.jsonl`, `.ndjson`,
    /// `.json` (JSON Lines); `.txt`; `.libsvm`, `.svm`. `None` for another extension or none.
    pub fn from_extension(path: &std::path::Path) -> Option<ContentType> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Some(ContentType::Csv),
            "jsonl" | "ndjson" | "json" => Some(ContentType::JsonLines),
            "txt" => Some(ContentType::Text),
            "libsvm" | "svm" => Some(ContentType::Libsvm),
            _ => None,
        }
    }
}

/// Splits lines into [`Record`]s, reusing its buffers from line to line.
pub struct RecordReader {
    content_type: ContentType,
    route_column: Option<usize>,
    id_column: Option<usize>,
    csv: CsvFields,
}

impl RecordReader {
    /// A reader of `content_type` records; CSV with `route_column`: the model's name is in
    /// this 1-based column, which is not a value (other content types ignore it).
    pub fn new(content_type: ContentType, route_column: Option<usize>) -> RecordReader {
        RecordReader { content_type, route_column, id_column: None, csv: CsvFields::default() }
    }

    /// CSV: the record's id is in this 1-based column, which is not a value (passed through to
    /// the output: `--id-column`). Other content types ignore it.
    pub fn with_id_column(mut self, id_column: Option<usize>) -> RecordReader {
        self.id_column = id_column;
        self
    }

    /// Bytes of its buffers.
    pub fn capacity_bytes(&self) -> usize {
        self.csv.capacity()
    }

    /// Splits one line (without its line end; a leading byte order mark is dropped).
    pub fn read<'r>(&'r mut self, line: &'r [u8]) -> Result<Record<'r>, RecordError> {
        let line = strip_bom(line);
        if line.is_empty() && self.content_type != ContentType::Text {
            return Err(RecordError::EmptyLine);
        }
        match self.content_type {
            ContentType::Text => Ok(Record { model: None, id: None, values: Values::Text(line) }),
            ContentType::Csv => {
                self.csv.split(line);
                let fields = self.csv.len();
                let model = match self.route_column {
                    None => None,
                    Some(column) if column == 0 || column > fields => return Err(RecordError::NoRouteColumn { column, fields }),
                    Some(column) => {
                        let name = std::str::from_utf8(self.csv.get(column - 1)).map_err(|_| RecordError::ModelNameNotUtf8 { column })?;
                        Some(Cow::Borrowed(name))
                    }
                };
                let id = match self.id_column {
                    None => None,
                    Some(column) if column == 0 || column > fields => return Err(RecordError::NoIdColumn { column, fields }),
                    Some(column) => Some(String::from_utf8_lossy(self.csv.get(column - 1))),
                };
                Ok(Record { model, id, values: Values::Csv { fields: &self.csv, route: self.route_column, id: self.id_column } })
            }
            ContentType::JsonLines => {
                let record = JsonRecord::parse(line).map_err(RecordError::Json)?;
                Ok(Record { model: record.model, id: None, values: Values::Json { text: record.text, features: record.features } })
            }
            ContentType::Libsvm => Ok(Record { model: None, id: None, values: Values::Libsvm(line) }),
        }
    }
}

/// One record split from its line: the model it names, and its values as text.
pub struct Record<'r> {
    model: Option<Cow<'r, str>>,
    id: Option<Cow<'r, str>>,
    values: Values<'r>,
}

/// A record's values before they are read.
enum Values<'r> {
    /// CSV fields; the route and id columns (1-based) are not values.
    Csv { fields: &'r CsvFields, route: Option<usize>, id: Option<usize> },
    /// A JSON Lines record's `text` or `features` (checked when read, after routing).
    Json { text: Option<Cow<'r, str>>, features: Option<Vec<&'r RawValue>> },
    /// A line of raw text.
    Text(&'r [u8]),
    /// A LIBSVM line (read when the model's feature count is known).
    Libsvm(&'r [u8]),
}

/// Buffers that records' values are read into, reused from record to record.
#[derive(Debug, Default, Clone)]
pub struct InputBuf {
    /// Numbers ([`InputKind::Floats`]), records back to back.
    pub floats: Vec<f32>,
    /// Token ids ([`InputKind::TokenIds`]), records back to back.
    pub ids: Vec<u32>,
}

impl InputBuf {
    /// Empties both buffers (keeping their memory).
    pub fn clear(&mut self) {
        self.floats.clear();
        self.ids.clear();
    }

    /// Bytes the buffers hold.
    pub fn capacity_bytes(&self) -> usize {
        4 * self.floats.capacity() + 4 * self.ids.capacity()
    }
}

impl<'r> Record<'r> {
    /// The model the record names (its route column, or a JSON record's `model`).
    pub fn model(&self) -> Option<&str> {
        self.model.as_deref()
    }

    /// The record's id (its id column, lossy UTF-8), if the reader has one.
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The record as `model`'s input: its values read as the model takes them and appended to
    /// `buf` (numbers to [`InputBuf::floats`], token ids to [`InputBuf::ids`]; on error `buf` is
    /// left as it was), or its raw text. The input is this record alone.
    pub fn input<'a>(&'a self, model: &Model<'_>, buf: &'a mut InputBuf) -> Result<Input<'a>, RecordError> {
        self.input_by_columns(model, None, buf)
    }

    /// [`Record::input`], a CSV record's values taken from `columns` (0-based, one per value in
    /// the model's order: [`CsvHeader::columns_of`]) rather than by position.
    pub fn input_by_columns<'a>(
        &'a self,
        model: &Model<'_>,
        columns: Option<&[usize]>,
        buf: &'a mut InputBuf,
    ) -> Result<Input<'a>, RecordError> {
        self.read(model.input_kind(), columns, model.feature_categories().as_ref(), buf).map_err(|e| match e {
            // Only the message's wording tells a tree ensemble from a network (docs/transform.md).
            RecordError::NotText { .. } => RecordError::NotText { features_only: model.has_margins().then(|| model.kind()) },
            e => e,
        })
    }

    /// [`Record::input`] for a model that takes `kind`, whose categorical features' values
    /// may name their `categories`.
    fn read<'a>(
        &'a self,
        kind: InputKind,
        columns: Option<&[usize]>,
        categories: Option<&FeatureCategories<'_>>,
        buf: &'a mut InputBuf,
    ) -> Result<Input<'a>, RecordError> {
        if let Values::Libsvm(line) = self.values {
            let InputKind::Floats { features } = kind else { return Err(RecordError::LibsvmNotFeatures) };
            let start = buf.floats.len();
            libsvm::read_libsvm(line, features, &mut buf.floats)?;
            return Ok(Input::Rows(&buf.floats[start..]));
        }
        let text = match &self.values {
            Values::Text(text) => Some(*text),
            Values::Json { text: Some(_), features: Some(_) } => return Err(RecordError::TextAndFeatures),
            Values::Json { text: None, features: None } => return Err(RecordError::NoInput),
            Values::Json { text, .. } => text.as_deref().map(str::as_bytes),
            Values::Csv { .. } | Values::Libsvm(_) => None,
        };
        match (text, kind) {
            (Some(text), InputKind::TokenIds { text: true, .. }) => Ok(Input::Text(text)),
            (Some(_), _) => Err(RecordError::NotText { features_only: None }),
            (None, InputKind::Floats { features }) => {
                let start = buf.floats.len();
                self.read_values(features, columns, categories, &mut buf.floats)?;
                Ok(Input::Rows(&buf.floats[start..]))
            }
            (None, InputKind::TokenIds { length, text, .. }) => {
                let start = buf.ids.len();
                self.read_values(length, columns, None, &mut buf.ids).map_err(|e| match &self.values {
                    Values::Csv { fields, .. } if text && length > 1 && self.csv_looks_like_text(fields) => {
                        RecordError::TextInCsv(Box::new(e))
                    }
                    _ => e,
                })?;
                Ok(Input::Ids(&buf.ids[start..]))
            }
        }
    }

    /// Whether CSV `fields` look like a line of raw text: one value (the route and id columns
    /// aside) that is not a number.
    fn csv_looks_like_text(&self, fields: &CsvFields) -> bool {
        let Values::Csv { route, id, .. } = self.values else { return false };
        let mut values = fields.iter().enumerate().filter(|&(i, _)| Some(i + 1) != route && Some(i + 1) != id).map(|(_, f)| f);
        match (values.next(), values.next()) {
            (Some(value), None) => !value.iter().all(|b| b.is_ascii_digit() || b.is_ascii_whitespace()),
            _ => false,
        }
    }

    /// Its raw text: a text line, or a JSON Lines record's `text` (`None` for numbers).
    pub fn text(&self) -> Option<&[u8]> {
        match &self.values {
            Values::Text(text) => Some(text),
            Values::Json { text: Some(text), .. } => Some(text.as_bytes()),
            Values::Json { text: None, .. } | Values::Csv { .. } | Values::Libsvm(_) => None,
        }
    }

    /// Appends its CSV fields, the route and id columns left out, comma-separated (quoted where
    /// needed, by [`filter::write_csv_field`]) to `out`, unread: a CSV record as a remote
    /// endpoint takes it. `false` (nothing written) for a record that is not CSV.
    pub fn write_csv_fields(&self, out: &mut Vec<u8>) -> bool {
        let Values::Csv { fields, route, id } = &self.values else { return false };
        let values = fields.iter().enumerate().filter(|&(i, _)| Some(i + 1) != *route && Some(i + 1) != *id).map(|(_, field)| field);
        for (i, field) in values.enumerate() {
            if i > 0 {
                out.push(b',');
            }
            filter::write_csv_field(out, field);
        }
        true
    }

    /// Appends all its values read as numbers (CSV fields less the route and id columns, JSON
    /// features, or LIBSVM entries up to the highest index; as many as it has) to `out`, for a
    /// reader that does not know the model (a request to a remote endpoint); on error `out` is
    /// left as it was.
    pub fn numbers(&self, out: &mut Vec<f32>) -> Result<(), RecordError> {
        let count = match &self.values {
            Values::Libsvm(line) => return libsvm::read_libsvm(line, libsvm::width(line), out),
            Values::Csv { fields, route, id } => fields.len() - route.is_some() as usize - id.is_some() as usize,
            Values::Json { text: None, features: Some(features) } => features.len(),
            Values::Json { text: Some(_), features: Some(_) } => return Err(RecordError::TextAndFeatures),
            Values::Json { .. } | Values::Text(_) => return Err(RecordError::NoInput),
        };
        self.read_values(count, None, None, out)
    }

    /// Appends the record's `expected` values (CSV fields, or JSON features) to `out`, a
    /// categorical feature's category name read as its code.
    fn read_values<T: values::Value>(
        &self,
        expected: usize,
        columns: Option<&[usize]>,
        categories: Option<&FeatureCategories<'_>>,
        out: &mut Vec<T>,
    ) -> Result<(), RecordError> {
        match (&self.values, columns) {
            (Values::Csv { fields, route, id }, Some(columns)) => {
                let count = fields.len() - route.is_some() as usize - id.is_some() as usize;
                if count != expected || columns.len() != expected || columns.iter().any(|&c| c >= fields.len()) {
                    let layout = Layout::Csv { route: *route, id: *id };
                    return Err(RecordError::Count { kind: T::KIND, layout, expected, found: count });
                }
                values::read_columns(fields, columns, categories, out)
            }
            (Values::Csv { fields, route, id }, None) => {
                let values =
                    fields.iter().enumerate().filter(|&(i, _)| Some(i + 1) != *route && Some(i + 1) != *id).map(|(_, field)| field);
                let count = fields.len() - route.is_some() as usize - id.is_some() as usize;
                read_values(count, values, expected, Layout::Csv { route: *route, id: *id }, categories, out)
            }
            (Values::Json { features: Some(features), .. }, _) => {
                read_values(features.len(), features.iter().map(|v| json_value(v)), expected, Layout::Json, categories, out)
            }
            (Values::Json { features: None, .. } | Values::Text(_), _) => Err(RecordError::NoInput),
            (Values::Libsvm(_), _) => Err(RecordError::LibsvmNotFeatures),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FLOATS: InputKind = InputKind::Floats { features: 3 };
    const IDS: InputKind = InputKind::TokenIds { length: 3, vocab: 10, text: false };
    const TEXT: InputKind = InputKind::TokenIds { length: 3, vocab: 10, text: true };

    /// A record's model and input, owned.
    #[derive(Debug, PartialEq)]
    enum Got {
        Rows(Option<String>, Vec<f32>),
        Ids(Option<String>, Vec<u32>),
        Text(Option<String>, Vec<u8>),
    }

    /// Reads `line` for a model taking `kind`; errors as their messages.
    fn read(content_type: ContentType, route: Option<usize>, kind: InputKind, line: &[u8]) -> Result<Got, String> {
        let mut reader = RecordReader::new(content_type, route);
        let record = reader.read(line).map_err(|e| e.to_string())?;
        let model = record.model().map(str::to_string);
        let mut buf = InputBuf::default();
        Ok(match record.read(kind, None, None, &mut buf).map_err(|e| e.to_string())? {
            Input::Rows(rows) => Got::Rows(model, rows.to_vec()),
            Input::Ids(ids) => Got::Ids(model, ids.to_vec()),
            Input::Text(text) => Got::Text(model, text.to_vec()),
        })
    }

    fn csv(kind: InputKind, line: &str) -> Result<Got, String> {
        read(ContentType::Csv, None, kind, line.as_bytes())
    }

    fn routed(kind: InputKind, line: &str) -> Result<Got, String> {
        read(ContentType::Csv, Some(1), kind, line.as_bytes())
    }

    fn json(kind: InputKind, line: &str) -> Result<Got, String> {
        read(ContentType::JsonLines, None, kind, line.as_bytes())
    }

    /// `numbers` and `text` read a record without a model: every value, the route column left out.
    #[test]
    fn reads_numbers_and_text_without_a_model() {
        let mut reader = RecordReader::new(ContentType::Csv, Some(2));
        let mut out = vec![9.0];
        let record = reader.read(b"1.5,AK,,2").unwrap();
        record.numbers(&mut out).unwrap();
        assert_eq!((record.model(), record.text()), (Some("AK"), None));
        assert_eq!(out[..2], [9.0, 1.5]);
        assert!(out[2].is_nan() && out[3] == 2.0 && out.len() == 4);
        let mut csv = Vec::new();
        assert!(record.write_csv_fields(&mut csv));
        assert_eq!(csv, b"1.5,,2");
        let quoted = reader.read(br#"1,AK,"a,""b""#).unwrap();
        csv.clear();
        assert!(quoted.write_csv_fields(&mut csv));
        assert_eq!(csv, br#"1,"a,""b""#);
        let bad = reader.read(b"1,AK,x").unwrap();
        assert_eq!(
            bad.numbers(&mut out).unwrap_err().to_string(),
            read(ContentType::Csv, Some(2), InputKind::Floats { features: 2 }, b"1,AK,x").unwrap_err()
        );
        assert_eq!(out.len(), 4);
        let mut json = RecordReader::new(ContentType::JsonLines, None);
        let record = json.read(br#"{"model":"imdb","text":"a film"}"#).unwrap();
        assert_eq!((record.model(), record.text()), (Some("imdb"), Some(&b"a film"[..])));
        assert_eq!(record.numbers(&mut out).unwrap_err().to_string(), RecordError::NoInput.to_string());
        assert!(!record.write_csv_fields(&mut csv));
    }

    fn rows(got: Result<Got, String>) -> Vec<f32> {
        match got {
            Ok(Got::Rows(_, rows)) => rows,
            other => panic!("not rows: {other:?}"),
        }
    }

    #[test]
    fn numbers_and_missing_values() {
        let row = rows(csv(FLOATS, "1.5, ,nan"));
        assert_eq!(row[0], 1.5);
        assert!(row[1].is_nan() && row[2].is_nan(), "empty and `nan` are missing: {row:?}");
        let row = rows(json(FLOATS, r#"{"features": [-2, null, 1e-3]}"#));
        assert_eq!((row[0], row[2]), (-2.0, 1e-3));
        assert!(row[1].is_nan(), "JSON null is missing");
        assert_eq!(csv(FLOATS, "1,x,3"), Err("column 2: `x` is not a number".into()));
        assert_eq!(json(FLOATS, r#"{"features": [1, 2, true]}"#), Err("feature 3: `true` is not a number".into()));
        // A float network reads numbers as a tree ensemble does.
        assert_eq!(rows(csv(InputKind::Floats { features: 2 }, "0.25,-4")), [0.25, -4.0]);
    }

    #[test]
    fn token_ids_are_integers_in_every_content_type() {
        assert_eq!(csv(IDS, "1, 2,3"), Ok(Got::Ids(None, vec![1, 2, 3])));
        assert_eq!(json(IDS, r#"{"features": [1, 2, 3]}"#), Ok(Got::Ids(None, vec![1, 2, 3])));
        assert_eq!(routed(TEXT, "m,4,5,6"), Ok(Got::Ids(Some("m".into()), vec![4, 5, 6])));
        // `1.0` is a number, not a token id: the same answer from CSV and JSON Lines.
        assert_eq!(csv(IDS, "1.0,2,3"), Err("column 1: `1.0` is not a token id".into()));
        assert_eq!(json(IDS, r#"{"features": [1, 2.0, 3]}"#), Err("feature 2: `2.0` is not a token id".into()));
        assert_eq!(routed(IDS, "m,1,x,3"), Err("column 3: `x` is not a token id".into()));
        // Never missing.
        assert_eq!(csv(IDS, "1,,3"), Err("column 2: `` is not a token id".into()));
        assert_eq!(json(IDS, r#"{"features": [1, 2, null]}"#), Err("feature 3: `` is not a token id".into()));
        assert_eq!(csv(IDS, "-1,2,3"), Err("column 1: `-1` is not a token id".into()));
        // Whether an id is below the vocabulary size is the runtime's check.
        assert_eq!(csv(IDS, "10,11,4294967295"), Ok(Got::Ids(None, vec![10, 11, u32::MAX])));
    }

    #[test]
    fn wrong_counts_name_what_the_model_takes() {
        assert_eq!(csv(FLOATS, "1,2"), Err("expected 3 fields (the model's feature count), found 2".into()));
        assert_eq!(csv(IDS, "1,2,3,4"), Err("expected 3 token ids, found 4".into()));
        assert_eq!(routed(FLOATS, "m,1,2"), Err("expected 4 fields (the model name and 3 features), found 3".into()));
        assert_eq!(routed(TEXT, "m,1"), Err("expected 4 fields (the model name and 3 token ids), found 2".into()));
        assert_eq!(json(FLOATS, r#"{"features": [1, 2]}"#), Err("expected 3 features, found 2".into()));
        assert_eq!(json(IDS, r#"{"features": []}"#), Err("expected 3 token ids, found 0".into()));
    }

    #[test]
    fn a_one_column_csv_for_a_text_model_is_told_to_use_text_plain() {
        let got = csv(TEXT, "a great film").unwrap_err();
        assert!(got.starts_with("expected 3 token ids, found 1; the model reads raw text"), "{got}");
        assert!(got.contains("--content-type text/plain"), "{got}");
        assert!(routed(TEXT, "m,great").unwrap_err().contains("text/plain"));
        // Token ids, however many, are not told so; nor is a model without a tokenizer.
        assert_eq!(csv(TEXT, "1,2"), Err("expected 3 token ids, found 2".into()));
        assert_eq!(csv(TEXT, "7"), Err("expected 3 token ids, found 1".into()));
        assert_eq!(csv(IDS, "great"), Err("expected 3 token ids, found 1".into()));
    }

    #[test]
    fn id_columns_pass_through_and_are_not_values() {
        type Got = (Option<String>, Option<String>, Vec<f32>);
        let read_id = |route: Option<usize>, line: &str| -> Result<Got, String> {
            let mut reader = RecordReader::new(ContentType::Csv, route).with_id_column(Some(2));
            let record = reader.read(line.as_bytes()).map_err(|e| e.to_string())?;
            let (model, id) = (record.model().map(str::to_string), record.id().map(str::to_string));
            let mut buf = InputBuf::default();
            match record.read(FLOATS, None, None, &mut buf).map_err(|e| e.to_string())? {
                Input::Rows(rows) => Ok((model, id, rows.to_vec())),
                _ => Err("not rows".into()),
            }
        };
        assert_eq!(read_id(None, "1,cust-7,2,3"), Ok((None, Some("cust-7".into()), vec![1.0, 2.0, 3.0])));
        assert_eq!(read_id(Some(1), "AK,cust-7,2,3,4"), Ok((Some("AK".into()), Some("cust-7".into()), vec![2.0, 3.0, 4.0])));
        // Columns are counted in the line, the id and route columns included.
        assert_eq!(read_id(Some(1), "AK,c,2,x,4"), Err("column 4: `x` is not a number".into()));
        assert_eq!(read_id(None, "1,c,x,3"), Err("column 3: `x` is not a number".into()));
        assert_eq!(read_id(None, "x,c,2,3"), Err("column 1: `x` is not a number".into()));
        assert_eq!(read_id(None, "1,c,2"), Err("expected 4 fields (the id and 3 features), found 3".into()));
        assert_eq!(read_id(Some(1), "AK,c,2"), Err("expected 5 fields (the model name, the id and 3 features), found 3".into()));
        assert_eq!(read_id(None, "1"), Err("no column 2 (the id): the line has 1 fields".into()));
    }

    #[test]
    fn route_columns() {
        assert_eq!(routed(FLOATS, "AK,1,2,3"), Ok(Got::Rows(Some("AK".into()), vec![1.0, 2.0, 3.0])));
        assert_eq!(routed(FLOATS, r#""A,K",1,2,3"#), Ok(Got::Rows(Some("A,K".into()), vec![1.0, 2.0, 3.0])));
        // Columns are counted in the line, the route column included.
        let third = |line: &str| read(ContentType::Csv, Some(3), FLOATS, line.as_bytes());
        assert_eq!(third("1,2,AK,3"), Ok(Got::Rows(Some("AK".into()), vec![1.0, 2.0, 3.0])));
        assert_eq!(third("1,x,AK,3"), Err("column 2: `x` is not a number".into()));
        assert_eq!(third("1,2,AK,x"), Err("column 4: `x` is not a number".into()));
        assert_eq!(third("1,2"), Err("no column 3 (the model name): the line has 2 fields".into()));
        assert_eq!(routed(FLOATS, "\u{fffd}"), Err("expected 4 fields (the model name and 3 features), found 1".into()));
        assert_eq!(read(ContentType::Csv, Some(1), FLOATS, b"\xff,1,2,3"), Err("column 1: the model name is not UTF-8".into()));
        // Other content types have no route column.
        assert_eq!(read(ContentType::JsonLines, Some(1), FLOATS, br#"{"features": [1, 2, 3]}"#), Ok(Got::Rows(None, vec![1.0, 2.0, 3.0])));
    }

    #[test]
    fn byte_order_marks_line_ends_and_empty_lines() {
        let bom = |line: &str| [BOM, line.as_bytes()].concat();
        assert_eq!(read(ContentType::Csv, None, FLOATS, &bom("1,2,3")), Ok(Got::Rows(None, vec![1.0, 2.0, 3.0])));
        assert_eq!(read(ContentType::JsonLines, None, IDS, &bom(r#"{"features": [1, 2, 3]}"#)), Ok(Got::Ids(None, vec![1, 2, 3])));
        assert_eq!(read(ContentType::Text, None, TEXT, &bom("great")), Ok(Got::Text(None, b"great".to_vec())));
        // A `\r` left at the end of a line (a bare one before a CRLF) is a space around the value.
        assert_eq!(csv(FLOATS, "1,2,3\r"), Ok(Got::Rows(None, vec![1.0, 2.0, 3.0])));
        assert_eq!(csv(IDS, "1,2,3\r"), Ok(Got::Ids(None, vec![1, 2, 3])));
        for content_type in [ContentType::Csv, ContentType::JsonLines] {
            assert_eq!(read(content_type, None, FLOATS, b""), Err("empty line".into()));
            assert_eq!(read(content_type, None, FLOATS, BOM), Err("empty line".into()));
        }
        // An empty text is a text.
        assert_eq!(read(ContentType::Text, None, TEXT, b""), Ok(Got::Text(None, Vec::new())));
    }

    #[test]
    fn json_records_give_text_or_features() {
        assert_eq!(
            json(TEXT, r#"{"text": "a \"quoted\" film", "model": "imdb"}"#),
            Ok(Got::Text(Some("imdb".into()), b"a \"quoted\" film".to_vec()))
        );
        assert_eq!(json(TEXT, r#"{"features": [1, 2, 3]}"#), Ok(Got::Ids(None, vec![1, 2, 3])));
        assert_eq!(json(IDS, r#"{"text": "x"}"#), Err("the model does not take this kind of input (text needs a text model)".into()));
        assert_eq!(json(FLOATS, r#"{"text": "x", "features": [1]}"#), Err("give `text` or `features`, not both".into()));
        assert_eq!(json(FLOATS, r#"{"model": "m"}"#), Err("no `features` or `text` field".into()));
        assert_eq!(json(FLOATS, "[1, 2, 3]"), Err("malformed JSON: a record is an object, `{...}`".into()));
        // Text lines are text for a text model only.
        assert_eq!(
            read(ContentType::Text, None, IDS, b"1,2,3"),
            Err("the model does not take this kind of input (text needs a text model)".into())
        );
    }

    #[test]
    fn records_append_and_a_failed_record_changes_nothing() {
        let mut reader = RecordReader::new(ContentType::Csv, None);
        let mut buf = InputBuf::default();
        for line in ["1,2,3", "4,5,6"] {
            let record = reader.read(line.as_bytes()).unwrap();
            let Input::Rows(row) = record.read(FLOATS, None, None, &mut buf).unwrap() else { panic!("rows") };
            assert_eq!(row.len(), 3, "the input is the record alone");
        }
        let record = reader.read(b"7,8,oops").unwrap();
        assert!(record.read(FLOATS, None, None, &mut buf).is_err());
        assert_eq!(buf.floats, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        let record = reader.read(b"7,8,9").unwrap();
        assert!(record.read(IDS, None, None, &mut buf).is_ok());
        assert!(record.read(IDS, None, None, &mut buf).is_ok());
        assert_eq!(buf.ids, [7, 8, 9, 7, 8, 9]);
        buf.clear();
        assert!(buf.floats.is_empty() && buf.ids.is_empty() && buf.capacity_bytes() >= 4 * 12);
    }

    /// LIBSVM lines give rows of the model's width (missing where no entry is); a model of token
    /// ids refuses them; `numbers` reads up to the highest index.
    #[test]
    fn libsvm_records() {
        let row = rows(read(ContentType::Libsvm, Some(1), FLOATS, b"1 2:0.5 0:-1"));
        assert_eq!((row[0], row[2]), (-1.0, 0.5));
        assert!(row[1].is_nan(), "no entry: missing");
        assert_eq!(read(ContentType::Libsvm, None, IDS, b"1 0:1"), Err(RecordError::LibsvmNotFeatures.to_string()));
        assert_eq!(read(ContentType::Libsvm, None, FLOATS, b""), Err("empty line".into()));
        let mut reader = RecordReader::new(ContentType::Libsvm, None);
        let record = reader.read(b"0 4:2").unwrap();
        assert_eq!((record.model(), record.text()), (None, None));
        let mut out = Vec::new();
        record.numbers(&mut out).unwrap();
        assert_eq!(out.len(), 5);
        assert_eq!(out[4], 2.0);
    }

    #[test]
    fn content_types_from_media_types() {
        for t in [ContentType::Csv, ContentType::JsonLines, ContentType::Text, ContentType::Libsvm] {
            assert_eq!(ContentType::from_mime(t.mime()), Some(t));
        }
        assert_eq!(ContentType::from_extension(std::path::Path::new("a.LIBSVM")), Some(ContentType::Libsvm));
        assert_eq!(ContentType::from_mime("Text/CSV; charset=utf-8"), Some(ContentType::Csv));
        assert_eq!(ContentType::from_mime("application/x-ndjson"), Some(ContentType::JsonLines));
        assert_eq!(ContentType::from_mime("application/json"), None);
    }

    #[test]
    fn categorical_features_take_their_category_names() {
        let bytes = mlc_format::names::encode_categories(&[vec!["AK", "CA", "NY"], vec![], vec![]]);
        let cats = FeatureCategories::parse(&bytes).unwrap();
        let read = |content_type, line: &[u8]| -> Result<Vec<u32>, String> {
            let mut reader = RecordReader::new(content_type, None);
            let record = reader.read(line).map_err(|e| e.to_string())?;
            let mut buf = InputBuf::default();
            match record.read(FLOATS, None, Some(&cats), &mut buf).map_err(|e| e.to_string())? {
                Input::Rows(row) => Ok(row.iter().map(|x| x.to_bits()).collect()),
                _ => panic!("rows"),
            }
        };
        let bits = |row: [f32; 3]| Ok(row.map(f32::to_bits).to_vec());
        assert_eq!(read(ContentType::Csv, b"CA,1.5,2"), bits([1.0, 1.5, 2.0]));
        assert_eq!(read(ContentType::Csv, b" NY ,1,2"), bits([2.0, 1.0, 2.0]));
        // A number is a code, as XGBoost reads arrays; empty is missing.
        assert_eq!(read(ContentType::Csv, b"2,1,2"), bits([2.0, 1.0, 2.0]));
        assert_eq!(read(ContentType::Csv, b",1,2"), bits([f32::NAN, 1.0, 2.0]));
        assert_eq!(read(ContentType::JsonLines, br#"{"features": ["AK", 1, null]}"#), bits([0.0, 1.0, f32::NAN]));
        let unknown = "column 1: `TX` is neither a number nor a category the model knows (AK, CA, NY)";
        assert_eq!(read(ContentType::Csv, b"TX,1,2"), Err(unknown.into()));
        assert_eq!(
            read(ContentType::JsonLines, br#"{"features": ["ak", 1, 2]}"#),
            Err("feature 1: `\"ak\"` is neither a number nor a category the model knows (AK, CA, NY)".into())
        );
        // Only the categorical feature takes names.
        assert_eq!(read(ContentType::Csv, b"CA,AK,2"), Err("column 2: `AK` is not a number".into()));
        // Integer categories (a pandas category of numbers): a number is the category itself.
        let bytes = mlc_format::names::encode_categories(&[vec!["408", "415", "510"], vec![], vec![]]);
        let cats = FeatureCategories::parse(&bytes).unwrap();
        let mut reader = RecordReader::new(ContentType::Csv, None);
        let mut read_codes = |line: &[u8]| {
            let record = reader.read(line).unwrap();
            let mut buf = InputBuf::default();
            match record.read(FLOATS, None, Some(&cats), &mut buf).map_err(|e| e.to_string()) {
                Ok(Input::Rows(row)) => Ok(row[0].to_bits()),
                Ok(_) => panic!("rows"),
                Err(e) => Err(e),
            }
        };
        assert_eq!(read_codes(b"415,1,2"), Ok(1f32.to_bits()));
        assert_eq!(read_codes(b"415.0,1,2"), Ok(1f32.to_bits()), "as pandas writes a column with missing values");
        assert_eq!(read_codes(b"nan,1,2"), Ok(f32::NAN.to_bits()));
        let unknown = "column 1: `1` is neither a number nor a category the model knows (408, 415, 510)";
        assert_eq!(read_codes(b"1,1,2"), Err(unknown.into()));
        // Integer categories that are their codes (0, 1, 2): a number is a code, even one
        // beyond them (XGBoost's rule for such values then applies, as for arrays).
        let bytes = mlc_format::names::encode_categories(&[vec!["0", "1", "2"], vec![], vec![]]);
        let cats = FeatureCategories::parse(&bytes).unwrap();
        let mut reader = RecordReader::new(ContentType::Csv, None);
        let record = reader.read(b"7,1,2").unwrap();
        let mut buf = InputBuf::default();
        let Ok(Input::Rows(row)) = record.read(FLOATS, None, Some(&cats), &mut buf) else { panic!("rows") };
        assert_eq!(row[0], 7.0);
    }
}
