//! The CSV record parser of `mlc predict` and `mlc compile --check-data`
//! (crates/mlc-host/src/records.rs): `csv_reader` over arbitrary bytes, then `parse_features` of
//! every record, with the field count both right and wrong; `parse_field` against Rust's own
//! `f32` parsing; `shorten` on arbitrary bytes. Seeds: the committed CSV rows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mlc_host::records::{csv_reader, parse_features, parse_field, shorten, RecordError};

fuzz_target!(|data: &[u8]| {
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
                        RecordError::FieldCount { expected: x, found } => assert!(x == expected && found == n && x != n),
                        RecordError::BadNumber { column, text } => {
                            assert!(column >= 1 && column <= n);
                            assert!(text.len() <= 40 + '…'.len_utf8());
                        }
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
    for line in data.split(|&b| b == b'\n').take(64) {
        check_field(line);
    }
});

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
}
