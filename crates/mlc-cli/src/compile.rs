//! `mlc compile`.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::{Parser, ValueEnum};
use mlc_compiler::{write_artifact, Calibration, CompileOptions, ModelInput, ModelSource, Target};
use mlc_format::manifest::TreeLayout;
use mlc_host::records::read_feature_rows;
use mlc_host::sniff::{sniff, Kind};

/// Arguments of `mlc compile`.
#[derive(Parser)]
pub struct Args {
    /// Models: PATH (the name is the file stem) or NAME=PATH, where PATH is an XGBoost
    /// `save_model` file (.json, .ubj, or the legacy binary format) or a pickled Booster or
    /// scikit-learn wrapper (`pickle.dump`, `joblib.dump`; zlib or gzip allowed), a Keras
    /// `model.save` file (.keras or legacy .h5; or
    /// the directory of `zipped=False`), or a Keras export directory (tools/export_keras.py:
    /// config.json, model.safetensors, and a vectorizer for a text model); or a tar archive
    /// holding one such file (SageMaker's model.tar.gz, the name then its stem: `model`).
    #[arg(required = true, value_name = "MODEL")]
    models: Vec<String>,
    /// Output artifact.
    #[arg(short, long, value_name = "OUT.mlc")]
    output: PathBuf,
    /// Device class: host, x86-64, aarch64, cortex-m4 (FPU), cortex-m3 / cortex-m0 (no FPU: integer-only).
    #[arg(long, default_value = "host")]
    target: Target,
    /// Arithmetic: auto (trees: float where the target has an FPU; networks: int8 on
    /// microcontrollers, float elsewhere), float, fixed (trees: integer-only; networks: int8
    /// post-training quantization), or int8 (the same as fixed).
    #[arg(long, value_enum, default_value_t = Arith::Auto)]
    numeric: Arith,
    /// Networks: representative inputs, one per line (raw text for a text model, else
    /// comma-separated token ids or floats), to calibrate int8 activations and to measure the
    /// compiled model against the float original (default: probe inputs).
    #[arg(long, value_name = "FILE")]
    calibration: Option<PathBuf>,
    /// Networks: KB the compiler may spend on lookup tables (a folded embedding; default: the
    /// target's budget).
    #[arg(long, value_name = "KB")]
    table_budget: Option<usize>,
    /// Tree layout: auto (chosen per model from depth, size and target), complete, or linked.
    #[arg(long, value_enum, default_value_t = LayoutArg::Auto)]
    layout: LayoutArg,
    /// CSV rows (no header) to check the compiled models against the float original
    /// (default: probe rows built from each model's thresholds).
    #[arg(long, value_name = "CSV")]
    check_data: Option<PathBuf>,
    /// Microcontroller targets: KB of flash the artifact may take; a bigger artifact is
    /// compiled with a warning (default: 1024, a 1 MB part).
    #[arg(long, value_name = "KB")]
    flash_budget: Option<u64>,
}

/// Flash of a microcontroller target when --flash-budget is not given, KB.
const DEFAULT_FLASH_KB: u64 = 1024;

#[derive(Clone, Copy, ValueEnum)]
enum Arith {
    Auto,
    Float,
    Fixed,
    Int8,
}

#[derive(Clone, Copy, ValueEnum)]
enum LayoutArg {
    Auto,
    Complete,
    Linked,
}

/// Runs `mlc compile`.
pub fn run(args: Args) -> Result<()> {
    let models = args.models.iter().map(|m| ModelInput::parse(m)).collect::<Result<Vec<_>, _>>()?;
    for model in &models {
        if let ModelSource::Path(path) = &model.source {
            if let Some(kind @ Kind::Csv) = sniff(path) {
                bail!("{} is {}, not a model: {}", path.display(), kind.describe(), kind.advice(path));
            }
        }
    }
    let check_rows = match &args.check_data {
        Some(path) => {
            let file = std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
            Some(read_feature_rows(file).with_context(|| path.display().to_string())?)
        }
        None => None,
    };
    let mut options = CompileOptions {
        target: args.target,
        fixed_point: match args.numeric {
            Arith::Auto => None,
            Arith::Float => Some(false),
            Arith::Fixed | Arith::Int8 => Some(true),
        },
        layout: match args.layout {
            LayoutArg::Auto => None,
            LayoutArg::Complete => Some(TreeLayout::Complete),
            LayoutArg::Linked => Some(TreeLayout::Linked),
        },
        check_rows,
        table_budget: args.table_budget.map(|kb| kb << 10),
        calibration: args.calibration.as_deref().map(Calibration::read).transpose()?,
        command_line: String::new(),
    };
    options.command_line = options.arguments();
    let compiled = mlc_compiler::compile_models(&models, &options)?;
    if compiled.bytes.is_empty() {
        bail!("nothing to write");
    }
    write_artifact(&args.output, &compiled.bytes)?;
    let flash_kb = args.flash_budget.unwrap_or(DEFAULT_FLASH_KB);
    if args.target.is_mcu() && compiled.bytes.len() as u64 > flash_kb << 10 {
        eprintln!(
            "warning: {} is {:.1} KB, more than the {flash_kb} KB of flash of a {} part (--flash-budget): \
             it will not fit; try --numeric int8, a smaller model, or give the part's flash with --flash-budget",
            args.output.display(),
            compiled.bytes.len() as f64 / 1024.0,
            args.target
        );
    }
    for r in &compiled.reports {
        println!("{}: {}", r.name, r.text);
        for w in &r.warnings {
            eprintln!("warning: {}: {w}", r.name);
        }
    }
    println!(
        "wrote {} ({} bytes, {} model{})",
        args.output.display(),
        compiled.bytes.len(),
        models.len(),
        if models.len() == 1 { "" } else { "s" }
    );
    Ok(())
}
