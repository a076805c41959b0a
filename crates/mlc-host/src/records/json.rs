//! JSON Lines records: one object per line, with `features` or `text` and optionally `model`.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;

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

/// The text of a JSON feature value as [`super::parse_field`] and [`super::parse_token_id`] read
/// it (`null` is an empty field: a missing value).
pub fn json_value(raw: &RawValue) -> &[u8] {
    match raw.get() {
        "null" => b"",
        text => text.as_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
