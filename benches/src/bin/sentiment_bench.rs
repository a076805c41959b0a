//! mlc on the sentiment CNNs: single-review latency from token ids and from raw text, and the
//! throughput of the batched call, on one core, for the committed Keras models compiled for
//! the host in float32 and in int8 (calibrated on the committed reviews), and for a Cortex-M4
//! (int8, embedding not folded; run here on the host), and for the host in int8 with the
//! embedding not folded (`table_budget` 0: the int8 convolution kernels, as on a Cortex-M).
//! Peers: benches/peers/sentiment. The vector kernels follow the CPU; `MLC_NO_AVX512=1` caps
//! them at AVX2, `MLC_NO_SIMD=1` runs the portable ones. `--only TEXT` runs the builds whose
//! "model build" names contain TEXT.
//!
//! `taskset -c 1 cargo run --release -p mlc-benches --bin sentiment_bench [-- --reps N] [--only TEXT]`

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use mlc_benches::machine::{source_revision, MachineInfo};
use mlc_benches::timing::{measure, Case, Config};
use mlc_compiler::{Calibration, CompileOptions, ModelInput, ModelSource, Target};
use mlc_format::AlignedBytes;
use mlc_format::Artifact;
use mlc_runtime::Model;

fn fixture(rel: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/sentiment").join(rel)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let reps = std::env::args().skip_while(|a| a != "--reps").nth(1).map_or(Ok(21), |r| r.parse())?;
    let only = std::env::args().skip_while(|a| a != "--only").nth(1).unwrap_or_default();
    let machine = MachineInfo::read();
    println!("cpu: {} ({} logical CPUs; this process may run on CPUs {})", machine.cpu_model, machine.logical_cpus, machine.allowed_cpus);
    println!("mlc source: {}", source_revision(Path::new(env!("CARGO_MANIFEST_DIR"))));
    let bytes = std::fs::read(fixture("reviews.txt"))?;
    let reviews: Vec<&[u8]> = bytes.strip_suffix(b"\n").unwrap_or(&bytes).split(|&b| b == b'\n').collect();
    println!("inputs: the {} committed test reviews, each predicted one at a time; {reps} repetitions\n", reviews.len());
    println!("| model | build | artifact bytes | from token ids, µs/review (median, min) | from raw text, µs/review (median, min) | batch of all, µs/review (median, min) |");
    println!("|---|---|---:|---:|---:|---:|");
    let lines = String::from_utf8_lossy(&bytes).lines().map(str::to_string).collect();
    let calibration = Calibration { source: "reviews.txt".into(), lines };
    let builds = [
        ("host float32", Target::Host, false, None),
        ("host int8", Target::Host, true, None),
        ("host int8 unfolded", Target::Host, true, Some(0)),
        ("cortex-m4 int8", Target::CortexM4, true, None),
    ];
    for (name, (build, target, int8, table_budget)) in ["imdb_cnn", "imdb_cnn_mcu"].into_iter().flat_map(|n| builds.map(|b| (n, b))) {
        // The Cortex-M4 build of imdb_cnn does not fit; imdb_cnn_mcu's unfolded host build is its Cortex-M4 one.
        let skip = match name {
            "imdb_cnn" => target == Target::CortexM4,
            _ => table_budget.is_some(),
        };
        if skip || !format!("{name} {build}").contains(&only) {
            continue;
        }
        let model = ModelInput::new("m", ModelSource::Path(fixture(name)));
        let options =
            CompileOptions { target, fixed_point: Some(int8), table_budget, calibration: Some(calibration.clone()), ..Default::default() };
        let compiled = mlc_compiler::compile_models(&[model], &options)?;
        let aligned = AlignedBytes::copy_from(&compiled.bytes);
        let artifact = Artifact::parse(&aligned)?;
        let Model::Net(net) = Model::by_name(&artifact, "m")? else { return Err("not a network".into()) };
        let vocab = net.vocab().ok_or("no tokenizer")?;
        let mut scratch = vec![0f32; net.scratch_len()];
        let mut token_scratch = vec![0u8; vocab.max_token_len()];
        let mut ids = vec![0u32; 400];
        let all_ids: Vec<Vec<u32>> = reviews
            .iter()
            .map(|text| {
                let mut ids = vec![0u32; 400];
                mlc_runtime::text::tokenize(
                    &vocab,
                    mlc_runtime::text::TextStandardize::LowerAndStripPunctuation,
                    text,
                    &mut token_scratch,
                    &mut ids,
                );
                ids
            })
            .collect();
        let mut out = [0f32];
        let mut scratch2 = scratch.clone();
        let mut scratch3 = scratch.clone();
        let mut out2 = [0f32];
        let flat_ids: Vec<u32> = all_ids.concat();
        let mut outs = vec![0f32; all_ids.len()];
        let timings = measure(
            vec![
                Case::new("ids", reviews.len(), || {
                    for ids in flat_ids.chunks_exact(400) {
                        net.predict_ids(black_box(ids), &mut scratch, &mut out).unwrap();
                        black_box(out[0]);
                    }
                }),
                Case::new("text", reviews.len(), || {
                    for text in &reviews {
                        net.predict_text(black_box(text), &mut token_scratch, &mut ids, &mut scratch2, &mut out2).unwrap();
                        black_box(out2[0]);
                    }
                }),
                Case::new("batch", reviews.len(), || {
                    net.predict_ids_batch(black_box(&flat_ids), &mut scratch3, &mut outs).unwrap();
                    black_box(outs[0]);
                }),
            ],
            Config { reps, min_rep: Duration::from_millis(20) },
        );
        let us = |i: usize| format!("{:.1} ({:.1})", timings[i].median_ns() / 1e3, timings[i].min_ns() / 1e3);
        println!("| {name} | {build} | {} | {} | {} | {} |", compiled.bytes.len(), us(0), us(1), us(2));
    }
    Ok(())
}
