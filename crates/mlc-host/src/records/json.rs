//! Parsing one record: CSV fields, a JSON Lines object, or a line of text.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;

/// Input format of the records (`--content-type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentType {
    /// `text/csv`: features comma-separated, no header; optionally the model name in a column.
    Csv,
    /// `application/jsonlines`: one object per line, with `features` (an array of numbers,
    /// `null` = missing) or `text` (a string), and optionally `model`.
    JsonLines,
    /// `text/plain`: each line is one text (a review) for a text model.
    Text,
}

/// A JSON Lines record.
#[derive(Debug, Deserialize)]
pub struct JsonRecord<'a> {
    /// The model to route to.
    #[serde(borrow, default)]
    pub model: Option<Cow<'a, str>>,
    /// Raw text for a text model.
    #[serde(borrow, default)]
    pub text: Option<Cow<'a, str>>,
    /// Feature values (numbers kept as text: they are rounded once, directly to `f32`).
    #[serde(borrow, default)]
    pub features: Option<Vec<&'a RawValue>>,
}

impl<'a> JsonRecord<'a> {
    /// Parses a line; the error says what is wrong and at which column.
    pub fn parse(line: &'a [u8]) -> Result<JsonRecord<'a>, String> {
        // (serde would also read a struct from an array.)
        if line.trim_ascii_start().first() != Some(&b'{') {
            return Err("malformed JSON: a record is an object, `{...}`".into());
        }
        // UTF-8 is checked first: serde_json skips the strings of ignored fields unchecked.
        let line = std::str::from_utf8(line).map_err(|e| format!("malformed JSON at column {}: invalid UTF-8", e.valid_up_to() + 1))?;
        serde_json::from_str(line).map_err(|e| {
            let message = e.to_string();
            let what = message.rsplit_once(" at line ").map_or(message.as_str(), |(what, _)| what);
            format!("malformed JSON at column {}: {what}", e.column())
        })
    }
}

/// The text of a JSON feature value as [`crate::records::parse_field`] reads it (`null` is
/// missing).
pub fn json_value(raw: &RawValue) -> &[u8] {
    match raw.get() {
        "null" => b"",
        text => text.as_bytes(),
    }
}

/// Splits CSV lines into fields (RFC 4180 quoting), reusing its buffers.
pub struct CsvFields {
    reader: csv_core::Reader,
    bytes: Vec<u8>,
    ends: Vec<usize>,
    count: usize,
}

impl Default for CsvFields {
    fn default() -> CsvFields {
        // Lines never hold `\n`: a bare `\r` inside a line is data, not a record end.
        let reader = csv_core::ReaderBuilder::new().terminator(csv_core::Terminator::Any(b'\n')).build();
        CsvFields { reader, bytes: Vec::new(), ends: Vec::new(), count: 0 }
    }
}

impl CsvFields {
    /// Splits `line` (without its line end).
    pub fn split(&mut self, line: &[u8]) {
        self.reader.reset();
        if self.bytes.len() < line.len() {
            self.bytes.resize(line.len(), 0);
        }
        if self.ends.len() < line.len() + 1 {
            self.ends.resize(line.len() + 1, 0);
        }
        // Output and ends are large enough for the whole line: the reader stops only at the
        // end of the input; an empty input then ends the record (its last field).
        let (_, _, _, fields) = self.reader.read_record(line, &mut self.bytes, &mut self.ends);
        let (_, _, _, last) = self.reader.read_record(&[], &mut [], &mut self.ends[fields..]);
        self.count = fields + last;
    }

    /// Bytes of its buffers.
    pub fn capacity(&self) -> usize {
        self.bytes.capacity() + self.ends.capacity() * std::mem::size_of::<usize>()
    }

    /// Number of fields.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Field `i` (0-based).
    pub fn get(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(line: &str) -> Vec<String> {
        let mut f = CsvFields::default();
        f.split(line.as_bytes());
        (0..f.len()).map(|i| String::from_utf8_lossy(f.get(i)).into_owned()).collect()
    }

    #[test]
    fn csv_fields() {
        assert_eq!(fields("a,1.5,,x"), ["a", "1.5", "", "x"]);
        assert_eq!(fields(r#""A,K",2,"3""""#), ["A,K", "2", "3\""]);
        assert_eq!(fields("7"), ["7"]);
        assert_eq!(fields(r#"1,"unterminated"#), ["1", "unterminated"]);
        // Reuse after a longer line.
        let mut f = CsvFields::default();
        f.split(b"1,2,3,4,5,6");
        f.split(b"9,8");
        assert_eq!((f.len(), f.get(1)), (2, &b"8"[..]));
    }

    #[test]
    fn json_records() {
        let r = JsonRecord::parse(br#"{"model": "AK", "features": [1.5, null, 2], "extra": {}}"#).unwrap();
        assert_eq!(r.model.as_deref(), Some("AK"));
        let values: Vec<&[u8]> = r.features.unwrap().into_iter().map(json_value).collect();
        assert_eq!(values, [&b"1.5"[..], b"", b"2"]);
        let e = JsonRecord::parse(br#"{"text": "x""#).err().unwrap();
        assert!(e.starts_with("malformed JSON at column"), "{e}");
        assert!(JsonRecord::parse(b"[1,2]").is_err());
        assert_eq!(JsonRecord::parse(b"{\"text\": \"\xff\"}").err().unwrap(), "malformed JSON at column 11: invalid UTF-8");
        // Also in a field that is ignored (serde_json would skip it unchecked).
        assert_eq!(JsonRecord::parse(b"{\"x\": \"\xe6L\", \"text\": \"a\"}").err().unwrap(), "malformed JSON at column 8: invalid UTF-8");
    }
}
