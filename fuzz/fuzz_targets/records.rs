//! Every record parser in isolation (the `transform` target reaches the same code through files
//! and threads, several times more slowly), all in crates/mlc-host/src/records/:
//!
//! * `mlc compile --check-data`: `csv_reader` over the bytes, then `parse_features` of every
//!   record, with the field count right and wrong; `parse_field` against Rust's own `f32`
//!   parsing, `parse_token_id` against its `u32` parsing; `shorten`.
//! * `lines` and `transform`'s splitter (transform/split.rs): the bytes after the first two,
//!   cut into lines by `lines` and into mini-batches by the splitter (buffer size, record and
//!   payload limits from the first two bytes), must give back exactly the input's lines, in
//!   order, each whole or (splitter) as an oversize record of the right length, within the
//!   limits, covering every input byte.
//! * The line parsers of `mlc predict`, `mlc transform` and `mlc bench`, on every line:
//!   `CsvFields` must split as the csv crate does with the same line end; `JsonRecord::parse`
//!   must accept only what serde_json reads as an object with the same `model`, `text` and
//!   `features`, and name a column inside the line when it refuses; a `text/libsvm` record read
//!   without a model (`numbers`) must hold exactly its entries' values (missing elsewhere), up to
//!   its highest index, or be an error that leaves the buffer as it was.
//!
//! Seeds: the committed CSV rows and JSON Lines written by scripts/fuzz.sh.
#![no_main]

use std::cell::RefCell;
use std::io::{BufReader, Cursor};

use libfuzzer_sys::fuzz_target;
use mlc_host::records::{
    csv_reader, json_value, parse_features, parse_field, parse_token_id, shorten, strip_bom, ContentType, CsvFields, JsonRecord, Position,
    RecordError, RecordReader, ValueKind,
};
use mlc_host::transform::Splitter;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    check_csv_reader(data);
    check_splitter(data);
    LINE_PARSERS.with_borrow_mut(|(fields, reference)| {
        for line in data.split(|&b| b == b'\n').take(64) {
            check_field(line);
            let line = strip_bom(line);
            check_csv_fields(fields, reference, line);
            check_json_record(line);
            check_libsvm(line);
        }
    });
});

thread_local! {
    /// `transform`'s CSV line splitter, reused across lines and inputs as a worker reuses it,
    /// and the csv crate's reader it is checked against, configured the same way. (Building
    /// either builds a parser automaton: once per line it took most of the target's time.)
    static LINE_PARSERS: RefCell<(CsvFields, csv::Reader<Cursor<Vec<u8>>>)> = RefCell::new((
        CsvFields::default(),
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(Cursor::new(Vec::new())),
    ));
}

/// `mlc compile --check-data`'s reader: features or a typed error, and a failed record changes
/// nothing.
fn check_csv_reader(data: &[u8]) {
    let mut reader = csv_reader(data);
    let mut out = vec![42.0f32];
    for record in reader.byte_records() {
        let Ok(record) = record else { continue };
        let n = record.len();
        for expected in [n, n + 1, n.saturating_sub(1)] {
            let before = out.len();
            match parse_features(record.iter(), expected, &mut out) {
                Ok(()) => assert_eq!(out.len(), before + expected),
                Err(e) => {
                    assert_eq!(out.len(), before, "a failed record leaves the output untouched");
                    match e {
                        RecordError::Count { kind: ValueKind::Feature, expected: x, found, .. } => {
                            assert!(x == expected && found == n && x != n)
                        }
                        RecordError::BadValue { kind: ValueKind::Feature, at: Position::Column(column), text } => {
                            assert!(column >= 1 && column <= n);
                            assert!(text.len() <= 40 + '…'.len_utf8());
                        }
                        e => panic!("parse_features gave {e:?}"),
                    }
                }
            }
            if out.len() > 1 << 16 {
                out.truncate(1);
            }
        }
        for field in record.iter() {
            check_field(field);
        }
    }
}

fn check_field(raw: &[u8]) {
    let short = shorten(raw);
    assert!(short.len() <= 40 + '…'.len_utf8());
    let got = parse_field(raw);
    let want = std::str::from_utf8(raw).ok().and_then(|s| {
        let s = s.trim();
        if s.is_empty() || s.eq_ignore_ascii_case("nan") {
            Some(f32::NAN)
        } else {
            s.parse::<f32>().ok()
        }
    });
    match (got, want) {
        (Some(a), Some(b)) => assert!(a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())),
        (None, None) => {}
        _ => panic!("parse_field({raw:?}) = {got:?}, Rust parses {want:?}"),
    }
    // A token id is an integer, never missing, whatever `parse_field` makes of the text.
    let id = parse_token_id(raw);
    assert_eq!(id, std::str::from_utf8(raw).ok().and_then(|s| s.trim().parse::<u32>().ok()), "parse_token_id({raw:?})");
    if let Some(id) = id {
        assert_eq!(got, Some(id as f32), "token id {id} read as a number");
    }
}

/// The splitter against the input's lines (docs/transform.md: every line is one record, the
/// last one even without a final newline; `\n` or `\r\n` ends a line).
fn check_splitter(data: &[u8]) {
    let [mode, payload, input @ ..] = data else { return };
    let capacity = 1 + (mode & 7) as usize;
    let max_records = 1 + (mode >> 3 & 7) as usize;
    let max_payload = if *payload == 255 { 1 << 20 } else { *payload as usize };
    let mut lines: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
    if input.is_empty() || input.ends_with(b"\n") {
        lines.pop();
    }
    for line in &mut lines {
        *line = line.strip_suffix(b"\r").unwrap_or(line);
    }
    assert_eq!(mlc_host::records::lines(input).collect::<Vec<_>>(), lines, "`lines` of {input:?}");

    let mut splitter = Splitter::new(BufReader::with_capacity(capacity, input), max_payload, max_records);
    let (mut next, mut covered, mut batches) = (0usize, 0u64, 0usize);
    loop {
        let batch = splitter.next_batch().expect("reading from memory cannot fail").expect("a batch until the last");
        batches += 1;
        assert!(batches <= lines.len() + 1, "more batches than lines");
        assert_eq!(batch.first_line, next as u64 + 1, "line numbers run on");
        assert!(batch.records.len() <= max_records);
        assert!(!batch.records.is_empty() || (input.is_empty() && batch.last), "an empty batch only for an empty input");
        let mut payload_used = 0;
        for i in 0..batch.records.len() {
            let want = lines.get(next).expect("more records than lines");
            match batch.record(i) {
                Ok(bytes) => {
                    assert_eq!(bytes, *want, "line {}", next + 1);
                    payload_used += bytes.len();
                }
                Err(len) => {
                    assert_eq!(len, want.len() as u64, "line {}: oversize length", next + 1);
                    assert!(want.len() > max_payload, "line {}: oversize within the limit", next + 1);
                }
            }
            next += 1;
        }
        assert!(payload_used <= max_payload, "a batch over the payload limit");
        covered += batch.input_bytes;
        if batch.last {
            break;
        }
    }
    assert!(splitter.next_batch().expect("reading from memory cannot fail").is_none(), "a batch after the last");
    assert_eq!(next, lines.len(), "every line is a record");
    assert_eq!(covered, input.len() as u64, "the batches cover the input");
}

/// `transform`'s CSV line splitter against the csv crate (`reference`, rewound to read `line`).
fn check_csv_fields(fields: &mut CsvFields, reference: &mut csv::Reader<Cursor<Vec<u8>>>, line: &[u8]) {
    fields.split(line);
    let got: Vec<&[u8]> = (0..fields.len()).map(|i| fields.get(i)).collect();
    let input = reference.get_mut().get_mut();
    input.clear();
    input.extend_from_slice(line);
    reference.seek_raw(std::io::SeekFrom::Start(0), csv::Position::new()).expect("seeking in memory");
    let mut record = csv::ByteRecord::new();
    match reference.read_byte_record(&mut record) {
        Ok(true) => assert_eq!(got, record.iter().collect::<Vec<_>>(), "CSV fields of {line:?}"),
        // No record in an empty line (`transform` reports "empty line" before splitting), nor
        // in a second byte order mark (skipped by both: csv-core skips one at its start).
        Ok(false) => assert!(strip_bom(line).is_empty(), "no CSV record in {line:?}"),
        Err(e) => panic!("the csv crate failed on bytes in memory: {e}"),
    }
}

/// `transform`'s JSON Lines record against serde_json's own reading of the line.
fn check_json_record(line: &[u8]) {
    match JsonRecord::parse(line) {
        Ok(record) => {
            let Some(value) = reference_value(line) else { return };
            let object = value.as_object().expect("a record that is not an object");
            let text = |key| object.get(key).and_then(Value::as_str);
            assert_eq!(record.model.as_deref(), text("model"));
            assert_eq!(record.text.as_deref(), text("text"));
            let features = object.get("features").and_then(Value::as_array);
            assert_eq!(record.features.as_ref().map(Vec::len), features.map(Vec::len));
            for (raw, value) in record.features.iter().flatten().zip(features.into_iter().flatten()) {
                let bytes = json_value(raw);
                assert_eq!(bytes.is_empty(), value.is_null(), "null and only null is missing");
                if let Some(x) = parse_field(bytes) {
                    // A number is read from its text, rounded once to f32.
                    if let Some(s) = value.as_number().map(|n| n.to_string()) {
                        assert_eq!(x.to_bits(), s.parse::<f32>().unwrap().to_bits(), "{s}");
                    }
                }
            }
        }
        Err(message) => {
            assert!(message.starts_with("malformed JSON"), "{message}");
            if let Some(rest) = message.strip_prefix("malformed JSON at column ") {
                let column: usize = rest.split(':').next().and_then(|c| c.parse().ok()).expect("a column number");
                assert!(column <= line.len(), "column {column} of a {}-byte line", line.len());
            }
        }
    }
}

/// serde_json's `Value` of a line `JsonRecord` accepted, or `None` for valid JSON that `Value`
/// cannot stand for (and `JsonRecord` accepts where it skips a value unread: an ignored field, a
/// feature that is then not a number):
///
/// * a lone surrogate in a `\u` escape (RFC 8259 §8.2 allows it; a Rust string cannot hold it);
/// * nesting deeper than `Value`'s recursion limit;
/// * a string that is one of serde_json's private tokens. With `arbitrary_precision` (the
///   compiler's XGBoost importer enables it, so every build that links the compiler has it)
///   serde's data model carries a number as a map whose one key is `$serde_json::private::Number`,
///   and `Value` reads a literal object with that key (or with `…::RawValue`, under `raw_value`)
///   as a number or as the JSON in its string: `{"features":[{"$serde_json::private::RawValue":
///   "null"}]}` becomes a missing feature to `Value`, an object to `JsonRecord`, whose features
///   are raw text (transform's reading is the JSON's).
fn reference_value(line: &[u8]) -> Option<Value> {
    if names_serde_token(line) {
        return None;
    }
    match serde_json::from_slice(line) {
        Ok(value) => Some(value),
        Err(e) => {
            let message = e.to_string();
            let beyond = ["lone leading surrogate", "unexpected end of hex escape", "recursion limit exceeded"];
            assert!(beyond.iter().any(|m| message.contains(m)), "a record serde_json cannot read: {message}");
            None
        }
    }
}

/// Whether a string of the line, decoded (so an escaped `\u0024` is found too), is one of
/// serde_json's private tokens (see [`reference_value`]).
fn names_serde_token(line: &[u8]) -> bool {
    const TOKENS: [&str; 2] = ["$serde_json::private::Number", "$serde_json::private::RawValue"];
    let mut rest = line;
    while let Some(open) = rest.iter().position(|&b| b == b'"') {
        let body = &rest[open + 1..];
        let mut end = 0;
        while end < body.len() && body[end] != b'"' {
            end += if body[end] == b'\\' { 2 } else { 1 };
        }
        let Some(literal) = rest.get(open..open + end + 2) else { return false };
        if serde_json::from_slice::<String>(literal).is_ok_and(|s| TOKENS.contains(&s.as_str())) {
            return true;
        }
        rest = &rest[open + end + 2..];
    }
    false
}

/// A `text/libsvm` line through the record reader, read without a model (`Record::numbers`):
/// on success, each `INDEX:VALUE` entry's value at its index (`parse_field`'s reading), NaN
/// elsewhere, as wide as the highest index + 1; on error, the buffer as it was.
fn check_libsvm(line: &[u8]) {
    let mut reader = RecordReader::new(ContentType::Libsvm, None);
    let Ok(record) = reader.read(line) else { return };
    let mut out = vec![1.5f32];
    if record.numbers(&mut out).is_err() {
        assert_eq!(out, [1.5], "an error changed the buffer");
        return;
    }
    let row = &out[1..];
    let tokens: Vec<&[u8]> = line.split(|b| *b == b' ' || *b == b'\t').filter(|t| !t.is_empty()).collect();
    let mut width = 0;
    let mut set = 0;
    for token in tokens.iter().skip(1) {
        let at = token.iter().position(|&b| b == b':').expect("an accepted entry has a `:`");
        let (index, value) = (&token[..at], &token[at + 1..]);
        if index == b"qid" {
            continue;
        }
        let index: usize = std::str::from_utf8(index).unwrap().parse().unwrap();
        let value = parse_field(value).expect("an accepted value is a number");
        assert_eq!(row[index].to_bits(), value.to_bits(), "entry {index}");
        width = width.max(index + 1);
        set += 1;
    }
    assert_eq!(row.len(), width, "as wide as the highest index + 1");
    assert!(row.iter().filter(|v| !v.is_nan()).count() <= set, "values beyond the entries");
}
