//! Accuracy of the compiled sentiment models on the 25,000 IMDb test reviews, next to Keras'
//! own float accuracy (from the model's `metrics.json`): float32 and int8 builds for the host,
//! and the int8 Cortex-M4 build of the small model. Int8 builds are calibrated on the committed
//! reviews (tests/fixtures/sentiment/reviews.txt, not IMDb). Reads `../shared/data/imdb` at run
//! time (the texts are never copied into the repository); skips with a message when it is absent.
//!
//! `cargo run --release -p mlc-benches --bin sentiment_accuracy`

use std::io::BufRead;
use std::path::Path;

use mlc_compiler::{Calibration, CompileOptions, ModelInput, ModelSource, Target};
use mlc_format::AlignedBytes;
use mlc_format::Artifact;
use mlc_runtime::Model;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let data = root.join("../shared/data/imdb/imdb_50k.jsonl.gz");
    if !data.exists() {
        println!("skipped: {} not found (the IMDb reviews live in ../shared, outside the repository)", data.display());
        return Ok(());
    }
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(std::fs::File::open(&data)?));
    let mut test = Vec::new();
    for line in reader.lines() {
        let review: serde_json::Value = serde_json::from_str(&line?)?;
        if review["split"] == "test" {
            test.push((review["text"].as_str().unwrap_or_default().to_string(), review["label"] == 1));
        }
    }
    println!("{} test reviews\n", test.len());
    println!("| model | build | Keras float accuracy | mlc accuracy | difference |");
    println!("|---|---|---:|---:|---:|");
    let calibration_file = root.join("tests/fixtures/sentiment/reviews.txt");
    let lines = std::fs::read_to_string(&calibration_file)?.lines().map(str::to_string).collect();
    let calibration = Calibration { source: "reviews.txt".into(), lines };
    let builds = [
        ("imdb_cnn", "host float32", Target::Host, false),
        ("imdb_cnn", "host int8", Target::Host, true),
        ("imdb_cnn_mcu", "host float32", Target::Host, false),
        ("imdb_cnn_mcu", "host int8", Target::Host, true),
        ("imdb_cnn_mcu", "cortex-m4 int8", Target::CortexM4, true),
    ];
    for (name, build, target, int8) in builds {
        let dir = root.join("tests/fixtures/sentiment").join(name);
        let metrics: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("metrics.json"))?)?;
        let model = ModelInput::new("m", ModelSource::Path(dir));
        let options = CompileOptions { target, fixed_point: Some(int8), calibration: Some(calibration.clone()), ..Default::default() };
        let compiled = mlc_compiler::compile_models(&[model], &options)?;
        let aligned = AlignedBytes::copy_from(&compiled.bytes);
        let artifact = Artifact::parse(&aligned)?;
        let Model::Net(net) = Model::by_name(&artifact, "m")? else { return Err("not a network".into()) };
        let mut scratch = vec![0f32; net.scratch_len()];
        let mut token_scratch = vec![0u8; net.vocab().ok_or("no tokenizer")?.max_token_len()];
        let mut ids = vec![0u32; 400];
        let mut correct = 0usize;
        for (text, positive) in &test {
            let mut out = [0f32];
            net.predict_text(text.as_bytes(), &mut token_scratch, &mut ids, &mut scratch, &mut out)?;
            correct += ((out[0] > 0.5) == *positive) as usize;
        }
        let keras = metrics["test_accuracy"].as_f64().unwrap_or(f64::NAN);
        let ours = correct as f64 / test.len() as f64;
        println!("| {name} | {build} | {:.2} % | {:.2} % | {:+.2} pp |", keras * 100.0, ours * 100.0, (ours - keras) * 100.0);
    }
    Ok(())
}
