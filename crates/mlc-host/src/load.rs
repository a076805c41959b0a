//! Opening artifacts: memory-mapped from a file, or copied into an aligned buffer.

use std::fs::File;
use std::path::{Path, PathBuf};

use mlc_format::AlignedBytes;
use mlc_format::{Artifact, FormatError, ModelEntry};
use mlc_runtime::{LoadError, Model};

/// Errors of opening artifacts and selecting models, naming the file.
#[derive(Debug, thiserror::Error)]
pub enum HostError {
    /// The file could not be opened or mapped.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        error: std::io::Error,
    },
    /// The bytes are not a valid artifact.
    #[error("{path}: {error}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        error: FormatError,
    },
    /// A model failed to load.
    #[error("{path}: model `{model}`: {error}")]
    Model {
        /// The file.
        path: PathBuf,
        /// The model's name.
        model: String,
        /// What is wrong.
        error: LoadError,
    },
    /// No model of that name.
    #[error("{path}: no model named `{model}`{} (models: {available})", suggest(.closest))]
    UnknownModel {
        /// The file.
        path: PathBuf,
        /// The requested name.
        model: String,
        /// Up to 10 names that exist.
        available: String,
        /// The existing name closest to `model` (a likely typo), if any.
        closest: Option<String>,
    },
    /// The path is not an artifact but something recognisable (a model to compile, an archive).
    #[error("{path} is {}, not an mlc artifact: {}", .kind.describe(), .kind.advice(path))]
    NotAnArtifact {
        /// The file or directory.
        path: PathBuf,
        /// What it is.
        kind: crate::sniff::Kind,
    },
    /// A directory source without any `NAME.mlc` artifact.
    #[error("{path}: no `.mlc` artifacts in this directory")]
    EmptyDirectory {
        /// The directory.
        path: PathBuf,
    },
    /// The artifact has several models and none was chosen.
    #[error("{path}: {count} models here; choose one with --model (e.g. `{first}`)")]
    ModelRequired {
        /// The file.
        path: PathBuf,
        /// Number of models.
        count: u32,
        /// The first model's name.
        first: String,
    },
}

/// ", did you mean `NAME`?" for a closest name.
fn suggest(closest: &Option<String>) -> String {
    closest.as_ref().map_or(String::new(), |name| format!("; did you mean `{name}`?"))
}

impl HostError {
    /// An unknown model `model` of the source at `path`, which has `names`.
    pub fn unknown_model<'a>(path: &Path, model: &str, names: impl Iterator<Item = &'a str>) -> HostError {
        let names: Vec<&str> = names.collect();
        HostError::UnknownModel {
            path: path.to_path_buf(),
            model: model.into(),
            available: names.iter().take(10).copied().collect::<Vec<_>>().join(", "),
            closest: crate::sniff::closest(model, names).map(str::to_string),
        }
    }
}

enum Storage {
    Mapped(memmap2::Mmap),
    Owned(AlignedBytes),
}

/// A validated artifact held in memory or mapped from a file.
pub struct LoadedArtifact {
    path: PathBuf,
    storage: Storage,
}

impl LoadedArtifact {
    /// Maps `path` read-only and validates it (checksums included).
    ///
    /// The mapping assumes the file is not modified while mapped — the usual contract of
    /// deployed model files, which are replaced by rename rather than rewritten in place.
    pub fn open(path: impl AsRef<Path>) -> Result<LoadedArtifact, HostError> {
        let path = path.as_ref().to_path_buf();
        let io = |error| HostError::Io { path: path.clone(), error };
        let file = File::open(&path).map_err(io)?;
        let len = file.metadata().map_err(io)?.len();
        let storage = if len == 0 {
            Storage::Owned(AlignedBytes::copy_from(&[]))
        } else {
            // SAFETY: the map is read-only and private to this process; mlc's contract is that
            // artifact files are immutable while in use (they are replaced by rename). Every
            // read of the map goes through `Artifact::parse`'s bounds-checked validation.
            Storage::Mapped(unsafe { memmap2::Mmap::map(&file) }.map_err(io)?)
        };
        Self::validated(path, storage)
    }

    /// Holds `bytes` (copied to an aligned buffer) and validates them; `path` is for messages.
    pub fn from_bytes(path: impl Into<PathBuf>, bytes: &[u8]) -> Result<LoadedArtifact, HostError> {
        Self::validated(path.into(), Storage::Owned(AlignedBytes::copy_from(bytes)))
    }

    fn validated(path: PathBuf, storage: Storage) -> Result<LoadedArtifact, HostError> {
        let loaded = LoadedArtifact { path, storage };
        if let Err(error) = Artifact::parse(loaded.bytes()) {
            let head = &loaded.bytes()[..loaded.bytes().len().min(512)];
            let extension = loaded.path.extension().and_then(|e| e.to_str()).unwrap_or("");
            return Err(match crate::sniff::sniff_bytes(head, extension) {
                Some(kind) => HostError::NotAnArtifact { path: loaded.path, kind },
                None => HostError::Format { path: loaded.path.clone(), error },
            });
        }
        Ok(loaded)
    }

    /// The file this artifact came from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The raw bytes.
    pub fn bytes(&self) -> &[u8] {
        match &self.storage {
            Storage::Mapped(m) => m,
            Storage::Owned(b) => b.as_slice(),
        }
    }

    /// The artifact view (structure re-checked, checksums verified once at load).
    pub fn artifact(&self) -> Result<Artifact<'_>, HostError> {
        Artifact::parse_trusted(self.bytes()).map_err(|error| HostError::Format { path: self.path.clone(), error })
    }

    /// The model called `name`, or the only model when `name` is `None`.
    pub fn model(&self, name: Option<&str>) -> Result<Model<'_>, HostError> {
        self.load_entry(&self.entry(name)?)
    }

    /// Loads (and validates) the model of `entry`, an entry of [`LoadedArtifact::artifact`].
    pub fn load_entry<'a>(&'a self, entry: &ModelEntry<'a>) -> Result<Model<'a>, HostError> {
        Model::load(entry).map_err(|error| HostError::Model { path: self.path.clone(), model: entry.name.into(), error })
    }

    /// The table entry of the model called `name`, or of the only model when `name` is `None`.
    pub fn entry(&self, name: Option<&str>) -> Result<ModelEntry<'_>, HostError> {
        let artifact = self.artifact()?;
        match name {
            Some(name) => {
                artifact.model_by_name(name).ok_or_else(|| HostError::unknown_model(&self.path, name, artifact.models().map(|m| m.name)))
            }
            None if artifact.model_count() == 1 => {
                artifact.model(0).ok_or_else(|| HostError::ModelRequired { path: self.path.clone(), count: 1, first: String::new() })
            }
            None => Err(HostError::ModelRequired {
                path: self.path.clone(),
                count: artifact.model_count(),
                first: artifact.model(0).map(|m| m.name.to_string()).unwrap_or_default(),
            }),
        }
    }

    /// Bytes of the sections that belong to `entry` (what executing it touches).
    pub fn entry_bytes(&self, entry: &ModelEntry<'_>) -> u64 {
        self.artifact().map_or(0, |a| entry.section_indices().map(|s| a.section_entry(s).len).sum())
    }
}
