//! The artifact reader on arbitrary bytes: `Artifact::parse` (checksums verified) and
//! `parse_trusted` (checksums skipped, so mutations reach the structural checks of every
//! section kind, the model table and the bundle index), every accessor, `Model::load` of every
//! model, and a prediction of each model that loads. Seeds: compiled artifacts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mlc_format::Artifact;
use mlc_fuzz::{exercise_artifact, split_artifact, GuardedBytes};

fuzz_target!(|data: &[u8]| {
    let buf = GuardedBytes::new(data);
    let bytes = buf.as_slice();
    let (_, rest) = split_artifact(data);
    if let Ok(a) = Artifact::parse(bytes) {
        // What passes the checksums passes the structure checks too.
        assert!(Artifact::parse_trusted(bytes).is_ok());
        exercise_artifact(&a, rest, true);
    }
    if let Ok(a) = Artifact::parse_trusted(bytes) {
        exercise_artifact(&a, rest, false);
    }
    // The same bytes at an address that is not 16-byte aligned are refused, not misread.
    if !data.is_empty() {
        let mut shifted = Vec::with_capacity(data.len() + 1);
        shifted.push(0);
        shifted.extend_from_slice(data);
        let off = &shifted[1..];
        if (off.as_ptr() as usize) % 16 != 0 {
            assert!(Artifact::parse_trusted(off).is_err());
        }
    }
});
