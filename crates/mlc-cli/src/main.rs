//! `mlc`: compile trained models into artifacts, inspect them, and run predictions.
//!
//! The `compile` command exists only with the `compiler` feature (default on the build
//! machine); `serve` with the `serve` feature (default, and in the device build:
//! `--no-default-features --features serve`).

mod args;
mod bench;
#[cfg(feature = "compiler")]
mod compile;
mod exit;
mod inspect;
mod predict;
#[cfg(feature = "serve")]
mod serve;
mod transform;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mlc — an embedded edge inference runtime.
#[derive(Parser)]
#[command(name = "mlc", version, about = "mlc: compile trained models into artifacts and run them on edge devices")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile trained models (XGBoost JSON/UBJ/binary or pickled, Keras .keras/.h5 files or export directories, or a SageMaker model.tar.gz holding one) into one artifact; several make a bundle.
    #[cfg(feature = "compiler")]
    Compile(compile::Args),
    /// Show an artifact's models, inputs and outputs, sections and provenance.
    Inspect(inspect::Args),
    /// Predict CSV rows (a file, or standard input) with a model of an artifact.
    Predict(predict::Args),
    /// Batch transform: predict files of records (CSV, JSON Lines, text) into one output each.
    Transform(transform::Args),
    /// Benchmark a model on this device: load test, latency breakdown, comparison, capacity.
    Bench(bench::Args),
    /// Serve models over HTTP: Open Inference Protocol v2 and SageMaker (real-time, multi-model).
    #[cfg(feature = "serve")]
    Serve(serve::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    #[cfg(feature = "serve")]
    let serving = matches!(cli.command, Command::Serve(_));
    #[cfg(not(feature = "serve"))]
    let serving = false;
    if !serving {
        exit::default_sigpipe();
    }
    let result = match cli.command {
        #[cfg(feature = "compiler")]
        Command::Compile(args) => compile::run(args),
        Command::Inspect(args) => inspect::run(args),
        Command::Predict(args) => predict::run(args),
        Command::Transform(args) => transform::run(args),
        Command::Bench(args) => bench::run(args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(args),
    };
    exit::report(result)
}
