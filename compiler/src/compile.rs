//! The `mlc compile` pipeline: import → choose layout and arithmetic → write → check.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use mlc_format::manifest::{Link, ModelBody, ModelManifest, Numeric, Provenance, Source, TreeLayout};
use mlc_format::writer::ArtifactWriter;
use mlc_format::Artifact;
use mlc_runtime::Model;
use sha2::{Digest, Sha256};

use crate::error::CompileError;
use crate::import;
use crate::nn::{self, NnModel};
use crate::target::Target;
use crate::trees::{layout, IrEnsemble, IrNode};

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
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
                (stem, path)
            }
        };
        if name.is_empty() {
            return Err(CompileError::Usage(format!("cannot tell a model name from `{arg}`; write NAME=PATH")));
        }
        Ok(ModelSpec { name, path })
    }
}

/// Arithmetic choice; `None` in [`CompileOptions`] lets the target decide.
pub use mlc_format::manifest::Numeric as NumericChoice;

/// Representative inputs for calibrating and checking networks (`mlc compile --calibration`).
#[derive(Debug, Clone, Default)]
pub struct Calibration {
    /// Where the lines come from, for messages and the report (a file name).
    pub source: String,
    /// One input per line: raw text for a text model, comma-separated token ids or floats
    /// otherwise.
    pub lines: Vec<String>,
}

/// Options of one compilation.
#[derive(Debug, Clone, Default)]
pub struct CompileOptions {
    /// Device class.
    pub target: Target,
    /// Force float or integer arithmetic: trees in fixed point, networks in int8 (default:
    /// trees in float where the target has an FPU, networks in int8 on microcontrollers).
    pub fixed_point: Option<bool>,
    /// Bytes a network may spend on lookup tables (a folded embedding; default: the target's).
    pub table_budget: Option<usize>,
    /// Inputs to calibrate int8 networks and check networks on (default: probe inputs).
    pub calibration: Option<Calibration>,
    /// Force a tree layout (default: chosen per model from the target and the sizes).
    pub layout: Option<TreeLayout>,
    /// Rows to check the compiled models against the float original (default: probe rows
    /// built from each model's own thresholds).
    pub check_rows: Option<Vec<Vec<f32>>>,
    /// The options as the user wrote them, recorded in the provenance.
    pub command_line: String,
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

/// A finished compilation.
pub struct Compiled {
    /// The artifact.
    pub bytes: Vec<u8>,
    /// One report per model.
    pub reports: Vec<ModelReport>,
}

struct Prepared {
    spec: ModelSpec,
    sha256: [u8; 32],
    kind: Kind,
}

/// What a model spec turned out to be.
enum Kind {
    /// An XGBoost model, with the layout and arithmetic chosen for the target.
    Trees { ir: IrEnsemble, layout: TreeLayout, numeric: Numeric, why: String },
    /// A Keras network (a directory written by `tools/export_keras.py`): the float original
    /// and the model after the graph passes and quantization, with its check inputs.
    Net { original: NnModel, prepared: nn::build::Prepared },
}

fn choose_layout(ir: &IrEnsemble, target: Target, forced: Option<TreeLayout>) -> (TreeLayout, String) {
    let c = layout::cost(ir);
    if let Some(l) = forced {
        return (l, format!("layout {l:?} (forced); complete {} B, linked {} B", c.complete, c.linked));
    }
    // Complete trees walk branch-free; pay for it with padding only where memory allows.
    let (max_depth, factor) = if target.is_mcu() { (8, 2) } else { (12, 16) };
    let complete = c.depth <= max_depth && c.complete <= c.linked.saturating_mul(factor).max(if target.is_mcu() { 0 } else { 64 << 10 });
    let l = if complete { TreeLayout::Complete } else { TreeLayout::Linked };
    (l, format!("layout {l:?}: depth {}, complete {} B vs linked {} B on {target}", c.depth, c.complete, c.linked))
}

fn read(path: &Path) -> Result<Vec<u8>, CompileError> {
    std::fs::read(path).map_err(|error| CompileError::Io { path: path.to_path_buf(), error })
}

fn prepare_trees(spec: &ModelSpec, options: &CompileOptions) -> Result<Prepared, CompileError> {
    let bytes = read(&spec.path)?;
    let file = spec.path.display().to_string();
    let ir = import::xgboost::import(&file, &bytes)?;
    let fixed = options.fixed_point.unwrap_or(!options.target.has_fpu());
    let numeric = if fixed {
        let frac_bits = layout::fixed_frac_bits(&ir).ok_or_else(|| {
            CompileError::Layout(format!("{file}: leaf values too large for 32-bit fixed point; compile with --numeric float"))
        })?;
        Numeric::Fixed { frac_bits }
    } else {
        Numeric::Float32
    };
    let (layout, why) = choose_layout(&ir, options.target, options.layout);
    if layout == TreeLayout::Complete && layout::cost(&ir).complete == usize::MAX {
        return Err(CompileError::Layout(format!(
            "{file}: trees deeper than {} levels cannot use the complete layout; use --layout linked",
            mlc_runtime::trees::MAX_COMPLETE_DEPTH
        )));
    }
    Ok(Prepared { spec: spec.clone(), sha256: Sha256::digest(&bytes).into(), kind: Kind::Trees { ir, layout, numeric, why } })
}

fn prepare_net(spec: &ModelSpec, options: &CompileOptions) -> Result<Prepared, CompileError> {
    let original = import::keras::import_dir(&spec.path)?;
    let prepared = nn::build::prepare(&spec.name, &original, options)?;
    // The source's identity: its configuration and weights.
    let mut hash = Sha256::new();
    hash.update(read(&spec.path.join("config.json"))?);
    hash.update(read(&spec.path.join("model.safetensors"))?);
    Ok(Prepared { spec: spec.clone(), sha256: hash.finalize().into(), kind: Kind::Net { original, prepared } })
}

/// Compiles `specs` into one artifact (a bundle when there are several).
pub fn compile(specs: &[ModelSpec], options: &CompileOptions) -> Result<Compiled, CompileError> {
    let mut prepared = Vec::with_capacity(specs.len());
    for spec in specs {
        prepared.push(if spec.path.is_dir() { prepare_net(spec, options)? } else { prepare_trees(spec, options)? });
    }
    // First pass without reports, to measure the compiled models; second pass records them.
    let first = write(&prepared, &[], options)?;
    let reports = check(&prepared, &first, options)?;
    let bytes = write(&prepared, &reports, options)?;
    Ok(Compiled { bytes, reports })
}

fn write(prepared: &[Prepared], reports: &[ModelReport], options: &CompileOptions) -> Result<Vec<u8>, CompileError> {
    let mut writer = ArtifactWriter::new();
    for (i, p) in prepared.iter().enumerate() {
        let file = Path::new(&p.spec.path).file_name().and_then(|f| f.to_str()).unwrap_or("");
        let report = reports.get(i).map_or("", |r| r.text.as_str());
        let (manifest, sections) = match &p.kind {
            Kind::Trees { ir, layout, numeric, .. } => {
                // The bitvector index feeds the x86-64 AVX-512 batch kernel; other targets skip it.
                let splits = options.target.is_x86_64();
                let (body, sections) = layout::lower(ir, *layout, *numeric, splits);
                let manifest = ModelManifest {
                    num_features: ir.num_features,
                    num_outputs: body.link.outputs(body.num_groups),
                    source: Source { framework: &ir.framework, objective: &ir.objective, file, sha256: p.sha256 },
                    body: ModelBody::TreeEnsemble(body),
                    report,
                };
                (manifest, sections)
            }
            Kind::Net { prepared: nn::build::Prepared { model, .. }, .. } => {
                let (body, outputs, sections) = nn::lower::lower(model);
                let num_features = match model.input {
                    nn::Input::TokenIds { length } => length,
                    nn::Input::Sequence { length, channels } => length * channels,
                    nn::Input::Vector { features } => features,
                } as u32;
                let manifest = ModelManifest {
                    num_features,
                    num_outputs: outputs,
                    source: Source { framework: &model.framework, objective: "network", file, sha256: p.sha256 },
                    body: ModelBody::Network(body),
                    report,
                };
                (manifest, sections)
            }
        };
        writer.add_model(&p.spec.name, &manifest, sections).map_err(|e| CompileError::Write(e.to_string()))?;
    }
    let compiler = concat!("mlc ", env!("CARGO_PKG_VERSION"));
    let target = options.target.to_string();
    writer.finish(&Provenance { compiler, target: &target, options: &options.command_line }).map_err(|e| CompileError::Write(e.to_string()))
}

/// Rows that sit on, just below and just above the model's thresholds, plus missing values:
/// where a change of arithmetic would show first. Deterministic.
pub fn probe_rows(ir: &IrEnsemble, count: usize) -> Vec<Vec<f32>> {
    // Only the features the trees split on get values (others stay missing), and at most 2^24
    // values in all: a model may declare many more features than it uses.
    let mut per_feature: std::collections::BTreeMap<u32, Vec<f32>> = std::collections::BTreeMap::new();
    for t in &ir.trees {
        for n in &t.nodes {
            if let IrNode::Split { feature, threshold, .. } = *n {
                let up = f32::from_bits(threshold.to_bits().wrapping_add(1));
                per_feature.entry(feature).or_default().extend([threshold, threshold.next_down_compat(), up]);
            }
        }
    }
    let count = count.min((1usize << 24) / (ir.num_features as usize).max(1)).max(1);
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || xorshift(&mut state);
    (0..count)
        .map(|_| {
            (0..ir.num_features)
                .map(|f| {
                    let r = next();
                    match per_feature.get(&f) {
                        Some(vals) if r % 16 != 0 => vals[(r >> 8) as usize % vals.len()],
                        _ => f32::NAN,
                    }
                })
                .collect()
        })
        .collect()
}

/// Deterministic pseudo-random numbers (xorshift64) for the compiler's probe inputs.
pub(crate) fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

trait NextDown {
    fn next_down_compat(self) -> f32;
}
impl NextDown for f32 {
    /// The largest `f32` below `self` (for finite, non-zero positive or negative values).
    fn next_down_compat(self) -> f32 {
        if self == 0.0 {
            return -f32::from_bits(1);
        }
        let b = self.to_bits();
        f32::from_bits(if self > 0.0 { b - 1 } else { b + 1 })
    }
}

fn decision(link: Link, margins: &[f32]) -> usize {
    match link {
        Link::Softmax | Link::ArgMax => mlc_runtime::link::argmax(margins),
        _ => (margins[0] > 0.0) as usize,
    }
}

/// Runs every compiled model on the check rows and compares with the float original.
fn check(prepared: &[Prepared], bytes: &[u8], options: &CompileOptions) -> Result<Vec<ModelReport>, CompileError> {
    let aligned = mlc_format::AlignedBytes::copy_from(bytes);
    let artifact = Artifact::parse(aligned.as_slice())
        .map_err(|e| CompileError::Write(format!("internal: written artifact does not validate: {e}")))?;
    let mut reports = Vec::new();
    for p in prepared {
        let model = Model::by_name(&artifact, &p.spec.name).map_err(|e| CompileError::Write(format!("internal: {e}")))?;
        let (ir, numeric, why) = match (&p.kind, model) {
            (Kind::Trees { ir, numeric, why, .. }, _) => (ir, *numeric, why),
            (Kind::Net { original, prepared }, Model::Net(compiled)) => {
                let c = nn::build::check(&p.spec.name, original, prepared, &compiled)?;
                let name = p.spec.name.clone();
                let mut warnings = Vec::new();
                if prepared.int8 && options.calibration.is_none() {
                    warnings.push(
                        "int8 activations calibrated on probe inputs, not on real data: values beyond the calibrated ranges saturate \
                         (docs/format.md §9.9), and the accuracy check above ran on the same probes; give --calibration FILE with representative inputs"
                            .to_string(),
                    );
                }
                reports.push(ModelReport {
                    name,
                    text: c.text,
                    max_margin_delta: c.max_delta,
                    decision_mismatches: c.mismatches,
                    check_rows: c.count,
                    warnings,
                });
                continue;
            }
            (Kind::Net { .. }, _) => return Err(CompileError::Write("internal: a network compiled to another kind".into())),
        };
        let rows = match &options.check_rows {
            Some(rows) => rows.clone(),
            None => probe_rows(ir, 1000),
        };
        let mut max_delta = 0f64;
        let mut mismatches = 0;
        let mut got = vec![0f32; ir.num_groups as usize];
        for (i, row) in rows.iter().enumerate() {
            model
                .margins(mlc_runtime::Input::Rows(row), &mut mlc_runtime::Scratch::default(), &mut got)
                .map_err(|e| CompileError::Usage(format!("check row {}: model `{}`: {e}", i + 1, p.spec.name)))?;
            let want = ir.margins(row);
            for (g, w) in got.iter().zip(&want) {
                max_delta = max_delta.max((*g as f64 - *w as f64).abs());
            }
            mismatches += (decision(ir.link, &got) != decision(ir.link, &want)) as usize;
        }
        if numeric == Numeric::Float32 && max_delta != 0.0 {
            return Err(CompileError::Write(format!("internal: float model `{}` differs from its source by {max_delta:e}", p.spec.name)));
        }
        let source = if options.check_rows.is_some() { "check rows" } else { "probe rows at the model's thresholds" };
        let arithmetic = match numeric {
            Numeric::Float32 => "float32 (XGBoost's arithmetic: margins bit-exact)".to_string(),
            Numeric::Fixed { frac_bits } => format!("integer-only, leaves in Q{frac_bits} fixed point, exact comparisons"),
        };
        let mut text = String::new();
        let _ = write!(
            text,
            "{} trees, {} splits, {}; {}; vs float original on {} {}: max |Δmargin| = {:.3e}, decisions differ on {}",
            ir.trees.len(),
            ir.trees.iter().map(|t| t.split_count()).sum::<usize>(),
            why,
            arithmetic,
            rows.len(),
            source,
            max_delta,
            mismatches
        );
        reports.push(ModelReport {
            name: p.spec.name.clone(),
            text,
            max_margin_delta: max_delta,
            decision_mismatches: mismatches,
            check_rows: rows.len(),
            warnings: Vec::new(),
        });
    }
    Ok(reports)
}
