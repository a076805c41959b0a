//! What a file given where an artifact (or a model to compile) belongs is, so that errors can
//! say what to do with it: an XGBoost model (or a pickled Booster), a Keras model or a Keras
//! export, or a tar archive holding one (SageMaker's `model.tar.gz`) is compiled first, a CSV
//! file is data.

use std::io::Read;
use std::path::Path;

/// What a file or directory is, when it is not an artifact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An XGBoost `save_model` file (JSON, UBJSON, or the legacy binary format from 1.1 on).
    XgboostModel,
    /// A Keras export directory (`config.json` and `model.safetensors`, tools/export_keras.py).
    KerasExport,
    /// A Keras saved model: a `.keras` zip archive (or its entries in a directory, saved with
    /// `zipped=False`), or an HDF5 file (a legacy `.h5` model).
    KerasModel,
    /// A Python pickle (protocol 2 or later), such as a pickled XGBoost Booster.
    Pickle,
    /// A gzip- or zlib-compressed file (`model.tar.gz`, a compressed `joblib.dump` file).
    Compressed,
    /// A tar archive.
    Tar,
    /// Comma-separated text (data, not a model).
    Csv,
}

impl Kind {
    /// The kind in words.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::XgboostModel => "an XGBoost model",
            Kind::KerasExport => "a Keras export directory",
            Kind::KerasModel => "a Keras model (.keras or .h5)",
            Kind::Pickle => "a Python pickle",
            Kind::Compressed => "a compressed file (gzip or zlib)",
            Kind::Tar => "a tar archive",
            Kind::Csv => "a CSV file",
        }
    }

    /// What to do with it, as the end of a sentence.
    pub fn advice(self, path: &Path) -> String {
        let p = path.display();
        match self {
            Kind::XgboostModel | Kind::KerasExport | Kind::KerasModel => {
                format!("compile it into an artifact first: `mlc compile {p} -o model.mlc`")
            }
            Kind::Pickle => format!("if it holds an XGBoost Booster, compile it into an artifact first: `mlc compile {p} -o model.mlc`"),
            Kind::Compressed => format!(
                "if it is a model archive (SageMaker's model.tar.gz, with an XGBoost or Keras model inside) or a \
                 compressed `joblib.dump` file, compile it into an artifact first: `mlc compile {p} -o model.mlc`"
            ),
            Kind::Tar => format!(
                "if it is a model archive (SageMaker's model.tar.gz, with an XGBoost or Keras model inside), \
                 compile it into an artifact first: `mlc compile {p} -o model.mlc`"
            ),
            Kind::Csv => "give it as input data; the model is a `.mlc` artifact (or, to compile, an XGBoost `.json`/`.ubj`/binary model, a Keras `.keras`/`.h5` or a Keras export directory)".into(),
        }
    }
}

/// What `path` is, if it is recognisably not an artifact: judged from a directory's files or
/// from a file's first bytes (and its extension, for CSV). `None`: an artifact, or unknown.
pub fn sniff(path: &Path) -> Option<Kind> {
    if path.is_dir() {
        let has = |name: &str| path.join(name).is_file();
        if has("config.json") && has("model.weights.h5") {
            return Some(Kind::KerasModel); // saved unzipped (`zipped=False`)
        }
        return (has("config.json") && (has("model.safetensors") || has("vectorizer.json"))).then_some(Kind::KerasExport);
    }
    let mut head = Vec::with_capacity(512);
    std::fs::File::open(path).ok()?.take(512).read_to_end(&mut head).ok()?;
    sniff_bytes(&head, path.extension().and_then(|e| e.to_str()).unwrap_or(""))
}

/// [`sniff`] of a file's first bytes (at least 262 for tar) and its extension.
pub fn sniff_bytes(head: &[u8], extension: &str) -> Option<Kind> {
    if head.starts_with(&mlc_format::MAGIC) {
        return None;
    }
    if matches!(head, [0x80, 2..=5, ..]) {
        return Some(Kind::Pickle);
    }
    let csv = extension.eq_ignore_ascii_case("csv") || extension.eq_ignore_ascii_case("tsv");
    // gzip's signature; zlib's header (deflate, and the first two bytes a multiple of 31), which
    // text can begin with too (`x^`), so not for a CSV file's name.
    let zlib = matches!(head, [cmf, flg, ..] if cmf & 0x0f == 8 && cmf >> 4 <= 7 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0);
    if head.starts_with(&[0x1f, 0x8b]) || (zlib && !csv) {
        return Some(Kind::Compressed);
    }
    if head.get(257..262) == Some(b"ustar") {
        return Some(Kind::Tar);
    }
    // HDF5's signature; a zip archive named `.keras` (other zip archives are not judged).
    if head.starts_with(b"\x89HDF\r\n\x1a\n") || (head.starts_with(b"PK\x03\x04") && extension.eq_ignore_ascii_case("keras")) {
        return Some(Kind::KerasModel);
    }
    // XGBoost's legacy binary format (1.1+; 1.0's has no signature).
    if head.starts_with(b"binf") {
        return Some(Kind::XgboostModel);
    }
    let text = String::from_utf8_lossy(head);
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('{') && text.contains("learner") {
        return Some(Kind::XgboostModel);
    }
    if csv {
        return Some(Kind::Csv);
    }
    None
}

/// The name among `names` closest to `name` (case ignored first, then by edit distance), if
/// one is close enough to be a likely typo.
pub fn closest<'a>(name: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = name.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for candidate in names {
        if candidate.to_lowercase() == lower {
            return Some(candidate);
        }
        let score = strsim::jaro_winkler(&lower, &candidate.to_lowercase());
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, candidate));
        }
    }
    best.filter(|(score, _)| *score >= 0.8).map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_bytes() {
        assert_eq!(sniff_bytes(&mlc_format::MAGIC, "mlc"), None);
        assert_eq!(sniff_bytes(&[0x1f, 0x8b, 8, 0], "gz"), Some(Kind::Compressed));
        assert_eq!(sniff_bytes(b"x\x9c\xed\x5a", "joblib"), Some(Kind::Compressed), "joblib's compress=3");
        assert_eq!(sniff_bytes(b"x^1,2\n", "csv"), Some(Kind::Csv));
        assert_eq!(sniff_bytes(b"binf\0\0\0\x3f", "model"), Some(Kind::XgboostModel));
        assert_eq!(sniff_bytes(b"\x80\x04\x95\x19\x04", ""), Some(Kind::Pickle));
        let mut tar = vec![0u8; 300];
        tar[257..262].copy_from_slice(b"ustar");
        assert_eq!(sniff_bytes(&tar, ""), Some(Kind::Tar));
        assert_eq!(sniff_bytes(br#"{"learner": {"attributes": {}}}"#, "json"), Some(Kind::XgboostModel));
        assert_eq!(sniff_bytes(b"{L\x00\x00\x00\x07learner{", "ubj"), Some(Kind::XgboostModel));
        assert_eq!(sniff_bytes(b"1,2,3\n", "csv"), Some(Kind::Csv));
        assert_eq!(sniff_bytes(b"\x89HDF\r\n\x1a\n\x00", "h5"), Some(Kind::KerasModel));
        assert_eq!(sniff_bytes(b"PK\x03\x04\x14\x00", "keras"), Some(Kind::KerasModel));
        assert_eq!(sniff_bytes(b"PK\x03\x04\x14\x00", "zip"), None);
        assert_eq!(sniff_bytes(b"1,2,3\n", "bin"), None);
    }

    #[test]
    fn closest_names() {
        let names = ["CA", "NY", "TX", "imdb_cnn", "imdb_cnn_mcu"];
        assert_eq!(closest("ca", names), Some("CA"));
        assert_eq!(closest("imbd_cnn", names), Some("imdb_cnn"));
        assert_eq!(closest("completely_else", names), None);
    }
}
