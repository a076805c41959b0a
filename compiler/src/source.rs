//! Where the models of a compilation come from: files and export directories named on the
//! command line ([`ModelSpec`]), or files already in memory ([`ModelSource`]).

use std::path::PathBuf;

use crate::error::CompileError;
use crate::import::joblib::{is_one_of, COMPRESSED_EXTENSIONS, PICKLE_EXTENSIONS};
use crate::import::keras::KerasFiles;
use crate::nn::NnModel;

/// `NAME=PATH`, or a path whose file stem is the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelSpec {
    /// Model name inside the artifact.
    pub name: String,
    /// The trained model file.
    pub path: PathBuf,
}

impl ModelSpec {
    /// Parses a command-line model argument.
    pub fn parse(arg: &str) -> Result<ModelSpec, CompileError> {
        let (name, path) = match arg.split_once('=') {
            Some((name, path)) if !name.is_empty() && !name.contains(['/', '\\']) => (name.to_string(), PathBuf::from(path)),
            _ => {
                let path = PathBuf::from(arg);
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
                // `model.tar.gz` and `model.joblib.gz` (joblib's compressed file) are the model
                // `model`.
                let compressed = path.extension().and_then(|e| e.to_str()).is_some_and(|e| is_one_of(e, &COMPRESSED_EXTENSIONS));
                let stem = match stem.rsplit_once('.') {
                    Some((name, packed)) if compressed && (packed == "tar" || is_one_of(packed, &PICKLE_EXTENSIONS)) => name,
                    _ => stem,
                };
                (stem.to_string(), path)
            }
        };
        if name.is_empty() {
            return Err(CompileError::ModelName { arg: arg.into() });
        }
        Ok(ModelSpec { name, path })
    }
}

/// A trained model, in a file or in memory.
#[derive(Debug, Clone, PartialEq)]
pub enum ModelSource {
    /// A file — XGBoost's `save_model` JSON or UBJSON, or Keras' `model.save` file (`.keras`
    /// or legacy `.h5`, told by its bytes) — or a directory (a Keras model saved unzipped, or
    /// a Keras export written by `tools/export_keras.py`), read by the compiler.
    Path(PathBuf),
    /// An XGBoost `save_model` file in memory.
    XGBoost {
        /// Its file name: messages and the manifest name it, and its extension (`.json`,
        /// `.ubj`) tells the format (otherwise the bytes do).
        file: String,
        /// The file's bytes.
        bytes: Vec<u8>,
    },
    /// The files of a Keras export in memory.
    Keras {
        /// The export's directory name: the manifest names it, and messages name the files
        /// inside it (`DIR/config.json`).
        dir: String,
        /// The files.
        files: KerasFiles,
    },
    /// A network built in memory as the compiler's IR (generated models, tests). There is no
    /// source file: the manifest names none, and its hash is zeros.
    Network(Box<NnModel>),
}

/// One model of a compilation: its name in the artifact, and its source.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelInput {
    /// Model name inside the artifact.
    pub name: String,
    /// Where the trained model is.
    pub source: ModelSource,
}

impl ModelInput {
    /// A model `name` from `source`.
    pub fn new(name: impl Into<String>, source: ModelSource) -> ModelInput {
        ModelInput { name: name.into(), source }
    }

    /// Parses a command-line model argument (`NAME=PATH` or `PATH`, as [`ModelSpec::parse`]).
    pub fn parse(arg: &str) -> Result<ModelInput, CompileError> {
        ModelSpec::parse(arg).map(ModelInput::from)
    }
}

impl From<ModelSpec> for ModelInput {
    fn from(spec: ModelSpec) -> ModelInput {
        ModelInput { name: spec.name, source: ModelSource::Path(spec.path) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_name_models() {
        assert_eq!(ModelSpec::parse("AK=m/a.json").unwrap(), ModelSpec { name: "AK".into(), path: "m/a.json".into() });
        assert_eq!(ModelSpec::parse("dir/AK.ubj").unwrap(), ModelSpec { name: "AK".into(), path: "dir/AK.ubj".into() });
        assert_eq!(ModelSpec::parse("s3/churn.tar.gz").unwrap().name, "churn");
        assert_eq!(ModelSpec::parse("churn.tgz").unwrap().name, "churn");
        assert_eq!(ModelSpec::parse("churn.tar").unwrap().name, "churn");
        assert_eq!(ModelSpec::parse("clf.joblib.z").unwrap().name, "clf");
        assert_eq!(ModelSpec::parse("clf.pkl.gz").unwrap().name, "clf");
        assert_eq!(ModelSpec::parse("clf.v2.gz").unwrap().name, "clf.v2");
        // A `/` before the `=` makes it part of a path.
        assert_eq!(ModelSpec::parse("a/b=c.json").unwrap().name, "b=c");
        assert_eq!(ModelInput::parse("x=y").unwrap(), ModelInput::new("x", ModelSource::Path("y".into())));
        let err = ModelSpec::parse("/").unwrap_err().to_string();
        assert_eq!(err, "cannot tell a model name from `/`; write NAME=PATH");
    }
}
