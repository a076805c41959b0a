//! The `mlc` command at its edge (issue 17): a closed pipe ends it quietly, `predict` answers
//! each line as it is read, `transform` exits with a distinct status when records failed, and
//! errors say what to do. Every test runs the real binary on committed models.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use mlc_tests::{fixture, mlc_command as mlc};

/// The golden bundle of the churn models `AK`, `MT` and `TX` (float32).
fn bundle() -> PathBuf {
    fixture("golden/v1.0/churn_states.x86-64.mlc")
}

/// The int8 text model (raw text in, probability out).
fn text_model() -> PathBuf {
    fixture("golden/v1.0/imdb_cnn_mcu.cortex-m4.mlc")
}

/// Held-out churn rows of the bundle's states: `STATE,features...`.
fn churn_lines() -> Vec<String> {
    let text = std::fs::read_to_string(fixture("churn/heldout.csv")).unwrap();
    text.lines().filter(|l| ["AK,", "MT,", "TX,"].iter().any(|s| l.starts_with(s))).map(str::to_string).collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn write(path: &Path, text: &str) -> PathBuf {
    std::fs::write(path, text).unwrap();
    path.to_path_buf()
}

/// Ended as `cat` ends on a closed pipe: by SIGPIPE (or status 141).
fn ended_by_closed_pipe(status: ExitStatus) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if status.signal() == Some(13) {
            return true;
        }
    }
    status.code() == Some(141)
}

/// Runs `cmd` with its standard output a pipe whose reading end is already closed.
fn with_closed_stdout(mut cmd: Command) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    cmd.stdout(writer).stderr(Stdio::piped()).stdin(Stdio::null());
    let child = cmd.spawn().unwrap();
    drop(cmd);
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let rows = write(&dir.path().join("rows.csv"), &churn_lines().join("\n"));
    let mut commands = Vec::new();
    let mut inspect = mlc();
    inspect.arg("inspect").arg(bundle());
    commands.push(("inspect", inspect));
    let mut predict = mlc();
    predict.arg("predict").arg(bundle()).arg(&rows).args(["--route-column", "1"]);
    commands.push(("predict", predict));
    let mut transform = mlc();
    transform.arg("transform").arg(bundle()).arg(&rows).arg("--output-dir").arg(dir.path().join("out")).args(["--route-column", "1"]);
    commands.push(("transform", transform));
    let mut compile = mlc();
    compile.arg("compile").arg(fixture("churn/models/states/AK.json")).arg("-o").arg(dir.path().join("ak.mlc"));
    commands.push(("compile", compile));
    for (name, cmd) in commands {
        let out = with_closed_stdout(cmd);
        assert!(ended_by_closed_pipe(out.status), "{name}: {:?}, stderr: {}", out.status, stderr(&out));
        assert_eq!(stderr(&out), "", "{name}: nothing to say about a reader that went away");
    }
}

#[test]
fn predict_answers_each_line_as_it_is_read() {
    let lines = churn_lines();
    let expected = {
        let out = mlc().arg("predict").arg(bundle()).args(["--route-column", "1"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn();
        let mut child = out.unwrap();
        child.stdin.take().unwrap().write_all(lines[..3].join("\n").as_bytes()).unwrap();
        stdout(&child.wait_with_output().unwrap()).lines().map(str::to_string).collect::<Vec<_>>()
    };
    assert_eq!(expected.len(), 3);
    let mut child = mlc()
        .arg("predict")
        .arg(bundle())
        .args(["--route-column", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let output = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(output).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    // One row at a time, stdin left open: each answer must come before the next row is sent.
    for (line, want) in lines[..3].iter().zip(&expected) {
        writeln!(input, "{line}").unwrap();
        input.flush().unwrap();
        let got = rx.recv_timeout(Duration::from_secs(30)).expect("no answer while standard input is open");
        assert_eq!(&got, want);
    }
    drop(input);
    assert!(child.wait().unwrap().success());
}

#[test]
fn transform_exits_3_when_records_fail_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let lines = churn_lines();
    let input = write(&dir.path().join("in.csv"), &format!("{}\nAK,oops\n{}\nAK,1,2\nZZ,1\n", lines[0], lines[1]));
    let out_dir = dir.path().join("out");
    let run = |extra: &[&str]| {
        mlc()
            .arg("transform")
            .arg(bundle())
            .arg(&input)
            .arg("--output-dir")
            .arg(&out_dir)
            .args(["--route-column", "1"])
            .args(extra)
            .output()
            .unwrap()
    };
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("3 of 5 records failed"), "{}", stderr(&out));
    let summary = stdout(&out);
    assert!(summary.contains("2 × expected N fields (the model name and N features), found N"), "{summary}");
    assert!(summary.contains("1 × unknown model `…`"), "{summary}");
    assert_eq!(std::fs::read_to_string(out_dir.join("in.csv.out")).unwrap().lines().count(), 5);
    // A re-run skips the complete output, says so and how to redo it.
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(0), "nothing failed this time: {}", stderr(&out));
    assert!(stderr(&out).contains("skipped 1 input(s) whose output exists") && stderr(&out).contains("--overwrite"), "{}", stderr(&out));
    let out = run(&["--overwrite"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(!stderr(&out).contains("skipped"));
    // --max-errors stops the job at the record over the limit, and leaves no output.
    std::fs::remove_dir_all(&out_dir).unwrap();
    let out = run(&["--max-errors", "1"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("2 records failed, more than --max-errors 1: stopped at"), "{}", stderr(&out));
    assert!(stderr(&out).contains("in.csv: line 4:"), "{}", stderr(&out));
    assert!(!out_dir.join("in.csv.out").exists());
    // All good: 0.
    let good = write(&dir.path().join("good.csv"), &lines[..4].join("\n"));
    let out =
        mlc().arg("transform").arg(bundle()).arg(&good).arg("--output-dir").arg(&out_dir).args(["--route-column", "1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn transform_takes_the_content_type_from_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let reviews = write(&dir.path().join("reviews.txt"), "a wonderful, moving film\nboring and far too long\n");
    let out_dir = dir.path().join("out");
    let out = mlc().arg("transform").arg(text_model()).arg(&reviews).arg("--output-dir").arg(&out_dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let scored = std::fs::read_to_string(out_dir.join("reviews.txt.out")).unwrap();
    assert_eq!(scored.lines().filter(|l| l.parse::<f32>().is_ok()).count(), 2, "{scored}");
    // The same texts as a one-column CSV: told to use text/plain.
    let csv = write(&dir.path().join("reviews.csv"), "a wonderful film\nboring\n");
    let out = mlc().arg("transform").arg(text_model()).arg(&csv).arg("--output-dir").arg(&out_dir).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let scored = std::fs::read_to_string(out_dir.join("reviews.csv.out")).unwrap();
    assert!(scored.contains("--content-type text/plain"), "{scored}");
    // Different kinds of inputs in one job: asked to choose.
    let out =
        mlc().arg("transform").arg(text_model()).arg(&reviews).arg(&csv).arg("--output-dir").arg(dir.path().join("o2")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("give --content-type"), "{}", stderr(&out));
}

/// `mlc predict` reads LIBSVM rows (told by the extension or by `--content-type`) and JSON
/// Lines as transform does: XGBoost's predictions from reading the same file, bit for bit.
#[test]
fn predict_reads_libsvm_and_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let artifact = dir.path().join("m.mlc");
    let out = mlc().arg("compile").arg(fixture("xgboost/3.2.0/binary_logistic.json")).arg("-o").arg(&artifact).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(fixture("libsvm/rows.libsvm")).unwrap();
    let expected = mlc_tests::read_csv(&fixture("libsvm/binary_logistic.expected.csv"));
    let bits = |lines: &str| lines.lines().map(|l| l.parse::<f32>().unwrap().to_bits()).collect::<Vec<_>>();
    let want = |column: usize| expected.iter().map(|r| r[column].to_bits()).collect::<Vec<_>>();
    let by_extension = write(&dir.path().join("rows.libsvm"), &text);
    let out = mlc().arg("predict").arg(&artifact).arg(&by_extension).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(bits(&stdout(&out)), want(1));
    let named = write(&dir.path().join("rows.txt"), &text);
    let out = mlc().args(["predict", "--margin", "--content-type", "libsvm"]).arg(&artifact).arg(&named).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(bits(&stdout(&out)), want(0));
    // The first row as JSON Lines: its six features, a missing one as null.
    let first = text.lines().next().unwrap();
    let mut features = ["null"; 6].map(String::from);
    for entry in first.split_whitespace().skip(1) {
        let (index, value) = entry.split_once(':').unwrap();
        features[index.parse::<usize>().unwrap()] = value.to_string();
    }
    let jsonl = write(&dir.path().join("rows.jsonl"), &format!("{{\"features\": [{}]}}\n", features.join(", ")));
    let out = mlc().arg("predict").arg(&artifact).arg(&jsonl).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(bits(&stdout(&out)), want(1)[..1]);
    // A bad token is named with its line.
    let bad = write(&dir.path().join("bad.libsvm"), "1 0:1.5\n0 2:x\n");
    let out = mlc().arg("predict").arg(&artifact).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("line 2: ") && stderr(&out).contains("token 2: `x` is not a number"), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1, "the line before it is answered");
}

/// An XGBoost 3.1+ model trained on a DataFrame keeps its category names: `mlc predict` then
/// reads a CSV file's names (`TX`, `"Washington, D.C."`) and integer categories (area code
/// `415`) as XGBoost reads them from a DataFrame, bit for bit; an unknown one is an error
/// naming it, as XGBoost's.
#[test]
fn category_names_in_csv_match_xgboost_on_a_data_frame() {
    let dir = tempfile::tempdir().unwrap();
    let expected = mlc_tests::read_csv(&fixture("xgboost_categorical/3.2.0/named.expected.csv"));
    let inputs = fixture("xgboost_categorical/3.2.0/named_inputs.csv");
    let bits = |lines: &str| lines.lines().map(|l| l.parse::<f32>().unwrap().to_bits()).collect::<Vec<_>>();
    for source in ["named.json", "named.ubj"] {
        let artifact = dir.path().join("named.mlc");
        let out =
            mlc().arg("compile").arg(fixture(&format!("xgboost_categorical/3.2.0/{source}"))).arg("-o").arg(&artifact).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        for (margin, column) in [(false, 1), (true, 0)] {
            let mut cmd = mlc();
            cmd.arg("predict").arg("--header").arg(&artifact).arg(&inputs);
            if margin {
                cmd.arg("--margin");
            }
            let out = cmd.output().unwrap();
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
            assert_eq!(bits(&stdout(&out)), expected.iter().map(|r| r[column].to_bits()).collect::<Vec<_>>(), "{source} margin {margin}");
        }
        let inspect = stdout(&mlc().arg("inspect").arg(&artifact).output().unwrap());
        assert!(inspect.contains("category  state: AK, CA, NY, TX, WY, Washington, D.C., say \"hi\""), "{inspect}");
    }
    let bad = write(&dir.path().join("bad.csv"), "state,minutes,plan,area_code,calls\nTX,100,pro,415,2\nOR,100,pro,415,2\n");
    let out = mlc().arg("predict").arg("--header").arg(dir.path().join("named.mlc")).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("line 3: column 1: `OR` is neither a number nor a category the model knows (AK, CA, NY, TX"), "{err}");
    assert_eq!(stdout(&out).lines().count(), 1);
}

/// A `gblinear` model (here XGBoost 0.90's pickled three-class booster, the oldest form) compiles
/// to a linear model that `mlc inspect` describes and `mlc predict` runs as XGBoost does.
#[test]
fn a_linear_model_compiles_and_predicts_as_xgboost() {
    let dir = tempfile::tempdir().unwrap();
    let artifact = dir.path().join("linear.mlc");
    let out = mlc().arg("compile").arg(fixture("xgboost_linear/0.90/multi_softprob.pkl")).arg("-o").arg(&artifact).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("multi_softprob: linear model, 8 features × 3 groups"), "{}", stdout(&out));
    let inspect = stdout(&mlc().arg("inspect").arg(&artifact).output().unwrap());
    assert!(inspect.contains("outputs   3 value(s): Softmax of 3 margin(s)") && inspect.contains("linear-weights"), "{inspect}");
    let expected = mlc_tests::read_csv(&fixture("xgboost_linear/0.90/multi_softprob.expected.csv"));
    let inputs = fixture("xgboost_linear/0.90/inputs.csv");
    for (margin, columns) in [(false, 3..6), (true, 0..3)] {
        let mut cmd = mlc();
        cmd.arg("predict").arg(&artifact).arg(&inputs);
        if margin {
            cmd.arg("--margin");
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let got: Vec<Vec<u32>> =
            stdout(&out).lines().map(|l| l.split(',').map(|v| v.parse::<f32>().unwrap().to_bits()).collect()).collect();
        let want: Vec<Vec<u32>> = expected.iter().map(|r| r[columns.clone()].iter().map(|v| v.to_bits()).collect()).collect();
        assert_eq!(got, want, "margin {margin}");
    }
}

#[test]
fn a_model_that_is_not_an_artifact_is_named_and_the_way_out_given() {
    let dir = tempfile::tempdir().unwrap();
    let rows = write(&dir.path().join("rows.csv"), "1,2\n");
    for model in [
        fixture("churn/models/states/AK.json"),
        fixture("xgboost/1.7.6/binary_logistic.ubj"),
        fixture("sentiment/imdb_cnn"),
        fixture("xgboost_pickle/3.2.0/binary_logistic.pkl"),
    ] {
        let out = mlc().arg("predict").arg(&model).arg(&rows).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(err.contains("not an mlc artifact") && err.contains("mlc compile"), "{}: {err}", model.display());
        assert!(!err.contains("bad magic") && !err.contains("0 models"), "{err}");
    }
    let out = mlc().arg("predict").arg(fixture("sentiment/imdb_cnn")).arg(&rows).output().unwrap();
    assert!(stderr(&out).contains("is a Keras export directory"), "{}", stderr(&out));
    // Data given to compile is named as such; a damaged archive by what is wrong with it.
    let gz = dir.path().join("model.tar.gz");
    std::fs::write(&gz, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]).unwrap();
    for (file, what) in [(&gz, "model.tar.gz: a malformed tar archive"), (&rows, "is a CSV file, not a model")] {
        let out = mlc().arg("compile").arg(file).arg("-o").arg(dir.path().join("x.mlc")).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains(what), "{}", stderr(&out));
    }
}

/// SageMaker's model.tar.gz compiles as it is (the model `model`, its source named
/// `ARCHIVE:MEMBER`); given to `predict`, it is named with the way out.
#[test]
fn sagemaker_model_archives_compile_as_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let archive = fixture("xgboost_pickle/1.0.2/model.tar.gz");
    let rows = write(&dir.path().join("rows.csv"), "0.5,,-1,2,0,0.25\n");
    let out = mlc().arg("predict").arg(&archive).arg(&rows).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("is a compressed file (gzip or zlib)") && err.contains("mlc compile"), "{err}");
    let artifact = dir.path().join("m.mlc");
    let out = mlc().arg("compile").arg(&archive).arg("-o").arg(&artifact).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let inspect = stdout(&mlc().arg("inspect").arg(&artifact).output().unwrap());
    assert!(inspect.contains("model.tar.gz:xgboost-model"), "{inspect}");
    let out = mlc().arg("predict").arg(&artifact).arg("--model").arg("model").arg(&rows).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let p: f32 = stdout(&out).trim().parse().unwrap();
    assert!((0.0..=1.0).contains(&p), "{p}");
}

#[test]
fn unknown_model_names_suggest_the_closest() {
    let dir = tempfile::tempdir().unwrap();
    let rows = write(&dir.path().join("rows.csv"), &churn_lines()[0][3..]);
    let out = mlc().arg("predict").arg(bundle()).arg(&rows).args(["--model", "ak"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("no model named `ak`; did you mean `AK`?"), "{err}");
    // The file is named once.
    assert_eq!(err.matches("churn_states.x86-64.mlc").count(), 1, "{err}");
    let out = mlc().arg("inspect").arg(bundle()).args(["--model", "tx"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no model named `tx`; did you mean `TX`?"), "{}", stderr(&out));
    let out = mlc().arg("predict").arg(bundle()).arg(&rows).output().unwrap();
    let err = stderr(&out);
    assert!(err.contains("3 models here; choose one with --model"), "{err}");
    assert_eq!(err.matches("churn_states.x86-64.mlc").count(), 1, "{err}");
}

#[test]
fn compile_help_and_warnings_guide() {
    let help = stdout(&mlc().args(["compile", "--help"]).output().unwrap());
    assert!(help.contains("Keras export directory"), "{help}");
    assert!(help.contains("int8"), "{help}");
    let dir = tempfile::tempdir().unwrap();
    let out = mlc()
        .arg("compile")
        .arg(fixture("churn/models/states/AK.json"))
        .arg("-o")
        .arg(dir.path().join("ak.mlc"))
        .args(["--target", "cortex-m3", "--flash-budget", "1"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("more than the 1 KB of flash") && stderr(&out).contains("--flash-budget"), "{}", stderr(&out));
    let out = mlc()
        .arg("compile")
        .arg(fixture("churn/models/states/AK.json"))
        .arg("-o")
        .arg(dir.path().join("ak.mlc"))
        .args(["--target", "cortex-m3"])
        .output()
        .unwrap();
    assert!(!stderr(&out).contains("flash"), "a small model fits: {}", stderr(&out));
}

#[test]
fn inspect_says_inputs_in_words() {
    let out = mlc().arg("inspect").arg(text_model()).output().unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.contains("inputs    raw text, one per line (tokenized inside: lowercased, punctuation stripped), or 400 token ids"),
        "{text}"
    );
    assert!(!text.contains("TokenIds"), "{text}");
}

#[test]
fn a_header_is_skipped_and_ids_pass_through() {
    let dir = tempfile::tempdir().unwrap();
    let lines = churn_lines();
    // `STATE,ID,features...` under a header.
    let names: Vec<String> = std::fs::read_to_string(fixture("churn/feature_names.txt")).unwrap().lines().map(str::to_string).collect();
    let mut text = format!("state,customer,{}\n", names.join(","));
    for (i, line) in lines[..5].iter().enumerate() {
        let (state, features) = line.split_once(',').unwrap();
        text += &format!("{state},\"cust,{i}\",{features}\n");
    }
    text += "AK,cust-bad,1,2\n";
    let input = write(&dir.path().join("scored.csv"), &text);
    let out_dir = dir.path().join("out");
    let out = mlc()
        .arg("transform")
        .arg(bundle())
        .arg(&input)
        .arg("--output-dir")
        .arg(&out_dir)
        .args(["--route-column", "1", "--id-column", "2", "--header"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "the last row is bad: {}", stderr(&out));
    // The answers without ids, from predict on the plain rows.
    let plain = write(&dir.path().join("plain.csv"), &lines[..5].join("\n"));
    let want: Vec<f32> = stdout(&mlc().arg("predict").arg(bundle()).arg(&plain).args(["--route-column", "1"]).output().unwrap())
        .lines()
        .map(|l| l.parse().unwrap())
        .collect();
    let scored = std::fs::read_to_string(out_dir.join("scored.csv.out")).unwrap();
    let got: Vec<serde_json::Value> = scored.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(got.len(), 6, "one line per record, none for the header: {scored}");
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g["id"], format!("cust,{i}"));
        assert_eq!(g["prediction"].as_f64().unwrap() as f32, *w);
    }
    assert_eq!(got[5]["id"], "cust-bad");
    assert_eq!(got[5]["line"], 7, "lines count the header");
    assert!(got[5]["error"].as_str().unwrap().starts_with("expected 20 fields (the model name, the id and 18 features)"), "{}", got[5]);
    // predict prints `ID,VALUES`.
    let out =
        mlc().arg("predict").arg(bundle()).arg(&input).args(["--route-column", "1", "--id-column", "2", "--header"]).output().unwrap();
    let printed = stdout(&out);
    assert_eq!(printed.lines().next().unwrap(), format!("\"cust,0\",{:?}", want[0]), "{printed}");
    assert_eq!(printed.lines().count(), 5);
}

#[test]
fn bench_takes_locust_options_and_repeats() {
    let out = mlc()
        .arg("bench")
        .arg(bundle())
        .args(["--model", "AK", "-u", "1", "-r", "100", "-t", "200ms", "--repeat", "2"])
        .args(["--target-invocations-per-min", "1000", "--latency-slo-ms", "1000"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("over 2 repeats: median [smallest – largest]"), "{text}");
    assert!(text.contains("capacity planned from the slowest of 2 repeats"), "{text}");
    // A tree model answers in microseconds: printed as such, not as 0.00x ms.
    assert!(text.contains(" µs"), "{text}");
    let out = mlc().arg("bench").arg(bundle()).args(["--model", "AK", "-t", "soon"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is not a duration (e.g. `30s`, `500ms`, `2m`)"), "{}", stderr(&out));
}

/// The pixel bytes of a PNG file (its IDAT chunks inflated; filter bytes included).
fn png_pixels(png: &[u8]) -> Vec<u8> {
    use std::io::Read;
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let (mut at, mut idat) = (8, Vec::new());
    while at + 8 <= png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
        if &png[at + 4..at + 8] == b"IDAT" {
            idat.extend_from_slice(&png[at + 8..at + 8 + len]);
        }
        at += 12 + len;
    }
    let mut pixels = Vec::new();
    flate2::read::ZlibDecoder::new(&idat[..]).read_to_end(&mut pixels).unwrap();
    pixels
}

#[test]
fn the_bench_plot_renders_to_a_picture_that_is_not_blank() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("bench.svg");
    let out = mlc()
        .arg("bench")
        .arg(bundle())
        .args(["--model", "AK", "-t", "150ms", "--sweep", "threads=1,2", "batch=1,4"])
        .args(["--target-invocations-per-min", "1000", "--latency-slo-ms", "0.5", "--plot"])
        .arg(&svg)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&svg).unwrap();
    // Batch sizes differ: throughput in records per second; p50/p99 and the SLO are marked.
    assert!(text.contains("records per second"), "{text}");
    assert_eq!(text.matches(r#"data-name="p50""#).count(), 4);
    assert!(text.contains(r#"data-name="slo""#));
    let png = dir.path().join("bench.png");
    let rendered = Command::new("rsvg-convert").arg("-o").arg(&png).arg(&svg).status();
    let rendered = rendered.expect("rsvg-convert (Debian's librsvg2-bin; scripts/setup-toolchains.sh installs it)");
    assert!(rendered.success(), "rsvg-convert failed on the plot");
    let pixels = png_pixels(&std::fs::read(&png).unwrap());
    let mut seen = [false; 256];
    pixels.iter().for_each(|&b| seen[b as usize] = true);
    let distinct = seen.iter().filter(|&&s| s).count();
    assert!(distinct > 32, "the rendered plot is blank ({distinct} distinct byte values)");
    assert!(pixels.len() > 100_000, "a picture of the plot's size");
}

#[test]
fn sagemaker_filters_and_join_keep_a_scored_file_keyed() {
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = churn_lines().into_iter().take(4).collect();
    // `ID,STATE,features...`: the id is not an input; the state routes.
    let keyed: String = lines.iter().enumerate().map(|(i, l)| format!("key-{i},{l}\n")).collect();
    let input = write(&dir.path().join("keyed.csv"), &keyed);
    let plain = write(&dir.path().join("plain.csv"), &lines.join("\n"));
    let want: Vec<String> = stdout(&mlc().arg("predict").arg(bundle()).arg(&plain).args(["--route-column", "1"]).output().unwrap())
        .lines()
        .map(str::to_string)
        .collect();
    let transform = |out: &str, extra: &[&str]| {
        let out_dir = dir.path().join(out);
        let result = mlc().arg("transform").arg(bundle()).arg(&input).arg("--output-dir").arg(&out_dir).args(extra).output().unwrap();
        assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
        std::fs::read_to_string(out_dir.join("keyed.csv.out")).unwrap()
    };
    let got = transform("a", &["--route-column", "1", "--input-filter", "$[1:]", "--join-source", "input", "--output-filter", "$[0,-1]"]);
    let expected: Vec<String> = want.iter().enumerate().map(|(i, p)| format!("key-{i},{p}")).collect();
    assert_eq!(got.lines().collect::<Vec<_>>(), expected);
    // Joined without a filter: the whole input line, then the prediction.
    let got = transform("b", &["--route-column", "1", "--input-filter", "$[1:]", "--join-source", "input"]);
    for ((g, l), (i, p)) in got.lines().zip(&lines).zip(want.iter().enumerate()) {
        assert_eq!(g, format!("key-{i},{l},{p}"));
    }
    // JSON Lines: the features under `data`, the id kept by the output filter.
    let jsonl: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| format!("{{\"id\": \"key-{i}\", \"data\": {{\"model\": \"{}\", \"features\": [{}]}}}}\n", &l[..2], &l[3..]))
        .collect();
    let json_in = write(&dir.path().join("keyed.jsonl"), &jsonl);
    let out_dir = dir.path().join("c");
    let result = mlc()
        .arg("transform")
        .arg(bundle())
        .arg(&json_in)
        .arg("--output-dir")
        .arg(&out_dir)
        .args(["--input-filter", "$.data", "--join-source", "input", "--output-filter", "$['id','SageMakerOutput']"])
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    let got = std::fs::read_to_string(out_dir.join("keyed.jsonl.out")).unwrap();
    for (i, (g, p)) in got.lines().zip(&want).enumerate() {
        let v: serde_json::Value = serde_json::from_str(g).unwrap();
        assert_eq!(v["id"], format!("key-{i}"));
        assert_eq!(v["SageMakerOutput"].as_f64().unwrap() as f32, p.parse::<f32>().unwrap());
        assert_eq!(v.as_object().unwrap().len(), 2, "{g}");
    }
    // A filter of the wrong kind is refused by name.
    let result = mlc()
        .arg("transform")
        .arg(bundle())
        .arg(&json_in)
        .arg("--output-dir")
        .arg(dir.path().join("d"))
        .args(["--input-filter", "$[1:]"])
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    assert!(stderr(&result).contains("JSON Lines records are filtered by fields"), "{}", stderr(&result));
}

/// Format 1.2 keeps XGBoost's `feature_names`: `inspect` shows them, and under `--header` the
/// columns are read by name, in any order; a header that names other columns is an error
/// naming the file, line 1 and the names. Without names (a 1.0 artifact) columns go by position.
#[test]
fn feature_names_map_header_columns_by_name() {
    let named = fixture("golden/v1.2/churn_states.x86-64.mlc");
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = std::fs::read_to_string(fixture("churn/feature_names.txt")).unwrap().lines().map(str::to_string).collect();
    assert_eq!(names.len(), 18);

    let out = mlc().arg("inspect").arg(&named).args(["--model", "MT"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(&format!("  names     {}\n", names.join(","))), "{}", stdout(&out));
    assert!(stdout(&out).contains("feature-names"), "{}", stdout(&out));
    assert!(stdout(&out).contains("format    1.2,"), "{}", stdout(&out));

    let rows: Vec<Vec<String>> =
        churn_lines().iter().filter(|l| l.starts_with("MT,")).map(|l| l.split(',').skip(1).map(str::to_string).collect()).collect();
    assert!(rows.len() > 10);
    // Columns in another order: reversed, with the first two swapped back.
    let mut order: Vec<usize> = (0..18).rev().collect();
    order.swap(0, 1);
    let csv = |header: &[String], order: &[usize], prefix: &dyn Fn(usize) -> String| {
        let mut text = String::new();
        if !header.is_empty() {
            text += &(prefix(usize::MAX) + &order.iter().map(|&i| header[i].as_str()).collect::<Vec<_>>().join(",") + "\n");
        }
        for (k, row) in rows.iter().enumerate() {
            text += &(prefix(k) + &order.iter().map(|&i| row[i].as_str()).collect::<Vec<_>>().join(",") + "\n");
        }
        text
    };
    let identity: Vec<usize> = (0..18).collect();
    let positional = write(&dir.path().join("positional.csv"), &csv(&[], &identity, &|_| String::new()));
    let shuffled = write(&dir.path().join("shuffled.csv"), &csv(&names, &order, &|_| String::new()));
    let predict =
        |file: &Path, extra: &[&str]| mlc().arg("predict").arg(&named).args(["--model", "MT"]).args(extra).arg(file).output().unwrap();
    let want = predict(&positional, &[]);
    assert!(want.status.success(), "{}", stderr(&want));
    let got = predict(&shuffled, &["--header"]);
    assert!(got.status.success(), "{}", stderr(&got));
    assert_eq!(stdout(&got), stdout(&want), "by name in any order = by position in the model's order");
    assert_eq!(stdout(&got).lines().count(), rows.len());

    // Routed, with ids, through transform and predict: the same answers.
    let routed = |k: usize| if k == usize::MAX { "state,id,".to_string() } else { format!("MT,c{k},") };
    let routed_file = write(&dir.path().join("routed.csv"), &csv(&names, &order, &routed));
    let out_dir = dir.path().join("out");
    let out = mlc()
        .arg("transform")
        .arg(&named)
        .arg(&routed_file)
        .arg("--output-dir")
        .arg(&out_dir)
        .args(["--route-column", "1", "--id-column", "2", "--header"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let scored = std::fs::read_to_string(out_dir.join("routed.csv.out")).unwrap();
    let want: Vec<f32> = stdout(&want).lines().map(|l| l.parse().unwrap()).collect();
    for (k, (line, w)) in scored.lines().zip(&want).enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["id"], format!("c{k}"));
        assert_eq!(v["prediction"].as_f64().unwrap() as f32, *w, "{line}");
    }

    // A misspelt column: an error naming the file, line 1, the unknown and the missing name.
    let mut bad_names = names.clone();
    bad_names[0] = "accnt_length".into();
    let bad = write(&dir.path().join("bad.csv"), &csv(&bad_names, &identity, &|_| String::new()));
    let out = predict(&bad, &["--header"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty(), "no row is answered: {}", stdout(&out));
    let message = stderr(&out);
    assert!(message.contains("bad.csv: line 1: the columns' names are not the model's feature names"), "{message}");
    assert!(message.contains("unknown column `accnt_length`; missing feature `account_length`"), "{message}");
    // In transform every record of that file fails with the header's error.
    let out =
        mlc().arg("transform").arg(&named).arg(&bad).args(["--model", "MT", "--header", "--output-dir"]).arg(&out_dir).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let first = std::fs::read_to_string(out_dir.join("bad.csv.out")).unwrap();
    assert!(
        first
            .lines()
            .next()
            .unwrap()
            .contains("line 1: the columns' names are not the model's feature names: unknown column `accnt_length`"),
        "{first}"
    );

    // A 1.0 artifact has no names: the header is skipped and columns go by position.
    let out = mlc().arg("predict").arg(bundle()).args(["--model", "MT", "--header"]).arg(&bad).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), rows.len());
}

/// The Cortex-M4 build of the text model (int8 convolution, embedding not folded) scores the
/// first 40 test reviews identically (a debug build of `mlc` takes seconds per pass), bit for bit, on every path of the int8 kernels this machine
/// has: portable (`MLC_NO_SIMD`), AVX2 at most (`MLC_NO_AVX512`) and the CPU's best.
#[test]
fn int8_convolution_paths_score_reviews_identically() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("sentiment/reviews.txt")).unwrap();
    let reviews = write(&dir.path().join("reviews.txt"), &text.lines().take(40).map(|l| format!("{l}\n")).collect::<String>());
    let mut outputs = Vec::new();
    for (i, (var, value)) in [("MLC_NO_SIMD", "1"), ("MLC_NO_AVX512", "1"), ("MLC_NO_SIMD", "0")].into_iter().enumerate() {
        let out_dir = dir.path().join(format!("out{i}"));
        let out = mlc()
            .env_remove("MLC_NO_SIMD")
            .env_remove("MLC_NO_AVX512")
            .env(var, value)
            .arg("transform")
            .arg(text_model())
            .arg(&reviews)
            .arg("--output-dir")
            .arg(&out_dir)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        outputs.push(std::fs::read_to_string(out_dir.join("reviews.txt.out")).unwrap());
    }
    assert_eq!(outputs[0].lines().filter(|l| l.parse::<f32>().is_ok()).count(), 40, "{}", outputs[0]);
    assert_eq!(outputs[0], outputs[1], "portable vs AVX2");
    assert_eq!(outputs[0], outputs[2], "portable vs the CPU's best");
}
