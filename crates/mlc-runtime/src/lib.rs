//! `mlc-runtime`: executes mlc artifacts in place — from a `&[u8]` in flash or an mmap.
//!
//! `#![no_std]` and no allocator. Loading a model ([`Model::load`]) validates everything the
//! executor relies on (every index in range, every walk bounded), so prediction itself cannot
//! fail except on caller errors (wrong feature count, wrong output length), which are typed
//! errors too. Nothing here panics on any artifact bytes.
//!
//! Two modes:
//! * **single-shot** — [`TreeModel::predict`]: one row, no heap, bounded time
//!   (`trees × depth` steps);
//! * **batched** — [`TreeModel::predict_batch`]: many rows, processed in blocks for throughput.
#![no_std]
#![warn(missing_docs)]

#[cfg(feature = "std")]
extern crate std;

mod error;
pub mod link;
pub mod math;
pub mod net;
pub mod text;
pub mod trees;

pub use error::{LoadError, PredictError};
pub use mlc_format as format;
pub use net::NetModel;
pub use trees::TreeModel;

use mlc_format::manifest::ModelBody;
use mlc_format::{Artifact, ModelEntry};

/// A loaded model of any kind, borrowing the artifact bytes.
#[derive(Debug, Clone, Copy)]
pub enum Model<'a> {
    /// A tree ensemble.
    Trees(TreeModel<'a>),
    /// A network. Its predictions need scratch memory: use [`NetModel`]'s methods; the
    /// row-based methods of `Model` answer [`PredictError::InputKind`] for networks.
    Net(NetModel<'a>),
}

impl<'a> Model<'a> {
    /// Loads and validates model `entry` of an artifact.
    pub fn load(entry: &ModelEntry<'a>) -> Result<Model<'a>, LoadError> {
        let manifest = entry.manifest()?;
        match manifest.body {
            ModelBody::TreeEnsemble(info) => Ok(Model::Trees(TreeModel::load(entry, &manifest, info)?)),
            ModelBody::Network(info) => Ok(Model::Net(NetModel::load(entry, &manifest, info)?)),
        }
    }

    /// Loads the model called `name` from `artifact`.
    pub fn by_name(artifact: &Artifact<'a>, name: &str) -> Result<Model<'a>, LoadError> {
        let entry = artifact.model_by_name(name).ok_or(LoadError::UnknownModel)?;
        Model::load(&entry)
    }

    /// Number of input features per row.
    pub fn num_features(&self) -> usize {
        match self {
            Model::Trees(t) => t.num_features(),
            Model::Net(n) => match n.input() {
                format::manifest::NetInput::TokenIds { length } => length as usize,
                format::manifest::NetInput::Sequence { length, channels } => length as usize * channels as usize,
                format::manifest::NetInput::Vector { features } => features as usize,
            },
        }
    }

    /// Number of values [`Model::predict`] writes per row.
    pub fn num_outputs(&self) -> usize {
        match self {
            Model::Trees(t) => t.num_outputs(),
            Model::Net(n) => n.num_outputs(),
        }
    }

    /// Number of values [`Model::margins`] writes per row.
    pub fn num_margins(&self) -> usize {
        match self {
            Model::Trees(t) => t.num_groups(),
            Model::Net(n) => n.num_outputs(),
        }
    }

    /// Single-shot prediction of one row (no heap).
    pub fn predict(&self, row: &[f32], out: &mut [f32]) -> Result<(), PredictError> {
        match self {
            Model::Trees(t) => t.predict(row, out),
            Model::Net(_) => Err(PredictError::InputKind),
        }
    }

    /// Single-shot raw margins of one row (no heap).
    pub fn margins(&self, row: &[f32], out: &mut [f32]) -> Result<(), PredictError> {
        match self {
            Model::Trees(t) => t.margins(row, out),
            Model::Net(_) => Err(PredictError::InputKind),
        }
    }

    /// Batched prediction: `rows` holds `n` rows back to back, `out` gets `n × num_outputs()`.
    pub fn predict_batch(&self, rows: &[f32], out: &mut [f32]) -> Result<usize, PredictError> {
        match self {
            Model::Trees(t) => t.predict_batch(rows, out),
            Model::Net(_) => Err(PredictError::InputKind),
        }
    }

    /// Batched raw margins: `out` gets `n × num_margins()`.
    pub fn margins_batch(&self, rows: &[f32], out: &mut [f32]) -> Result<usize, PredictError> {
        match self {
            Model::Trees(t) => t.margins_batch(rows, out),
            Model::Net(_) => Err(PredictError::InputKind),
        }
    }
}
