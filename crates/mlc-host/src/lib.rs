//! `mlc-host`: the host side of mlc (std): loading artifacts and parsing input records.
//!
//! * [`LoadedArtifact`] maps an artifact file (memmap2) or holds it in an aligned buffer,
//!   validates it once, and hands out [`mlc_format::Artifact`] views for the runtime.
//! * [`records`] parses CSV rows of features with errors that name line and column.

pub mod load;
pub mod records;

pub use load::{HostError, LoadedArtifact};
