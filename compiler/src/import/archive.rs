//! Tar archives, gzip-compressed or not: SageMaker's `model.tar.gz`, read as the one model file
//! inside it, so that the archive a SageMaker endpoint is given compiles as it is.
//!
//! SageMaker's XGBoost containers put the model at `xgboost-model` (a pickle before container
//! 1.3-1, `save_model`'s output after); other trainers pack `model.json`, `model.ubj`,
//! `*.model`/`*.bst`, a pickle, or a Keras `.keras`/`.h5`. A member is a model when its name is
//! `xgboost-model` or its first bytes say so (for `.model`, `.bst` and `.pkl`-like names, the
//! name alone: XGBoost 1.0's binary models and old pickles have no signature). macOS' `._*`
//! companion files are not members. An archive with no model, or with several, is an error that
//! lists what it holds. A model member is read up to [`MAX_MEMBER`] bytes, the whole archive up
//! to [`MAX_ARCHIVE`] (inflated): a gzip bomb is an error, not hours of work.

use std::io::Read;

use super::{joblib, keras_file, pickle, xgboost_binary};
use crate::error::ImportError;

/// The largest member read, in bytes: a model file beyond it is refused rather than read into
/// memory.
pub const MAX_MEMBER: u64 = 1 << 30;

/// Bytes of a member's beginning read to tell whether it is a model.
const HEAD: usize = 512;

/// A file inside an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Its path inside the archive.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Whether the file `file` is a tar archive, gzip-compressed or not: by its name (`.tar`,
/// `.tar.gz`, `.tgz`, so that a damaged one is named as an archive) or its bytes (`ustar` at
/// byte 257). A gzip stream of anything else (a pickle `joblib.dump` compressed) is not an
/// archive.
pub fn is_archive(file: &str, bytes: &[u8]) -> bool {
    let is_tar = |head: &[u8]| head.get(257..262) == Some(b"ustar");
    let lower = file.to_ascii_lowercase();
    if [".tar", ".tar.gz", ".tgz"].iter().any(|ext| lower.ends_with(ext)) {
        return true;
    }
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return is_tar(bytes);
    }
    let mut head = Vec::with_capacity(262);
    // A stream that breaks off before it is no archive; the importer names what is wrong.
    let _ = flate2::read::MultiGzDecoder::new(bytes).take(262).read_to_end(&mut head);
    is_tar(&head)
}

/// The one model file in the archive `bytes` (`file` names the archive in messages).
pub fn model_in(file: &str, bytes: &[u8]) -> Result<Member, ImportError> {
    model_within(file, bytes, MAX_ARCHIVE)
}

/// The most bytes a gzip-compressed archive is inflated to, members read or skipped: a small
/// file that inflates without end (a gzip bomb) is an error, not hours of work.
pub const MAX_ARCHIVE: u64 = 16 << 30;

/// [`model_in`], reading at most `limit` bytes of the (inflated) archive.
fn model_within(file: &str, bytes: &[u8], limit: u64) -> Result<Member, ImportError> {
    let error = |what: String| ImportError::parse(file, what);
    let reader: Box<dyn Read + '_> =
        if bytes.starts_with(&[0x1f, 0x8b]) { Box::new(flate2::read::MultiGzDecoder::new(bytes)) } else { Box::new(bytes) };
    let mut archive = tar::Archive::new(Bounded { inner: reader, left: limit });
    let entries = archive.entries().map_err(|e| error(format!("not a tar archive: {e}")))?;
    let (mut models, mut others) = (Vec::new(), Vec::new());
    for entry in entries {
        let mut entry = entry.map_err(|e| error(format!("a malformed tar archive: {e}")))?;
        // `tar czf m.tar.gz -C dir .` names members `./xgboost-model`.
        let path = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let name = path.trim_start_matches("./").to_string();
        let base = name.rsplit('/').next().unwrap_or_default().to_string();
        let kind = entry.header().entry_type();
        if kind.is_symlink() || kind.is_hard_link() {
            // Not followed: its target may lie outside the archive.
            others.push(format!("{name} (a link)"));
            continue;
        }
        if !kind.is_file() || base.starts_with("._") || base.is_empty() {
            continue;
        }
        let mut head = Vec::with_capacity(HEAD);
        (&mut entry).take(HEAD as u64).read_to_end(&mut head).map_err(|e| error(format!("{name}: {e}")))?;
        if !is_model(&base, &head) {
            others.push(name);
            continue;
        }
        let size = entry.size();
        if size > MAX_MEMBER {
            return Err(error(format!("{name} is {size} bytes, more than the {MAX_MEMBER} bytes mlc reads from an archive")));
        }
        let mut bytes = head;
        entry.read_to_end(&mut bytes).map_err(|e| error(format!("{name}: {e}")))?;
        models.push(Member { name, bytes });
    }
    match models.len() {
        1 => Ok(models.pop().expect("one")),
        0 => {
            let shown: Vec<_> = others.iter().take(8).map(String::as_str).collect();
            let more = if others.len() > shown.len() { format!(" and {} more", others.len() - shown.len()) } else { String::new() };
            let saved_model = if others.iter().any(|n| n.ends_with("saved_model.pb")) {
                "; a TensorFlow SavedModel is not read: save the Keras model with `model.save(\"model.keras\")`"
            } else {
                ""
            };
            Err(error(format!(
                "no model in the archive (an XGBoost model or pickle, or a Keras .keras/.h5 file); it holds {}{more}{saved_model}",
                if shown.is_empty() { "no files".to_string() } else { shown.join(", ") }
            )))
        }
        n => Err(error(format!(
            "{n} models in the archive ({}); unpack it and name each one to compile (NAME=PATH)",
            models.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ")
        ))),
    }
}

/// A reader that ends in an error after `left` more bytes.
struct Bounded<R> {
    inner: R,
    left: u64,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            return Err(std::io::Error::other("the archive inflates to more bytes than mlc reads (a gzip bomb?)"));
        }
        let n = buf.len().min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let read = self.inner.read(&mut buf[..n])?;
        self.left -= read as u64;
        Ok(read)
    }
}

/// Whether a member named `base` (its file name) whose bytes begin with `head` is a model.
fn is_model(base: &str, head: &[u8]) -> bool {
    let lower = base.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    let text = String::from_utf8_lossy(head);
    let json_model = text.trim_start_matches('\u{feff}').trim_start().starts_with('{') && text.contains("learner");
    match ext {
        _ if lower == "xgboost-model" => true,
        "model" | "bst" => true,
        _ if joblib::is_one_of(ext, &joblib::PICKLE_EXTENSIONS) => true,
        "ubj" => head.starts_with(b"{"),
        "keras" | "h5" | "hdf5" => keras_file::is_saved_model(head),
        _ => json_model || head.starts_with(xgboost_binary::MAGIC) || pickle::has_protocol_header(head),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tar archive of `files` (name, bytes), gzip-compressed when `gzip`.
    fn archive(files: &[(&str, &[u8])], gzip: bool) -> Vec<u8> {
        let mut builder = tar::Builder::new(Vec::new());
        for (name, bytes) in files {
            let mut header = tar::Header::new_ustar();
            header.set_size(bytes.len() as u64);
            header.set_mode(0o644);
            header.set_cksum();
            builder.append_data(&mut header, name, *bytes).unwrap();
        }
        let tar = builder.into_inner().unwrap();
        if !gzip {
            return tar;
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, &tar).unwrap();
        gz.finish().unwrap()
    }

    const MODEL: &[u8] = b"{\"learner\": {}, \"version\": [3, 2, 0]}";

    #[test]
    fn the_one_model_is_found_among_other_files() {
        for gzip in [false, true] {
            let bytes = archive(&[("code/inference.py", b"print(1)"), ("._model.json", b"\0\x05\x16\x07"), ("model.json", MODEL)], gzip);
            assert!(is_archive("m", &bytes));
            assert_eq!(model_in("m.tar.gz", &bytes).unwrap(), Member { name: "model.json".into(), bytes: MODEL.to_vec() });
        }
        // SageMaker's name, whatever its bytes.
        let bytes = archive(&[("./xgboost-model", b"\0\0\0?anything")], true);
        assert_eq!(model_in("m.tar.gz", &bytes).unwrap().name, "xgboost-model");
        // A link is not followed, and is named.
        let mut builder = tar::Builder::new(Vec::new());
        let mut header = tar::Header::new_ustar();
        header.set_entry_type(tar::EntryType::Symlink);
        header.set_size(0);
        builder.append_link(&mut header, "xgboost-model", "/etc/passwd").unwrap();
        let err = model_in("l.tar", &builder.into_inner().unwrap()).unwrap_err().to_string();
        assert!(err.ends_with("it holds xgboost-model (a link)"), "{err}");
    }

    #[test]
    fn an_archive_that_inflates_beyond_the_bound_is_an_error() {
        let big = vec![0u8; 64 << 10];
        let bytes = archive(&[("data/big.bin", &big), ("model.json", MODEL)], true);
        assert!(bytes.len() < 4 << 10, "{} bytes", bytes.len());
        assert_eq!(model_within("m.tar.gz", &bytes, 1 << 20).unwrap().name, "model.json");
        let err = model_within("m.tar.gz", &bytes, 32 << 10).unwrap_err().to_string();
        assert!(err.contains("the archive inflates to more bytes than mlc reads"), "{err}");
    }

    #[test]
    fn a_gzip_stream_of_anything_but_a_tar_is_no_archive() {
        // `joblib.dump(model, "m.joblib", compress=("gzip", 3))`: a compressed pickle.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, &[b"\x80\x04".as_slice(), &[b'N'; 400], b"."].concat()).unwrap();
        let gz = gz.finish().unwrap();
        assert!(!is_archive("m.joblib", &gz));
        assert!(!is_archive("m.joblib", &gz[..gz.len() / 2]), "a stream that breaks off");
        assert!(is_archive("m", &archive(&[("model.json", MODEL)], true)));
        assert!(is_archive("m.tar.gz", &gz[..gz.len() / 2]), "named an archive: its errors are an archive's");
    }

    #[test]
    fn no_model_or_several_are_errors_that_list_the_files() {
        let none = archive(&[("1/saved_model.pb", b"x"), ("config.json", b"{\"a\": 1}")], true);
        let err = model_in("m.tar.gz", &none).unwrap_err().to_string();
        assert!(err.starts_with("m.tar.gz: no model in the archive") && err.contains("1/saved_model.pb, config.json"), "{err}");
        assert!(err.contains("TensorFlow SavedModel"), "{err}");
        let two = archive(&[("a.json", MODEL), ("b/xgboost-model", MODEL)], false);
        let err = model_in("m.tar", &two).unwrap_err().to_string();
        assert_eq!(err, "m.tar: 2 models in the archive (a.json, b/xgboost-model); unpack it and name each one to compile (NAME=PATH)");
    }

    #[test]
    fn damaged_archives_are_errors_not_panics() {
        let bytes = archive(&[("model.json", MODEL)], true);
        for n in 0..bytes.len() {
            let _ = model_in("m.tar.gz", &bytes[..n]);
        }
        let tar = archive(&[("model.json", MODEL)], false);
        for n in [0, 100, 511, 600] {
            let _ = model_in("m.tar", &tar[..n]);
        }
        assert!(model_in("m.tar.gz", &bytes[..bytes.len() / 2]).is_err());
        assert!(model_in("m.gz", &[0x1f, 0x8b, 0, 0]).is_err());
    }
}
