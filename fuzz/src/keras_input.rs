//! The `keras` fuzz target's input format: a Keras export's files in one byte string, separated
//! by [`SEPARATOR`], in the order config.json, model.safetensors, then optionally vocab.txt
//! and vectorizer.json. One definition for the target and for the replay of its findings
//! (tests/e2e/fuzz_regressions.rs includes this file by path: the two are separate workspaces).

use mlc_compiler::import::keras::KerasFiles;

/// What separates the files.
pub const SEPARATOR: &[u8] = b"\n#--#\n";

/// The files of a `keras` fuzz input, in memory as the importer reads them.
pub fn keras_files(mut data: &[u8]) -> KerasFiles {
    let mut parts = Vec::new();
    while parts.len() < 3 {
        let Some(at) = data.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) else { break };
        parts.push(data[..at].to_vec());
        data = &data[at + SEPARATOR.len()..];
    }
    parts.push(data.to_vec());
    let mut parts = parts.into_iter();
    KerasFiles {
        config: parts.next().unwrap_or_default(),
        weights: parts.next().unwrap_or_default(),
        vocab: parts.next(),
        vectorizer: parts.next(),
    }
}
