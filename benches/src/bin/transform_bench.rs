//! Batch transform and the model registry, end to end through the engine `mlc transform` uses
//! (`mlc_host::transform::run` with a fresh `Registry` per run: mapping and validating the
//! artifact is part of each run):
//!
//! 1. the 25,000 IMDb test reviews as raw text (one per line, written to a temporary file)
//!    through the seed-architecture model `imdb_cnn`, with 1 and 2 workers;
//! 2. 1,000,000 churn rows (`../shared/data/churn/mlc_churn.csv` encoded as the fixtures and
//!    repeated) routed by state over the 51-model bundle, with 1 and 2 workers;
//! 3. the registry: the first prediction of a never-loaded model (cold: map, validate, load,
//!    predict), and a warm single prediction including routing (`Registry::get` by the row's
//!    state, then `predict`).
//!
//! ```text
//! taskset -c 0,1 cargo run --release -p mlc-benches --bin transform_bench [-- --reps N]
//! ```
//!
//! Parts 1 and 2 skip with a message when `../shared` is absent; part 3 uses the fixtures.

use std::hint::black_box;
use std::io::{BufRead, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use mlc_benches::churn::{self, Rows};
use mlc_benches::machine::{source_revision, MachineInfo};
use mlc_compiler::{Calibration, CompileOptions, ModelInput, Target};
use mlc_host::transform::{self, ContentType, Options, Routing};
use mlc_host::Registry;
use mlc_runtime::{Input, Scratch};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Rows of the churn job.
const CHURN_ROWS: usize = 1_000_000;

fn main() -> Result<()> {
    let reps: usize = std::env::args().skip_while(|a| a != "--reps").nth(1).map_or(Ok(5), |r| r.parse())?;
    let machine = MachineInfo::read();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    println!("cpu: {} ({} logical CPUs; this process may run on CPUs {})", machine.cpu_model, machine.logical_cpus, machine.allowed_cpus);
    println!("mlc source: {}", source_revision(Path::new(env!("CARGO_MANIFEST_DIR"))));
    println!("command: taskset -c {} cargo run --release -p mlc-benches --bin transform_bench -- --reps {reps}\n", machine.allowed_cpus);
    let tmp = std::env::temp_dir().join(format!("mlc-transform-bench-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let result = run_all(&root, &tmp, reps);
    std::fs::remove_dir_all(&tmp)?;
    result
}

fn run_all(root: &Path, tmp: &Path, reps: usize) -> Result<()> {
    let shared = root.join("../shared/data");
    let bundle = tmp.join("states.mlc");
    let states = churn::state_names()?;
    std::fs::write(
        &bundle,
        compile(&states.iter().map(|s| format!("{s}={}", churn::model_path(s).display())).collect::<Vec<_>>(), &CompileOptions::default())?,
    )?;
    let churn_csv = shared.join("churn/mlc_churn.csv");
    if churn_csv.exists() {
        churn_job(&churn_csv, &bundle, tmp, reps)?;
    } else {
        println!("churn job skipped: {} not found\n", churn_csv.display());
    }
    registry_latency(&bundle, &states, tmp)?;
    let imdb = shared.join("imdb/imdb_50k.jsonl.gz");
    if imdb.exists() {
        imdb_job(root, &imdb, tmp, reps)?;
    } else {
        println!("IMDb job skipped: {} not found (the reviews live in ../shared, outside the repository)\n", imdb.display());
    }
    Ok(())
}

fn compile(specs: &[String], options: &CompileOptions) -> Result<Vec<u8>> {
    let models: Vec<ModelInput> = specs.iter().map(|s| ModelInput::parse(s)).collect::<std::result::Result<_, _>>()?;
    Ok(mlc_compiler::compile_models(&models, options)?.bytes)
}

/// Runs a job `reps` times for 1 and 2 workers, interleaved (fresh registry and output each
/// time); prints the median wall time and rate.
fn time_job(label: &str, source: &Path, input: &Path, options: &Options, records: usize, reps: usize, tmp: &Path) -> Result<()> {
    let mut times = [Vec::new(), Vec::new()];
    for _ in 0..reps {
        for (workers, times) in [1, 2].into_iter().zip(&mut times) {
            let options = Options { workers, ..options.clone() };
            let out = tmp.join("out");
            let _ = std::fs::remove_dir_all(&out);
            let start = Instant::now();
            let registry = Registry::open(source, u64::MAX)?;
            let files = transform::plan(&[input.to_path_buf()], &out)?;
            let summary = transform::run(&registry, &files, &options, &mut |_| {})?;
            times.push(start.elapsed());
            if summary.records != records as u64 || summary.errors != 0 {
                return Err(format!("{label}: {} records, {} errors", summary.records, summary.errors).into());
            }
        }
    }
    let mut medians = Vec::new();
    for (workers, times) in [1, 2].into_iter().zip(&mut times) {
        times.sort();
        let median = times[times.len() / 2];
        println!(
            "| {label} | {workers} | {:.3} s | {:.3} s | {:.0} records/s |",
            median.as_secs_f64(),
            times[0].as_secs_f64(),
            records as f64 / median.as_secs_f64()
        );
        medians.push(median);
    }
    println!("| {label}: 2 workers vs 1 | | {:.2}× | | |\n", medians[0].as_secs_f64() / medians[1].as_secs_f64());
    Ok(())
}

const TABLE_HEAD: &str = "| job | workers | median | min | rate |\n|---|---:|---:|---:|---:|";

fn imdb_job(root: &Path, data: &Path, tmp: &Path, reps: usize) -> Result<()> {
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(std::fs::File::open(data)?));
    let input = tmp.join("imdb_test.txt");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&input)?);
    let mut count = 0;
    for line in reader.lines() {
        let review: serde_json::Value = serde_json::from_str(&line?)?;
        if review["split"] == "test" {
            let text = review["text"].as_str().unwrap_or_default().replace(['\n', '\r'], " ");
            writeln!(out, "{text}")?;
            count += 1;
        }
    }
    out.flush()?;
    // The int8 build (calibrated on the committed reviews, not IMDb): 0.06 pp from Keras' float
    // accuracy on these reviews (sentiment_accuracy).
    let model = tmp.join("imdb_cnn.mlc");
    let lines = std::fs::read_to_string(root.join("tests/fixtures/sentiment/reviews.txt"))?.lines().map(str::to_string).collect();
    let calibration = Calibration { source: "reviews.txt".into(), lines };
    let options =
        CompileOptions { target: Target::Host, fixed_point: Some(true), calibration: Some(calibration), ..CompileOptions::default() };
    std::fs::write(&model, compile(&[format!("imdb_cnn={}", root.join("tests/fixtures/sentiment/imdb_cnn").display())], &options)?)?;
    println!(
        "IMDb: {count} test reviews as raw text ({} MB), model imdb_cnn (host, int8, {} MB); {reps} runs each",
        std::fs::metadata(&input)?.len() / 1_000_000,
        std::fs::metadata(&model)?.len() / 1_000_000
    );
    println!("  = mlc transform imdb_cnn.mlc imdb_test.txt --content-type text/plain --output-dir OUT --workers W");
    println!(
        "  model alone (NetModel::predict_text in a loop over the reviews in memory, 1 thread): {:.3} s\n",
        model_alone(&model, &input)?.as_secs_f64()
    );
    println!("{TABLE_HEAD}");
    let options = Options { content_type: ContentType::Text, max_records: 100, ..Options::default() };
    time_job("IMDb reviews → imdb_cnn", &model, &input, &options, count, reps, tmp)
}

/// One pass of the runtime alone over the reviews (already in memory), one thread.
fn model_alone(model: &Path, reviews: &Path) -> Result<Duration> {
    let registry = Registry::open(model, u64::MAX)?;
    let handle = registry.get(&registry.default_name()?)?;
    let mlc_runtime::Model::Net(net) = handle.model() else { return Err("not a network".into()) };
    let text = std::fs::read(reviews)?;
    let (mut scratch, mut ids, mut out) = (vec![0f32; net.scratch_len()], vec![0u32; 400], [0f32]);
    let mut tokens = vec![0u8; net.vocab().ok_or("no tokenizer")?.max_token_len()];
    let start = Instant::now();
    for review in text.split(|&b| b == b'\n').filter(|r| !r.is_empty()) {
        net.predict_text(review, &mut tokens, &mut ids, &mut scratch, &mut out)?;
        black_box(out);
    }
    Ok(start.elapsed())
}

/// `mlc_churn.csv` rows encoded as the fixtures (`state,features`), repeated to `CHURN_ROWS`.
fn churn_input(csv: &Path, path: &Path) -> Result<()> {
    let text = std::fs::read_to_string(csv)?;
    let mut rows = Vec::new();
    for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
        let fields: Vec<&str> = line.split(',').collect();
        let encoded: Vec<&str> = fields[..fields.len() - 1] // without the label
            .iter()
            .map(|f| match *f {
                "yes" => "1",
                "no" => "0",
                f => f.strip_prefix("area_code_").unwrap_or(f),
            })
            .collect();
        rows.push(encoded.join(","));
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for row in rows.iter().cycle().take(CHURN_ROWS) {
        writeln!(out, "{row}")?;
    }
    out.flush()?;
    Ok(())
}

fn churn_job(csv: &Path, bundle: &Path, tmp: &Path, reps: usize) -> Result<()> {
    let input = tmp.join("churn_1m.csv");
    churn_input(csv, &input)?;
    println!(
        "churn: {CHURN_ROWS} rows ({} MB) routed by state (column 1) over the 51-model bundle; {reps} runs each",
        std::fs::metadata(&input)?.len() / 1_000_000
    );
    println!("  = mlc transform states.mlc churn_1m.csv --route-column 1 --output-dir OUT --workers W\n");
    println!("{TABLE_HEAD}");
    let options = Options { content_type: ContentType::Csv, routing: Routing::Column(1), ..Options::default() };
    time_job("churn rows → 51 models", bundle, &input, &options, CHURN_ROWS, reps, tmp)
}

/// Cold first predictions and warm routed single predictions through the registry.
fn registry_latency(bundle: &Path, states: &[String], tmp: &Path) -> Result<()> {
    let rows = Rows::held_out()?;
    let dir = tmp.join("states");
    std::fs::create_dir_all(&dir)?;
    for s in states {
        std::fs::write(
            dir.join(format!("{s}.mlc")),
            compile(&[format!("{s}={}", churn::model_path(s).display())], &CompileOptions::default())?,
        )?;
    }
    let first_row = |state: &str| rows.states.iter().position(|s| s == state).map(|i| rows.row(i));
    println!("registry: first prediction of each never-loaded model (cold), {} models; warm routed single predictions over the {} held-out rows\n", states.len(), rows.len());
    println!("| source | cold first prediction, median | max | warm single prediction incl. routing, median of 21 passes |");
    println!("|---|---:|---:|---:|");
    for (label, source) in [("bundle (51 models, one file)", bundle.to_path_buf()), ("directory of 51 artifacts", dir.clone())] {
        let mut cold = Vec::new();
        for _ in 0..5 {
            let registry = Registry::open(&source, u64::MAX)?;
            for s in states {
                let row = first_row(s).unwrap_or(rows.row(0));
                let mut out = [0f32];
                let start = Instant::now();
                registry.get(s)?.model().predict(Input::Rows(black_box(row)), &mut Scratch::default(), &mut out)?;
                cold.push(start.elapsed());
                black_box(out);
            }
        }
        cold.sort();
        let registry = Registry::open(&source, u64::MAX)?;
        let mut passes = Vec::new();
        for _ in 0..21 {
            let start = Instant::now();
            for i in 0..rows.len() {
                let mut out = [0f32];
                registry.get(black_box(&rows.states[i]))?.model().predict(Input::Rows(rows.row(i)), &mut Scratch::default(), &mut out)?;
                black_box(out);
            }
            passes.push(start.elapsed() / rows.len() as u32);
        }
        passes.sort();
        let us = |d: Duration| d.as_secs_f64() * 1e6;
        println!(
            "| {label} | {:.0} µs | {:.0} µs | {:.2} µs |",
            us(cold[cold.len() / 2]),
            us(cold[cold.len() - 1]),
            us(passes[passes.len() / 2])
        );
    }
    Ok(())
}
