//! Batch transform (`mlc transform`) and the model registry, end to end: every input line gets
//! exactly one output line, in order, equal to the runtime called directly, whatever the
//! worker count and mini-batch size; bad records become the documented error lines and
//! nothing else is lost; a killed job leaves no partial output and a re-run completes it;
//! eviction under a tiny memory budget changes no answer.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use mlc_compiler::Target;
use mlc_format::AlignedBytes;
use mlc_format::Artifact;
use mlc_host::records::{self, InputBuf, RecordReader, BOM};
use mlc_host::transform::{self, Accept, ContentType, Options, Routing, Summary};
use mlc_host::Registry;
use mlc_runtime::{Input, Model, Output, Scratch, ScratchBuf};
use mlc_tests::{compile, fixture, options, read_state_rows};

/// The 51 per-state churn models in one bundle, compiled once, and written to a file.
fn bundle() -> &'static (tempfile::TempDir, PathBuf, AlignedBytes) {
    static BUNDLE: OnceLock<(tempfile::TempDir, PathBuf, AlignedBytes)> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let mut states: Vec<String> = std::fs::read_dir(fixture("churn/models/states"))
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok()?.strip_suffix(".json").map(str::to_string))
            .collect();
        states.sort();
        let specs: Vec<String> =
            states.iter().map(|s| format!("{s}={}", fixture(&format!("churn/models/states/{s}.json")).display())).collect();
        let bytes = compile(&specs, &options(Target::Host, None));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("states.mlc");
        std::fs::write(&path, bytes.as_slice()).unwrap();
        (dir, path, bytes)
    })
}

/// The held-out churn rows as CSV lines `STATE,features...`, with the runtime's own prediction.
fn churn_rows() -> Vec<(String, f32)> {
    let bytes = &bundle().2;
    let artifact = Artifact::parse(bytes).unwrap();
    let text = std::fs::read_to_string(fixture("churn/heldout.csv")).unwrap();
    text.lines()
        .zip(read_state_rows(&fixture("churn/heldout.csv")))
        .map(|(line, (state, row))| {
            let mut out = [0f32];
            Model::by_name(&artifact, &state).unwrap().predict(Input::Rows(&row), &mut Scratch::default(), &mut out).unwrap();
            (line.to_string(), out[0])
        })
        .collect()
}

/// What one output line must be.
#[derive(Debug, Clone)]
enum Want {
    Value(f32),
    Error(String),
}

fn error(message: impl Into<String>) -> Want {
    Want::Error(message.into())
}

/// Checks an output file line by line against `want` (error lines carry 1-based line numbers).
fn check_output(path: &Path, want: &[Want]) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let lines: Vec<&str> = text.lines().collect();
    assert!(text.is_empty() || text.ends_with('\n'));
    assert_eq!(lines.len(), want.len(), "{}: one output line per input line", path.display());
    for (i, (line, want)) in lines.iter().zip(want).enumerate() {
        match want {
            Want::Value(v) => {
                let got: f32 = line.parse().unwrap_or_else(|_| panic!("line {}: `{line}` is not a prediction", i + 1));
                assert_eq!(got.to_bits(), v.to_bits(), "line {}: {got} != runtime {v}", i + 1);
            }
            Want::Error(message) => {
                let expected = format!("{{\"error\": {}, \"line\": {}}}", serde_json::to_string(message).unwrap(), i + 1);
                assert_eq!(*line, expected, "line {}", i + 1);
            }
        }
    }
}

fn job(content_type: ContentType, routing: Routing) -> Options {
    Options { content_type, routing, ..Options::default() }
}

/// Runs a job over `input` (a file or a directory) with the library (the engine `mlc transform` uses).
fn run(registry: &Registry, input: &Path, out: &Path, options: &Options) -> Summary {
    let files = transform::plan(&[input.to_path_buf()], out).unwrap();
    transform::run(registry, &files, options, &mut |_| {}).unwrap()
}

fn write(path: &Path, bytes: &[u8]) -> PathBuf {
    std::fs::write(path, bytes).unwrap();
    path.to_path_buf()
}

#[test]
fn one_line_per_input_line_in_order_across_workers_and_batch_sizes() {
    let rows = churn_rows();
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir_all(inputs.join("sub")).unwrap();
    // Three files in a directory: all rows, the first 100 rows with no final newline, empty.
    let all: String = rows.iter().map(|(l, _)| format!("{l}\n")).collect();
    write(&inputs.join("all.csv"), all.as_bytes());
    let first: Vec<&str> = rows[..100].iter().map(|(l, _)| l.as_str()).collect();
    write(&inputs.join("sub/first.csv"), first.join("\n").as_bytes());
    write(&inputs.join("empty.csv"), b"");
    // The same rows as JSON Lines with a `model` field.
    let json: String = rows
        .iter()
        .map(|(l, _)| {
            let (state, rest) = l.split_once(',').unwrap();
            let values: Vec<&str> = rest.split(',').map(|v| if v.is_empty() { "null" } else { v }).collect();
            format!("{{\"model\": \"{state}\", \"features\": [{}]}}\n", values.join(","))
        })
        .collect();
    let json_file = write(&dir.path().join("all.jsonl"), json.as_bytes());
    let want: Vec<Want> = rows.iter().map(|(_, p)| Want::Value(*p)).collect();
    let registry = Registry::open(&bundle().1, u64::MAX).unwrap();
    for workers in 1..=4 {
        for (max_records, max_payload) in [(1, 6 << 20), (7, 6 << 20), (1000, 6 << 20), (100_000, 6 << 20), (1000, 300)] {
            let out = dir.path().join(format!("out-{workers}-{max_records}-{max_payload}"));
            let csv = Options { workers, max_records, max_payload, ..job(ContentType::Csv, Routing::Column(1)) };
            let summary = run(&registry, &inputs, &out, &csv);
            assert_eq!((summary.records, summary.errors), (rows.len() as u64 + 100, 0));
            check_output(&out.join("all.csv.out"), &want);
            check_output(&out.join("sub/first.csv.out"), &want[..100]);
            check_output(&out.join("empty.csv.out"), &[]);
            let jsonl = Options { workers, max_records, max_payload, ..job(ContentType::JsonLines, Routing::Model(None)) };
            run(&registry, &json_file, &out, &jsonl);
            check_output(&out.join("all.jsonl.out"), &want);
            // One {"predictions": [...]} object per mini-batch, in order.
            let batched = Options { accept: Accept::Json, ..csv.clone() };
            let json_out = dir.path().join(format!("json-{workers}-{max_records}-{max_payload}"));
            run(&registry, &inputs.join("all.csv"), &json_out, &batched);
            // An empty input gives an empty output here too (it gave `{"predictions": []}`:
            // F7 in docs/reliability.md, found by the `transform` fuzz target).
            run(&registry, &inputs.join("empty.csv"), &json_out, &batched);
            assert_eq!(std::fs::read(json_out.join("empty.csv.out")).unwrap(), b"", "application/json of an empty input");
            let text = std::fs::read_to_string(json_out.join("all.csv.out")).unwrap();
            let mut got = Vec::new();
            for line in text.lines() {
                let object: serde_json::Value = serde_json::from_str(line).unwrap();
                let batch = object["predictions"].as_array().unwrap();
                assert!(!batch.is_empty() && batch.len() <= max_records);
                got.extend(batch.iter().map(|v| v.to_string().parse::<f32>().unwrap()));
            }
            let expected: Vec<f32> = rows.iter().map(|(_, p)| *p).collect();
            assert_eq!(got, expected, "workers {workers}, {max_records} records, {max_payload} bytes per mini-batch");
        }
    }
}

/// What a server does with a request body: records read from memory (`mlc_host::records`) and
/// predicted with `Model::run`, the same answers as the runtime called directly.
#[test]
fn a_request_body_is_read_without_files() {
    let rows = churn_rows();
    let body: String = rows.iter().map(|(l, _)| format!("{l}\r\n")).collect();
    let registry = Registry::open(&bundle().1, u64::MAX).unwrap();
    let mut reader = RecordReader::new(ContentType::from_mime("text/csv; charset=utf-8").unwrap(), Some(1));
    let (mut buf, mut scratch) = (InputBuf::default(), ScratchBuf::new());
    for (line, (_, want)) in records::lines(body.as_bytes()).zip(&rows) {
        let record = reader.read(line).unwrap();
        let handle = registry.get(record.model().unwrap()).unwrap();
        let model = handle.model();
        buf.clear();
        let input = record.input(model, &mut buf).unwrap();
        let mut out = [0f32];
        model.run(input, Output::Prediction, &mut scratch.for_model(model), &mut out).unwrap();
        assert_eq!(out[0].to_bits(), want.to_bits(), "{}", String::from_utf8_lossy(line));
    }
    assert_eq!(records::lines(body.as_bytes()).count(), rows.len());
}

/// `text/libsvm` (sparse rows: a feature without an entry is missing), as SageMaker's XGBoost
/// container reads it: through a transform job (margins and outputs), the answers are XGBoost's
/// own from reading the same file (`DMatrix("rows.libsvm?format=libsvm")`), bit for bit; a bad
/// line is an error line naming the token, and nothing else is lost.
#[test]
fn libsvm_records_match_xgboost_reading_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("libsvm/rows.libsvm")).unwrap();
    for name in ["binary_logistic", "multi_softprob"] {
        let artifact = dir.path().join(format!("{name}.mlc"));
        let bytes = compile(&[fixture(&format!("xgboost/3.2.0/{name}.json")).display().to_string()], &options(Target::Host, None));
        std::fs::write(&artifact, bytes.as_slice()).unwrap();
        let registry = Registry::open(&artifact, u64::MAX).unwrap();
        let expected = mlc_tests::read_csv(&fixture(&format!("libsvm/{name}.expected.csv")));
        for margin in [false, true] {
            let out = dir.path().join(format!("out-{name}-{margin}"));
            let input = write(&dir.path().join("rows.libsvm"), text.as_bytes());
            let options = Options { margin, ..job(ContentType::Libsvm, Routing::Model(None)) };
            let summary = run(&registry, &input, &out, &options);
            assert_eq!((summary.records, summary.errors), (expected.len() as u64, 0), "{name}");
            let got = std::fs::read_to_string(out.join("rows.libsvm.out")).unwrap();
            for (i, (line, want)) in got.lines().zip(&expected).enumerate() {
                let half = want.len() / 2;
                let want = if margin { &want[..half] } else { &want[half..] };
                let values: Vec<f32> = serde_json::from_str::<serde_json::Value>(line)
                    .map(|v| match v {
                        serde_json::Value::Array(a) => a.iter().map(|x| x.as_f64().unwrap() as f32).collect(),
                        x => vec![x.as_f64().unwrap() as f32],
                    })
                    .unwrap_or_else(|e| panic!("line {}: `{line}`: {e}", i + 1));
                let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&values), bits(want), "{name} line {} (margin {margin}): {values:?} != XGBoost {want:?}", i + 1);
            }
        }
    }
    // A bad token is an error line; the lines around it are answered.
    let registry = Registry::open(dir.path().join("binary_logistic.mlc"), u64::MAX).unwrap();
    let input = write(&dir.path().join("bad.libsvm"), b"1 0:1.5\n1 9:1\n0 2:x\n0\n");
    let out = dir.path().join("out-bad");
    let summary = run(&registry, &input, &out, &job(ContentType::Libsvm, Routing::Model(None)));
    assert_eq!((summary.records, summary.errors), (4, 2));
    let got = std::fs::read_to_string(out.join("bad.libsvm.out")).unwrap();
    let lines: Vec<&str> = got.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[1].contains("token 2: feature index 9 is beyond the model's 6 features"), "{}", lines[1]);
    assert!(lines[2].contains("token 2: `x` is not a number"), "{}", lines[2]);
    assert!(lines[0].parse::<f32>().is_ok() && lines[3].parse::<f32>().is_ok(), "{got}");
}

#[test]
fn bad_csv_records_become_error_lines_and_nothing_else_is_lost() {
    let rows = churn_rows();
    let good = |i: usize| rows[i].0.as_bytes().to_vec();
    let long = format!("AK,{}", "1,".repeat(400));
    let lines: Vec<(Vec<u8>, Want)> = vec![
        // A byte order mark (a spreadsheet's export) is not part of a record.
        ([BOM, &good(0)].concat(), Want::Value(rows[0].1)),
        (BOM.to_vec(), error("empty line")),
        (b"AK,1,2,3".to_vec(), error("expected 19 fields (the model name and 18 features), found 4")),
        (good(1), Want::Value(rows[1].1)),
        (
            [&good(2)[..3], &good(2)[3..].iter().map(|&b| if b == b',' { b';' } else { b }).collect::<Vec<u8>>()].concat(),
            error("expected 19 fields (the model name and 18 features), found 2"),
        ),
        (format!("ZZ{}", &rows[3].0[2..]).into_bytes(), error("unknown model `ZZ`")),
        ([&good(4)[..], b",9"].concat(), error("expected 19 fields (the model name and 18 features), found 20")),
        (
            rows[5].0.split(',').enumerate().map(|(i, f)| if i == 1 { "abc" } else { f }).collect::<Vec<_>>().join(",").into_bytes(),
            error("column 2: `abc` is not a number"),
        ),
        (b"".to_vec(), error("empty line")),
        (long.into_bytes(), error("record of 803 bytes exceeds the mini-batch limit of 600 bytes (--max-payload-mb)")),
        ([&good(6)[..], b"\r"].concat(), Want::Value(rows[6].1)),
        ([b"\xff\xfe", &good(7)[2..]].concat(), error("column 1: the model name is not UTF-8")),
        ([&good(8)[..good(8).len() - 1], b"\xff"].concat(), error("column 19: `\u{fffd}` is not a number")),
        (format!("\"{}\"{}", &rows[9].0[..2], &rows[9].0[2..]).into_bytes(), Want::Value(rows[9].1)),
        (format!("AK,\"1{}", &rows[10].0[3..]).into_bytes(), error("expected 19 fields (the model name and 18 features), found 2")),
        (good(11), Want::Value(rows[11].1)),
    ];
    // A CRLF file without a final newline.
    let mut input: Vec<u8> = lines.iter().flat_map(|(l, _)| [&l[..], b"\r\n"].concat()).collect();
    input.truncate(input.len() - 2);
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir.path().join("bad.csv"), &input);
    let registry = Registry::open(&bundle().1, u64::MAX).unwrap();
    for workers in [1, 3] {
        let out = dir.path().join(format!("out{workers}"));
        let options = Options { workers, max_records: 4, max_payload: 600, ..job(ContentType::Csv, Routing::Column(1)) };
        let summary = run(&registry, &file, &out, &options);
        assert_eq!(summary.errors, lines.iter().filter(|(_, w)| matches!(w, Want::Error(_))).count() as u64);
        check_output(&out.join("bad.csv.out"), &lines.iter().map(|(_, w)| w.clone()).collect::<Vec<_>>());
    }
    // Without routing, the model's own feature count is expected.
    let ak = &rows.iter().find(|(l, _)| l.starts_with("AK,")).unwrap().0;
    let file = write(&dir.path().join("ak.csv"), format!("{}\n1,2\n", &ak[3..]).as_bytes());
    let out = dir.path().join("ak");
    run(&registry, &file, &out, &job(ContentType::Csv, Routing::Model(Some("AK".into()))));
    let text = std::fs::read_to_string(out.join("ak.csv.out")).unwrap();
    assert!(text.ends_with("{\"error\": \"expected 18 fields (the model's feature count), found 2\", \"line\": 2}\n"), "{text}");
}

#[test]
fn bad_json_records_become_error_lines_and_nothing_else_is_lost() {
    let rows = churn_rows();
    let record = |i: usize| {
        let (state, rest) = rows[i].0.split_once(',').unwrap();
        let values: Vec<&str> = rest.split(',').map(|v| if v.is_empty() { "null" } else { v }).collect();
        format!("{{\"features\": [{}], \"model\": \"{state}\"}}", values.join(", "))
    };
    let lines: Vec<(Vec<u8>, Want)> = vec![
        ([BOM, record(0).as_bytes()].concat(), Want::Value(rows[0].1)),
        (b"{\"model\": \"AK\", \"features\": [1, 2".to_vec(), error("malformed JSON at column 33: EOF while parsing a list")),
        (b"[1, 2, 3]".to_vec(), error("malformed JSON: a record is an object, `{...}`")),
        (b"{\"model\": \"AK\", \"features\": [1, 2]}".to_vec(), error("expected 18 features, found 2")),
        (record(1).replace("\"model\": \"", "\"model\": \"Z").into_bytes(), error(format!("unknown model `Z{}`", &rows[1].0[..2]))),
        (record(2).replacen("[", "[\"x\", ", 1).into_bytes(), error("expected 18 features, found 19")),
        (
            format!("{{\"model\": \"AK\", \"features\": [\"1\"{}]}}", ", 1".repeat(17)).into_bytes(),
            error("feature 1: `\"1\"` is not a number"),
        ),
        (
            format!("{{\"model\": \"AK\", \"features\": [1, 2, true{}]}}", ", 1".repeat(15)).into_bytes(),
            error("feature 3: `true` is not a number"),
        ),
        (b"{\"model\": \"AK\"}".to_vec(), error("no `features` or `text` field")),
        (b"{\"model\": \"\xff\", \"features\": []}".to_vec(), error("malformed JSON at column 12: invalid UTF-8")),
        (b"".to_vec(), error("empty line")),
        (record(4).into_bytes(), Want::Value(rows[4].1)),
        (
            format!("{{\"text\": \"{}\"}}", "a".repeat(700)).into_bytes(),
            error("record of 712 bytes exceeds the mini-batch limit of 700 bytes (--max-payload-mb)"),
        ),
        (b"{\"features\": [], \"features\": []}".to_vec(), error("malformed JSON at column 27: duplicate field `features`")),
        (b"{\"model\": \"AK\", \"text\": \"great film\"}".to_vec(), error("the model is a tree ensemble: it takes features, not text")),
        (b"{\"features\": [1]}".to_vec(), error("no model named: the record has no `model` field and no --model was given")),
        ([record(6).as_bytes(), b"\r"].concat(), Want::Value(rows[6].1)),
        // A later file's byte order mark, carried in by concatenation.
        ([BOM, record(7).as_bytes()].concat(), Want::Value(rows[7].1)),
        (BOM.to_vec(), error("empty line")),
    ];
    let input: Vec<u8> = lines.iter().map(|(l, _)| &l[..]).collect::<Vec<_>>().join(&b"\n"[..]);
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir.path().join("bad.jsonl"), &input);
    let registry = Registry::open(&bundle().1, u64::MAX).unwrap();
    for workers in [1, 4] {
        let out = dir.path().join(format!("out{workers}"));
        let options = Options { workers, max_records: 3, max_payload: 700, ..job(ContentType::JsonLines, Routing::Model(None)) };
        run(&registry, &file, &out, &options);
        check_output(&out.join("bad.jsonl.out"), &lines.iter().map(|(_, w)| w.clone()).collect::<Vec<_>>());
    }
}

#[test]
fn plain_text_reviews_through_the_sentiment_model() {
    let bytes = compile(&[format!("imdb={}", fixture("sentiment/imdb_cnn_mcu").display())], &options(Target::Host, None));
    let artifact = Artifact::parse(&bytes).unwrap();
    let Model::Net(net) = Model::by_name(&artifact, "imdb").unwrap() else { panic!("not a network") };
    let reviews = std::fs::read(fixture("sentiment/reviews.txt")).unwrap();
    // Non-UTF-8 bytes are text too: the tokenizer reads bytes.
    let input = [&reviews[..], b"caf\xe9 \xff great\r\n\n"].concat();
    let mut want = Vec::new();
    let (mut scratch, mut tokens, mut ids) =
        (vec![0f32; net.scratch_len()], vec![0u8; 64.max(net.vocab().unwrap().max_token_len())], vec![0u32; 400]);
    for line in input.strip_suffix(b"\n").unwrap().split(|&b| b == b'\n') {
        let mut out = [0f32];
        net.predict_text(line.strip_suffix(b"\r").unwrap_or(line), &mut tokens, &mut ids, &mut scratch, &mut out).unwrap();
        want.push(Want::Value(out[0]));
    }
    let dir = tempfile::tempdir().unwrap();
    let model = write(&dir.path().join("imdb.mlc"), &bytes);
    // The byte order mark of a file saved by an editor is not part of the first review.
    let file = write(&dir.path().join("reviews.txt"), &[BOM, &input].concat());
    let registry = Registry::open(&model, u64::MAX).unwrap();
    for workers in [1, 2] {
        let out = dir.path().join(format!("out{workers}"));
        run(&registry, &file, &out, &Options { workers, max_records: 50, ..job(ContentType::Text, Routing::Model(None)) });
        check_output(&out.join("reviews.txt.out"), &want);
    }
}

#[test]
fn eviction_under_a_tiny_memory_budget_keeps_every_answer() {
    let rows = churn_rows();
    let dir = tempfile::tempdir().unwrap();
    let input: String = rows.iter().map(|(l, _)| format!("{l}\n")).collect();
    let file = write(&dir.path().join("rows.csv"), input.as_bytes());
    let options = Options { workers: 3, max_records: 64, ..job(ContentType::Csv, Routing::Column(1)) };
    let free = Registry::open(&bundle().1, u64::MAX).unwrap();
    let summary = run(&free, &file, &dir.path().join("free"), &options);
    assert_eq!(summary.models.iter().map(|m| m.evictions).sum::<u64>(), 0);
    // One byte: every load evicts every other model.
    let tiny = Registry::open(&bundle().1, 1).unwrap();
    let summary = run(&tiny, &file, &dir.path().join("tiny"), &options);
    assert!(summary.models.iter().map(|m| m.evictions).sum::<u64>() > 51, "models were evicted and loaded again");
    assert!(tiny.loaded().len() <= 1);
    let free_out = std::fs::read(dir.path().join("free/rows.csv.out")).unwrap();
    assert_eq!(std::fs::read(dir.path().join("tiny/rows.csv.out")).unwrap(), free_out);
    check_output(&dir.path().join("tiny/rows.csv.out"), &rows.iter().map(|(_, p)| Want::Value(*p)).collect::<Vec<_>>());
}

/// The `mlc` binary (built in the same profile as this test).
fn mlc() -> Command {
    mlc_tests::mlc_command()
}

#[test]
fn a_killed_job_leaves_no_partial_output_and_a_rerun_completes_it() {
    let rows = churn_rows();
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    write(&inputs.join("a-small.csv"), rows[..50].iter().map(|(l, _)| format!("{l}\n")).collect::<String>().as_bytes());
    let big: String = rows.iter().cycle().take(600_000).map(|(l, _)| format!("{l}\n")).collect();
    write(&inputs.join("b-big.csv"), big.as_bytes());
    let out = dir.path().join("out");
    let big_out = out.join("b-big.csv.out");
    let args = |summary: &str| {
        let mut cmd = mlc();
        cmd.arg("transform").arg(&bundle().1).arg(&inputs).arg("--output-dir").arg(&out);
        cmd.args(["--route-column", "1", "--workers", "2", "--max-records", "500", "--summary-json"]).arg(dir.path().join(summary));
        cmd
    };
    let mut child = args("first.json").stdout(std::process::Stdio::null()).spawn().unwrap();
    // Wait until the big output is being written, then kill the job (SIGKILL).
    let partial = out.join("b-big.csv.out.partial");
    let deadline = Instant::now() + Duration::from_secs(120);
    while std::fs::metadata(&partial).map_or(0, |m| m.len()) < 100_000 {
        assert!(child.try_wait().unwrap().is_none(), "the job ended before it could be killed: make the input bigger");
        assert!(Instant::now() < deadline, "no progress");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!big_out.exists(), "a killed job leaves no partial .out");
    check_output(&out.join("a-small.csv.out"), &rows[..50].iter().map(|(_, p)| Want::Value(*p)).collect::<Vec<_>>());
    // The re-run skips the complete output and completes the other.
    let status = args("second.json").stdout(std::process::Stdio::null()).status().unwrap();
    assert!(status.success());
    let summary: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.path().join("second.json")).unwrap()).unwrap();
    let skipped: Vec<bool> = summary["files"].as_array().unwrap().iter().map(|f| f["skipped"].as_bool().unwrap()).collect();
    assert_eq!(skipped, [true, false]);
    assert!(!partial.exists());
    let want: Vec<Want> = rows.iter().cycle().take(600_000).map(|(_, p)| Want::Value(*p)).collect();
    check_output(&big_out, &want);
}

#[test]
fn cli_fail_mode_names_file_and_line_and_writes_nothing() {
    let rows = churn_rows();
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir.path().join("in.csv"), format!("{}\n{}\nAK,oops\n{}\n", rows[0].0, rows[1].0, rows[2].0).as_bytes());
    let out = dir.path().join("out");
    let result = mlc()
        .arg("transform")
        .arg(&bundle().1)
        .arg(&file)
        .arg("--output-dir")
        .arg(&out)
        .args(["--route-column", "1", "--on-error", "fail"])
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("in.csv: line 3: expected 19 fields (the model name and 18 features), found 2"), "{stderr}");
    assert!(!out.join("in.csv.out").exists() && !out.join("in.csv.out.partial").exists());
    // The default writes the error line and goes on.
    let result =
        mlc().arg("transform").arg(&bundle().1).arg(&file).arg("--output-dir").arg(&out).args(["--route-column", "1"]).output().unwrap();
    // ... and exits with status 3: a record failed.
    assert_eq!(result.status.code(), Some(3), "{}", String::from_utf8_lossy(&result.stderr));
    assert_eq!(std::fs::read_to_string(out.join("in.csv.out")).unwrap().lines().count(), 4);
}

#[test]
fn cli_predict_from_a_directory_goes_through_the_registry() {
    let dir = tempfile::tempdir().unwrap();
    for s in ["AK", "VT"] {
        let bytes =
            compile(&[format!("{s}={}", fixture(&format!("churn/models/states/{s}.json")).display())], &options(Target::Host, None));
        write(&dir.path().join(format!("{s}.mlc")), &bytes);
    }
    let rows: Vec<(String, f32)> = churn_rows().into_iter().filter(|(l, _)| l.starts_with("VT,")).collect();
    let input: String = rows.iter().map(|(l, _)| format!("{}\n", &l[3..])).collect();
    let file = write(&dir.path().join("vt.csv"), input.as_bytes());
    let result = mlc().arg("predict").arg(dir.path()).arg(&file).args(["--model", "VT"]).output().unwrap();
    assert!(result.status.success(), "{}", String::from_utf8_lossy(&result.stderr));
    let got: Vec<f32> = String::from_utf8(result.stdout).unwrap().lines().map(|l| l.parse().unwrap()).collect();
    assert_eq!(got, rows.iter().map(|(_, p)| *p).collect::<Vec<_>>());
    let result = mlc().arg("predict").arg(dir.path()).arg(&file).output().unwrap();
    assert!(String::from_utf8_lossy(&result.stderr).contains("--model"));
}
