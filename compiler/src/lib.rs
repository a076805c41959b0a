//! `mlc-compiler`: everything that runs on the build machine.
//!
//! Importers ([`import`]) turn framework files into mlc's intermediate forms — tree ensembles
//! ([`trees::IrEnsemble`]), linear models ([`linear::IrLinear`]) and networks ([`nn::NnModel`]).
//! A front end per kind ([`Frontend`]: [`trees::build`], [`linear::PreparedLinear`],
//! [`nn::build`]) makes the target's choices, lowers the model
//! to artifact sections and checks the compiled model against the original; the driver
//! ([`compile_models`]) runs them and writes the artifact (see `docs/format.md`).
//! Nothing here ships to devices: the runtime crates never depend on this one.
//!
//! ```no_run
//! use mlc_compiler::{compile_models, CompileOptions, ModelInput, ModelSource, Target};
//!
//! let bytes = std::fs::read("churn.json")?;
//! let models = [ModelInput::new("churn", ModelSource::XGBoost { file: "churn.json".into(), bytes })];
//! let compiled = compile_models(&models, &CompileOptions { target: Target::CortexM4, ..Default::default() })?;
//! std::fs::write("churn.mlc", &compiled.bytes)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]

pub mod compile;
mod error;
pub mod frontend;
pub mod import;
pub mod linear;
pub mod nn;
pub mod options;
mod probe;
pub mod source;
pub mod target;
pub mod trees;

pub use compile::{compile, compile_models, Compiled};
pub use error::{CompileError, ImportError};
pub use frontend::{Frontend, ModelReport};
pub use import::keras::KerasFiles;
pub use options::{write_artifact, Calibration, CompileOptions};
pub use source::{ModelInput, ModelSource, ModelSpec};
pub use target::Target;
