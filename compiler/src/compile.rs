//! The driver: each model through its front end (import → prepare), then the artifact written
//! twice — without reports, to check the compiled models against their originals, then with
//! the reports.

use std::path::Path;

use mlc_format::manifest::{ModelManifest, Provenance, Source};
use mlc_format::writer::ArtifactWriter;
use mlc_format::Artifact;
use mlc_runtime::Model;
use sha2::{Digest, Sha256};

use crate::error::CompileError;
use crate::frontend::{Frontend, Lowered, ModelId, ModelReport};
use crate::import::{keras, xgboost};
use crate::nn::build::PreparedNet;
use crate::options::CompileOptions;
use crate::source::{ModelInput, ModelSource, ModelSpec};
use crate::trees::build::PreparedTrees;

/// A finished compilation.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The artifact.
    pub bytes: Vec<u8>,
    /// One report per model.
    pub reports: Vec<ModelReport>,
}

/// Compiles `models` into one artifact (a bundle when there are several): every model is
/// imported, prepared for `options.target`, lowered and written, and the written artifact is
/// checked against the imported originals. Models keep their order.
pub fn compile_models(models: &[ModelInput], options: &CompileOptions) -> Result<Compiled, CompileError> {
    let mut prepared = Vec::with_capacity(models.len());
    for m in models {
        prepared.push(Prepared::new(m, options)?);
    }
    // First pass without reports, to measure the compiled models; second pass records them.
    let first = write(&prepared, &[], options)?;
    let reports = check(&prepared, &first, options)?;
    let bytes = write(&prepared, &reports, options)?;
    Ok(Compiled { bytes, reports })
}

/// Compiles the model files of `specs`: [`compile_models`] with each spec's path as its source.
pub fn compile(specs: &[ModelSpec], options: &CompileOptions) -> Result<Compiled, CompileError> {
    let models: Vec<ModelInput> = specs.iter().cloned().map(ModelInput::from).collect();
    compile_models(&models, options)
}

/// A model after its front end's preparation.
struct Prepared {
    /// Its name in the artifact.
    name: String,
    /// Its source as the user named it (a path, a file or directory name), for messages.
    origin: String,
    /// SHA-256 of the source's bytes (zeros for a model built in memory).
    sha256: [u8; 32],
    /// The model, prepared by its front end.
    front: Front,
}

/// The front end a model went through.
enum Front {
    /// An XGBoost model.
    Trees(PreparedTrees),
    /// A Keras network.
    Net(PreparedNet),
}

impl Prepared {
    /// Reads and imports `input`, and prepares it with the front end of its kind.
    fn new(input: &ModelInput, options: &CompileOptions) -> Result<Prepared, CompileError> {
        let name = input.name.as_str();
        match &input.source {
            ModelSource::Path(path) if path.is_dir() => Prepared::net(name, path, &keras::read_dir(path)?, options),
            ModelSource::Path(path) => {
                let bytes = std::fs::read(path).map_err(|error| CompileError::Io { path: path.clone(), error })?;
                Prepared::trees(name, &path.display().to_string(), &bytes, options)
            }
            ModelSource::XGBoost { file, bytes } => Prepared::trees(name, file, bytes, options),
            ModelSource::Keras { dir, files } => Prepared::net(name, Path::new(dir), files, options),
            ModelSource::Network(model) => {
                let front = Front::Net(PreparedNet::prepare(&ModelId { name, file: "" }, (**model).clone(), options)?);
                Ok(Prepared { name: name.into(), origin: String::new(), sha256: [0; 32], front })
            }
        }
    }

    fn trees(name: &str, file: &str, bytes: &[u8], options: &CompileOptions) -> Result<Prepared, CompileError> {
        let ir = xgboost::import(file, bytes)?;
        let front = Front::Trees(PreparedTrees::prepare(&ModelId { name, file }, ir, options)?);
        Ok(Prepared { name: name.into(), origin: file.into(), sha256: Sha256::digest(bytes).into(), front })
    }

    fn net(name: &str, dir: &Path, files: &keras::KerasFiles, options: &CompileOptions) -> Result<Prepared, CompileError> {
        let original = keras::import_files(dir, files)?;
        let origin = dir.display().to_string();
        let front = Front::Net(PreparedNet::prepare(&ModelId { name, file: &origin }, original, options)?);
        // The source's identity: its configuration and weights.
        let mut hash = Sha256::new();
        hash.update(&files.config);
        hash.update(&files.weights);
        Ok(Prepared { name: name.into(), origin, sha256: hash.finalize().into(), front })
    }

    fn id(&self) -> ModelId<'_> {
        ModelId { name: &self.name, file: &self.origin }
    }

    fn lower(&self, options: &CompileOptions) -> Lowered<'_> {
        match &self.front {
            Front::Trees(t) => t.lower(options),
            Front::Net(n) => n.lower(options),
        }
    }

    fn check(&self, compiled: &Model<'_>, options: &CompileOptions) -> Result<ModelReport, CompileError> {
        match &self.front {
            Front::Trees(t) => t.check(&self.id(), compiled, options),
            Front::Net(n) => n.check(&self.id(), compiled, options),
        }
    }
}

/// The artifact of `prepared`, with `reports` (none in the first pass).
fn write(prepared: &[Prepared], reports: &[ModelReport], options: &CompileOptions) -> Result<Vec<u8>, CompileError> {
    let mut writer = ArtifactWriter::new();
    for (i, p) in prepared.iter().enumerate() {
        // The file name only, so builds are reproducible across machines.
        let file = Path::new(&p.origin).file_name().and_then(|f| f.to_str()).unwrap_or("");
        let Lowered { num_features, num_outputs, framework, objective, body, sections } = p.lower(options);
        let manifest = ModelManifest {
            num_features,
            num_outputs,
            source: Source { framework, objective, file, sha256: p.sha256 },
            body,
            report: reports.get(i).map_or("", |r| r.text.as_str()),
        };
        writer.add_model(&p.name, &manifest, sections)?;
    }
    let compiler = concat!("mlc ", env!("CARGO_PKG_VERSION"));
    let target = options.target.to_string();
    Ok(writer.finish(&Provenance { compiler, target: &target, options: &options.command_line })?)
}

/// Runs every compiled model of the artifact `bytes` through its front end's check.
fn check(prepared: &[Prepared], bytes: &[u8], options: &CompileOptions) -> Result<Vec<ModelReport>, CompileError> {
    let aligned = mlc_format::writer::AlignedBytes::copy_from(bytes);
    let artifact =
        Artifact::parse(aligned.as_slice()).map_err(|e| CompileError::Internal(format!("written artifact does not validate: {e}")))?;
    let mut reports = Vec::with_capacity(prepared.len());
    for p in prepared {
        let model = Model::by_name(&artifact, &p.name).map_err(|e| CompileError::Internal(e.to_string()))?;
        reports.push(p.check(&model, options)?);
    }
    Ok(reports)
}
