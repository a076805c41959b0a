//! Lines: every line is one record. `\n` or `\r\n` ends a line, the last line counts even
//! without a final newline, and a UTF-8 byte order mark at the start of a line is not part of
//! the record. [`lines`] cuts a body held in memory (a request, a file read whole);
//! `transform`'s [`Splitter`](crate::transform::Splitter) cuts a stream by the same rule.

/// A UTF-8 byte order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A line without a leading UTF-8 byte order mark. Editors and spreadsheet exports begin a file
/// with one, and concatenated files carry it into later lines; it is never part of a record
/// ([`RecordReader::read`](super::RecordReader::read) strips it from every line).
pub fn strip_bom(line: &[u8]) -> &[u8] {
    line.strip_prefix(BOM).unwrap_or(line)
}

/// The lines of `body`, without their line ends: cut at each `\n`, a `\r` before it (or at the
/// very end) removed; the last line counts without a final newline, and an empty body has none.
pub fn lines(body: &[u8]) -> impl Iterator<Item = &[u8]> + '_ {
    // An empty body has no line; a body of one `\n` has one, empty.
    let lines = (!body.is_empty()).then(|| body.strip_suffix(b"\n").unwrap_or(body).split(|&b| b == b'\n'));
    lines.into_iter().flatten().map(|line| line.strip_suffix(b"\r").unwrap_or(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(body: &[u8]) -> Vec<&[u8]> {
        lines(body).collect()
    }

    #[test]
    fn line_ends_and_the_last_line() {
        assert!(cut(b"").is_empty());
        assert_eq!(cut(b"\n"), [b""]);
        assert_eq!(cut(b"a\r\nbb\n\nccc"), [&b"a"[..], b"bb", b"", b"ccc"]);
        assert_eq!(cut(b"a\nb\n"), [b"a", b"b"]);
        // A bare `\r` inside a line is data; one before the end of the body is a line end.
        assert_eq!(cut(b"a\rb\r"), [b"a\rb"]);
    }

    #[test]
    fn byte_order_marks() {
        assert_eq!(strip_bom(b"\xEF\xBB\xBF1,2"), b"1,2");
        assert_eq!(strip_bom(b"\xEF\xBB1,2"), b"\xEF\xBB1,2", "only a whole mark");
        assert_eq!(strip_bom(b"1,\xEF\xBB\xBF"), b"1,\xEF\xBB\xBF", "only at the start");
    }
}
