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
//!
//! Linear models (XGBoost's `gblinear`, [`LinearModel`]) take the same rows.
//!
//! [`Model`] calls any kind of model with any kind of [`Input`] (feature rows, token ids,
//! raw text) and caller-lent [`Scratch`]; [`Model::input_kind`] says what a model takes.
#![no_std]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
mod cpu;
mod error;
pub mod linear;
pub mod link;
pub mod math;
mod model;
pub mod net;
pub mod text;
pub mod trees;

pub use error::{LoadError, PredictError};
pub use linear::LinearModel;
pub use mlc_format as format;
#[cfg(feature = "alloc")]
pub use model::ScratchBuf;
pub use model::{Input, InputKind, Model, Output, RowModel, Scratch, ScratchLen};
pub use net::NetModel;
pub use trees::TreeModel;
