//! Host side of the firmware tests.
//!
//! `mlc-host-driver run`: starts QEMU with the firmware, its UART0 on QEMU's stdio, and talks
//! to it in `mlc-wire` frames: held-out churn rows to the per-state tree models, rows to the
//! linear models, reviews to the text models, a malformed frame, an over-long frame, an unknown model name, a wrong feature
//! count and wrong input kind (each must get its typed error, and the firmware must keep
//! serving). Every prediction is compared bit for bit with the host runtime (`mlc-runtime`
//! with std) on the very same artifact files. Also measures instructions per prediction
//! (QEMU `-icount shift=0`: one instruction per virtual ns; SysTick calibrated on the device)
//! and the stack high-water marks, and writes them to a report file.
//!
//! `mlc-host-driver footprint`: the flash/RAM split of firmware images (`size` and `nm`).
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use mlc_format::{AlignedBytes, Artifact};
use mlc_runtime::Model;
use mlc_wire::{Floats, Input, Request, Response, WireError};

type Res<T> = Result<T, String>;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(&Opts::parse(&args[1..])),
        Some("footprint") => footprint(&Opts::parse(&args[1..])),
        _ => Err(USAGE.to_string()),
    };
    if let Err(e) = result {
        eprintln!("mlc-host-driver: error: {e}");
        std::process::exit(1);
    }
}

const USAGE: &str = "usage:
  mlc-host-driver run --machine mps2-an386|lm3s6965evb --kernel ELF --artifacts DIR
                      [--churn CSV] [--churn-rows N] [--linear CSV] [--linear-rows N]
                      [--reviews TXT] [--reviews-count N]
                      [--qemu BIN] [--timeout SECS] [--report FILE]
  mlc-host-driver footprint --elf ELF [--report FILE] [--elf ELF --report FILE ...]";

/// `--key value` options; repeated keys keep every value.
struct Opts(BTreeMap<String, Vec<String>>);

impl Opts {
    fn parse(args: &[String]) -> Opts {
        let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for pair in args.chunks(2) {
            let key = pair[0].trim_start_matches("--").to_string();
            m.entry(key).or_default().push(pair.get(1).cloned().unwrap_or_default());
        }
        Opts(m)
    }
    fn get(&self, k: &str) -> Option<&str> {
        self.0.get(k).and_then(|v| v.last()).map(String::as_str)
    }
    fn req(&self, k: &str) -> Res<&str> {
        self.get(k).ok_or_else(|| format!("--{k} is required\n{USAGE}"))
    }
    fn all(&self, k: &str) -> Vec<String> {
        self.0.get(k).cloned().unwrap_or_default()
    }
    fn num(&self, k: &str, default: usize) -> Res<usize> {
        self.get(k).map_or(Ok(default), |v| v.parse().map_err(|_| format!("--{k}: `{v}` is not a number")))
    }
}

/// The artifacts the firmware embeds, loaded on the host (in `AlignedBytes`, leaked: they live
/// as long as the process).
fn load_artifacts(dir: &Path) -> Res<Vec<(String, Artifact<'static>)>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "mlc"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let aligned: &'static AlignedBytes = Box::leak(Box::new(AlignedBytes::copy_from(&bytes)));
        let artifact = Artifact::parse(aligned).map_err(|e| format!("{}: {e}", path.display()))?;
        out.push((path.file_name().unwrap().to_string_lossy().into_owned(), artifact));
    }
    Ok(out)
}

fn find_model(artifacts: &[(String, Artifact<'static>)], name: &str) -> Option<Model<'static>> {
    artifacts.iter().find_map(|(_, a)| a.model_by_name(name)).and_then(|e| Model::load(&e).ok())
}

/// QEMU running the firmware, its UART0 on our pipes.
struct Device {
    child: Child,
    stdin: ChildStdin,
    frames: Receiver<Vec<u8>>,
    timeout: Duration,
    tx: Vec<u8>,
}

impl Device {
    fn start(qemu: &str, machine: &str, kernel: &str, log: &Path, timeout: Duration) -> Res<Device> {
        let mut cmd = Command::new(qemu);
        cmd.args(["-machine", machine]);
        if machine == "mps2-an386" {
            cmd.args(["-cpu", "cortex-m4"]);
        }
        // No -nographic: its stdio mux would treat 0x01 (Ctrl-A) in our frames as an escape.
        cmd.args(["-display", "none", "-monitor", "none", "-serial", "stdio", "-icount", "shift=0"])
            .arg("-chardev")
            .arg(format!("file,id=semihosting,path={}", log.display()))
            .args(["-semihosting-config", "enable=on,target=native,chardev=semihosting", "-kernel", kernel])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().map_err(|e| format!("{qemu}: {e}"))?;
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut stderr = child.stderr.take().unwrap();
        // QEMU's own messages (lm3s6965evb: "Timer with period zero, disabling"): pass on,
        // minus that harmless one.
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = stderr.read_to_string(&mut s);
            for line in s.lines().filter(|l| !l.contains("Timer with period zero")) {
                eprintln!("qemu: {line}");
            }
        });
        let (send, frames) = mpsc::channel();
        std::thread::spawn(move || {
            let mut frame = Vec::new();
            for byte in BufReader::new(stdout).bytes() {
                let Ok(b) = byte else { break };
                if b == 0 {
                    if !frame.is_empty() && send.send(std::mem::take(&mut frame)).is_err() {
                        break;
                    }
                } else {
                    frame.push(b);
                }
            }
        });
        Ok(Device { child, stdin, frames, timeout, tx: vec![0; 16384] })
    }

    fn send_raw(&mut self, bytes: &[u8]) -> Res<()> {
        self.stdin.write_all(bytes).and_then(|_| self.stdin.flush()).map_err(|e| format!("writing to QEMU: {e}"))
    }

    /// Sends raw bytes and waits for the one response frame.
    fn exchange_raw(&mut self, bytes: &[u8]) -> Res<Vec<u8>> {
        self.send_raw(bytes)?;
        self.frames.recv_timeout(self.timeout).map_err(|_| format!("no response from the firmware within {:?}", self.timeout))
    }

    fn request(&mut self, req: &Request<'_>) -> Res<Vec<u8>> {
        let mut tx = std::mem::take(&mut self.tx);
        let frame = mlc_wire::encode(req, &mut tx).map_err(|e| format!("encoding: {e}"))?.to_vec();
        self.tx = tx;
        self.exchange_raw(&frame)
    }
}

fn decode(frame: &mut [u8]) -> Res<Response<'_>> {
    mlc_wire::decode_response(frame).map_err(|e| format!("undecodable response: {e}"))
}

/// The names of the models of `artifacts` that `kind` accepts, in artifact order.
fn models_where(artifacts: &[(String, Artifact<'static>)], kind: impl Fn(&Model<'_>) -> bool) -> Vec<String> {
    artifacts
        .iter()
        .flat_map(|(_, a)| a.models().filter(|e| Model::load(e).is_ok_and(|m| kind(&m))).map(|e| e.name.to_string()).collect::<Vec<_>>())
        .collect()
}

/// A CSV line's feature values (an empty field, or one that is not a number, is missing).
fn features<'a>(fields: impl Iterator<Item = &'a str>) -> Vec<f32> {
    fields.map(|v| if v.trim().is_empty() { f32::NAN } else { v.trim().parse().unwrap_or(f32::NAN) }).collect()
}

/// Sends `row` to model `name` (request `id`) and tallies the answer against the host runtime's
/// `model` on the same row: outputs, then margins, bit for bit. Returns the firmware's
/// prediction, or `None` for any other response (kept in [`Tally::unexpected`]).
fn send_row(
    dev: &mut Device,
    model: &Model<'_>,
    name: &str,
    id: u32,
    row: &[f32],
    what: &str,
    t: &mut Tally,
) -> Res<Option<mlc_wire::Prediction>> {
    let (mut out, mut margins) = (vec![0f32; model.num_outputs()], vec![0f32; model.num_margins()]);
    let scratch = &mut mlc_runtime::Scratch::default();
    model.predict(mlc_runtime::Input::Rows(row), scratch, &mut out).map_err(|e| format!("host: {what}: {e}"))?;
    model.margins(mlc_runtime::Input::Rows(row), scratch, &mut margins).map_err(|e| format!("host: {what}: {e}"))?;
    let mut fb = vec![0u8; row.len() * 4];
    let input = Input::Features(Floats::encode(row, &mut fb).unwrap());
    let mut f = dev.request(&Request::Predict { id, model: name, input, repeat: 1 })?;
    t.sent += 1;
    match decode(&mut f)? {
        Response::Prediction(p) if p.id == id => {
            // A row counts as equal when its outputs and its margins are.
            let before = t.equal;
            t.check(what, &p.outputs, &out);
            if t.equal > before {
                t.equal -= 1;
                t.check(&format!("{what} margins"), &p.margins, &margins);
            }
            Ok(Some(p))
        }
        other => {
            t.unexpected.push(format!("{what}: unexpected {other:?}"));
            Ok(None)
        }
    }
}

#[derive(Default)]
struct Tally {
    sent: usize,
    equal: usize,
    load_ticks: u64,
    predict_ticks: u64,
    first_mismatch: Option<String>,
    /// Responses that were no prediction of the request ([`send_row`]).
    unexpected: Vec<String>,
}

impl Tally {
    fn check(&mut self, what: &str, got: &[f32], want: &[f32]) {
        let same = got.len() == want.len() && got.iter().zip(want).all(|(a, b)| a.to_bits() == b.to_bits());
        if same {
            self.equal += 1;
        } else if self.first_mismatch.is_none() {
            self.first_mismatch = Some(format!("{what}: firmware {got:?} != host {want:?}"));
        }
    }
}

fn run(o: &Opts) -> Res<()> {
    let machine = o.req("machine")?;
    let kernel = o.req("kernel")?;
    let artifacts = load_artifacts(Path::new(o.req("artifacts")?))?;
    let qemu = o.get("qemu").unwrap_or("qemu-system-arm");
    let timeout = Duration::from_secs(o.num("timeout", 60)? as u64);
    let report_path = o.get("report").map(PathBuf::from);
    let log = report_path.as_ref().map_or_else(|| std::env::temp_dir().join("mlc-fw-semihosting.log"), |p| p.with_extension("log"));
    let mut report = String::new();
    let started = Instant::now();
    let mut dev = Device::start(qemu, machine, kernel, &log, timeout)?;
    let result = session(&mut dev, o, &artifacts, &mut report);
    if result.is_err() {
        let _ = dev.child.kill();
        if let Ok(s) = std::fs::read_to_string(&log) {
            eprint!("{s}");
        }
        return result;
    }
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(s) = dev.child.try_wait().map_err(|e| e.to_string())? {
            break s;
        }
        if Instant::now() > deadline {
            let _ = dev.child.kill();
            return Err("QEMU did not exit after Shutdown".into());
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    if !status.success() {
        return Err(format!("QEMU exited with {status}"));
    }
    println!("{machine}: QEMU exited 0 after {:.1} s wall", started.elapsed().as_secs_f64());
    if let Some(p) = report_path {
        std::fs::write(&p, report).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    Ok(())
}

fn session(dev: &mut Device, o: &Opts, artifacts: &[(String, Artifact<'static>)], report: &mut String) -> Res<()> {
    let machine = o.req("machine")?;
    // Info: board, calibration (instructions per SysTick tick under -icount shift=0).
    // The first request can reach the emulated UART while the firmware is still bringing it
    // up (bytes lost, seen about once in three runs on lm3s6965evb): the firmware answers
    // `Malformed` and keeps serving, so the driver asks again (COBS resynchronises on the
    // next frame delimiter).
    let mut attempts = 0;
    let mut f = loop {
        let f = dev.request(&Request::Info)?;
        attempts += 1;
        if attempts < 3 && matches!(decode(&mut f.clone())?, Response::Error { error: mlc_wire::WireError::Malformed, .. }) {
            continue;
        }
        break f;
    };
    let info = match decode(&mut f)? {
        Response::Info(info) => info,
        other => return Err(format!("Info: unexpected response {other:?}")),
    };
    let insns_per_tick = info.calib_insns as f64 / info.calib_ticks as f64;
    println!(
        "{machine}: {} {}, fpu {}, {} artifacts / {} models embedded, boot validation {:.0} instructions, {:.2} instructions per SysTick tick",
        info.board,
        info.cpu,
        info.fpu,
        info.artifacts,
        info.models,
        info.boot_ticks as f64 * insns_per_tick,
        insns_per_tick
    );
    writeln!(
        report,
        "board={}\ncpu={}\nfpu={}\ninsns_per_tick={insns_per_tick}\nboot_insns={:.0}\nscratch_bytes={}\nmax_frame={}",
        info.board,
        info.cpu,
        info.fpu,
        info.boot_ticks as f64 * insns_per_tick,
        info.scratch_bytes,
        info.max_frame
    )
    .unwrap();
    let stats = |dev: &mut Device| -> Res<mlc_wire::Stats> {
        let mut f = dev.request(&Request::Stats { reset: true })?;
        match decode(&mut f)? {
            Response::Stats(s) => Ok(s),
            _ => Err("Stats: unexpected response".into()),
        }
    };
    let s = stats(dev)?;
    writeln!(report, "stack_size={}\nstack_boot={}", s.stack_size, s.stack_peak).unwrap();
    let mut failures = Vec::new();

    // Churn: held-out rows, each to its state's model, when the firmware has tree models.
    let tree_models = models_where(artifacts, |m| matches!(m, Model::Trees(_)));
    let mut first_churn: Vec<(String, Vec<f32>)> = Vec::new();
    if let (Some(csv), false) = (o.get("churn"), tree_models.is_empty()) {
        let want_rows = o.num("churn-rows", 120)?;
        let text = std::fs::read_to_string(csv).map_err(|e| format!("{csv}: {e}"))?;
        let mut t = Tally::default();
        let mut states = std::collections::BTreeSet::new();
        for (line_no, line) in text.lines().enumerate() {
            if t.sent == want_rows {
                break;
            }
            let mut fields = line.split(',');
            let state = fields.next().unwrap_or("").trim().to_string();
            if !tree_models.contains(&state) {
                continue;
            }
            let row = features(fields);
            let Some(m) = find_model(artifacts, &state) else { continue };
            let what = format!("{csv} line {} ({state})", line_no + 1);
            states.insert(state.clone());
            if let Some(p) = send_row(dev, &m, &state, line_no as u32 + 1, &row, &what, &mut t)? {
                t.load_ticks += p.load_ticks as u64;
                t.predict_ticks += p.predict_ticks as u64;
            }
            if first_churn.len() < 8 && !first_churn.iter().any(|(s, _)| *s == state) {
                first_churn.push((state, row));
            }
        }
        println!(
            "{machine}: churn: {} held-out rows across {} states; outputs and margins bit-identical to the host runtime: {}/{}",
            t.sent,
            states.len(),
            t.equal,
            t.sent
        );
        failures.extend(t.first_mismatch.iter().chain(&t.unexpected).cloned());
        if t.sent < want_rows.min(100) || t.equal != t.sent {
            failures.push(format!("churn: {} of {} rows equal", t.equal, t.sent));
        }
        let s = stats(dev)?;
        let per = |ticks: u64| ticks as f64 * insns_per_tick / t.sent.max(1) as f64;
        println!(
            "{machine}: churn: stack peak {} B; per request: model lookup + load {:.0} instructions, prediction {:.0} (single-shot average)",
            s.stack_peak,
            per(t.load_ticks),
            per(t.predict_ticks)
        );
        writeln!(
            report,
            "churn_rows={}\nchurn_states={}\nchurn_equal={}\nchurn_stack={}\nchurn_load_insns={:.0}",
            t.sent,
            states.len(),
            t.equal,
            s.stack_peak,
            per(t.load_ticks)
        )
        .unwrap();
    }

    // Linear models (XGBoost's gblinear, f32 on every core: software floating point without an
    // FPU): rows of a headerless CSV (empty = missing) to each linear model.
    let linear_models = models_where(artifacts, |m| matches!(m, Model::Linear(_)));
    if let (Some(csv), false) = (o.get("linear"), linear_models.is_empty()) {
        let rows_per_model = o.num("linear-rows", 100)?;
        let text = std::fs::read_to_string(csv).map_err(|e| format!("{csv}: {e}"))?;
        let rows: Vec<Vec<f32>> = text.lines().take(rows_per_model).map(|line| features(line.split(','))).collect();
        let mut t = Tally::default();
        for name in &linear_models {
            let Some(m) = find_model(artifacts, name) else { continue };
            for (i, row) in rows.iter().enumerate() {
                let what = format!("{csv} line {} ({name})", i + 1);
                send_row(dev, &m, name, i as u32 + 1, row, &what, &mut t)?;
            }
        }
        println!(
            "{machine}: linear: {} rows across {} models; outputs and margins bit-identical to the host runtime: {}/{}",
            t.sent,
            linear_models.len(),
            t.equal,
            t.sent
        );
        writeln!(report, "linear_rows={}\nlinear_equal={}", t.sent, t.equal).unwrap();
        failures.extend(t.first_mismatch.iter().chain(&t.unexpected).cloned());
        if t.sent == 0 || t.equal != t.sent {
            failures.push(format!("linear: {} of {} rows equal", t.equal, t.sent));
        }
    }

    // Instructions per churn prediction: repeat N and 2N times, difference / N.
    if !first_churn.is_empty() {
        let mut total = 0.0;
        for (state, row) in &first_churn {
            let mut ticks = [0u32; 2];
            for (i, repeat) in [100u16, 200].into_iter().enumerate() {
                let mut fb = vec![0u8; row.len() * 4];
                let features = Floats::encode(row, &mut fb).unwrap();
                let mut f = dev.request(&Request::Predict { id: 1, model: state, input: Input::Features(features), repeat })?;
                match decode(&mut f)? {
                    Response::Prediction(p) => ticks[i] = p.predict_ticks,
                    other => return Err(format!("bench: unexpected {other:?}")),
                }
            }
            total += (ticks[1] - ticks[0]) as f64 * insns_per_tick / 100.0;
        }
        let per = total / first_churn.len() as f64;
        println!("{machine}: churn: {per:.0} instructions per prediction (repeat 200 − repeat 100, mean of {} states)", first_churn.len());
        writeln!(report, "churn_insns={per:.0}").unwrap();
    }

    // Errors: each gets its typed error, and the firmware keeps serving.
    let mut expect_error = |dev: &mut Device, what: &str, bytes: Vec<u8>, want: WireError| -> Res<()> {
        let mut f = dev.exchange_raw(&bytes)?;
        match decode(&mut f)? {
            Response::Error { error, .. } if error == want => {
                println!("{machine}: {what} -> Error {error:?}");
                Ok(())
            }
            other => {
                failures.push(format!("{what}: expected {want:?}, got {other:?}"));
                Ok(())
            }
        }
    };
    // A COBS frame whose code byte overruns the frame, then a valid COBS frame of a request
    // variant that does not exist, then a frame longer than the device's buffer.
    expect_error(dev, "malformed frame (bad COBS)", vec![0x09, 0x01, 0x02, 0x00], WireError::Malformed)?;
    expect_error(dev, "malformed frame (unknown request)", vec![0x03, 0x2A, 0x07, 0x00], WireError::Malformed)?;
    let mut long = vec![0x55u8; info.max_frame as usize + 100];
    long.push(0);
    expect_error(dev, "over-long frame", long, WireError::FrameTooLong)?;
    let mut enc = vec![0u8; 512];
    let mut frame = |req: &Request<'_>| mlc_wire::encode(req, &mut enc).unwrap().to_vec();
    let unknown = frame(&Request::Predict { id: 9, model: "no-such-model", input: Input::Features(Floats::new(&[]).unwrap()), repeat: 1 });
    expect_error(dev, "unknown model name", unknown, WireError::UnknownModel)?;
    if let Some((state, row)) = first_churn.first() {
        let mut fb = vec![0u8; row.len() * 4];
        let short = frame(&Request::Predict {
            id: 10,
            model: state,
            input: Input::Features(Floats::encode(&row[..3], &mut fb).unwrap()),
            repeat: 1,
        });
        expect_error(dev, "3 features for an 18-feature model", short, WireError::FeatureCount { expected: row.len() as u32, got: 3 })?;
        let text = frame(&Request::Predict { id: 11, model: state, input: Input::Text(b"great movie"), repeat: 1 });
        expect_error(dev, "text for a tree model", text, WireError::InputKind)?;
        // Still serving: the same row again, same answer.
        let Some(Model::Trees(m)) = find_model(artifacts, state) else { unreachable!() };
        let mut want = vec![0f32; m.num_outputs()];
        m.predict(row, &mut want).unwrap();
        let mut fb = vec![0u8; row.len() * 4];
        let mut f = dev.request(&Request::Predict {
            id: 12,
            model: state,
            input: Input::Features(Floats::encode(row, &mut fb).unwrap()),
            repeat: 1,
        })?;
        match decode(&mut f)? {
            Response::Prediction(p) if p.outputs.iter().map(|v| v.to_bits()).eq(want.iter().map(|v| v.to_bits())) => {
                println!("{machine}: after the errors: still serving, same answer")
            }
            other => failures.push(format!("after the errors: {other:?}")),
        }
    }
    let s = stats(dev)?;
    if s.errors < 4 {
        failures.push(format!("Stats counted {} errors", s.errors));
    }

    // Text models: reviews, raw text, tokenized on the device.
    let net_models = models_where(artifacts, |m| matches!(m, Model::Net(_)));
    if let (Some(path), false) = (o.get("reviews"), net_models.is_empty()) {
        let count = o.num("reviews-count", 60)?;
        let text = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
        let reviews: Vec<&[u8]> = text.split(|&b| b == b'\n').filter(|l| !l.is_empty()).take(count).collect();
        for name in &net_models {
            let Some(Model::Net(m)) = find_model(artifacts, name) else { continue };
            let mut t = Tally::default();
            let mut scratch = vec![0f32; m.scratch_len()];
            let mut ids = vec![
                0u32;
                m.vocab().map_or(0, |_| match m.input() {
                    mlc_format::manifest::NetInput::TokenIds { length } => length as usize,
                    _ => 0,
                })
            ];
            let mut token = vec![0u8; m.vocab().map_or(1, |v| v.max_token_len().max(1))];
            for (i, review) in reviews.iter().enumerate() {
                let mut want = vec![0f32; m.num_outputs()];
                m.predict_text(review, &mut token, &mut ids, &mut scratch, &mut want)
                    .map_err(|e| format!("host: review {}: {e}", i + 1))?;
                let id = i as u32 + 1;
                let mut f = dev.request(&Request::Predict { id, model: name, input: Input::Text(review), repeat: 1 })?;
                t.sent += 1;
                match decode(&mut f)? {
                    Response::Prediction(p) if p.id == id => {
                        t.check(&format!("{name} review {}", i + 1), &p.outputs, &want);
                        t.load_ticks += p.load_ticks as u64;
                        t.predict_ticks += p.predict_ticks as u64;
                    }
                    other => failures.push(format!("{name} review {}: unexpected {other:?}", i + 1)),
                }
            }
            let s = stats(dev)?;
            let insns = t.predict_ticks as f64 * insns_per_tick / t.sent.max(1) as f64;
            println!(
                "{machine}: {name}: {} reviews (raw text, tokenized on the device); outputs bit-identical to the host runtime: {}/{}; {:.0} instructions per review; stack peak {} B; scratch {} B",
                t.sent,
                t.equal,
                t.sent,
                insns,
                s.stack_peak,
                m.scratch_len() * 4
            );
            writeln!(
                report,
                "net.{name}.reviews={}\nnet.{name}.equal={}\nnet.{name}.insns={insns:.0}\nnet.{name}.stack={}\nnet.{name}.scratch={}",
                t.sent,
                t.equal,
                s.stack_peak,
                m.scratch_len() * 4
            )
            .unwrap();
            if let Some(m) = &t.first_mismatch {
                failures.push(m.clone());
            }
            if t.sent < count.min(50) || t.equal != t.sent {
                failures.push(format!("{name}: {} of {} reviews equal", t.equal, t.sent));
            }
        }
    }

    let mut f = dev.request(&Request::Shutdown)?;
    if !matches!(decode(&mut f)?, Response::Bye) {
        failures.push("Shutdown: no Bye".into());
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!("{machine}: {} check(s) failed:\n  {}", failures.len(), failures.join("\n  ")))
    }
}

/// One ELF's sizes, from `size -A` and `nm -S -C`.
struct Footprint {
    sections: BTreeMap<String, u64>,
    /// Code by owner: runtime, protocol, builtins, startup+firmware.
    text: BTreeMap<&'static str, u64>,
    model_data: u64,
    buffers: u64,
    report: BTreeMap<String, String>,
}

fn tool(name: &str) -> String {
    std::env::var(format!("MLC_{}", name.to_uppercase().replace('-', "_"))).unwrap_or_else(|_| format!("arm-none-eabi-{name}"))
}

fn owner(sym: &str) -> &'static str {
    let has = |p: &[&str]| p.iter().any(|x| sym.contains(x));
    if has(&["mlc_runtime::", "mlc_format::", "mlc_fw::serve::rt::", "crc::", "bytemuck::"]) {
        "runtime"
    } else if has(&["mlc_wire::", "postcard::", "serde::", "cobs::", "heapless::", "embedded_io::"]) {
        "protocol"
    } else if sym.starts_with("__") || has(&["compiler_builtins::"]) {
        "builtins"
    } else {
        "firmware"
    }
}

fn measure_elf(elf: &str, report: Option<&str>) -> Res<Footprint> {
    let out = Command::new(tool("size")).args(["-A", elf]).output().map_err(|e| format!("{}: {e}", tool("size")))?;
    let mut sections = BTreeMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() == 3 && f[0].starts_with('.') {
            sections.insert(f[0].to_string(), f[1].parse().unwrap_or(0));
        }
    }
    let out = Command::new(tool("nm")).args(["-S", "-C", "--size-sort", elf]).output().map_err(|e| format!("{}: {e}", tool("nm")))?;
    let (mut text, mut model_data, mut buffers) = (BTreeMap::new(), 0, 0);
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let mut f = line.splitn(4, ' ');
        let (Some(_addr), Some(size), Some(kind), Some(name)) = (f.next(), f.next(), f.next(), f.next()) else { continue };
        let size = u64::from_str_radix(size, 16).unwrap_or(0);
        match kind {
            "t" | "T" | "w" | "W" => *text.entry(owner(name)).or_insert(0) += size,
            _ if name.contains("MLC_ARTIFACT_") => model_data += size,
            "b" | "B" | "d" | "D" if name.contains("BUFFERS") => buffers += size,
            _ => {}
        }
    }
    let mut rep = BTreeMap::new();
    if let Some(r) = report {
        for line in std::fs::read_to_string(r).map_err(|e| format!("{r}: {e}"))?.lines() {
            if let Some((k, v)) = line.split_once('=') {
                rep.insert(k.to_string(), v.to_string());
            }
        }
    }
    Ok(Footprint { sections, text, model_data, buffers, report: rep })
}

fn footprint(o: &Opts) -> Res<()> {
    let elfs = o.all("elf");
    let reports = o.all("report");
    if elfs.is_empty() {
        return Err(USAGE.into());
    }
    let fps: Vec<Footprint> =
        elfs.iter().enumerate().map(|(i, e)| measure_elf(e, reports.get(i).map(String::as_str))).collect::<Res<_>>()?;
    let sec = |f: &Footprint, s: &str| *f.sections.get(s).unwrap_or(&0);
    let txt = |f: &Footprint, s: &str| *f.text.get(s).unwrap_or(&0);
    let kb = |b: u64| format!("{:.1} KB", b as f64 / 1024.0);
    let rep = |f: &Footprint, k: &str| f.report.get(k).cloned().unwrap_or_else(|| "–".into());
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    let mut row = |name: &str, f: &dyn Fn(&Footprint) -> String| rows.push((name.to_string(), fps.iter().map(f).collect()));
    row("board", &|f| format!("{} ({})", rep(f, "board"), rep(f, "cpu")));
    row("flash total (vectors + .text + .rodata + .data)", &|f| {
        kb(sec(f, ".vector_table") + sec(f, ".text") + sec(f, ".rodata") + sec(f, ".data"))
    });
    row("  model data (embedded artifacts)", &|f| kb(f.model_data));
    row("  runtime code (mlc-runtime + mlc-format)", &|f| kb(txt(f, "runtime")));
    row("  protocol code (mlc-wire, postcard, COBS)", &|f| kb(txt(f, "protocol")));
    row("  compiler builtins (memcpy, soft float)", &|f| kb(txt(f, "builtins")));
    row("  startup, UART, measurement, loop", &|f| kb(txt(f, "firmware") + sec(f, ".vector_table")));
    row("  other constants (.rodata − model data)", &|f| kb(sec(f, ".rodata").saturating_sub(f.model_data)));
    row("RAM static (.data + .bss)", &|f| kb(sec(f, ".data") + sec(f, ".bss") + sec(f, ".uninit")));
    row("  of which buffers (frames, scratch, ids)", &|f| kb(f.buffers));
    row("  network scratch", &|f| rep(f, "scratch_bytes").parse::<u64>().map(kb).unwrap_or("–".into()));
    row("stack peak: churn requests", &|f| rep(f, "churn_stack").parse::<u64>().map(|b| format!("{b} B")).unwrap_or("–".into()));
    for (k, label) in [("net.sentiment_i8", "sentiment int8"), ("net.sentiment_f32", "sentiment float32")] {
        row(&format!("stack peak: {label} requests"), &|f| {
            rep(f, &format!("{k}.stack")).parse::<u64>().map(|b| format!("{b} B")).unwrap_or("–".into())
        });
    }
    row("instructions per churn prediction", &|f| rep(f, "churn_insns"));
    row("instructions per churn request: lookup + load", &|f| rep(f, "churn_load_insns"));
    for (k, label) in [("net.sentiment_i8", "sentiment int8"), ("net.sentiment_f32", "sentiment float32")] {
        row(&format!("instructions per review: {label}"), &|f| rep(f, &format!("{k}.insns")));
    }
    row("boot validation of all artifacts (instructions)", &|f| rep(f, "boot_insns"));
    let mut out = String::from("| |");
    for f in &fps {
        write!(out, " {} |", rep(f, "board")).unwrap();
    }
    out.push_str("\n|---|");
    out.push_str(&"---:|".repeat(fps.len()));
    out.push('\n');
    for (name, vals) in rows.iter().skip(1) {
        writeln!(out, "| {name} | {} |", vals.join(" | ")).unwrap();
    }
    print!("{out}");
    Ok(())
}
