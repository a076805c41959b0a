//! Single-shot prediction on a fuzzed-but-valid artifact: the fuzz data is an artifact
//! (its header's `file_len` bytes) followed by the prediction input. The artifact is read with
//! `Artifact::parse_trusted` — the fuzz-only bypass of the checksums, so mutated records,
//! weights and layer shapes reach `Model::load` and the executor's own bounds — then every
//! model that loads predicts: tree ensembles on rows made from the input (single-shot and batch,
//! which must agree bit for bit), networks on token ids, raw text and float inputs.
//! Seeds: the compiled churn and sentiment artifacts (float and int8) with a CSV row or a review
//! appended.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mlc_format::Artifact;
use mlc_fuzz::{exercise_artifact, split_artifact, GuardedBytes};

fuzz_target!(|data: &[u8]| {
    let (artifact, input) = split_artifact(data);
    let buf = GuardedBytes::new(artifact);
    if let Ok(a) = Artifact::parse_trusted(buf.as_slice()) {
        exercise_artifact(&a, input, true);
    }
});
