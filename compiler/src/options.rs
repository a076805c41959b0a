//! What a compilation is asked to do: [`CompileOptions`], and the [`Calibration`] inputs of
//! networks.

use mlc_format::manifest::TreeLayout;

use crate::target::Target;

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
