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
    pub(crate) fn open(self, out: &mut Vec<u8>) {
        if self == Accept::Json {
            out.extend_from_slice(b"{\"predictions\": [");
        }
    }

    /// Separates record `i` (0-based within the mini-batch) from the previous one.
    pub(crate) fn separate(self, out: &mut Vec<u8>, i: usize) {
        if self == Accept::Json && i > 0 {
            out.extend_from_slice(b", ");
        }
    }

    /// Ends record output.
    pub(crate) fn end_record(self, out: &mut Vec<u8>) {
        if self == Accept::JsonLines {
            out.push(b'\n');
        }
    }

    /// Closes a mini-batch's output.
    pub(crate) fn close(self, out: &mut Vec<u8>) {
        if self == Accept::Json {
            out.extend_from_slice(b"]}\n");
        }
    }
}

/// Writes a prediction: one value as a number, several as an array; each with the shortest
/// digits that round-trip an `f32` (`null` for NaN or an infinity, which JSON lacks).
pub fn write_prediction(out: &mut Vec<u8>, values: &[f32]) {
    let mut number = ryu::Buffer::new();
    let mut value = |out: &mut Vec<u8>, v: f32| {
        if v.is_finite() {
            out.extend_from_slice(number.format_finite(v).as_bytes());
        } else {
            out.extend_from_slice(b"null");
        }
    };
    if let [v] = values {
        return value(out, *v);
    }
    out.push(b'[');
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        value(out, *v);
    }
    out.push(b']');
}

/// Writes the error object of a bad record: `{"error": "...", "line": N}`.
pub fn write_error(out: &mut Vec<u8>, message: &str, line: u64) {
    out.extend_from_slice(b"{\"error\": ");
    serde_json::to_writer(&mut *out, message).expect("writing a string to memory cannot fail");
    // Writing to memory cannot fail.
    let _ = write!(out, ", \"line\": {line}}}");
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
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, r#"0.25|[1.0,null,1e-7]|{"error": "bad \"x\"\n", "line": 7}"#);
        for part in text.split('|') {
            serde_json::from_str::<serde_json::Value>(part).unwrap();
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
