//! What a front end is: how the driver ([`crate::compile_models`]) takes one kind of model — tree
//! ensembles ([`crate::trees::build`]), linear models ([`crate::linear`]), networks
//! ([`crate::nn::build`]) — from its imported form to the artifact and the accuracy report.

use mlc_format::manifest::ModelBody;
use mlc_format::SectionKind;
use mlc_runtime::{Input, Model, Scratch};

use crate::error::CompileError;
use crate::options::CompileOptions;

/// One kind of model's way through the compiler: prepare → lower → check.
pub trait Frontend: Sized {
    /// The model as its importer gives it.
    type Imported;

    /// Makes the target's choices for `imported` — layout and arithmetic, graph passes,
    /// quantization — and keeps what [`Frontend::check`] compares against.
    fn prepare(model: &ModelId<'_>, imported: Self::Imported, options: &CompileOptions) -> Result<Self, CompileError>;

    /// The model's manifest and sections.
    fn lower(&self, options: &CompileOptions) -> Lowered<'_>;

    /// Measures `compiled` — the model as the runtime loads it from the written artifact —
    /// against the imported original: the report stored in the manifest.
    fn check(&self, model: &ModelId<'_>, compiled: &Model<'_>, options: &CompileOptions) -> Result<ModelReport, CompileError>;
}

/// Runs `compiled` on the user's check rows (`options.check_rows`), or on `probes()` where the
/// user gave none, and calls `each(n, row, its margins)` for every row (`n` from 1); returns the
/// row count. A row
/// the compiled model refuses is [`CompileError::CheckRow`] naming it and the model.
pub(crate) fn check_margins(
    model: &ModelId<'_>,
    compiled: &Model<'_>,
    options: &CompileOptions,
    probes: impl FnOnce() -> Vec<Vec<f32>>,
    mut each: impl FnMut(usize, &[f32], &[f32]) -> Result<(), CompileError>,
) -> Result<usize, CompileError> {
    let probes_made;
    let rows = match &options.check_rows {
        Some(rows) => rows,
        None => {
            probes_made = probes();
            &probes_made
        }
    };
    let mut got = vec![0f32; compiled.num_margins()];
    for (i, row) in rows.iter().enumerate() {
        compiled.margins(Input::Rows(row), &mut Scratch::default(), &mut got).map_err(|error| CompileError::CheckRow {
            row: i + 1,
            model: model.name.into(),
            error,
        })?;
        each(i + 1, row, &got)?;
    }
    Ok(rows.len())
}

/// Which model a front end works on, for its messages and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModelId<'a> {
    /// The model's name in the artifact.
    pub name: &'a str,
    /// Where it came from: the model file or export directory, as the user named it.
    pub file: &'a str,
}

/// A model lowered by its front end: its manifest, less what the driver adds (the source
/// file, its hash, the report), and its sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Lowered<'a> {
    /// Input values per prediction (floats per row, or token ids).
    pub num_features: u32,
    /// Values per prediction.
    pub num_outputs: u32,
    /// Framework and version, e.g. `xgboost 3.2.0`.
    pub framework: &'a str,
    /// The framework's name for the task (`network` for networks).
    pub objective: &'a str,
    /// The manifest body.
    pub body: ModelBody,
    /// The sections, in the order they are written.
    pub sections: Vec<(SectionKind, Vec<u8>)>,
}

/// What the compiler decided and measured for one model.
#[derive(Debug, Clone)]
pub struct ModelReport {
    /// Model name.
    pub name: String,
    /// The compiler's report, also stored in the manifest.
    pub text: String,
    /// Largest |margin difference| against the float original on the check rows.
    pub max_margin_delta: f64,
    /// Check rows whose decision differs from the float original.
    pub decision_mismatches: usize,
    /// Number of check rows.
    pub check_rows: usize,
    /// What the user should know before deploying (printed by `mlc compile`, not stored).
    pub warnings: Vec<String>,
}
