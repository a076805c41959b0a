//! The request loop: frames in, one response out per frame, forever.
//!
//! Everything that calls into the runtime is in [`rt`] (not inlined into the loop), so that the
//! footprint report can attribute it to the runtime.
use core::hint::black_box;

use embedded_io::{Read, Write};
use mlc_format::Artifact;
use mlc_wire::{FrameError, Info, Input, Prediction, Request, Response, Stats, WireError, MAX_OUTPUTS};

use crate::artifacts::{ARTIFACTS, IDS_LEN, MAX_FRAME, MODELS, SCRATCH_F32, TOKEN_BYTES};
use crate::take_once::TakeOnce;
use crate::{board, measure};

/// Most features a tree-model request may carry.
const MAX_FEATURES: usize = 64;

/// Every buffer the firmware uses besides the stack, reserved statically (.bss).
struct Buffers {
    rx: [u8; MAX_FRAME],
    tx: [u8; 256],
    /// Network activations (two halves, alternating between layers).
    #[cfg_attr(not(mlc_nets), allow(dead_code))]
    scratch: [f32; SCRATCH_F32],
    /// Token ids of one text.
    #[cfg_attr(not(mlc_nets), allow(dead_code))]
    ids: [u32; IDS_LEN],
    /// One token being looked up.
    #[cfg_attr(not(mlc_nets), allow(dead_code))]
    token: [u8; TOKEN_BYTES],
}

/// The buffers, all zero (.bss); [`run`] takes them once.
static BUFFERS: TakeOnce<Buffers> =
    TakeOnce::new(Buffers { rx: [0; MAX_FRAME], tx: [0; 256], scratch: [0.0; SCRATCH_F32], ids: [0; IDS_LEN], token: [0; TOKEN_BYTES] });

const N: usize = ARTIFACTS.len();

struct Counters {
    requests: u32,
    errors: u32,
}

pub fn run<L: Read + Write>(link: &mut L) -> ! {
    // The only take: `main` calls `run` once. (`unwrap`, not `expect`: no `Display` for the
    // message gets linked.)
    let bufs: &'static mut Buffers = BUFFERS.take().unwrap();
    let t0 = measure::now();
    let artifacts: [Artifact<'static>; N] = core::array::from_fn(|i| rt::parse(ARTIFACTS[i].1));
    let boot_ticks = (measure::now() - t0) as u32;
    let calib_ticks = measure::calibrate();
    let mut counters = Counters { requests: 0, errors: 0 };
    loop {
        let response = match mlc_wire::read_frame(link, &mut bufs.rx) {
            Ok(n) => match mlc_wire::decode_request(&mut bufs.rx[..n]) {
                Ok(Request::Info) => Response::Info(Info {
                    board: board::BOARD,
                    cpu: board::CPU,
                    fpu: cfg!(target_abi = "eabihf"),
                    artifacts: N as u32,
                    models: MODELS,
                    max_frame: MAX_FRAME as u32,
                    scratch_bytes: (SCRATCH_F32 * 4) as u32,
                    calib_ticks,
                    calib_insns: measure::CALIB_INSNS,
                    boot_ticks,
                }),
                Ok(Request::Predict { id, model, input, repeat }) => {
                    match rt::predict(&artifacts, model, &input, repeat, &mut bufs.scratch, &mut bufs.ids, &mut bufs.token) {
                        Ok(mut p) => {
                            p.id = id;
                            Response::Prediction(p)
                        }
                        Err(error) => Response::Error { id, error },
                    }
                }
                Ok(Request::Stats { reset }) => {
                    let stats = Stats {
                        stack_peak: measure::stack_peak(),
                        stack_size: measure::stack_size(),
                        requests: counters.requests,
                        errors: counters.errors,
                    };
                    if reset {
                        measure::paint_stack();
                        counters = Counters { requests: 0, errors: 0 };
                    }
                    Response::Stats(stats)
                }
                Ok(Request::Shutdown) => {
                    let _ = mlc_wire::write_frame(link, &Response::Bye, &mut bufs.tx);
                    crate::exit(cortex_m_semihosting::debug::EXIT_SUCCESS)
                }
                Err(_) => Response::Error { id: 0, error: WireError::Malformed },
            },
            Err(FrameError::TooLong) => Response::Error { id: 0, error: WireError::FrameTooLong },
            Err(FrameError::Io(_)) => continue,
        };
        counters.requests += 1;
        if matches!(response, Response::Error { .. }) {
            counters.errors += 1;
        }
        let _ = mlc_wire::write_frame(link, &response, &mut bufs.tx);
    }
}

/// The calls into `mlc-runtime`.
mod rt {
    use super::*;
    use mlc_format::manifest::ModelBody;
    use mlc_format::ModelEntry;
    use mlc_runtime::{LinearModel, LoadError, PredictError, RowModel, TreeModel};

    /// Validates an embedded artifact (checksums included); a bad one stops the boot.
    #[inline(never)]
    pub fn parse(bytes: &'static [u8]) -> Artifact<'static> {
        match Artifact::parse(bytes) {
            Ok(a) => a,
            Err(_) => {
                crate::log("mlc-fw: an embedded artifact is invalid\n");
                crate::exit(cortex_m_semihosting::debug::EXIT_FAILURE)
            }
        }
    }

    enum Loaded<'a> {
        Trees(TreeModel<'a>),
        Linear(LinearModel<'a>),
        #[cfg(mlc_nets)]
        Net(mlc_runtime::NetModel<'a>),
    }

    /// Loads (validates) a model. Without networks among the embedded artifacts, only the tree
    /// loader is linked: the trees-only build.
    fn load(entry: &ModelEntry<'static>) -> Result<Loaded<'static>, LoadError> {
        let manifest = entry.manifest()?;
        match manifest.body {
            ModelBody::TreeEnsemble(info) => Ok(Loaded::Trees(TreeModel::load(entry, &manifest, info)?)),
            ModelBody::Linear(info) => Ok(Loaded::Linear(LinearModel::load(entry, &manifest, info)?)),
            #[cfg(mlc_nets)]
            ModelBody::Network(info) => Ok(Loaded::Net(mlc_runtime::NetModel::load(entry, &manifest, info)?)),
            #[allow(unreachable_patterns)]
            _ => Err(LoadError::UnknownModel),
        }
    }

    fn wire_error(e: PredictError) -> WireError {
        match e {
            PredictError::FeatureCount { expected, got } => WireError::FeatureCount { expected: expected as u32, got: got as u32 },
            PredictError::InputKind => WireError::InputKind,
            _ => WireError::Runtime,
        }
    }

    #[inline(never)]
    pub fn predict(
        artifacts: &[Artifact<'static>],
        name: &str,
        input: &Input<'_>,
        repeat: u16,
        #[allow(unused_variables)] scratch: &mut [f32],
        #[allow(unused_variables)] ids: &mut [u32],
        #[allow(unused_variables)] token: &mut [u8],
    ) -> Result<Prediction, WireError> {
        if repeat == 0 {
            return Err(WireError::BadRepeat);
        }
        let t0 = measure::now();
        let entry = artifacts.iter().find_map(|a| a.model_by_name(name)).ok_or(WireError::UnknownModel)?;
        let model = load(&entry).map_err(|_| WireError::LoadFailed)?;
        let t1 = measure::now();
        let mut p = Prediction {
            id: 0,
            outputs: heapless::Vec::new(),
            margins: heapless::Vec::new(),
            load_ticks: (t1 - t0) as u32,
            predict_ticks: 0,
        };
        match (model, input) {
            (Loaded::Trees(t), Input::Features(features)) => features_of(&t, features, repeat, &mut p)?,
            (Loaded::Linear(l), Input::Features(features)) => features_of(&l, features, repeat, &mut p)?,
            #[cfg(mlc_nets)]
            (Loaded::Net(n), Input::Text(text)) => {
                let mut out = [0f32; MAX_OUTPUTS];
                let k = n.num_outputs();
                let len = match n.input() {
                    mlc_format::manifest::NetInput::TokenIds { length } => length as usize,
                    _ => return Err(WireError::InputKind),
                };
                if k > MAX_OUTPUTS || n.scratch_len() > scratch.len() || len > ids.len() {
                    return Err(WireError::TooLarge);
                }
                let scratch = &mut scratch[..n.scratch_len()];
                let t0 = measure::now();
                for _ in 0..repeat {
                    n.predict_text(black_box(text), token, &mut ids[..len], scratch, &mut out[..k]).map_err(wire_error)?;
                }
                p.predict_ticks = (measure::now() - t0) as u32;
                let _ = p.outputs.extend_from_slice(&out[..k]);
            }
            _ => return Err(WireError::InputKind),
        }
        Ok(p)
    }

    /// Predicts a row of `features` with a model on features (a tree ensemble, a linear model)
    /// `repeat` times into `p`, with its margins.
    fn features_of(t: &impl RowModel, features: &mlc_wire::Floats<'_>, repeat: u16, p: &mut Prediction) -> Result<(), WireError> {
        let mut out = [0f32; MAX_OUTPUTS];
        let (k, g) = (t.num_outputs(), t.num_groups());
        if k > MAX_OUTPUTS || g > MAX_OUTPUTS {
            return Err(WireError::TooLarge);
        }
        // The row, copied out of the frame (the bytes there are not f32-aligned).
        let mut buf = [0f32; MAX_FEATURES];
        if features.len() > MAX_FEATURES {
            return Err(WireError::FeatureCount { expected: t.num_features() as u32, got: features.len() as u32 });
        }
        for (d, v) in buf.iter_mut().zip(features.iter()) {
            *d = v;
        }
        let row = &buf[..features.len()];
        let t0 = measure::now();
        for _ in 0..repeat {
            t.predict(black_box(row), black_box(&mut out[..k])).map_err(wire_error)?;
        }
        p.predict_ticks = (measure::now() - t0) as u32;
        let _ = p.outputs.extend_from_slice(&out[..k]);
        t.margins(row, &mut out[..g]).map_err(wire_error)?;
        let _ = p.margins.extend_from_slice(&out[..g]);
        Ok(())
    }
}
