//! `mlc serve` end to end: the real binary on a loopback port, spoken to over raw HTTP/1.1.
//!
//! * Answers equal `mlc predict`'s bit for bit: every committed churn state model (the 51-model
//!   bundle, routed by the SageMaker target-model header, by a JSON record's `model`, and by the
//!   OIP model name) and the sentiment model (raw text and token ids), over both protocols,
//!   JSON and binary.
//! * Every kind of bad request gets a 4xx with `{"error": ...}` naming what was wrong, and the
//!   server goes on serving; a missing or corrupted model file is a 5xx for that model only.
//! * Limits and faults: oversize bodies (413), stalled clients (408, closed connections; they
//!   hold no worker), a full server (503 with Retry-After), keep-alive and pipelining, SIGTERM
//!   during load (drains, exits 0); many clients over many models under a small memory budget
//!   (constant eviction): every answer right, no 5xx.
//!
//! Servers listen on 127.0.0.1 only; every request has a timeout; every server is stopped by
//! its test (or killed when its handle is dropped).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use mlc_compiler::Target;
use mlc_host::Registry;
use mlc_runtime::{Scratch, ScratchBuf};
use mlc_tests::{churn_state_specs, compile, fixture, mlc_command, options, reviews};
use serde_json::{json, Value};

/// How long any one request may take before the test fails.
const IO_TIMEOUT: Duration = Duration::from_secs(30);

// ---------------------------------------------------------------------------------------------
// Fixtures

/// A directory that lives as long as the test process, with the 51-state bundle `states.mlc`
/// and the sentiment model `imdb.mlc`.
fn models() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let bundle = compile(&churn_state_specs(), &options(Target::Host, None));
        std::fs::write(dir.path().join("states.mlc"), bundle.as_slice()).unwrap();
        let imdb = compile(&[format!("imdb={}", fixture("sentiment/imdb_cnn_mcu").display())], &options(Target::Host, None));
        std::fs::write(dir.path().join("imdb.mlc"), imdb.as_slice()).unwrap();
        dir
    })
    .path()
}

fn bundle() -> PathBuf {
    models().join("states.mlc")
}

fn imdb() -> PathBuf {
    models().join("imdb.mlc")
}

/// The held-out churn rows: (state, the CSV features as written).
fn churn_rows() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(fixture("churn/heldout.csv")).unwrap();
    text.lines().map(|l| l.split_once(',').map(|(s, f)| (s.to_string(), f.to_string())).unwrap()).collect()
}

/// `mlc predict SOURCE ARGS...` on `input`: one row of values per line.
fn mlc_predict(source: &Path, args: &[&str], input: &[u8]) -> Vec<Vec<f32>> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("input");
    std::fs::write(&file, input).unwrap();
    let out = mlc_command().arg("predict").arg(source).args(args).arg(&file).output().unwrap();
    assert!(out.status.success(), "mlc predict: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| l.split(',').map(|v| v.parse().unwrap()).collect()).collect()
}

/// The expected churn answer of every held-out row, by `mlc predict` with its state's model.
fn churn_expected() -> &'static Vec<(String, String, f32)> {
    static EXPECTED: OnceLock<Vec<(String, String, f32)>> = OnceLock::new();
    EXPECTED.get_or_init(|| {
        let rows = churn_rows();
        let mut states: Vec<&str> = rows.iter().map(|(s, _)| s.as_str()).collect();
        states.sort();
        states.dedup();
        assert_eq!(states.len(), 51, "every state has held-out rows");
        let mut expected = Vec::new();
        for state in states {
            let mine: Vec<&(String, String)> = rows.iter().filter(|(s, _)| s == state).collect();
            let input: String = mine.iter().map(|(_, f)| format!("{f}\n")).collect();
            let answers = mlc_predict(&bundle(), &["--model", state], input.as_bytes());
            assert_eq!(answers.len(), mine.len());
            expected.extend(mine.iter().zip(answers).map(|((s, f), a)| (s.clone(), f.clone(), a[0])));
        }
        expected
    })
}

/// Token ids of each committed review, from the model's own tokenizer.
fn review_ids() -> Vec<Vec<u32>> {
    let registry = Registry::open(imdb(), u64::MAX).unwrap();
    let handle = registry.get("imdb").unwrap();
    let model = handle.model();
    let mut buf = ScratchBuf::new();
    reviews()
        .iter()
        .map(|r| {
            let mut scratch: Scratch<'_> = buf.for_model(model);
            model.tokenize(r, &mut scratch).unwrap().to_vec()
        })
        .collect()
}

fn assert_bits(got: &[f32], want: &[f32], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: {} answers, {} expected", got.len(), want.len());
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(g.to_bits(), w.to_bits(), "{what}: answer {i}: {g} != {w} (mlc predict)");
    }
}

// ---------------------------------------------------------------------------------------------
// A server and a small HTTP client

/// A running `mlc serve`; killed if dropped unstopped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    /// Starts `mlc serve SOURCE --listen 127.0.0.1:0 ARGS...` and reads the address it bound.
    fn start(source: &Path, args: &[&str]) -> Server {
        let mut child = mlc_command()
            .arg("serve")
            .arg(source)
            .args(["--listen", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let addr = line.split("http://").nth(1).and_then(|rest| rest.split_whitespace().next()).map(|a| a.parse().unwrap());
        let Some(addr) = addr else {
            let _ = child.kill();
            let mut err = String::new();
            child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
            panic!("mlc serve printed {line:?}: {err}");
        };
        Server { child, addr }
    }

    /// Sends SIGTERM and waits (at most `limit`) for the exit; returns the status and stderr.
    fn terminate(mut self, limit: Duration) -> (std::process::ExitStatus, String) {
        let pid = self.child.id().to_string();
        assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                let mut err = String::new();
                self.child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
                return (status, err);
            }
            assert!(start.elapsed() < limit, "mlc serve still running {limit:?} after SIGTERM");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
        Conn::open(self.addr).send(method, path, headers, body).unwrap()
    }

    fn get(&self, path: &str) -> Response {
        self.request("GET", path, &[], b"")
    }

    fn post_json(&self, path: &str, body: &Value) -> Response {
        self.request("POST", path, &[("Content-Type", "application/json")], body.to_string().as_bytes())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A response.
#[derive(Debug)]
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }

    /// The message of an error answer, checked to be `{"error": "..."}`.
    fn error(&self) -> String {
        let value = self.json();
        let object = value.as_object().unwrap_or_else(|| panic!("not an object: {value}"));
        assert_eq!(object.len(), 1, "{value}");
        object["error"].as_str().unwrap().to_string()
    }

    /// Values of a CSV or JSON Lines answer (one record per line; a number or an array).
    fn lines(&self) -> Vec<f32> {
        self.text()
            .lines()
            .map(|l| match serde_json::from_str::<Value>(l) {
                Ok(Value::Number(n)) => n.as_f64().unwrap() as f32,
                _ => l.parse().unwrap_or_else(|_| panic!("not a value: {l}")),
            })
            .collect()
    }

    /// The values of OIP output `name`, JSON or binary.
    fn oip_output(&self, name: &str) -> Vec<f32> {
        assert_eq!(self.status, 200, "{}", self.text());
        let json_len = self.header("inference-header-content-length").map(|l| l.parse::<usize>().unwrap());
        let head: Value = serde_json::from_slice(&self.body[..json_len.unwrap_or(self.body.len())]).unwrap();
        let mut offset = json_len.unwrap_or(0);
        for output in head["outputs"].as_array().unwrap() {
            let size = output["parameters"]["binary_data_size"].as_u64().map(|s| s as usize);
            if output["name"] == name {
                assert_eq!(output["datatype"], "FP32");
                return match size {
                    Some(size) => {
                        self.body[offset..offset + size].chunks_exact(4).map(|b| f32::from_le_bytes(b.try_into().unwrap())).collect()
                    }
                    None => output["data"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap() as f32).collect(),
                };
            }
            offset += size.unwrap_or(0);
        }
        panic!("no output {name}: {head}");
    }
}

/// One keep-alive connection.
struct Conn {
    reader: BufReader<TcpStream>,
}

impl Conn {
    fn open(addr: SocketAddr) -> Conn {
        let stream = TcpStream::connect_timeout(&addr, IO_TIMEOUT).unwrap();
        stream.set_read_timeout(Some(IO_TIMEOUT)).unwrap();
        stream.set_write_timeout(Some(IO_TIMEOUT)).unwrap();
        Conn { reader: BufReader::new(stream) }
    }

    fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.reader.get_mut().write_all(bytes)
    }

    fn send(&mut self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> std::io::Result<Response> {
        self.write(&request_bytes(method, path, headers, body))?;
        self.read()
    }

    /// Reads one response (the server always sends `Content-Length`).
    fn read(&mut self) -> std::io::Result<Response> {
        let mut line = String::new();
        if self.reader.read_line(&mut line)? == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "connection closed"));
        }
        let status = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("status line {line:?}"));
        let mut headers = Vec::new();
        loop {
            line.clear();
            self.reader.read_line(&mut line)?;
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            let (name, value) = line.split_once(':').unwrap();
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
        let len = headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("content-length")).map_or(0, |(_, v)| v.parse().unwrap());
        let mut body = vec![0; len];
        self.reader.read_exact(&mut body)?;
        Ok(Response { status, headers, body })
    }

    /// Whether the server closed the connection (reading gives end of file, or a reset).
    fn closed(&mut self) -> bool {
        let mut byte = [0];
        matches!(self.reader.read(&mut byte), Ok(0) | Err(_))
    }
}

fn request_bytes(method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {}\r\n", body.len());
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    out
}

/// An OIP request with one binary input: the JSON header, then the bytes; its headers.
fn binary_infer(input: &str, datatype: &str, shape: &[usize], bytes: &[u8], outputs: &[&str]) -> (Vec<u8>, String) {
    let mut head = json!({"inputs": [{"name": input, "datatype": datatype, "shape": shape,
                                      "parameters": {"binary_data_size": bytes.len()}}]});
    if outputs.is_empty() {
        head["parameters"] = json!({"binary_data_output": true});
    } else {
        head["outputs"] = outputs.iter().map(|o| json!({"name": o, "parameters": {"binary_data": true}})).collect();
    }
    let head = head.to_string();
    let mut body = head.clone().into_bytes();
    body.extend_from_slice(bytes);
    (body, head.len().to_string())
}

fn post_binary(server: &Server, path: &str, (body, len): &(Vec<u8>, String)) -> Response {
    server.request("POST", path, &[("Content-Type", "application/octet-stream"), ("Inference-Header-Content-Length", len)], body)
}

fn floats(row: &str) -> Vec<f32> {
    row.split(',').map(|f| mlc_host::records::parse_field(f.as_bytes()).unwrap()).collect()
}

/// A row's features as JSON numbers (from their text; empty = null).
fn json_row(row: &str) -> String {
    row.split(',').map(|f| if f.is_empty() { "null" } else { f }).collect::<Vec<_>>().join(",")
}

// ---------------------------------------------------------------------------------------------
// Answers

#[test]
fn every_churn_state_over_both_protocols_equals_mlc_predict() {
    let expected = churn_expected();
    let server = Server::start(&bundle(), &["--workers", "2"]);
    let mut conn = Conn::open(server.addr);
    let mut states: Vec<&str> = expected.iter().map(|(s, _, _)| s.as_str()).collect();
    states.dedup();
    states.sort();
    states.dedup();
    for state in states {
        let rows: Vec<&(String, String, f32)> = expected.iter().filter(|(s, _, _)| s == state).collect();
        let want: Vec<f32> = rows.iter().map(|r| r.2).collect();
        // SageMaker, CSV, routed by the target-model header (several records a request).
        let csv: String = rows.iter().map(|(_, f, _)| format!("{f}\n")).collect();
        let headers = [("Content-Type", "text/csv"), ("X-Amzn-SageMaker-Target-Model", state)];
        let r = conn.send("POST", "/invocations", &headers, csv.as_bytes()).unwrap();
        assert_eq!((r.status, r.header("content-type")), (200, Some("text/csv")), "{}", r.text());
        assert_bits(&r.lines(), &want, &format!("{state}: SageMaker CSV"));
        // boto3's runtime path and the multi-model invoke path, JSON Lines out.
        let headers = [("Content-Type", "text/csv"), ("Accept", "application/jsonlines"), ("X-Amzn-SageMaker-Target-Model", state)];
        let r = conn.send("POST", "/endpoints/churn/invocations", &headers, csv.as_bytes()).unwrap();
        assert_bits(&r.lines(), &want, &format!("{state}: /endpoints/.../invocations"));
        let r = conn.send("POST", &format!("/models/{state}/invoke"), &[("Content-Type", "text/csv")], csv.as_bytes()).unwrap();
        assert_bits(&r.lines(), &want, &format!("{state}: /models/{{name}}/invoke"));
        // OIP, JSON numbers from their text.
        let data: Vec<String> = rows.iter().map(|(_, f, _)| format!("[{}]", json_row(f))).collect();
        let body = format!(
            r#"{{"id": "{state}", "inputs": [{{"name": "features", "datatype": "FP32", "shape": [{}, 18], "data": [{}]}}]}}"#,
            rows.len(),
            data.join(",")
        );
        let r = conn.send("POST", &format!("/v2/models/{state}/infer"), &[("Content-Type", "application/json")], body.as_bytes()).unwrap();
        assert_eq!(r.json()["id"], state);
        assert_bits(&r.oip_output("predictions"), &want, &format!("{state}: OIP JSON"));
        // OIP, binary FP32 in and out (what tritonclient sends by default), and FP64.
        let values: Vec<f32> = rows.iter().flat_map(|(_, f, _)| floats(f)).collect();
        let fp32: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        let request = binary_infer("features", "FP32", &[rows.len(), 18], &fp32, &[]);
        let r = post_binary(&server, &format!("/v2/models/{state}/versions/1/infer"), &request);
        assert_eq!(r.header("content-type"), Some("application/octet-stream"));
        assert_bits(&r.oip_output("predictions"), &want, &format!("{state}: OIP binary"));
        let fp64: Vec<u8> = values.iter().flat_map(|v| (*v as f64).to_le_bytes()).collect();
        let r = post_binary(
            &server,
            &format!("/v2/models/{state}/infer"),
            &binary_infer("features", "FP64", &[rows.len(), 18], &fp64, &["predictions"]),
        );
        assert_bits(&r.oip_output("predictions"), &want, &format!("{state}: OIP FP64"));
    }
    // JSON Lines records name their own models: every held-out row in one request.
    let body: String = expected.iter().map(|(s, f, _)| format!("{{\"model\": \"{s}\", \"features\": [{}]}}\n", json_row(f))).collect();
    let r = conn.send("POST", "/invocations", &[("Content-Type", "application/jsonlines")], body.as_bytes()).unwrap();
    assert_eq!(r.header("content-type"), Some("application/jsonlines"));
    assert_bits(&r.lines(), &expected.iter().map(|e| e.2).collect::<Vec<_>>(), "JSON Lines routed by `model`");
    // application/json: one record, answered as {"predictions": [...]}.
    let (state, row, want) = &expected[0];
    let body = format!("{{\n  \"features\": [{}]\n}}", json_row(row));
    let r = conn
        .send("POST", "/invocations", &[("Content-Type", "application/json"), ("X-Amzn-SageMaker-Target-Model", state)], body.as_bytes())
        .unwrap();
    assert_eq!(r.json()["predictions"][0].as_f64().unwrap() as f32, *want);
    // text/libsvm, as SageMaker's XGBoost container takes it: a label, then 0-based INDEX:VALUE
    // for the values that are not missing; answered as CSV.
    let rows: Vec<&(String, String, f32)> = expected.iter().filter(|(s, _, _)| s == state).collect();
    let libsvm: String = rows
        .iter()
        .map(|(_, f, _)| {
            let entries = f.split(',').enumerate().filter(|(_, v)| !v.is_empty()).map(|(i, v)| format!(" {i}:{v}"));
            format!("0{}\n", entries.collect::<String>())
        })
        .collect();
    let headers = [("Content-Type", "text/libsvm"), ("X-Amzn-SageMaker-Target-Model", state.as_str())];
    let r = conn.send("POST", "/invocations", &headers, libsvm.as_bytes()).unwrap();
    assert_eq!((r.status, r.header("content-type")), (200, Some("text/csv")), "{}", r.text());
    assert_bits(&r.lines(), &rows.iter().map(|r| r.2).collect::<Vec<_>>(), "SageMaker LIBSVM");
    // Margins, the second output of a tree ensemble, agree with `mlc predict --margin`.
    let margin = mlc_predict(&bundle(), &["--model", state, "--margin"], format!("{row}\n").as_bytes())[0][0];
    let fp32: Vec<u8> = floats(row).iter().flat_map(|v| v.to_le_bytes()).collect();
    let r = post_binary(
        &server,
        &format!("/v2/models/{state}/infer"),
        &binary_infer("features", "FP32", &[1, 18], &fp32, &["margins", "predictions"]),
    );
    assert_bits(&r.oip_output("margins"), &[margin], "margins");
    assert_bits(&r.oip_output("predictions"), &[*want], "predictions beside margins");
    let (status, err) = server.terminate(Duration::from_secs(10));
    assert!(status.success(), "{status}: {err}");
}

#[test]
fn the_sentiment_model_from_text_and_ids_equals_mlc_predict() {
    let reviews = reviews();
    let text: Vec<u8> = reviews.iter().flat_map(|r| r.iter().copied().chain([b'\n'])).collect();
    let want: Vec<f32> = mlc_predict(&imdb(), &[], &text).into_iter().map(|v| v[0]).collect();
    let ids = review_ids();
    let id_lines: String = ids.iter().map(|r| r.iter().map(u32::to_string).collect::<Vec<_>>().join(",") + "\n").collect();
    let from_ids: Vec<f32> = mlc_predict(&imdb(), &["--format", "ids"], id_lines.as_bytes()).into_iter().map(|v| v[0]).collect();
    assert_bits(&from_ids, &want, "mlc predict: ids and text agree");
    let server = Server::start(&imdb(), &[]);
    // SageMaker: text/plain, one review a line; token ids as CSV.
    let r = server.request("POST", "/invocations", &[("Content-Type", "text/plain")], &text);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_bits(&r.lines(), &want, "SageMaker text/plain");
    let r = server.request("POST", "/invocations", &[("Content-Type", "text/csv")], id_lines.as_bytes());
    assert_bits(&r.lines(), &want, "SageMaker CSV token ids");
    // OIP: BYTES (JSON strings; binary length-prefixed), INT64 JSON, INT32 binary.
    let strings: Vec<String> = reviews.iter().map(|r| String::from_utf8_lossy(r).into_owned()).collect();
    assert!(reviews.iter().all(|r| std::str::from_utf8(r).is_ok()), "the committed reviews are UTF-8");
    let body = json!({"inputs": [{"name": "text", "datatype": "BYTES", "shape": [reviews.len()], "data": strings}]});
    assert_bits(&server.post_json("/v2/models/imdb/infer", &body).oip_output("predictions"), &want, "OIP BYTES JSON");
    let bytes: Vec<u8> = reviews.iter().flat_map(|r| (r.len() as u32).to_le_bytes().into_iter().chain(r.iter().copied())).collect();
    let r = post_binary(&server, "/v2/models/imdb/infer", &binary_infer("text", "BYTES", &[reviews.len(), 1], &bytes, &[]));
    assert_bits(&r.oip_output("predictions"), &want, "OIP BYTES binary");
    let length = ids[0].len();
    let body = json!({"inputs": [{"name": "input_ids", "datatype": "INT64", "shape": [ids.len(), length], "data": ids}]});
    assert_bits(&server.post_json("/v2/models/imdb/infer", &body).oip_output("predictions"), &want, "OIP INT64 JSON");
    let int32: Vec<u8> = ids.iter().flatten().flat_map(|&i| (i as i32).to_le_bytes()).collect();
    let r = post_binary(&server, "/v2/models/imdb/infer", &binary_infer("input_ids", "INT32", &[ids.len(), length], &int32, &[]));
    assert_bits(&r.oip_output("predictions"), &want, "OIP INT32 binary");
    // Metadata names both inputs.
    let meta = server.get("/v2/models/imdb").json();
    assert_eq!(
        meta["inputs"],
        json!([{"name": "text", "datatype": "BYTES", "shape": [-1]}, {"name": "input_ids", "datatype": "INT32", "shape": [-1, length]}])
    );
    let (status, err) = server.terminate(Duration::from_secs(10));
    assert!(status.success(), "{status}: {err}");
}

// ---------------------------------------------------------------------------------------------
// Bad requests

#[test]
fn bad_requests_get_a_4xx_naming_what_was_wrong_and_the_server_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(bundle(), dir.path().join("states.mlc")).unwrap();
    std::fs::copy(imdb(), dir.path().join("imdb.mlc")).unwrap();
    let server = Server::start(dir.path(), &["--max-body-mb", "0.01"]);
    let row = &churn_expected()[0].1;
    let good = format!(r#"{{"inputs": [{{"name": "features", "datatype": "FP32", "shape": [1, 18], "data": [{}]}}]}}"#, json_row(row));
    let infer = "/v2/models/states%2FAK/infer";
    let csv = [("Content-Type", "text/csv"), ("X-Amzn-SageMaker-Target-Model", "states/AK")];
    let oip = |body: &str| server.request("POST", infer, &[("Content-Type", "application/json")], body.as_bytes());
    let fp32 = |n: usize| vec![0u8; 4 * n];
    let cases: Vec<(Response, u16, &str)> = vec![
        // OIP JSON
        (oip("{\"inputs\": ["), 400, "malformed inference request at line 1 column 12"),
        (oip("[1, 2]"), 400, "malformed inference request: it is a JSON object"),
        (oip(&good.replace("FP32", "FP99")), 400, "input `features`: `FP99` is not a datatype of the protocol"),
        (oip(&good.replace("FP32", "INT64")), 400, "input `features`: datatype INT64: the model takes FP32 (or FP64)"),
        (oip(&good.replace("[1, 18]", "[1, 17]")), 400, "input `features`: shape [1, 17]: the model takes [-1, 18]"),
        (oip(&good.replace("[1, 18]", "[2, 18]")), 400, "input `features`: `data` holds 18 elements, the shape [2, 18] holds 36"),
        (oip(&good.replace("\"features\"", "\"input__0\"")), 400, "unknown input `input__0`: the model takes `features` (FP32 [-1, 18])"),
        (oip(&good.replace("\"data\": [", "\"data\": [\"x\",")), 400, "input `features`: element 1: `\"x\"` is not a number"),
        (
            oip(&good.replace("]}]}", "]}], \"outputs\": [{\"name\": \"probs\"}]}")),
            400,
            "unknown output `probs`: the model gives `predictions`",
        ),
        (server.request("POST", "/v2/models/ZZ/infer", &[], good.as_bytes()), 404, "unknown model `ZZ`"),
        (server.request("POST", "/v2/models/states%2FAK/versions/2/infer", &[], good.as_bytes()), 404, "has no version `2`"),
        // OIP binary
        (
            post_binary(&server, infer, &(binary_infer("features", "FP32", &[1, 18], &fp32(18), &[]).0, "99999".into())),
            400,
            "the JSON part is 99999 bytes",
        ),
        (
            post_binary(&server, infer, &(binary_infer("features", "FP32", &[1, 18], &fp32(18), &[]).0, "abc".into())),
            400,
            "`abc` is not a length",
        ),
        (
            post_binary(&server, infer, &binary_infer("features", "FP32", &[1, 18], &fp32(17), &[])),
            400,
            "the binary data holds 17 elements, the shape [1, 18] holds 18",
        ),
        (
            post_binary(&server, infer, &binary_infer("features", "FP32", &[1, 18], &fp32(18)[..70], &[])),
            400,
            "is not a whole number of FP32 elements",
        ),
        (
            post_binary(&server, "/v2/models/imdb/infer", &binary_infer("text", "BYTES", &[1], &[9, 0, 0, 0, b'a'], &[])),
            400,
            "BYTES element 1 runs past the end",
        ),
        (
            post_binary(&server, "/v2/models/imdb/infer", &binary_infer("input_ids", "INT32", &[1, 400], &[0xff; 1600], &[])),
            400,
            "element 1: `-1` is not a token id",
        ),
        (oip(&good.replace("\"data\"", "\"parameters\": {\"binary_data_size\": 72}, \"x\"")), 400, "unknown field `x`"),
        // SageMaker
        (server.request("POST", "/invocations", &csv, b"1,2,3\n"), 400, "line 1: expected 18 fields (the model's feature count), found 3"),
        (server.request("POST", "/invocations", &csv, format!("{row}\n{}\n", row.replacen('1', "x", 1)).as_bytes()), 400, "line 2: column"),
        (
            server.request("POST", "/invocations", &[csv[0], ("X-Amzn-SageMaker-Target-Model", "ZZ")], b"1\n"),
            404,
            "line 1: unknown model `ZZ`",
        ),
        (
            server.request("POST", "/invocations", &csv[..1], format!("{row}\n").as_bytes()),
            400,
            "name one with the header X-Amzn-SageMaker-Target-Model",
        ),
        (
            server.request(
                "POST",
                "/invocations",
                &[("Content-Type", "application/jsonlines")],
                b"{\"model\": \"states/AK\", \"features\": [1,\n",
            ),
            400,
            "line 1: malformed JSON at column",
        ),
        (
            server.request("POST", "/invocations", &[("Content-Type", "application/json")], b"{\"model\": \"states/AK\", \"text\": \"x\"}"),
            400,
            "the model is a tree ensemble: it takes features, not text",
        ),
        (
            server.request("POST", "/invocations", &[("Content-Type", "image/png"), csv[1]], b"x"),
            415,
            "Content-Type `image/png` is not supported",
        ),
        (server.request("POST", "/invocations", &[csv[0], csv[1], ("Accept", "image/png")], b"1"), 406, "Accept `image/png`"),
        (
            server.request("POST", "/invocations", &[csv[0], csv[1], ("Content-Encoding", "gzip")], b"1"),
            415,
            "Content-Encoding `gzip` is not supported",
        ),
        (server.request("POST", "/invocations", &csv, b""), 400, "the body holds no record"),
        (server.request("POST", "/invocations", &[csv[0], ("X-Amzn-SageMaker-Target-Model", "caf\u{e9}")], b"1"), 400, "not ASCII"),
        (server.request("POST", "/models", &[], b"{\"url\": 1}"), 400, "malformed load request"),
        // Sizes, routes, methods
        (server.request("POST", "/invocations", &csv, &vec![b'1'; 20_000]), 413, "more than --max-body-mb allows (10485 bytes)"),
        (server.get("/nowhere"), 404, "no route for GET /nowhere"),
        (server.get("/invocations"), 405, "GET /invocations: this path takes POST"),
    ];
    for (i, (r, status, message)) in cases.iter().enumerate() {
        assert_eq!(r.status, *status, "case {i}: {}", r.text());
        let error = r.error();
        assert!(error.contains(message), "case {i}: {error:?} does not say {message:?}");
        assert!(r.header("mlc-overhead-latency-us").is_some(), "case {i}: latency headers on errors too");
    }
    assert_eq!(cases[cases.len() - 1].0.header("allow"), Some("POST"));
    // A chunked body that grows past the limit: 413 as it arrives.
    let mut conn = Conn::open(server.addr);
    conn.write(b"POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n").unwrap();
    for _ in 0..3 {
        let _ = conn.write(format!("1000\r\n{}\r\n", "1".repeat(4096)).as_bytes());
    }
    let r = conn.read().unwrap();
    assert_eq!(r.status, 413, "{}", r.text());
    // Still serving, with the right answer.
    let r = oip(&good);
    assert_bits(&r.oip_output("predictions"), &[churn_expected()[0].2], "after the bad requests");
    let (status, err) = server.terminate(Duration::from_secs(10));
    assert!(status.success(), "{status}: {err}");
}

#[test]
fn a_missing_or_corrupted_model_file_is_a_5xx_for_that_model_only() {
    let dir = tempfile::tempdir().unwrap();
    let specs = churn_state_specs();
    for spec in &specs[..3] {
        let name = spec.split('=').next().unwrap();
        let bytes = compile(std::slice::from_ref(spec), &options(Target::Host, None));
        std::fs::write(dir.path().join(format!("{name}.mlc")), bytes.as_slice()).unwrap();
    }
    let server = Server::start(dir.path(), &[]);
    let expected = churn_expected();
    let ask = |state: &str| {
        let rows: Vec<&(String, String, f32)> = expected.iter().filter(|(s, _, _)| s == state).collect();
        let csv: String = rows.iter().map(|(_, f, _)| format!("{f}\n")).collect();
        let r = server.request(
            "POST",
            "/invocations",
            &[("Content-Type", "text/csv"), ("X-Amzn-SageMaker-Target-Model", state)],
            csv.as_bytes(),
        );
        (r, rows.iter().map(|r| r.2).collect::<Vec<f32>>())
    };
    // AK disappears, AL is corrupted (a flipped byte in its last section) before their first use.
    std::fs::remove_file(dir.path().join("AK.mlc")).unwrap();
    let mut bytes = std::fs::read(dir.path().join("AL.mlc")).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x55;
    std::fs::write(dir.path().join("AL.mlc"), &bytes).unwrap();
    for _ in 0..2 {
        let (r, _) = ask("AK");
        assert_eq!(r.status, 500, "{}", r.text());
        assert!(r.error().contains("AK.mlc"), "{}", r.error());
        let (r, _) = ask("AL");
        assert_eq!(r.status, 500, "{}", r.text());
        assert!(r.error().contains("AL.mlc") && r.error().contains("checksum"), "{}", r.error());
        let r = server.get("/v2/models/AL");
        assert_eq!(r.status, 500, "{}", r.text());
        assert_eq!(server.get("/v2/models/AL/ready").status, 400, "not ready: a 4xx");
        let (r, want) = ask("AR");
        assert_eq!(r.status, 200, "{}", r.text());
        assert_bits(&r.lines(), &want, "AR beside broken models");
    }
    let metrics = server.get("/metrics").text();
    assert!(metrics.contains("nv_inference_request_failure{model=\"AL\",version=\"1\",reason=\"model_unavailable\"} 2"), "{metrics}");
    let (status, _) = server.terminate(Duration::from_secs(10));
    assert!(status.success());
}

// ---------------------------------------------------------------------------------------------
// Limits, faults, load

#[test]
fn stalled_clients_hold_no_worker_and_are_timed_out() {
    let server = Server::start(&bundle(), &["--workers", "1", "--read-timeout", "1s"]);
    let (state, row, want) = &churn_expected()[0];
    let headers = [("Content-Type", "text/csv"), ("X-Amzn-SageMaker-Target-Model", state.as_str())];
    // One stalls in its headers, one in its body.
    let mut in_headers = Conn::open(server.addr);
    in_headers.write(b"POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Ty").unwrap();
    let mut in_body = Conn::open(server.addr);
    let mut partial = request_bytes("POST", "/invocations", &headers, format!("{row}\n").as_bytes());
    partial.truncate(partial.len() - 5);
    in_body.write(&partial).unwrap();
    // The one worker answers others meanwhile, at once.
    let start = Instant::now();
    for _ in 0..20 {
        let r = server.request("POST", "/invocations", &headers, format!("{row}\n").as_bytes());
        assert_bits(&r.lines(), &[*want], "beside stalled clients");
    }
    assert!(start.elapsed() < Duration::from_millis(900), "served while two clients stall: {:?}", start.elapsed());
    // After the read timeout: the stalled body gets 408, the stalled headers a closed connection.
    let r = in_body.read().unwrap();
    assert_eq!(r.status, 408, "{}", r.text());
    assert!(r.error().contains("--read-timeout"), "{}", r.error());
    assert!(in_headers.closed(), "a connection stalled in its headers is closed");
    assert!(start.elapsed() < Duration::from_secs(5));
    // An idle keep-alive connection is closed after the read timeout too.
    let mut idle = Conn::open(server.addr);
    assert_eq!(idle.send("GET", "/ping", &[], b"").unwrap().status, 200);
    std::thread::sleep(Duration::from_millis(1500));
    assert!(idle.closed());
    let (status, _) = server.terminate(Duration::from_secs(10));
    assert!(status.success());
}

#[test]
fn a_full_server_answers_503_with_retry_after() {
    let server = Server::start(&bundle(), &["--workers", "1", "--max-concurrency", "1", "--read-timeout", "3s"]);
    let (state, row, want) = &churn_expected()[0];
    let headers = [("Content-Type", "text/csv"), ("X-Amzn-SageMaker-Target-Model", state.as_str())];
    // A request admitted and reading its body takes the one place.
    let mut holder = Conn::open(server.addr);
    let mut partial = request_bytes("POST", "/invocations", &headers, format!("{row}\n").as_bytes());
    let tail = partial.split_off(partial.len() - 5);
    holder.write(&partial).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let r = server.request("POST", "/invocations", &headers, format!("{row}\n").as_bytes());
    assert_eq!(r.status, 503, "{}", r.text());
    assert_eq!(r.header("retry-after"), Some("1"));
    assert!(r.error().contains("--max-concurrency"));
    // Health checks are not requests to predict: answered.
    assert_eq!(server.get("/ping").status, 200);
    // The body completes: answered, and the place is free again.
    holder.write(&tail).unwrap();
    assert_bits(&holder.read().unwrap().lines(), &[*want], "the admitted request");
    assert_bits(&server.request("POST", "/invocations", &headers, format!("{row}\n").as_bytes()).lines(), &[*want], "after");
    assert!(server.get("/metrics").text().contains("mlc_requests_rejected_total 1"));
    let (status, _) = server.terminate(Duration::from_secs(10));
    assert!(status.success());
}

#[test]
fn requests_past_their_deadline_get_504_and_the_server_goes_on() {
    let (state, row, want) = &churn_expected()[0];
    let headers = [("Content-Type", "text/csv"), ("X-Amzn-SageMaker-Target-Model", state.as_str())];
    let big: Arc<String> = Arc::new(std::iter::repeat_n(format!("{row}\n"), 60_000).collect());
    // How long a request of 60,000 rows takes this build (a debug build parses the 5 MB body
    // in about 0.3 s, a release build in a tenth of that): the deadline is four times that, so
    // sixteen such requests for one worker outlast it in either build.
    let timeout = {
        let server = Server::start(&bundle(), &["--workers", "1"]);
        let mut conn = Conn::open(server.addr);
        let started = Instant::now();
        let r = conn.send("POST", "/invocations", &headers, big.as_bytes()).unwrap();
        assert_eq!(r.status, 200, "{}", r.text());
        let took = started.elapsed();
        drop(conn);
        let (status, _) = server.terminate(Duration::from_secs(20));
        assert!(status.success());
        Duration::from_millis((4 * took.as_millis() as u64).max(50))
    };
    let server = Server::start(&bundle(), &["--workers", "1", "--request-timeout", &format!("{}ms", timeout.as_millis())]);
    let addr = server.addr;
    let clients: Vec<_> = (0..16)
        .map(|_| {
            let big = Arc::clone(&big);
            let state = state.clone();
            std::thread::spawn(move || {
                let headers = [("Content-Type", "text/csv"), ("X-Amzn-SageMaker-Target-Model", state.as_str())];
                Conn::open(addr).send("POST", "/invocations", &headers, big.as_bytes()).unwrap()
            })
        })
        .collect();
    let answers: Vec<Response> = clients.into_iter().map(|c| c.join().unwrap()).collect();
    let late: Vec<&Response> = answers.iter().filter(|r| r.status == 504).collect();
    assert!(!late.is_empty(), "no request missed its deadline of {timeout:?}: {:?}", answers.iter().map(|r| r.status).collect::<Vec<_>>());
    let message = format!("no answer within --request-timeout ({timeout:?})");
    for r in &answers {
        match r.status {
            200 => assert_eq!(r.lines().len(), 60_000),
            504 => assert!(r.error().contains(&message), "{}", r.error()),
            other => panic!("{other}: {}", r.text()),
        }
    }
    // The worker may still be finishing a request that began just before its deadline (a
    // loaded machine makes that last seconds): a small request is answered once it is free.
    let mut timeouts = late.len();
    let give_up = Instant::now() + Duration::from_secs(60);
    let r = loop {
        let r = server.request("POST", "/invocations", &headers, format!("{row}\n").as_bytes());
        if r.status != 504 || Instant::now() > give_up {
            break r;
        }
        timeouts += 1;
    };
    assert_bits(&r.lines(), &[*want], "after the timeouts");
    let metrics = server.get("/metrics").text();
    let line = format!("nv_inference_request_failure{{model=\"{state}\",version=\"1\",reason=\"timeout\"}} {timeouts}");
    assert!(metrics.lines().any(|l| l == line), "{line} not in\n{metrics}");
    let (status, _) = server.terminate(Duration::from_secs(20));
    assert!(status.success());
}

#[test]
fn keep_alive_and_pipelining() {
    let server = Server::start(&bundle(), &[]);
    let expected = churn_expected();
    let mut conn = Conn::open(server.addr);
    // Ten requests in one write; ten answers in order on the same connection.
    let mut burst = Vec::new();
    for (state, row, _) in &expected[..10] {
        burst.extend(request_bytes(
            "POST",
            "/invocations",
            &[("Content-Type", "text/csv"), ("X-Amzn-SageMaker-Target-Model", state)],
            format!("{row}\n").as_bytes(),
        ));
    }
    conn.write(&burst).unwrap();
    for (i, (_, _, want)) in expected[..10].iter().enumerate() {
        assert_bits(&conn.read().unwrap().lines(), &[*want], &format!("pipelined request {i}"));
    }
    for (state, row, want) in &expected[10..20] {
        let r = conn
            .send(
                "POST",
                "/invocations",
                &[("Content-Type", "text/csv"), ("X-Amzn-SageMaker-Target-Model", state)],
                format!("{row}\n").as_bytes(),
            )
            .unwrap();
        assert_bits(&r.lines(), &[*want], "keep-alive");
    }
    let (status, _) = server.terminate(Duration::from_secs(10));
    assert!(status.success());
}

#[test]
fn sigterm_during_load_drains_in_flight_requests_and_exits_zero() {
    let server = Server::start(&bundle(), &["--workers", "2", "--shutdown-timeout", "20s"]);
    let expected = churn_expected();
    let (state, row, want) = &expected[0];
    let addr = server.addr;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let clients: Vec<_> = (0..4)
        .map(|t| {
            let stop = stop.clone();
            std::thread::spawn(move || {
                let (mut ok, mut conn) = (0, Conn::open(addr));
                for (state, row, want) in churn_expected().iter().cycle().skip(t * 97).take(100_000) {
                    if stop.load(std::sync::atomic::Ordering::Relaxed) {
                        break;
                    }
                    let headers = [("Content-Type", "text/csv"), ("X-Amzn-SageMaker-Target-Model", state.as_str())];
                    match conn.send("POST", "/invocations", &headers, format!("{row}\n").as_bytes()) {
                        Ok(r) => {
                            assert_eq!(r.status, 200, "client {t}: {}", r.text());
                            assert_bits(&r.lines(), &[*want], "under load");
                            ok += 1;
                        }
                        // The server closed the connection after SIGTERM: no new one is accepted.
                        Err(_) => break,
                    }
                }
                ok
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    // A large request (50,000 rows) is in flight when SIGTERM comes.
    let big: String = std::iter::repeat_n(format!("{row}\n"), 50_000).collect();
    let mut big_conn = Conn::open(server.addr);
    big_conn
        .write(&request_bytes(
            "POST",
            "/invocations",
            &[("Content-Type", "text/csv"), ("X-Amzn-SageMaker-Target-Model", state)],
            big.as_bytes(),
        ))
        .unwrap();
    std::thread::sleep(Duration::from_millis(50));
    let (status, err) = server.terminate(Duration::from_secs(20));
    assert!(status.success(), "{status}: {err}");
    assert!(err.contains("every request in flight was answered"), "{err}");
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let answered: usize = clients.into_iter().map(|c| c.join().unwrap()).sum();
    assert!(answered > 0);
    // The large request was answered in full.
    let r = big_conn.read().unwrap();
    assert_eq!(r.status, 200);
    let lines = r.lines();
    assert_eq!(lines.len(), 50_000);
    assert!(lines.iter().all(|v| v.to_bits() == want.to_bits()));
    assert!(TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_err(), "no longer listening");
}

#[test]
fn many_clients_over_many_models_under_constant_eviction() {
    // Room for about three of the 51 models: nearly every request loads one.
    let server = Server::start(&bundle(), &["--workers", "2", "--memory-budget", "5000", "--max-concurrency", "64"]);
    let addr = server.addr;
    let clients: Vec<_> = (0..8)
        .map(|t| {
            std::thread::spawn(move || {
                let expected = churn_expected();
                let mut conn = Conn::open(addr);
                for (i, (state, row, want)) in expected.iter().cycle().skip(t * 211).step_by(7).take(60).enumerate() {
                    let r = if (i + t) % 2 == 0 {
                        conn.send(
                            "POST",
                            "/invocations",
                            &[("Content-Type", "text/csv"), ("X-Amzn-SageMaker-Target-Model", state)],
                            format!("{row}\n").as_bytes(),
                        )
                    } else {
                        let fp32: Vec<u8> = floats(row).iter().flat_map(|v| v.to_le_bytes()).collect();
                        let (body, len) = binary_infer("features", "FP32", &[1, 18], &fp32, &[]);
                        conn.send("POST", &format!("/v2/models/{state}/infer"), &[("Inference-Header-Content-Length", &len)], &body)
                    }
                    .unwrap();
                    assert!(r.status < 500, "client {t}: {} {}", r.status, r.text());
                    let got = if r.header("inference-header-content-length").is_some() { r.oip_output("predictions") } else { r.lines() };
                    assert_bits(&got, &[*want], &format!("client {t}, request {i}, {state}"));
                }
            })
        })
        .collect();
    for c in clients {
        c.join().unwrap();
    }
    let metrics = server.get("/metrics").text();
    let sum = |name: &str| -> u64 {
        metrics.lines().filter(|l| l.starts_with(name)).map(|l| l.rsplit(' ').next().unwrap().parse::<u64>().unwrap()).sum()
    };
    assert!(sum("mlc_model_evictions_total") > 51, "constant eviction:\n{metrics}");
    assert_eq!(sum("nv_inference_request_success"), 8 * 60);
    assert_eq!(sum("mlc_http_responses_total{code=\"500\"}") + sum("mlc_http_responses_total{code=\"503\"}"), 0);
    // Within the budget, or one model larger than the whole budget, alone.
    assert!(sum("mlc_memory_mapped_bytes") <= 5000 || sum("mlc_models_loaded") == 1, "within the budget:\n{metrics}");
    let (status, _) = server.terminate(Duration::from_secs(10));
    assert!(status.success());
}

// ---------------------------------------------------------------------------------------------
// Model management, metadata, metrics

#[test]
fn model_management_metadata_and_metrics() {
    let server = Server::start(&bundle(), &["--memory-budget", "30000"]);
    // Health and server metadata.
    for path in ["/ping", "/v2/health/live", "/v2/health/ready"] {
        let r = server.get(path);
        assert_eq!((r.status, r.body.len()), (200, 0), "{path}");
    }
    assert_eq!(server.get("/v2").json()["extensions"], json!(["binary_tensor_data", "model_repository", "sagemaker"]));
    assert_eq!(server.get("/execution-parameters").json()["BatchStrategy"], "MULTI_RECORD");
    // OIP metadata and readiness.
    let meta = server.get("/v2/models/AK").json();
    assert_eq!(meta["inputs"], json!([{"name": "features", "datatype": "FP32", "shape": [-1, 18]}]));
    assert_eq!(meta["outputs"][0], json!({"name": "predictions", "datatype": "FP32", "shape": [-1, 1]}));
    assert_eq!(server.get("/v2/models/AK/versions/1/ready").status, 200);
    assert_eq!(server.get("/v2/models/AK/versions/7/ready").status, 404);
    assert_eq!(server.get("/v2/models/ZZ/ready").status, 404);
    // The repository extension.
    let index = server.request("POST", "/v2/repository/index", &[], b"{}").json();
    assert_eq!(index.as_array().unwrap().len(), 51);
    assert_eq!(index[0], json!({"name": "AK", "version": "1", "state": "READY", "reason": ""}));
    // SageMaker's multi-model API.
    assert_eq!(server.request("DELETE", "/models/AK", &[], b"").status, 200);
    assert_eq!(server.request("DELETE", "/models/AK", &[], b"").status, 404);
    assert_eq!(server.get("/models/AK").status, 404);
    assert_eq!(server.request("POST", "/v2/repository/models/AL/load", &[], b"").status, 200);
    assert_eq!(server.request("POST", "/v2/repository/models/AL/unload", &[], b"").status, 200);
    assert_eq!(server.request("POST", "/v2/repository/models/ZZ/load", &[], b"").status, 404);
    assert_eq!(server.get("/models").json(), json!({"models": []}));
    assert_eq!(server.post_json("/models", &json!({"model_name": "AK"})).status, 200);
    let r = server.post_json("/models", &json!({"model_name": "AK"}));
    assert_eq!((r.status, r.error()), (409, "model `AK` is already loaded".to_string()));
    assert_eq!(server.get("/models/AK").json()["modelName"], "AK");
    // A model from an artifact outside the source, under a name of the client's choosing.
    let dir = tempfile::tempdir().unwrap();
    let spec = churn_state_specs().into_iter().find(|s| s.starts_with("NY=")).unwrap();
    std::fs::write(dir.path().join("model.mlc"), compile(&[spec], &options(Target::Host, None)).as_slice()).unwrap();
    let r = server.post_json("/models", &json!({"model_name": "newyork", "url": dir.path()}));
    assert_eq!(r.status, 200, "{}", r.text());
    let (_, row, want) = churn_expected().iter().find(|(s, _, _)| s == "NY").unwrap();
    let r = server.request("POST", "/models/newyork/invoke", &[("Content-Type", "text/csv")], format!("{row}\n").as_bytes());
    assert_bits(&r.lines(), &[*want], "an added model");
    let list = server.get("/models?max_results=1").json();
    assert_eq!(list["models"].as_array().unwrap().len(), 1);
    assert_eq!(list["nextPageToken"], "1");
    assert_eq!(server.request("DELETE", "/models/newyork", &[], b"").status, 200);
    assert_eq!(
        server.request("POST", "/models/newyork/invoke", &[("Content-Type", "text/csv")], format!("{row}\n").as_bytes()).status,
        404
    );
    let r = server.post_json("/models", &json!({"model_name": "x", "url": "/nonexistent/model.mlc"}));
    assert_eq!(r.status, 400, "{}", r.text());
    // Larger than the whole memory budget: 507.
    let r = server.post_json("/models", &json!({"model_name": "big", "url": bundle()}));
    assert_eq!(r.status, 400, "a bundle without a model of that name: {}", r.text());
    assert!(r.error().contains("a bundle of 51 models, none named `big`"), "{}", r.error());
    let big = tempfile::tempdir().unwrap();
    std::fs::copy(imdb(), big.path().join("imdb.mlc")).unwrap();
    let r = server.post_json("/models", &json!({"model_name": "imdb", "url": big.path()}));
    assert_eq!(r.status, 507, "{}", r.text());
    assert!(!server.get("/models").text().contains("imdb"));
    // Metrics: the counters of this test's requests, and latency headers on every answer.
    let r = server.request(
        "POST",
        "/invocations",
        &[("Content-Type", "text/csv"), ("X-Amzn-SageMaker-Target-Model", "AK")],
        format!("{row}\n").as_bytes(),
    );
    for header in ["mlc-model-latency-us", "mlc-overhead-latency-us", "mlc-queue-latency-us"] {
        let value: f64 = r.header(header).unwrap().parse().unwrap();
        assert!(value >= 0.0, "{header}");
    }
    let metrics = server.get("/metrics");
    assert_eq!(metrics.header("content-type"), Some("text/plain; version=0.0.4"));
    let text = metrics.text();
    for line in [
        "nv_inference_request_success{model=\"AK\",version=\"1\"} 1",
        "nv_inference_request_success{model=\"newyork\",version=\"1\"} 1",
        "nv_inference_count{model=\"AK\",version=\"1\"} 1",
        "mlc_model_unloads_total{model=\"AK\",version=\"1\"} 1",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} not in\n{text}");
    }
    for family in [
        "nv_inference_compute_infer_duration_us",
        "nv_inference_queue_duration_us",
        "mlc_overhead_latency_us",
        "mlc_model_load_duration_us",
        "mlc_memory_mapped_bytes",
        "mlc_models_loaded",
    ] {
        assert!(text.contains(&format!("# TYPE {family} ")), "{family}");
    }
    let (status, _) = server.terminate(Duration::from_secs(10));
    assert!(status.success());
}

// ---------------------------------------------------------------------------------------------
// `mlc bench --url`

/// Runs `mlc bench --url` against `server` (open loop: `rate` requests due per second for one
/// second, so that the number due is known) and returns its `--json` report's only run.
fn bench_url(server: &Server, input: &Path, args: &[&str], rate: u32) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let out = mlc_command()
        .arg("bench")
        .args(["--url", &format!("http://{}", server.addr)])
        .arg("--input")
        .arg(input)
        .args(args)
        .args(["--users", "2", "--rate", &rate.to_string(), "--duration", "1", "--json"])
        .arg(&report)
        .output()
        .unwrap();
    assert!(out.status.success(), "mlc bench --url: {}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("answers gave the server's latency split"), "{stdout}");
    let report: Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(report["runs"].as_array().unwrap().len(), 1);
    report["runs"][0].clone()
}

/// A counter of `/metrics`, summed over the lines that start with `name`.
fn metric(server: &Server, name: &str) -> u64 {
    let text = server.get("/metrics").text();
    text.lines().filter(|l| l.starts_with(name)).map(|l| l.rsplit(' ').next().unwrap().parse::<u64>().unwrap()).sum()
}

#[test]
fn bench_url_drives_both_protocols_and_reads_the_servers_latency_split() {
    let server = Server::start(&bundle(), &["--workers", "2"]);
    let dir = tempfile::tempdir().unwrap();
    // 120 held-out rows routed by state; the 2nd, 12th, 22nd... (never the first: the cold
    // request) for a model the server does not have.
    let rows = churn_rows();
    let mut input = String::new();
    for (i, (state, features)) in rows.iter().take(120).enumerate() {
        let state = if i % 10 == 1 { "ZZ" } else { state };
        input.push_str(&format!("{state},{features}\n"));
    }
    let csv = dir.path().join("rows.csv");
    std::fs::write(&csv, input).unwrap();

    for protocol in ["sagemaker", "oip"] {
        let before_404 = metric(&server, "mlc_http_responses_total{code=\"404\"}");
        let before_success = metric(&server, "nv_inference_request_success");
        let run = bench_url(&server, &csv, &["--route-column", "1", "--protocol", protocol], 300);
        let count = |key: &str| run[key].as_u64().unwrap();
        let invocations = count("invocations");
        // Every request due was sent or counted as unsent; each carried one record.
        assert_eq!(invocations + count("unsent"), 300, "{protocol}: {run}");
        assert_eq!((count("records"), count("successes") + count("errors")), (invocations, invocations), "{protocol}: {run}");
        // The errors are the unknown model's, as the server counted them.
        let errors = count("errors");
        assert!(errors > 0 && errors < invocations, "{protocol}: {run}");
        assert_eq!(run["errors_by_kind"], json!({"unknown-model": errors}), "{protocol}");
        assert_eq!(metric(&server, "mlc_http_responses_total{code=\"404\"}") - before_404, errors, "{protocol}");
        // The server answered what the report counts, and the cold first request (not in it).
        let successes = metric(&server, "nv_inference_request_success") - before_success;
        assert_eq!(successes, count("successes") + 1, "{protocol}: {run}");
        // Every answer gave the split; the server's share is within the client's total.
        let split = &run["server_ms"];
        assert_eq!(split["answers"].as_u64(), Some(invocations), "{protocol}: {run}");
        let ms = |v: &Value, p: &str| v[p].as_f64().unwrap();
        assert!(ms(&run["latency_ms"]["model"], "max") > 0.0, "{protocol}: {run}");
        assert!(ms(&split["queue"], "p50") <= ms(&split["overhead"], "p99"), "{protocol}: {run}");
        assert!(ms(&split["overhead"], "p50") <= ms(&run["latency_ms"]["total"], "max"), "{protocol}: {run}");
        assert_eq!(run["source"], json!(format!("http://{}", server.addr)));
    }

    // A bad URL, a refused connection and a failing first request are errors, not panics.
    for (args, message) in [
        (vec!["--url", "https://127.0.0.1:1"], "https is not spoken"),
        (vec!["--url", "http://127.0.0.1:1"], "the first request fails: connection:"),
        (vec!["--url", &format!("http://{}", server.addr), "--model", "ZZ"], "the first request fails: unknown model `ZZ` (HTTP 404)"),
    ] {
        let out = mlc_command().arg("bench").args(&args).arg("--input").arg(&csv).args(["--duration", "1"]).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && err.contains(message) && !err.contains("panicked"), "{args:?}: {err}");
    }
    let (status, _) = server.terminate(Duration::from_secs(10));
    assert!(status.success());
}

/// A linear model (XGBoost 3.2's three-class `gblinear`) behind the same endpoint: its metadata
/// lists margins beside the predictions, and both equal XGBoost's, missing values included.
#[test]
fn a_linear_model_is_served_with_its_margins() {
    let dir = tempfile::tempdir().unwrap();
    let src = fixture("xgboost_linear/3.2.0");
    let path = dir.path().join("linear.mlc");
    let spec = format!("softprob={}", src.join("multi_softprob.json").display());
    std::fs::write(&path, compile(&[spec], &options(Target::Host, None)).as_slice()).unwrap();
    let server = Server::start(&path, &[]);
    let meta = server.get("/v2/models/softprob").json();
    assert_eq!(meta["inputs"], json!([{"name": "features", "datatype": "FP32", "shape": [-1, 8]}]));
    let outputs = json!([
        {"name": "predictions", "datatype": "FP32", "shape": [-1, 3]},
        {"name": "margins", "datatype": "FP32", "shape": [-1, 3]}
    ]);
    assert_eq!(meta["outputs"], outputs);
    let rows = mlc_tests::read_csv(&src.join("inputs.csv"));
    let expected = mlc_tests::read_csv(&src.join("multi_softprob.expected.csv"));
    let n = 40;
    assert!(rows[..n].iter().flatten().any(|v| v.is_nan()), "missing values among the rows sent");
    let fp32: Vec<u8> = rows[..n].iter().flatten().flat_map(|v| v.to_le_bytes()).collect();
    let r =
        post_binary(&server, "/v2/models/softprob/infer", &binary_infer("features", "FP32", &[n, 8], &fp32, &["margins", "predictions"]));
    let want = |columns: std::ops::Range<usize>| expected[..n].iter().flat_map(|e| e[columns.clone()].to_vec()).collect::<Vec<f32>>();
    assert_bits(&r.oip_output("margins"), &want(0..3), "margins");
    assert_bits(&r.oip_output("predictions"), &want(3..6), "predictions");
    let (status, err) = server.terminate(Duration::from_secs(10));
    assert!(status.success(), "{status}: {err}");
}
