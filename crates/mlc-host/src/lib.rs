//! `mlc-host`: the host side of mlc (std): loading artifacts and parsing input records.
//!
//! * [`LoadedArtifact`] maps an artifact file (memmap2) or holds it in an aligned buffer,
//!   validates it once, and hands out [`mlc_format::Artifact`] views for the runtime.
//! * [`records`] reads CSV, JSON Lines, text and token-id records into a model's input, with
//!   errors that name the column or feature (the one reading of `predict`, `transform`, `bench`).
//! * [`Registry`] serves many models behind one process: loaded on first use, kept within a
//!   memory budget, evicted least recently used, shared by threads.
//! * [`transform`] runs batch transform jobs: files of records in, one output file each.
//! * [`sniff`] says what a file that is not an artifact is (an XGBoost model, a Keras export,
//!   an archive, CSV), so errors can say what to do with it.
//! * [`bench`] is `mlc bench`'s load generator, latency recorder, report and capacity planning.

pub mod bench;
pub mod load;
pub mod records;
pub mod registry;
pub mod sniff;
pub mod transform;

pub use load::{HostError, LoadedArtifact};
pub use registry::{LoadedModel, ModelHandle, ModelSource, ModelStats, Registry};
