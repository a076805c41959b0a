//! Concurrency (issue 7): many threads hammering one memory-mapped artifact, and one registry
//! under eviction pressure, give results identical (bit for bit) to a single-threaded run.
//! docs/reliability.md records how this test also ran under ThreadSanitizer.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use mlc_host::{LoadedArtifact, Registry};
use mlc_runtime::{Input, Model, Scratch};
use mlc_tests::{fixture, options, read_state_rows};

const THREADS: usize = 8;
const STATES: [&str; 6] = ["AL", "CA", "NY", "TX", "WY", "VT"];

/// `MLC_HAMMER_TREES_ONLY`: leave out the network, whose compilation runs candle's rayon pool —
/// for ThreadSanitizer runs without an instrumented std, where rayon's futex-based latches hide
/// the happens-before edges (docs/reliability.md §5; `scripts/tsan.sh` needs neither this nor
/// `MLC_HAMMER_SMALL`).
fn trees_only() -> bool {
    std::env::var_os("MLC_HAMMER_TREES_ONLY").is_some()
}

/// Threads, rounds and rows: smaller under a sanitizer or Miri-like slow runs (`MLC_HAMMER_SMALL`).
fn scale() -> (usize, usize, usize) {
    if std::env::var_os("MLC_HAMMER_SMALL").is_some() {
        (4, 2, 64)
    } else {
        (THREADS, 10, usize::MAX)
    }
}

fn compile_to(path: &Path, specs: &[String], target: mlc_compiler::Target) {
    let bytes = mlc_tests::compile(specs, &options(target, None));
    std::fs::write(path, &*bytes).unwrap();
}

fn state_spec(s: &str) -> String {
    format!("{s}={}", fixture(&format!("churn/models/states/{s}.json")).display())
}

fn rows(limit: usize) -> Vec<Vec<f32>> {
    read_state_rows(&fixture("churn/heldout.csv")).into_iter().map(|(_, r)| r).take(limit).collect()
}

/// Outputs of `model` on every row, as bits (NaN-exact comparison).
fn run_trees(model: &Model<'_>, rows: &[Vec<f32>]) -> Vec<u32> {
    let mut out = vec![0f32; model.num_outputs()];
    let mut bits = Vec::with_capacity(rows.len() * out.len());
    for row in rows {
        model.predict(Input::Rows(row), &mut Scratch::default(), &mut out).unwrap();
        bits.extend(out.iter().map(|v| v.to_bits()));
    }
    // The batch kernel too, in one call.
    let flat: Vec<f32> = rows.iter().flatten().copied().collect();
    let mut batch = vec![0f32; rows.len() * model.num_outputs()];
    model.predict(Input::Rows(&flat), &mut Scratch::default(), &mut batch).unwrap();
    bits.extend(batch.iter().map(|v| v.to_bits()));
    bits
}

fn run_text(model: &Model<'_>, reviews: &[String]) -> Vec<u32> {
    let Model::Net(n) = model else { panic!("a network") };
    let vocab = n.vocab().unwrap();
    let mut token_scratch = vec![0u8; vocab.max_token_len()];
    let mut ids = vec![0u32; model.num_features()];
    let mut scratch = vec![0f32; n.scratch_len()];
    let mut out = vec![0f32; n.num_outputs()];
    let mut bits = Vec::new();
    for r in reviews {
        n.predict_text(r.as_bytes(), &mut token_scratch, &mut ids, &mut scratch, &mut out).unwrap();
        bits.extend(out.iter().map(|v| v.to_bits()));
    }
    bits
}

#[test]
fn threads_sharing_one_mapped_artifact_agree_with_one_thread() {
    let (threads, rounds, limit) = scale();
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundle.mlc");
    let specs: Vec<String> = STATES.iter().map(|s| state_spec(s)).collect();
    compile_to(&bundle, &specs, mlc_compiler::Target::Host);
    let text = dir.path().join("sentiment.mlc");
    let text_spec = if trees_only() { state_spec("AL") } else { format!("sentiment={}", fixture("sentiment/imdb_cnn_mcu").display()) };
    compile_to(&text, &[text_spec], mlc_compiler::Target::Host);

    let rows = rows(limit);
    let reviews: Vec<String> =
        std::fs::read_to_string(fixture("sentiment/reviews.txt")).unwrap().lines().take(limit.min(40)).map(String::from).collect();
    let artifact = LoadedArtifact::open(&bundle).unwrap();
    let text_artifact = LoadedArtifact::open(&text).unwrap();

    // Single-threaded baseline.
    let want: HashMap<&str, Vec<u32>> = STATES.iter().map(|&s| (s, run_trees(&artifact.model(Some(s)).unwrap(), &rows))).collect();
    let want_text = if trees_only() { Vec::new() } else { run_text(&text_artifact.model(None).unwrap(), &reviews) };

    let checked = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for t in 0..threads {
            let (artifact, text_artifact, rows, reviews, want, want_text, checked) =
                (&artifact, &text_artifact, &rows, &reviews, &want, &want_text, &checked);
            scope.spawn(move || {
                for round in 0..rounds {
                    // Each thread visits the models in its own order, loading views afresh.
                    for k in 0..STATES.len() {
                        let s = STATES[(t + k * (round + 1)) % STATES.len()];
                        let got = run_trees(&artifact.model(Some(s)).unwrap(), rows);
                        assert!(got == want[s], "thread {t}, round {round}: model {s} differs from the single-threaded run");
                        checked.fetch_add(1, Ordering::Relaxed);
                    }
                    if t % 2 == 0 {
                        let got = if trees_only() { Vec::new() } else { run_text(&text_artifact.model(None).unwrap(), reviews) };
                        assert!(&got == want_text, "thread {t}, round {round}: the text model differs");
                        checked.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    assert_eq!(checked.load(Ordering::Relaxed), threads * rounds * STATES.len() + threads.div_ceil(2) * rounds);
}

/// Runs the registry hammer; returns (predictions the registry counted, predictions recorded).
fn hammer_registry() -> (u64, u64) {
    let (threads, rounds, limit) = scale();
    let dir = tempfile::tempdir().unwrap();
    // A directory source: one artifact per state, and a bundle of three more (`trio/NAME`).
    for s in &STATES[..4] {
        compile_to(&dir.path().join(format!("{s}.mlc")), &[state_spec(s)], mlc_compiler::Target::Host);
    }
    // The same states in integer-only arithmetic, in a bundle.
    let trio: Vec<String> = STATES[3..].iter().map(|s| state_spec(s)).collect();
    compile_to(&dir.path().join("trio.mlc"), &trio, mlc_compiler::Target::CortexM3);
    let names: Vec<String> = STATES[..4].iter().map(|s| s.to_string()).chain(STATES[3..].iter().map(|s| format!("trio/{s}"))).collect();

    let rows = rows(limit);
    // Baseline: each model alone, single-threaded, straight from its file.
    let want: HashMap<String, Vec<u32>> = names
        .iter()
        .map(|name| {
            let (file, inner) = match name.split_once('/') {
                Some((f, m)) => (f, Some(m)),
                None => (name.as_str(), None),
            };
            let a = LoadedArtifact::open(dir.path().join(format!("{file}.mlc"))).unwrap();
            let bits = run_trees(&a.model(inner).unwrap(), &rows);
            (name.clone(), bits)
        })
        .collect();

    // A budget of about two models: almost every switch evicts. The largest model (TX, float)
    // is larger than the budget: it is served alone.
    let probe = Registry::open(dir.path(), u64::MAX).unwrap();
    let mut sizes: Vec<u64> = names.iter().map(|n| probe.get(n).unwrap().bytes()).collect();
    sizes.sort_unstable();
    let largest = sizes[sizes.len() - 1];
    let registry = Registry::open(dir.path(), 2 * sizes[sizes.len() - 2]).unwrap();
    let budget = registry.budget();

    std::thread::scope(|scope| {
        for t in 0..threads {
            let (registry, names, rows, want) = (&registry, &names, &rows, &want);
            scope.spawn(move || {
                let mut state = 0x9E37_79B9_7F4A_7C15u64 ^ (t as u64 + 1);
                for _ in 0..rounds * names.len() {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    let name = &names[(state % names.len() as u64) as usize];
                    let handle = registry.get(name).unwrap();
                    let got = run_trees(handle.model(), rows);
                    assert!(got == want[name], "thread {t}: model {name} from the registry differs from the single-threaded run");
                    handle.record(rows.len() as u64, std::time::Duration::from_micros(1));
                }
            });
        }
    });
    assert!(registry.memory_used() <= budget.max(largest), "memory {} over the budget {budget}", registry.memory_used());
    let stats = registry.stats();
    let loads: u64 = stats.iter().map(|s| s.loads).sum();
    assert!(loads > names.len() as u64, "the budget forced reloads ({loads} loads of {} models)", names.len());
    let predictions: u64 = stats.iter().map(|s| s.predictions).sum();
    (predictions, (threads * rounds * names.len() * rows.len()) as u64)
}

#[test]
fn threads_sharing_one_registry_under_eviction_agree_with_one_thread() {
    let (counted, recorded) = hammer_registry();
    assert!(counted <= recorded, "the registry counted {counted} predictions, {recorded} were recorded");
}

/// Predictions a worker records through the handle of a model evicted meanwhile (as
/// `mlc transform` does after each batch) still count: counters outlive evictions (found by
/// this test: `Registry::get` used to read an evicted model's counters at eviction).
#[test]
fn registry_statistics_count_every_recorded_prediction() {
    let (counted, recorded) = hammer_registry();
    assert_eq!(counted, recorded, "predictions recorded through handles of evicted models are lost");
}
