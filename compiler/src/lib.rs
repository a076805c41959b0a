//! `mlc-compiler`: everything that runs on the build machine.
//!
//! Importers turn framework files into mlc's intermediate form ([`trees::IrEnsemble`]),
//! [`trees::layout`] lowers it for a [`target::Target`], and [`compile::compile`] writes the
//! artifact (see `docs/format.md`) and checks the compiled models against the float original.
//! Nothing here ships to devices: the runtime crates never depend on this one.

pub mod compile;
mod error;
pub mod import;
pub mod nn;
pub mod target;
pub mod trees;

pub use compile::{compile, Calibration, CompileOptions, Compiled, ModelReport, ModelSpec};
pub use error::{CompileError, ImportError};
pub use target::Target;
