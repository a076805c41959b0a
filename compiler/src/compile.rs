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
use crate::import::xgboost::{self, Booster};
use crate::import::{archive, keras, keras_file};
use crate::linear::PreparedLinear;
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
    /// The manifest's name of the source: the file (or directory) name without directories, so
    /// builds are reproducible across machines; `ARCHIVE:MEMBER` for a member of an archive.
    source_file: String,
    /// SHA-256 of the source's bytes (zeros for a model built in memory).
    sha256: [u8; 32],
    /// The model, prepared by its front end.
    front: Front,
}

/// The front end a model went through.
enum Front {
    /// An XGBoost tree model.
    Trees(PreparedTrees),
    /// An XGBoost linear model.
    Linear(PreparedLinear),
    /// A Keras network.
    Net(PreparedNet),
}

impl Prepared {
    /// Reads and imports `input`, and prepares it with the front end of its kind.
    fn new(input: &ModelInput, options: &CompileOptions) -> Result<Prepared, CompileError> {
        let name = input.name.as_str();
        match &input.source {
            ModelSource::Path(path) if path.is_dir() => {
                let files = if keras_file::is_unzipped_model(path) { keras_file::read_unzipped(path)? } else { keras::read_dir(path)? };
                Prepared::net(name, path, &files, export_hash(&files), options)
            }
            ModelSource::Path(path) => {
                let bytes = std::fs::read(path).map_err(|error| CompileError::Io { path: path.clone(), error })?;
                if archive::is_archive(&path.display().to_string(), &bytes) {
                    // SageMaker's model.tar.gz: the model file inside, named `ARCHIVE:MEMBER`.
                    let member = archive::model_in(&path.display().to_string(), &bytes)?;
                    let mut prepared = Prepared::file(name, &format!("{}:{}", path.display(), member.name), &member.bytes, options)?;
                    prepared.source_file = format!("{}:{}", file_name(&path.display().to_string()), member.name);
                    return Ok(prepared);
                }
                Prepared::file(name, &path.display().to_string(), &bytes, options)
            }
            ModelSource::XGBoost { file, bytes } => Prepared::xgboost(name, file, bytes, options),
            ModelSource::Keras { dir, files } => Prepared::net(name, Path::new(dir), files, export_hash(files), options),
            ModelSource::Network(model) => {
                let front = Front::Net(PreparedNet::prepare(&ModelId { name, file: "" }, (**model).clone(), options)?);
                Ok(Prepared { name: name.into(), origin: String::new(), source_file: String::new(), sha256: [0; 32], front })
            }
        }
    }

    /// A model file's bytes: a Keras saved model (`.keras` or `.h5`) or an XGBoost model.
    fn file(name: &str, file: &str, bytes: &[u8], options: &CompileOptions) -> Result<Prepared, CompileError> {
        if keras_file::is_saved_model(bytes) {
            // The source's identity is the file's bytes, as for a tree model.
            let path = Path::new(file);
            Prepared::net(name, path, &keras_file::read(path, bytes)?, Sha256::digest(bytes).into(), options)
        } else {
            Prepared::xgboost(name, file, bytes, options)
        }
    }

    /// An XGBoost model's bytes: a tree ensemble or a linear model, by its booster.
    fn xgboost(name: &str, file: &str, bytes: &[u8], options: &CompileOptions) -> Result<Prepared, CompileError> {
        let id = ModelId { name, file };
        let front = match xgboost::import(file, bytes)? {
            Booster::Trees(ir) => Front::Trees(PreparedTrees::prepare(&id, ir, options)?),
            Booster::Linear(ir) => Front::Linear(PreparedLinear::prepare(&id, ir, options)?),
        };
        Ok(Prepared { name: name.into(), origin: file.into(), source_file: file_name(file), sha256: Sha256::digest(bytes).into(), front })
    }

    fn net(
        name: &str,
        dir: &Path,
        files: &keras::KerasFiles,
        sha256: [u8; 32],
        options: &CompileOptions,
    ) -> Result<Prepared, CompileError> {
        let original = keras::import_files(dir, files)?;
        let origin = dir.display().to_string();
        let front = Front::Net(PreparedNet::prepare(&ModelId { name, file: &origin }, original, options)?);
        Ok(Prepared { name: name.into(), source_file: file_name(&origin), origin, sha256, front })
    }

    fn id(&self) -> ModelId<'_> {
        ModelId { name: &self.name, file: &self.origin }
    }

    fn lower(&self, options: &CompileOptions) -> Lowered<'_> {
        match &self.front {
            Front::Trees(t) => t.lower(options),
            Front::Linear(l) => l.lower(options),
            Front::Net(n) => n.lower(options),
        }
    }

    fn check(&self, compiled: &Model<'_>, options: &CompileOptions) -> Result<ModelReport, CompileError> {
        match &self.front {
            Front::Trees(t) => t.check(&self.id(), compiled, options),
            Front::Linear(l) => l.check(&self.id(), compiled, options),
            Front::Net(n) => n.check(&self.id(), compiled, options),
        }
    }
}

/// The identity of a network given as an export's files: SHA-256 of its configuration followed
/// by its weights (docs/format.md §7.4, field 6).
fn export_hash(files: &keras::KerasFiles) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(&files.config);
    hash.update(&files.weights);
    hash.finalize().into()
}

/// The last component of the path `origin` (empty for none).
fn file_name(origin: &str) -> String {
    Path::new(origin).file_name().and_then(|f| f.to_str()).unwrap_or("").to_string()
}

/// The artifact of `prepared`, with `reports` (none in the first pass).
fn write(prepared: &[Prepared], reports: &[ModelReport], options: &CompileOptions) -> Result<Vec<u8>, CompileError> {
    let mut writer = ArtifactWriter::new();
    for (i, p) in prepared.iter().enumerate() {
        let file = p.source_file.as_str();
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
    let aligned = mlc_format::AlignedBytes::copy_from(bytes);
    let artifact =
        Artifact::parse(aligned.as_slice()).map_err(|e| CompileError::Internal(format!("written artifact does not validate: {e}")))?;
    let mut reports = Vec::with_capacity(prepared.len());
    for p in prepared {
        let model = Model::by_name(&artifact, &p.name).map_err(|e| CompileError::Internal(e.to_string()))?;
        reports.push(p.check(&model, options)?);
    }
    Ok(reports)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use mlc_format::writer::WriteError;
    use mlc_format::AlignedBytes;

    use super::*;
    use crate::options::Calibration;

    fn repo(rel: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel)
    }

    fn options() -> CompileOptions {
        CompileOptions { command_line: "test".into(), ..CompileOptions::default() }
    }

    fn compiled(models: Vec<ModelInput>, options: &CompileOptions) -> Vec<u8> {
        compile_models(&models, options).unwrap_or_else(|e| panic!("{e}")).bytes
    }

    /// A file's bytes and a Keras export's files in memory give the artifact their paths give.
    #[test]
    fn sources_in_memory_compile_as_their_files() {
        let path = repo("tests/fixtures/churn/models/states/AK.ubj");
        let bytes = std::fs::read(&path).unwrap();
        let from_path = compiled(vec![ModelInput::new("AK", ModelSource::Path(path))], &options());
        let in_memory = ModelInput::new("AK", ModelSource::XGBoost { file: "AK.ubj".into(), bytes });
        assert!(from_path == compiled(vec![in_memory], &options()), "XGBoost bytes");

        let dir = repo("fuzz/seeds/tiny_text_cnn");
        let files = keras::read_dir(&dir).unwrap();
        assert!(files.vocab.is_some(), "a text model");
        let int8 = CompileOptions { fixed_point: Some(true), ..options() };
        let from_path = compiled(vec![ModelInput::new("tiny", ModelSource::Path(dir))], &int8);
        let in_memory = ModelInput::new("tiny", ModelSource::Keras { dir: "tiny_text_cnn".into(), files });
        assert!(from_path == compiled(vec![in_memory], &int8), "Keras files");
    }

    /// A model file inside a tar archive (SageMaker's model.tar.gz; here a Keras `.keras` file in
    /// a directory, gzip-compressed) compiles as the file alone, but for the source's name,
    /// `ARCHIVE:MEMBER`; its hash is the member's.
    #[test]
    fn a_model_in_an_archive_compiles_as_the_file_alone() {
        let keras = repo("tests/fixtures/keras_files/act_layers/model.keras");
        let bytes = std::fs::read(&keras).unwrap();
        let mut tar = tar::Builder::new(Vec::new());
        let mut header = tar::Header::new_ustar();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        tar.append_data(&mut header, "./export/model.keras", bytes.as_slice()).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, &tar.into_inner().unwrap()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("m.tar.gz");
        std::fs::write(&archive, gz.finish().unwrap()).unwrap();

        let from_archive = AlignedBytes::copy_from(&compiled(vec![ModelInput::new("m", ModelSource::Path(archive))], &options()));
        let alone = AlignedBytes::copy_from(&compiled(vec![ModelInput::new("m", ModelSource::Path(keras))], &options()));
        let (a, b) = (Artifact::parse(&from_archive).unwrap(), Artifact::parse(&alone).unwrap());
        let (a, b) = (a.model(0).unwrap(), b.model(0).unwrap());
        let (ma, mb) = (a.manifest().unwrap(), b.manifest().unwrap());
        assert_eq!((ma.source.file, mb.source.file), ("m.tar.gz:export/model.keras", "model.keras"));
        assert_eq!(ma.source.sha256, <[u8; 32]>::from(Sha256::digest(&bytes)));
        assert_eq!((ma.source.sha256, ma.body, ma.report), (mb.source.sha256, mb.body, mb.report));
        for kind in [mlc_format::SectionKind::NetLayers, mlc_format::SectionKind::NetWeights] {
            assert_eq!(a.section(kind).unwrap(), b.section(kind).unwrap(), "{kind:?}");
        }
    }

    /// A network given as IR compiles like its export, less the source file and its hash.
    #[test]
    fn a_network_in_memory_names_no_source() {
        let dir = repo("fuzz/seeds/tiny_text_cnn");
        let model = keras::import_dir(&dir).unwrap();
        let from_ir = AlignedBytes::copy_from(&compiled(vec![ModelInput::new("m", ModelSource::Network(Box::new(model)))], &options()));
        let from_dir = AlignedBytes::copy_from(&compiled(vec![ModelInput::new("m", ModelSource::Path(dir))], &options()));
        let (a, b) = (Artifact::parse(&from_ir).unwrap(), Artifact::parse(&from_dir).unwrap());
        let (a, b) = (a.model(0).unwrap(), b.model(0).unwrap());
        let (ma, mb) = (a.manifest().unwrap(), b.manifest().unwrap());
        assert_eq!((ma.source.file, ma.source.sha256), ("", [0; 32]));
        assert_eq!((mb.source.file, mb.source.sha256 == [0; 32]), ("tiny_text_cnn", false));
        assert_eq!((ma.body, ma.report, ma.source.framework), (mb.body, mb.report, mb.source.framework));
        for kind in [mlc_format::SectionKind::NetLayers, mlc_format::SectionKind::NetWeights] {
            assert_eq!(a.section(kind).unwrap(), b.section(kind).unwrap(), "{kind:?}");
        }
    }

    /// Each failure has its variant, naming model, file and line as the messages always did.
    #[test]
    fn failures_are_typed() {
        let ak = || ModelInput::new("a", ModelSource::Path(repo("tests/fixtures/churn/models/states/AK.json")));
        match compile_models(&[ak(), ak()], &options()) {
            Err(CompileError::Write(WriteError::DuplicateName(name))) => assert_eq!(name, "a"),
            other => panic!("{other:?}"),
        }
        let short_rows = CompileOptions { check_rows: Some(vec![vec![0.0; 18], vec![1.0; 3]]), ..options() };
        let err = compile_models(&[ak()], &short_rows).unwrap_err();
        assert!(matches!(err, CompileError::CheckRow { row: 2, ref model, .. } if model == "a"), "{err:?}");
        assert!(err.to_string().starts_with("check row 2: model `a`: "), "{err}");

        let tiny = || ModelInput::new("t", ModelSource::Path(repo("fuzz/seeds/tiny_text_cnn")));
        let calibration = |lines: &[&str]| CompileOptions {
            calibration: Some(Calibration { source: "c.txt".into(), lines: lines.iter().map(|l| l.to_string()).collect() }),
            ..options()
        };
        let err = compile_models(&[tiny()], &calibration(&[])).unwrap_err();
        assert!(matches!(err, CompileError::NoCalibrationInputs { ref file } if file == "c.txt"), "{err:?}");
        // A text model reads any line as text; a model without its tokenizer reads token ids.
        let mut files = keras::read_dir(&repo("fuzz/seeds/tiny_text_cnn")).unwrap();
        (files.vocab, files.vectorizer) = (None, None);
        let ids = ModelInput::new("ids", ModelSource::Keras { dir: "tiny".into(), files });
        let err = compile_models(&[ids], &calibration(&["0,1", "not ids"])).unwrap_err();
        assert!(matches!(err, CompileError::CalibrationInput { line: 1, ref model, .. } if model == "ids"), "{err:?}");
        assert!(err.to_string().starts_with("c.txt: line 1: model `ids`: 2 values, the model takes 16"), "{err}");
    }
}
