//! Keras' own saved models (`mlc_compiler::import::keras_file::read`: a `.keras` zip archive,
//! its HDF5 weights read by a third-party reader, the layer paths, the vocabulary; or a legacy
//! `.h5` model), then the importer on what it read. Inputs: fuzz/src/keras_file_input.rs.
//! Seeds: the `.keras` files of tests/fixtures (scripts/fuzz.sh), whole and as entries, and its
//! `.h5` files.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use mlc_compiler::import::{keras, keras_file};
use mlc_fuzz::keras_file_input::keras_archive;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.keras");
    let Ok(files) = keras_file::read(path, &keras_archive(data)) else { return };
    let _ = keras::import_files(path, &files);
});
