//! CSV fields: RFC 4180 quoting within one line, no header.

/// Splits CSV lines into fields (RFC 4180 quoting; a quoted field cannot hold a line break),
/// reusing its buffers.
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

    /// Whether the line has no field: it was empty.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Field `i` (0-based; below [`CsvFields::len`]).
    pub fn get(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }

    /// The fields, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[u8]> + '_ {
        (0..self.count).map(|i| self.get(i))
    }
}

/// A CSV reader over a whole input (the csv crate): no header, any field count per line,
/// `\n` or `\r\n` line ends. `mlc compile --check-data` reads its rows with it; records go
/// through [`lines`](super::lines) and [`CsvFields`].
pub fn csv_reader<R: std::io::Read>(input: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(input)
}

/// Why a CSV input of feature rows could not be read: the (1-based) record, and the CSV or
/// value error.
#[derive(Debug, thiserror::Error)]
pub enum RowsError {
    /// The CSV itself is malformed (or the input could not be read).
    #[error("line {line}: {error}")]
    Csv {
        /// The record, 1-based.
        line: usize,
        /// What the CSV reader says.
        error: csv::Error,
    },
    /// A field is not a number.
    #[error("line {line}: {error}")]
    Value {
        /// The record, 1-based.
        line: usize,
        /// Which field, and why.
        error: super::RecordError,
    },
}

/// Every record of a CSV input without a header, read as feature rows (an empty field or `nan`
/// is a missing value; rows may differ in length): what `mlc compile --check-data` and
/// `mlc.compile(check_data=...)` read.
pub fn read_feature_rows<R: std::io::Read>(input: R) -> Result<Vec<Vec<f32>>, RowsError> {
    let mut rows = Vec::new();
    for (i, record) in csv_reader(input).byte_records().enumerate() {
        let record = record.map_err(|error| RowsError::Csv { line: i + 1, error })?;
        let mut row = Vec::with_capacity(record.len());
        super::parse_features(record.iter(), record.len(), &mut row).map_err(|error| RowsError::Value { line: i + 1, error })?;
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_rows_name_the_bad_line() {
        let rows = read_feature_rows(&b"1,2\n3,,nan\n"[..]).unwrap();
        assert_eq!(rows[0], [1.0, 2.0]);
        assert!(rows[1][0] == 3.0 && rows[1][1].is_nan() && rows[1][2].is_nan());
        let e = read_feature_rows(&b"1,2\n3,x\n"[..]).unwrap_err();
        assert!(matches!(e, RowsError::Value { line: 2, .. }), "{e}");
        assert!(e.to_string().starts_with("line 2: "), "{e}");
    }

    fn fields(line: &str) -> Vec<String> {
        let mut f = CsvFields::default();
        f.split(line.as_bytes());
        f.iter().map(|field| String::from_utf8_lossy(field).into_owned()).collect()
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
        // An empty line has no field (readers report it as an empty line).
        f.split(b"");
        assert!(f.is_empty() && f.iter().next().is_none());
    }
}
