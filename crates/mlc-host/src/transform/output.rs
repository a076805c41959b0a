//! Output: predictions and error lines as JSON, and output files written atomically.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// How predictions are written (`--accept`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accept {
    /// `application/jsonlines`: one line per input line, in input order: the prediction (a
    /// number, or an array for several outputs) or an error object.
    JsonLines,
    /// `application/json`: one `{"predictions": [...]}` line per mini-batch.
    Json,
}

impl Accept {
    /// Opens a mini-batch's output.
    pub fn open(self, out: &mut Vec<u8>) {
        if self == Accept::Json {
            out.extend_from_slice(b"{\"predictions\": [");
        }
    }

    /// Separates record `i` (0-based within the mini-batch) from the previous one.
    pub fn separate(self, out: &mut Vec<u8>, i: usize) {
        if self == Accept::Json && i > 0 {
            out.extend_from_slice(b", ");
        }
    }

    /// Ends record output.
    pub fn end_record(self, out: &mut Vec<u8>) {
        if self == Accept::JsonLines {
            out.push(b'\n');
        }
    }

    /// Closes a mini-batch's output.
    pub fn close(self, out: &mut Vec<u8>) {
        if self == Accept::Json {
            out.extend_from_slice(b"]}\n");
        }
    }
}

/// Writes a prediction: one value as a number, several as an array; each with the shortest
/// digits that round-trip an `f32` (`null` for NaN or an infinity, which JSON lacks).
pub fn write_prediction(out: &mut Vec<u8>, values: &[f32]) {
    match values {
        [v] => write_number(out, &mut ryu::Buffer::new(), *v, Numbers::Json),
        values => write_json_array(out, values),
    }
}

/// Writes `values` as a JSON array of numbers, written as [`write_prediction`] writes them.
pub fn write_json_array(out: &mut Vec<u8>, values: &[f32]) {
    write_list(out, values, b"[", b"]", Numbers::Json);
}

/// Writes `values` as one CSV line without its line end: comma-separated, the shortest digits
/// that round-trip an `f32`, NaN and infinities as `nan`, `inf`, `-inf` (which the records'
/// reading takes back: `crate::records::parse_field`).
pub fn write_csv_values(out: &mut Vec<u8>, values: &[f32]) {
    write_list(out, values, b"", b"", Numbers::Csv);
}

/// How a number that is not finite is written.
#[derive(Clone, Copy)]
enum Numbers {
    /// `null`.
    Json,
    /// `nan`, `inf`, `-inf`.
    Csv,
}

fn write_list(out: &mut Vec<u8>, values: &[f32], open: &[u8], close: &[u8], numbers: Numbers) {
    let mut number = ryu::Buffer::new();
    out.extend_from_slice(open);
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_number(out, &mut number, *v, numbers);
    }
    out.extend_from_slice(close);
}

fn write_number(out: &mut Vec<u8>, number: &mut ryu::Buffer, v: f32, numbers: Numbers) {
    let text: &[u8] = match numbers {
        _ if v.is_finite() => number.format_finite(v).as_bytes(),
        Numbers::Json => b"null",
        Numbers::Csv if v.is_nan() => b"nan",
        Numbers::Csv if v > 0.0 => b"inf",
        Numbers::Csv => b"-inf",
    };
    out.extend_from_slice(text);
}

/// Writes the error object of a bad record: `{"error": "...", "line": N}`.
pub fn write_error(out: &mut Vec<u8>, message: &str, line: u64) {
    out.extend_from_slice(b"{\"error\": ");
    serde_json::to_writer(&mut *out, message).expect("writing a string to memory cannot fail");
    // Writing to memory cannot fail.
    let _ = write!(out, ", \"line\": {line}}}");
}

/// Writes a prediction as [`write_prediction`] does, or with an id (`--id-column`) as
/// `{"id": ID, "prediction": ...}`.
pub fn write_prediction_with_id(out: &mut Vec<u8>, values: &[f32], id: Option<&str>) {
    let Some(id) = id else { return write_prediction(out, values) };
    out.extend_from_slice(b"{\"id\": ");
    serde_json::to_writer(&mut *out, id).expect("writing a string to memory cannot fail");
    out.extend_from_slice(b", \"prediction\": ");
    write_prediction(out, values);
    out.push(b'}');
}

/// Writes the error object as [`write_error`] does, with `"id"` first when there is an id.
pub fn write_error_with_id(out: &mut Vec<u8>, message: &str, line: u64, id: Option<&str>) {
    let Some(id) = id else { return write_error(out, message, line) };
    out.extend_from_slice(b"{\"id\": ");
    serde_json::to_writer(&mut *out, id).expect("writing a string to memory cannot fail");
    out.extend_from_slice(b", ");
    let start = out.len();
    write_error(out, message, line);
    out.remove(start);
}

/// An output file being written: `DEST.partial` until [`PartialOutput::commit`] renames it to
/// `DEST`. Dropped uncommitted, it removes the partial file; a killed process leaves only the
/// `.partial` file, which the next run overwrites.
pub struct PartialOutput {
    partial: PathBuf,
    dest: PathBuf,
    file: Option<BufWriter<File>>,
}

impl PartialOutput {
    /// The partial file of `dest`.
    pub fn partial_path(dest: &Path) -> PathBuf {
        let mut name = dest.as_os_str().to_owned();
        name.push(".partial");
        PathBuf::from(name)
    }

    /// Creates (or truncates) the partial file of `dest`, and `dest`'s directory.
    pub fn create(dest: &Path) -> io::Result<PartialOutput> {
        if let Some(dir) = dest.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let partial = Self::partial_path(dest);
        let file = BufWriter::with_capacity(1 << 20, File::create(&partial)?);
        Ok(PartialOutput { partial, dest: dest.to_path_buf(), file: Some(file) })
    }

    /// Appends bytes.
    pub fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.as_mut().map_or(Ok(()), |f| f.write_all(bytes))
    }

    /// Flushes, syncs to disk and renames the file to its destination.
    pub fn commit(mut self) -> io::Result<()> {
        if let Some(file) = self.file.take() {
            let file = file.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
        }
        std::fs::rename(&self.partial, &self.dest)
    }
}

impl Drop for PartialOutput {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.partial);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predictions_and_errors_are_json() {
        let mut out = Vec::new();
        write_prediction(&mut out, &[0.25]);
        out.push(b'|');
        write_prediction(&mut out, &[1.0, f32::NAN, 1e-7]);
        out.push(b'|');
        write_error(&mut out, "bad \"x\"\n", 7);
        out.push(b'|');
        write_json_array(&mut out, &[0.5]);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, r#"0.25|[1.0,null,1e-7]|{"error": "bad \"x\"\n", "line": 7}|[0.5]"#);
        for part in text.split('|') {
            serde_json::from_str::<serde_json::Value>(part).unwrap();
        }
    }

    #[test]
    fn csv_values_read_back() {
        let values = [0.1f32, -2.5e-9, f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 16777216.0];
        let mut out = Vec::new();
        write_csv_values(&mut out, &values);
        assert_eq!(out, b"0.1,-2.5e-9,nan,inf,-inf,16777216.0");
        let mut back = Vec::new();
        crate::records::parse_features(out.split(|&b| b == b',').collect::<Vec<_>>().into_iter(), 6, &mut back).unwrap();
        for (a, b) in values.iter().zip(&back) {
            assert!(a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()), "{a} read back as {b}");
        }
    }

    #[test]
    fn partial_outputs_appear_only_when_committed() {
        let dir = std::env::temp_dir().join(format!("mlc-partial-{}", std::process::id()));
        let dest = dir.join("sub/a.out");
        let mut out = PartialOutput::create(&dest).unwrap();
        out.write(b"x\n").unwrap();
        assert!(!dest.exists() && PartialOutput::partial_path(&dest).exists());
        drop(out);
        assert!(!PartialOutput::partial_path(&dest).exists(), "dropped uncommitted: removed");
        let mut out = PartialOutput::create(&dest).unwrap();
        out.write(b"y\n").unwrap();
        out.commit().unwrap();
        assert_eq!(std::fs::read(&dest).unwrap(), b"y\n");
        assert!(!PartialOutput::partial_path(&dest).exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
