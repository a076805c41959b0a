//! The `keras_file` fuzz target's input format: a Keras saved model, given as it is, or built
//! from its entries so that mutations reach the HDF5 weights and the configuration past the
//! archive's checksums. One definition for the target and for the replay of its findings.
//!
//! - first byte even: the rest is the file, a `.keras` archive or a legacy `.h5` model (HDF5);
//! - first byte odd: the rest is `config.json`, `model.weights.h5` and, optionally, an adapted
//!   vocabulary (`assets/layers/text_vectorization/vocabulary.txt`), separated by
//!   [`SEPARATOR`], stored into an archive as Keras writes it.

use std::io::Write;

/// What separates the entries.
pub const SEPARATOR: &[u8] = b"\n#--#\n";

/// The file of a `keras_file` fuzz input.
pub fn keras_archive(data: &[u8]) -> Vec<u8> {
    let Some((&mode, mut rest)) = data.split_first() else { return Vec::new() };
    if mode % 2 == 0 {
        return rest.to_vec();
    }
    let mut parts = Vec::new();
    while parts.len() < 2 {
        let Some(at) = rest.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) else { break };
        parts.push(&rest[..at]);
        rest = &rest[at + SEPARATOR.len()..];
    }
    parts.push(rest);
    let names = ["config.json", "model.weights.h5", "assets/layers/text_vectorization/vocabulary.txt"];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, part) in names.iter().zip(parts) {
        zip.start_file(*name, stored).expect("a stored entry in memory");
        zip.write_all(part).expect("writing to memory");
    }
    zip.finish().expect("an archive in memory").into_inner()
}
