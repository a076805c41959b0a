//! Shared code of the fuzz targets (docs/reliability.md).
//!
//! * [`GuardedBytes`]: the input copied to an [`AlignedBytes`] (the reader needs a 16-byte
//!   base), with the buffer's padding after the last byte poisoned under AddressSanitizer, so
//!   ASan reports a read one byte past the artifact as it would past an allocation of exactly
//!   its length.
//! * [`exercise_artifact`]: every accessor of a parsed artifact, then `Model::load` of every
//!   model and, for loaded models, predictions on inputs taken from the fuzz data.
//! * [`split_artifact`]: fuzz data = an artifact (its length is the header's `file_len`)
//!   followed by prediction input, so one mutation stream drives both.
// `cargo fuzz` builds with nightly and `--cfg fuzzing`; `cfg(sanitize)` tells whether ASan is on.
#![cfg_attr(fuzzing, feature(cfg_sanitize))]

pub mod keras_file_input;
pub mod keras_input;

use mlc_format::manifest::NetInput;
use mlc_format::net::{LayerRecord, Op};
use mlc_format::records::*;
use mlc_format::{AlignedBytes, Artifact, ModelEntry, SectionKind, HEADER_LEN};
use mlc_runtime::{Input, Model, NetModel, PredictError, Scratch};

/// Bytes to parse, in an [`AlignedBytes`] whose padding (the zeros after the bytes, up to the
/// next multiple of 64) is unaddressable for AddressSanitizer while this lives.
///
/// The runtime reads artifact sections with unchecked loads in places (`get_unchecked` on tree
/// nodes, AVX-512 gathers of leaves), where an off-by-one past the last section would read the
/// padding silently; poisoned, such a read is an ASan report. Without ASan (a stable
/// `cargo check`, `cargo fuzz build -s none`) this is a plain `AlignedBytes`: a read one past
/// the end then goes unnoticed, as it would in any padded buffer.
pub struct GuardedBytes(AlignedBytes);

impl GuardedBytes {
    /// Copies `bytes` and poisons the padding after them.
    pub fn new(bytes: &[u8]) -> GuardedBytes {
        let buf = AlignedBytes::copy_from(bytes);
        asan::poison(buf.padding());
        // The check that the poisoning took, on every execution (one shadow-byte lookup each):
        // the first byte after the artifact is unaddressable, its last byte is not.
        if !buf.padding().is_empty() {
            assert_eq!(asan::is_poisoned(buf.padding().as_ptr()), asan::ENABLED, "the byte after the artifact is poisoned under ASan");
        }
        if let Some(last) = buf.last() {
            assert!(!asan::is_poisoned(last), "the artifact's own bytes stay addressable");
        }
        GuardedBytes(buf)
    }

    /// The bytes.
    pub fn as_slice(&self) -> &[u8] {
        &self.0
    }
}

impl Drop for GuardedBytes {
    fn drop(&mut self) {
        // The allocator reuses the memory: hand it back addressable.
        asan::unpoison(self.0.padding());
    }
}

/// AddressSanitizer's manual poisoning (compiler-rt's `sanitizer/asan_interface.h`) where the
/// target is built with ASan; no-ops elsewhere.
mod asan {
    pub use imp::{is_poisoned, poison, unpoison, ENABLED};

    // `cfg(sanitize)` needs nightly's `cfg_sanitize`, which only fuzzing builds enable: nested
    // under `cfg(fuzzing)`, a stable build never evaluates it.
    #[cfg(fuzzing)]
    mod select {
        #[cfg(not(sanitize = "address"))]
        pub(super) use super::absent as imp;

        /// ASan is linked.
        #[cfg(sanitize = "address")]
        pub mod imp {
            extern "C" {
                fn __asan_poison_memory_region(addr: *const u8, size: usize);
                fn __asan_unpoison_memory_region(addr: *const u8, size: usize);
                fn __asan_address_is_poisoned(addr: *const u8) -> i32;
            }

            /// Poisoning takes effect.
            pub const ENABLED: bool = true;

            /// Makes `region` unaddressable: ASan reports any access to it until [`unpoison`].
            pub fn poison(region: &[u8]) {
                // SAFETY: ASan's documented interface, on memory we own: `region` is a live
                // slice of an allocation. Poisoning changes only ASan's shadow, not the bytes;
                // `GuardedBytes` never reads its padding (no clone, no view of it but this one)
                // and unpoisons it before the allocation is freed.
                unsafe { __asan_poison_memory_region(region.as_ptr(), region.len()) }
            }

            /// Makes `region` addressable again.
            pub fn unpoison(region: &[u8]) {
                // SAFETY: as in `poison`; unpoisoning memory we own restores its default state.
                unsafe { __asan_unpoison_memory_region(region.as_ptr(), region.len()) }
            }

            /// Whether the byte at `byte` is unaddressable.
            pub fn is_poisoned(byte: *const u8) -> bool {
                // SAFETY: a lookup in ASan's shadow memory; nothing is read at `byte` itself.
                unsafe { __asan_address_is_poisoned(byte) != 0 }
            }
        }
    }
    #[cfg(not(fuzzing))]
    use absent as imp;
    #[cfg(fuzzing)]
    use select::imp;

    /// Without ASan: nothing to poison, nothing poisoned.
    #[cfg_attr(fuzzing, allow(dead_code))] // unused in ASan builds
    mod absent {
        pub const ENABLED: bool = false;
        pub fn poison(_: &[u8]) {}
        pub fn unpoison(_: &[u8]) {}
        pub fn is_poisoned(_: *const u8) -> bool {
            false
        }
    }
}

/// `(artifact, rest)`: the artifact is the header's `file_len` bytes when that fits the data,
/// else the whole data (and no rest).
pub fn split_artifact(data: &[u8]) -> (&[u8], &[u8]) {
    if data.len() >= HEADER_LEN {
        let file_len = u64::from_le_bytes(data[32..40].try_into().unwrap());
        if file_len >= HEADER_LEN as u64 && file_len <= data.len() as u64 {
            return data.split_at(file_len as usize);
        }
    }
    (data, &[])
}

/// Every known section kind.
pub fn all_kinds() -> impl Iterator<Item = SectionKind> {
    (0..64).filter_map(SectionKind::from_u32)
}

/// Rows of the batch predictions: a block of 16 for the AVX-512 kernel and a tail of 1.
pub const BATCH_ROWS: usize = 17;

/// Largest feature count a fuzzed tree model is predicted with (a row is allocated).
pub const MAX_FEATURES: usize = 1 << 16;
/// Largest scratch (in `f32`) a fuzzed network is predicted with. The runtime allows up to
/// `MAX_SCRATCH` = 2^28 (1 GiB); allocating that per execution would only measure the allocator.
pub const MAX_NET_SCRATCH: usize = 1 << 22;
/// Largest estimated multiply-adds of one fuzzed network prediction (keeps executions fast;
/// the runtime bounds the work, but the bound of a crafted artifact can be seconds).
pub const MAX_NET_WORK: u64 = 20_000_000;

/// Calls every accessor of `artifact` and checks the invariants `parse` promises (every model
/// reachable through the name index). Then loads every model and, if `predict`, runs it on
/// inputs made from `input`.
pub fn exercise_artifact(artifact: &Artifact<'_>, input: &[u8], predict: bool) {
    let header = artifact.header();
    assert_eq!(header.section_count, artifact.section_count());
    for i in 0..artifact.section_count() {
        let e = artifact.section_entry(i);
        let bytes = artifact.section_bytes(i);
        assert_eq!(bytes.len() as u64, e.len);
        let _ = e.known_kind();
    }
    let _ = artifact.provenance();
    assert_eq!(artifact.models().count(), artifact.model_count() as usize, "parse validated every model's name");
    for entry in artifact.models() {
        assert_eq!(artifact.find(entry.name), Some(entry.index), "parse checked the index finds every model");
        exercise_entry(&entry);
        if let Ok(model) = Model::load(&entry) {
            // Feature names (format 1.2): validated at load, one per feature, each readable.
            if let Some(names) = model.feature_names() {
                assert_eq!(names.len(), model.num_features(), "load checked the name count");
                for (i, name) in names.iter().enumerate() {
                    assert_eq!(names.get(i), Some(name));
                }
                assert_eq!(names.get(names.len()), None);
            }
            if predict {
                predict_model(&model, &entry, input);
            }
        }
    }
    // The name index on names that are (mostly) not there.
    let _ = artifact.model(artifact.model_count());
    let _ = artifact.model(u32::MAX);
    for name in input.split(|&b| b == b'\n').take(4) {
        if let Ok(name) = std::str::from_utf8(name) {
            if let Some(m) = artifact.find(name) {
                assert_eq!(artifact.model(m).map(|e| e.name), Some(name));
            }
        }
    }
}

/// Section access of one model (docs/format.md §10.2), for every kind and record type.
fn exercise_entry(entry: &ModelEntry<'_>) {
    let _ = entry.manifest();
    if let Ok(Some(names)) = entry.feature_names() {
        let _ = names.iter().map(str::len).sum::<usize>();
        let _ = names.position("account_length");
    }
    for kind in all_kinds() {
        let _ = entry.section(kind);
        let _ = entry.optional_records::<u8>(kind);
        let _ = entry.optional_records::<u32>(kind);
        let _ = entry.optional_records::<TreeRecord>(kind);
        let _ = entry.optional_records::<Node>(kind);
        let _ = entry.optional_records::<LinkedNode>(kind);
        let _ = entry.optional_records::<SplitRecord>(kind);
        let _ = entry.optional_records::<LayerRecord>(kind);
        let _ = entry.records::<ModelRecord>(kind);
    }
}

/// Values from bytes: 4 bytes → an `f32` (any bit pattern: NaN, infinities, subnormals).
pub fn floats(bytes: &[u8]) -> impl Iterator<Item = f32> + '_ {
    bytes.chunks_exact(4).map(|c| f32::from_le_bytes(c.try_into().unwrap()))
}

/// A row of `n` features from `input`, cycling through it (NaN where it is empty).
pub fn row_from(input: &[u8], n: usize, salt: usize) -> Vec<f32> {
    let values: Vec<f32> = floats(input).collect();
    if values.is_empty() {
        return (0..n).map(|i| [f32::NAN, 0.0, -0.0, 1.0, -1.0, f32::INFINITY][(i + salt) % 6]).collect();
    }
    (0..n).map(|i| values[(i + salt) % values.len()]).collect()
}

/// Predictions of a loaded model on inputs made from `input`.
pub fn predict_model(model: &Model<'_>, entry: &ModelEntry<'_>, input: &[u8]) {
    match model {
        Model::Trees(_) => {
            // With an index (`tree-splits`, the rank, bit or lane indexes) the kernels evaluate
            // the index where the walk reads `tree-nodes`, and single-shot and batch prediction
            // may take different kernels; in a crafted artifact an index may disagree with the
            // nodes or with another index (also when the leaf copies under a padding node
            // differ), and then results are unspecified (docs/format.md §8.8, §10.3) — only
            // safety is checked (finding F11: the bit and plane kernels disagreeing on a model
            // whose `tree-splits` the fuzzer had renamed away).
            let mut indexes = SectionKind::TREE_RANK_INDEXES.into_iter().chain([SectionKind::TreeSplits]);
            let indexed = indexes.any(|k| matches!(entry.section(k), Ok(Some(_))));
            predict_features(model, input, !indexed)
        }
        Model::Linear(_) => predict_features(model, input, true),
        Model::Net(n) => {
            // One record of floats: a network that reads token ids refuses it for its kind
            // (`Model::predict` checks the record count first, so the record is whole).
            if n.input().is_token_ids() && n.input_len() <= MAX_FEATURES {
                let mut out = vec![0f32; model.num_outputs()];
                let rows = vec![0f32; n.input_len()];
                assert_eq!(model.predict(Input::Rows(&rows), &mut Scratch::default(), &mut out), Err(PredictError::InputKind));
            }
            predict_net(n, entry, input);
        }
    }
}

/// Predictions and margins of a model on features (a tree ensemble, a linear model), single-shot
/// and batched; with `batch_must_agree`, the batch's values equal the single-shot ones bit for
/// bit.
fn predict_features(model: &Model<'_>, input: &[u8], batch_must_agree: bool) {
    let n = model.num_features();
    if n > MAX_FEATURES {
        return;
    }
    let (outputs, groups) = (model.num_outputs(), model.num_margins());
    let mut out = vec![0f32; outputs];
    let mut margins = vec![0f32; groups];
    let scratch = &mut Scratch::default();
    for salt in 0..3 {
        let row = row_from(input, n, salt);
        assert_eq!(model.predict(Input::Rows(&row), scratch, &mut out), Ok(1), "valid row and output");
        assert_eq!(model.margins(Input::Rows(&row), scratch, &mut margins), Ok(1), "valid row and output");
        // The batch kernels agree with single-shot prediction, bit for bit: 17 rows, so one
        // whole block of 16 goes through the AVX-512 kernel where the CPU and model allow it.
        let b = BATCH_ROWS;
        let rows: Vec<f32> = (0..b).flat_map(|_| row.iter().copied()).collect();
        let mut out_b = vec![0f32; b * outputs];
        assert_eq!(model.predict(Input::Rows(&rows), scratch, &mut out_b), Ok(b));
        let mut m_b = vec![0f32; b * groups];
        assert_eq!(model.margins(Input::Rows(&rows), scratch, &mut m_b), Ok(b));
        for r in (0..b).filter(|_| batch_must_agree) {
            assert!(same_bits(&m_b[r * groups..(r + 1) * groups], &margins), "batch margins differ from single-shot");
            assert!(same_bits(&out_b[r * outputs..(r + 1) * outputs], &out), "batch outputs differ from single-shot");
        }
    }
    // Caller errors are errors.
    let long = vec![0f32; n + 1];
    assert!(model.predict(Input::Rows(&long), scratch, &mut out).is_err());
    assert!(model.margins(Input::Rows(&long[..n]), scratch, &mut vec![0f32; groups + 1]).is_err());
    if n > 1 {
        assert!(model.predict(Input::Rows(&long), scratch, &mut vec![0f32; 2 * outputs]).is_err());
    }
}

/// Same values, NaNs equal to NaNs (of any payload).
pub fn same_bits(a: &[f32], b: &[f32]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()))
}

/// An upper estimate of a network's multiply-adds per prediction.
fn net_work(layers: &[LayerRecord]) -> u64 {
    layers
        .iter()
        .map(|l| {
            let per_position = match l.op {
                Op::Conv1D => l.window as u64 * l.in_ch as u64 * l.out_ch as u64,
                Op::EmbeddingConv1D => l.window as u64 * l.out_ch as u64,
                Op::Dense => l.in_ch as u64 * l.out_ch as u64,
                Op::BatchNormalization => l.out_ch as u64,
                Op::MaxPool1D | Op::AvgPool1D => l.window as u64 * l.out_ch as u64,
                Op::Embedding | Op::GlobalMaxPool1D | Op::GlobalAvgPool1D | Op::Flatten | Op::Quantize | Op::Dequantize => {
                    l.out_ch as u64 + l.in_ch as u64
                }
            };
            let positions = (l.out_len as u64).max(l.in_len as u64);
            per_position.saturating_mul(positions).saturating_add(l.in_len as u64 * l.in_ch as u64)
        })
        .fold(0u64, u64::saturating_add)
}

fn predict_net(n: &NetModel<'_>, entry: &ModelEntry<'_>, input: &[u8]) {
    let Ok(layers) = entry.records::<LayerRecord>(SectionKind::NetLayers) else {
        panic!("a loaded network has its layers");
    };
    if n.scratch_len() > MAX_NET_SCRATCH || net_work(layers) > MAX_NET_WORK {
        return;
    }
    let mut scratch = vec![0f32; n.scratch_len()];
    let mut out = vec![0f32; n.num_outputs()];
    match n.input() {
        NetInput::TokenIds { length } => {
            let length = length as usize;
            if length > MAX_FEATURES {
                return;
            }
            // Small ids (mostly inside the vocabulary) and raw 32-bit ids (mostly outside).
            let small: Vec<u32> = (0..length).map(|i| input.get(i).map_or(0, |&b| b as u32)).collect();
            let _ = n.predict_ids(&small, &mut scratch, &mut out);
            let raw: Vec<u32> =
                (0..length).map(|i| input.get(4 * i..4 * i + 4).map_or(1, |c| u32::from_le_bytes(c.try_into().unwrap()))).collect();
            let _ = n.predict_ids(&raw, &mut scratch, &mut out);
            let two: Vec<u32> = small.iter().chain(&small).copied().collect();
            let mut out2 = vec![0f32; 2 * n.num_outputs()];
            let _ = n.predict_ids_batch(&two, &mut scratch, &mut out2);
            if let Some(vocab) = n.vocab() {
                let mut token_scratch = vec![0u8; vocab.max_token_len()];
                let mut ids = vec![0u32; length];
                n.predict_text(input, &mut token_scratch, &mut ids, &mut scratch, &mut out).expect("text always tokenizes to valid ids");
            }
            assert!(n.predict_ids(&small[..length.saturating_sub(1)], &mut scratch, &mut out).is_err());
        }
        NetInput::Sequence { .. } | NetInput::Vector { .. } => {
            let (len, ch) = match n.input() {
                NetInput::Sequence { length, channels } => (length as usize, channels as usize),
                NetInput::Vector { features } => (1, features as usize),
                NetInput::TokenIds { .. } => unreachable!(),
            };
            let count = len.saturating_mul(ch);
            if count > MAX_FEATURES {
                return;
            }
            let x = row_from(input, count, 0);
            n.predict_floats(&x, &mut scratch, &mut out).expect("valid float input");
        }
    }
    // Too little scratch, wrong output length: errors.
    if n.scratch_len() > 0 {
        let mut short = vec![0f32; n.scratch_len() - 1];
        let ids = vec![0u32; if let NetInput::TokenIds { length } = n.input() { length as usize } else { 0 }];
        let x = vec![0f32; n.input_len()];
        let r = if ids.is_empty() { n.predict_floats(&x, &mut short, &mut out) } else { n.predict_ids(&ids, &mut short, &mut out) };
        assert!(r.is_err());
    }
}

/// Input values a network takes (private helper as an extension trait).
trait InputLen {
    fn input_len(&self) -> usize;
}
impl InputLen for NetModel<'_> {
    fn input_len(&self) -> usize {
        match self.input() {
            NetInput::TokenIds { length } => length as usize,
            NetInput::Sequence { length, channels } => length as usize * channels as usize,
            NetInput::Vector { features } => features as usize,
        }
    }
}

/// Compiles an XGBoost model file (`file` names it; its extension picks JSON or UBJSON) through
/// the compiler's public entry point (`mlc_compiler::compile_models`: import, layout and
/// arithmetic, lowering, writer, the compiler's own check) and checks what the compiler
/// promises: the artifact validates, the model loads, batch margins equal single-shot ones, and
/// float models give margins bit-exact with the importer's reference evaluation
/// ([`compile_trees`], [`compile_linear`]). Files the importer refuses are skipped.
pub fn compile_xgboost(file: &str, bytes: &[u8]) {
    use mlc_compiler::import::xgboost::{self, Booster};
    match xgboost::import(file, bytes) {
        Ok(Booster::Trees(ir)) => compile_trees(file, bytes, &ir),
        Ok(Booster::Linear(ir)) => compile_linear(file, bytes, &ir),
        Err(_) => {}
    }
}

/// The checks of [`compile_xgboost`] for a linear model: compiled for a microcontroller too
/// (software floating point changes nothing), margins bit-exact with [`IrLinear::margins`]
/// single-shot and batched, on rows made from the weights' own values.
///
/// [`IrLinear::margins`]: mlc_compiler::linear::IrLinear::margins
pub fn compile_linear(file: &str, bytes: &[u8], ir: &mlc_compiler::linear::IrLinear) {
    use mlc_compiler::{compile_models, CompileOptions, ModelInput, ModelSource, Target};

    let (f, g) = (ir.num_features as usize, ir.num_groups as usize);
    if f > MAX_FEATURES {
        return;
    }
    let rows: Vec<Vec<f32>> = (0..BATCH_ROWS).map(|salt| row_from(&bytes[..bytes.len().min(4 * f)], f, salt)).collect();
    for target in [Target::X86_64, Target::CortexM0] {
        let options = CompileOptions { target, check_rows: Some(rows.clone()), command_line: "fuzz".into(), ..CompileOptions::default() };
        let input = ModelInput::new("m", ModelSource::XGBoost { file: file.into(), bytes: bytes.to_vec() });
        let compiled =
            compile_models(&[input], &options).unwrap_or_else(|e| panic!("an imported linear model does not compile ({target}): {e}"));
        let buf = GuardedBytes::new(&compiled.bytes);
        let artifact = Artifact::parse(buf.as_slice()).unwrap_or_else(|e| panic!("compiled artifact does not validate: {e}"));
        let model = Model::load(&artifact.model(0).expect("model 0")).unwrap_or_else(|e| panic!("compiled model does not load: {e}"));
        let flat: Vec<f32> = rows.iter().flatten().copied().collect();
        let mut batch = vec![0f32; rows.len() * g];
        model.margins(Input::Rows(&flat), &mut Scratch::default(), &mut batch).expect("batch of valid rows");
        let mut got = vec![0f32; g];
        for (r, row) in rows.iter().enumerate() {
            model.margins(Input::Rows(row), &mut Scratch::default(), &mut got).expect("valid row");
            assert!(same_bits(&batch[r * g..(r + 1) * g], &got), "batch margins differ from single-shot ({target})");
            let want = ir.margins(row);
            assert!(same_bits(&got, &want), "margins {got:?} differ from the reference {want:?} ({target}) on {row:?}");
        }
    }
}

/// The checks of [`compile_xgboost`] for a tree ensemble, in every layout and arithmetic that
/// applies. (The accuracy check of `mlc compile` itself runs 1000 probe rows; here 34, given as
/// check rows, so batches reach the AVX-512 kernel.)
pub fn compile_trees(file: &str, bytes: &[u8], ir: &mlc_compiler::trees::IrEnsemble) {
    use mlc_compiler::trees::{build::probe_rows, layout};
    use mlc_compiler::{compile_models, CompileOptions, ModelInput, ModelSource, Target};
    use mlc_format::manifest::{Numeric, TreeLayout};

    if ir.num_features as usize > 4096 || ir.trees.iter().map(|t| t.nodes.len()).sum::<usize>() > 100_000 {
        return;
    }
    let cost = layout::cost(ir);
    let mut layouts = vec![TreeLayout::Linked];
    // Categorical splits: only the linked layout holds them (then the categorical one).
    if cost.complete <= 1 << 20 && !ir.has_categories() {
        layouts.push(TreeLayout::Complete);
    }
    let mut numerics = vec![Numeric::Float32];
    if let Some(frac_bits) = layout::fixed_frac_bits(ir) {
        numerics.push(Numeric::Fixed { frac_bits });
    }
    let rows = probe_rows(ir, 2 * BATCH_ROWS);
    for &tree_layout in &layouts {
        for &numeric in &numerics {
            // x86-64: the `tree-splits` index is written where it applies.
            let options = CompileOptions {
                target: Target::X86_64,
                fixed_point: Some(numeric != Numeric::Float32),
                layout: Some(tree_layout),
                check_rows: Some(rows.clone()),
                command_line: "fuzz".into(),
                ..CompileOptions::default()
            };
            let input = ModelInput::new("m", ModelSource::XGBoost { file: file.into(), bytes: bytes.to_vec() });
            let compiled = compile_models(&[input], &options)
                .unwrap_or_else(|e| panic!("an imported model does not compile ({tree_layout:?}, {numeric:?}): {e}"));
            let buf = GuardedBytes::new(&compiled.bytes);
            let artifact = Artifact::parse(buf.as_slice()).unwrap_or_else(|e| panic!("compiled artifact does not validate: {e}"));
            let entry = artifact.model(0).expect("model 0");
            let body = entry.manifest().expect("manifest").body;
            let want_layout = if ir.has_categories() { TreeLayout::LinkedCategorical } else { tree_layout };
            assert!(
                matches!(body, mlc_format::manifest::ModelBody::TreeEnsemble(t) if t.layout == want_layout && t.numeric == numeric),
                "compiled as {body:?}, asked for {tree_layout:?}, {numeric:?}"
            );
            let model = Model::load(&entry).unwrap_or_else(|e| panic!("compiled model does not load ({tree_layout:?}, {numeric:?}): {e}"));
            let mut got = vec![0f32; ir.num_groups as usize];
            let mut batch = vec![0f32; rows.len() * ir.num_groups as usize];
            let flat: Vec<f32> = rows.iter().flatten().copied().collect();
            model.margins(Input::Rows(&flat), &mut Scratch::default(), &mut batch).expect("batch of valid rows");
            for (r, row) in rows.iter().enumerate() {
                model.margins(Input::Rows(row), &mut Scratch::default(), &mut got).expect("valid row");
                let g = ir.num_groups as usize;
                assert!(
                    same_bits(&batch[r * g..(r + 1) * g], &got),
                    "batch margins differ from single-shot ({tree_layout:?}, {numeric:?})"
                );
                if numeric == Numeric::Float32 {
                    let want = ir.margins(row);
                    assert!(
                        same_bits(&got, &want),
                        "float margins {got:?} differ from the reference walk {want:?} ({tree_layout:?}) on {row:?}"
                    );
                }
            }
        }
    }
}
