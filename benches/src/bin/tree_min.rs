//! Quick check on a noisy machine: the all-states churn model over the 1,667 held-out rows,
//! single row (mlc `predict` per row vs TL2cgen `predict` per row) and batch (mlc one
//! `predict_batch` of all rows vs TL2cgen's loop), 400 short passes of each interleaved, the
//! minimum ns/row of each (the minimum of short passes filters out a busy neighbour far
//! better than medians of long ones); then the same with the rows in a new order each pass (16
//! shuffles in turn, as churn_bench's "new order each pass" scenarios: TL2cgen's branches then
//! cannot be learnt by the branch predictor). `MLC_NO_AVX512=1` turns mlc's AVX-512 kernels off
//! (AVX2 batch kernel, portable single-row walk).
//!
//! `cargo build --release -p mlc-benches --bin tree_min && taskset -c 1 target/release/tree_min`
use std::hint::black_box;
use std::time::Instant;

use mlc_benches::churn::{self, Rows};
use mlc_benches::tl2cgen;
use mlc_compiler::{CompileOptions, ModelInput, ModelSource, Target};
use mlc_format::{AlignedBytes, Artifact};
use mlc_runtime::Model;

fn main() {
    let rows = Rows::held_out().unwrap();
    let models = vec![ModelInput::new("all_states", ModelSource::Path(churn::model_path("all_states")))];
    let options = CompileOptions { target: Target::Host, ..Default::default() };
    let bytes = AlignedBytes::copy_from(&mlc_compiler::compile_models(&models, &options).unwrap().bytes);
    let art = Artifact::parse(&bytes).unwrap();
    let Model::Trees(m) = Model::by_name(&art, "all_states").unwrap() else { panic!() };
    let tl = tl2cgen::model("all_states").unwrap();
    let f = churn::NUM_FEATURES;
    let n = rows.len();
    // File order, then `FRESH_ORDERS` shuffles taken in turn (each laid out in both engines' formats).
    let file: Vec<usize> = (0..n).collect();
    for (what, orders) in [("", vec![file]), (", new order each pass", churn::shuffled_orders(n, churn::FRESH_ORDERS))] {
        let laid_out: Vec<(Vec<f32>, Vec<_>)> = orders
            .iter()
            .map(|o| {
                let picked = rows.pick(o);
                let cells = picked.entries();
                (picked.features, cells)
            })
            .collect();
        let (mut best_m, mut best_t) = (f64::MAX, f64::MAX);
        let (mut batch_m, mut batch_t) = (f64::MAX, f64::MAX);
        let mut out = [0f32; 1];
        let mut outs = vec![0f32; n];
        for pass in 0..400 {
            let (features, cells) = &laid_out[pass % laid_out.len()];
            let s = Instant::now();
            for row in features.chunks_exact(f) {
                m.predict(black_box(row), &mut out).unwrap();
                black_box(out[0]);
            }
            best_m = best_m.min(s.elapsed().as_secs_f64() * 1e9 / n as f64);
            let s = Instant::now();
            for row in cells.chunks_exact(f) {
                black_box(tl.predict(black_box(row)));
            }
            best_t = best_t.min(s.elapsed().as_secs_f64() * 1e9 / n as f64);
            let s = Instant::now();
            m.predict_batch(black_box(features), &mut outs).unwrap();
            black_box(&outs);
            batch_m = batch_m.min(s.elapsed().as_secs_f64() * 1e9 / n as f64);
            let s = Instant::now();
            for (row, o) in cells.chunks_exact(f).zip(outs.iter_mut()) {
                *o = tl.predict(black_box(row));
            }
            black_box(&outs);
            batch_t = batch_t.min(s.elapsed().as_secs_f64() * 1e9 / n as f64);
        }
        println!("single row{what}, min ns/row: mlc {best_m:.1}  tl2cgen {best_t:.1}  ratio {:.2}", best_t / best_m);
        println!("batch{what},      min ns/row: mlc {batch_m:.1}  tl2cgen {batch_t:.1}  ratio {:.2}", batch_t / batch_m);
    }
}
