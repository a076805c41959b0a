//! The format version this crate writes and reads (header bytes 8..12), in a module of its own
//! so that the error messages can name it without depending on the header's decoder.

/// Major version written and read by this crate. A reader rejects any other major version.
pub const FORMAT_MAJOR: u16 = 1;
/// Highest minor version this crate knows (1.1 added `Op::BatchNormalization`, 1.2 the
/// `feature-names` section, 1.3 the `tree-rank-chunks` and `tree-rank-nodes` sections, 1.4
/// `tree-bit-nodes`, 1.5 `tree-bit-lanes` and `tree-lane-nodes`, 1.6 `tree-lane-steps`, 1.7 the
/// links `Hinge`, `ExpF64` and `SigmoidUnclamped`, 1.8 the layout `LinkedCategorical` with its
/// `tree-categories` section, 1.9 the `feature-categories` section, 1.10 linear models: `ModelBody::Linear` and the
/// `linear-weights` section). Minor versions only add
/// (section kinds, trailing manifest fields, operations); a reader accepts any minor version of
/// its major version, and the writer declares the lowest one its artifact needs.
pub const FORMAT_MINOR: u16 = 10;
