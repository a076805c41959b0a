//! `mlc bench` (issue 5): the load generator's figures are internally consistent, the open loop
//! shows queueing past capacity, the JSON report validates against the schema documented in
//! docs/bench.md, and the SVG plot parses and holds the plotted series. No absolute timing
//! thresholds: only relations between figures of the same run, or of two runs.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use mlc_compiler::Target;
use mlc_host::bench::{self, BenchReport, CapacityTarget, Config, Load, Percentiles, RunReport, Workload};
use mlc_host::transform::ContentType;
use mlc_tests::{compile, fixture, options};
use serde_json::Value;

/// The 51-model per-state churn bundle, compiled once per test process.
fn churn_bundle() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let mut specs: Vec<String> = std::fs::read_dir(fixture("churn/models/states"))
            .unwrap()
            .filter_map(|e| e.ok()?.path().to_str().map(str::to_string))
            .filter(|p| p.ends_with(".json"))
            .map(|p| format!("{}={p}", Path::new(&p).file_stem().unwrap().to_str().unwrap()))
            .collect();
        specs.sort();
        assert_eq!(specs.len(), 51);
        let bytes = compile(&specs, &options(Target::Host, None));
        let path = std::env::temp_dir().join(format!("mlc-bench-churn-{}.mlc", std::process::id()));
        std::fs::write(&path, &*bytes).unwrap();
        path
    })
}

fn sentiment() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let bytes = compile(&[format!("imdb={}", fixture("sentiment/imdb_cnn_mcu").display())], &options(Target::Host, None));
        let path = std::env::temp_dir().join(format!("mlc-bench-imdb-{}.mlc", std::process::id()));
        std::fs::write(&path, &*bytes).unwrap();
        path
    })
}

fn churn_workload(bad: bool) -> Workload {
    let mut w = Workload::from_file(&fixture("churn/heldout.csv"), None).unwrap();
    assert_eq!(w.content_type, ContentType::Csv);
    w.lines.truncate(200);
    if bad {
        // Two bad records among 202: an unknown model and a value that is not a number.
        let good = String::from_utf8(w.lines[0].clone()).unwrap();
        let fields: Vec<&str> = good.split(',').collect();
        w.lines.insert(50, format!("ZZ,{}", fields[1..].join(",")).into_bytes());
        w.lines.insert(120, format!("{},{},abc,{}", fields[0], fields[1], fields[3..].join(",")).into_bytes());
    }
    w
}

fn config(source: &Path, load: Load, batch_size: usize, millis: u64) -> Config {
    Config {
        label: format!("{} {load:?} batch={batch_size}", source.file_name().unwrap().to_string_lossy()),
        source: source.to_path_buf(),
        model: None,
        route_column: Some(1),
        load,
        duration: Duration::from_millis(millis),
        batch_size,
        margin: false,
        price_per_hour: Some(0.05),
    }
}

fn assert_ordered(p: &Percentiles, what: &str) {
    let seq = [p.p50, p.p90, p.p99, p.p999, p.max];
    assert!(seq.windows(2).all(|w| w[0] <= w[1]), "{what}: percentiles out of order: {p:?}");
    assert!(p.p50 >= 0.0 && p.mean <= p.max, "{what}: {p:?}");
}

/// Every relation the report promises between its own figures.
fn assert_consistent(r: &RunReport) {
    assert!(r.invocations > 0, "{}: nothing ran", r.label);
    assert_eq!(r.invocations, r.successes + r.errors, "{}: invocations == successes + errors", r.label);
    assert_eq!(r.records, r.invocations * r.batch_size as u64, "{}", r.label);
    let l = &r.latency_ms;
    for (p, what) in [(&l.total, "total"), (&l.model, "model"), (&l.overhead, "overhead")] {
        assert_ordered(p, &format!("{} {what}", r.label));
    }
    // Model latency ≤ total latency, request by request, hence at every percentile.
    for (m, t) in [
        (l.model.p50, l.total.p50),
        (l.model.p90, l.total.p90),
        (l.model.p99, l.total.p99),
        (l.model.p999, l.total.p999),
        (l.model.max, l.total.max),
        (l.model.mean, l.total.mean),
    ] {
        assert!(m <= t, "{}: model latency {m} > total {t}: {l:?}", r.label);
    }
    assert!(l.overhead.max <= l.total.max && l.overhead.mean <= l.total.mean, "{}: {l:?}", r.label);
    assert!(l.model.p50 > 0.0 && l.overhead.p50 > 0.0);
    assert_eq!(r.histogram.iter().map(|b| b.count).sum::<u64>(), r.invocations, "{}: histogram", r.label);
    assert!(r.histogram.windows(2).all(|w| w[0].high_ms <= w[1].low_ms * (1.0 + 1e-9)));
    let timeline: f64 = r.timeline.iter().map(|p| p.invocations_per_s * 0.1).sum();
    assert!((timeline - r.invocations as f64).abs() < 0.5 + r.invocations as f64 * 1e-9, "{}: timeline {timeline}", r.label);
    assert!(r.cold_start_ms > 0.0);
    assert!(r.memory.artifact_bytes_mapped >= r.memory.model_bytes && r.memory.model_bytes > 0 && r.memory.scratch_bytes > 0);
    if cfg!(target_os = "linux") {
        assert!(r.memory.peak_rss_bytes.unwrap() > r.memory.scratch_bytes);
    }
    let min = r.invocations_per_min;
    assert!((min - r.invocations as f64 / r.duration_s * 60.0).abs() <= min * 1e-9);
}

#[test]
fn closed_loop_figures_are_internally_consistent() {
    let work = churn_workload(true);
    for (users, batch) in [(2, 1), (1, 8)] {
        let r = bench::run(&config(churn_bundle(), Load::Closed { users, spawn_rate: Some(20.0) }, batch, 400), &work).unwrap();
        assert_consistent(&r);
        assert_eq!((r.mode, r.users, r.unsent), ("closed", users, 0));
        // Both bad records were sent (the input is cycled many times) and counted by kind.
        assert!(r.errors > 0, "{}", r.text());
        assert_eq!(r.errors_by_kind.keys().collect::<Vec<_>>(), ["bad-value", "unknown-model"], "{:?}", r.errors_by_kind);
        if batch == 1 {
            assert_eq!(r.errors_by_kind.values().sum::<u64>(), r.errors);
        }
        // The second user starts 50 ms in: the timeline shows 1 user, then 2.
        if users == 2 {
            assert_eq!((r.timeline[0].users, r.timeline.last().unwrap().users), (1, 2));
        }
        assert!(r.models.len() > 10, "requests were routed to many state models");
        let text = r.text();
        assert!(text.contains("p99.9") && text.contains("overhead") && text.contains("unknown-model"), "{text}");
    }
}

#[test]
fn text_model_figures_are_internally_consistent() {
    let work = Workload::from_file(&fixture("sentiment/reviews.txt"), None).unwrap();
    assert_eq!(work.content_type, ContentType::Text);
    let mut c = config(sentiment(), Load::Closed { users: 1, spawn_rate: None }, 1, 400);
    c.route_column = None;
    let r = bench::run(&c, &work).unwrap();
    assert_consistent(&r);
    assert_eq!(r.errors, 0);
    // The network is most of a request (tokenizing happens inside the runtime's predict_text).
    assert!(r.latency_ms.model.mean > r.latency_ms.overhead.mean, "{}", r.text());
}

#[test]
fn open_loop_past_capacity_reports_queueing() {
    let work = churn_workload(false);
    let low = bench::run(&config(churn_bundle(), Load::Open { rate: 200.0, users: 1 }, 1, 500), &work).unwrap();
    // Far more requests due than one thread can serve: a backlog builds up, and latency is
    // measured from when each request was due.
    let high = bench::run(&config(churn_bundle(), Load::Open { rate: 1e8, users: 1 }, 1, 500), &work).unwrap();
    for r in [&low, &high] {
        assert_consistent(r);
        assert_eq!(r.mode, "open");
    }
    assert_eq!(low.unsent, 0, "{}", low.text());
    assert!(high.unsent > 0, "{}", high.text());
    // Medians: a loaded machine can stall the low-rate run for 100 ms now and then (its p99),
    // while the backlog of the high-rate run makes most of its requests wait.
    assert!(high.latency_ms.total.p50 > 10.0 * low.latency_ms.total.p50, "no queueing seen:\n{}\n{}", low.text(), high.text());
    // The queueing is overhead (waiting), not model time.
    assert!(high.latency_ms.overhead.p99 > 10.0 * high.latency_ms.model.p99, "{}", high.text());
}

/// The JSON Schema block of docs/bench.md (the one after `<!-- schema -->`).
fn documented_schema() -> Value {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/bench.md")).unwrap();
    let after = doc.split_once("<!-- schema -->").expect("docs/bench.md has a schema marker").1;
    let block = after.split_once("```json").unwrap().1.split_once("```").unwrap().0;
    serde_json::from_str(block).expect("the documented schema is JSON")
}

/// A structural validator for the JSON Schema subset the documented schema uses: `type`
/// (one or several), `const`, `enum`, `required`, `properties`, `additionalProperties` (false
/// or a schema), `items`, `minimum`, and local `$ref`s into `$defs`. Returns the violations.
fn validate(schema: &Value, root: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").expect("local $ref");
        return validate(&root["$defs"][name], root, value, at, errors);
    }
    let known = [
        "$schema",
        "title",
        "type",
        "const",
        "enum",
        "required",
        "properties",
        "additionalProperties",
        "items",
        "minimum",
        "$defs",
        "description",
    ];
    for key in schema.as_object().unwrap().keys() {
        assert!(known.contains(&key.as_str()), "the validator does not know `{key}` (at {at})");
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().map(|v| v.as_str().unwrap()).collect(),
            _ => panic!("bad type"),
        };
        let ok = types.iter().any(|t| match *t {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "number" => value.is_number(),
            "integer" => value.is_u64() || value.is_i64(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            other => panic!("unknown type {other}"),
        });
        if !ok {
            errors.push(format!("{at}: {value} is not {types:?}"));
            return;
        }
    }
    if let Some(c) = schema.get("const") {
        if c != value {
            errors.push(format!("{at}: {value} != {c}"));
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(value) {
            errors.push(format!("{at}: {value} not in {e:?}"));
        }
    }
    if let (Some(min), Some(x)) = (schema.get("minimum").and_then(Value::as_f64), value.as_f64()) {
        if x < min {
            errors.push(format!("{at}: {x} < {min}"));
        }
    }
    if let Some(object) = value.as_object() {
        for name in schema.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
            if !object.contains_key(name) {
                errors.push(format!("{at}: missing `{name}`"));
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (key, v) in object {
            match (properties.and_then(|p| p.get(key)), schema.get("additionalProperties")) {
                (Some(s), _) => validate(s, root, v, &format!("{at}.{key}"), errors),
                (None, Some(Value::Bool(false))) => errors.push(format!("{at}: unexpected `{key}`")),
                (None, Some(s @ Value::Object(_))) => validate(s, root, v, &format!("{at}.{key}"), errors),
                (None, _) => {}
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, v) in array.iter().enumerate() {
            validate(items, root, v, &format!("{at}[{i}]"), errors);
        }
    }
}

fn report(runs: Vec<RunReport>, capacity: bool) -> BenchReport {
    let plan = capacity
        .then(|| bench::plan(&runs, CapacityTarget { target_invocations_per_min: 1e6, latency_slo_ms: 50.0, target_utilization: 0.7 }));
    BenchReport {
        schema: bench::report::SCHEMA,
        machine: bench::report::Machine::this(),
        measurement_overhead_ns: bench::measurement_overhead_ns(),
        runs,
        capacity: plan,
    }
}

#[test]
fn json_report_validates_against_the_documented_schema() {
    let schema = documented_schema();
    let work = churn_workload(true);
    let runs: Vec<RunReport> = [1, 2]
        .iter()
        .map(|&u| bench::run(&config(churn_bundle(), Load::Closed { users: u, spawn_rate: None }, 4, 250), &work).unwrap())
        .collect();
    let open = bench::run(&config(churn_bundle(), Load::Open { rate: 1000.0, users: 1 }, 1, 250), &work).unwrap();
    let mut all = runs.clone();
    all.push(open);
    for (rep, what) in [(report(all, true), "with capacity"), (report(runs, false), "without")] {
        let json = serde_json::to_value(&rep).unwrap();
        let mut errors = Vec::new();
        validate(&schema, &schema, &json, "$", &mut errors);
        assert!(errors.is_empty(), "{what}: {errors:#?}");
    }
    // The validator does reject what the schema rules out.
    let mut bad = serde_json::to_value(report(Vec::new(), true)).unwrap();
    bad["runs"] = serde_json::json!([{"label": 3}]);
    bad["extra"] = Value::Null;
    let mut errors = Vec::new();
    validate(&schema, &schema, &bad, "$", &mut errors);
    assert!(
        errors.iter().any(|e| e.contains("unexpected `extra`")) && errors.iter().any(|e| e.contains("missing `invocations`")),
        "{errors:?}"
    );
}

fn attr(node: roxmltree::Node<'_, '_>, name: &str) -> f64 {
    node.attribute(name).unwrap_or_else(|| panic!("no {name}")).parse().unwrap()
}

/// The plotted series of a panel: (name, [(x, y)]).
fn series(doc: &roxmltree::Document<'_>, panel: &str, mark: &str) -> Vec<(String, Vec<(f64, f64)>)> {
    let panel = doc.descendants().find(|n| n.attribute("id") == Some(panel)).unwrap_or_else(|| panic!("no #{panel}"));
    panel
        .descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("series"))
        .map(|g| {
            let points = g.descendants().filter(|n| n.has_tag_name(mark)).map(|n| (attr(n, "data-x"), attr(n, "data-y"))).collect();
            (g.attribute("data-name").unwrap().to_string(), points)
        })
        .collect()
}

#[test]
fn svg_plot_parses_and_has_the_series() {
    let work = churn_workload(false);
    // A sweep over users: throughput against concurrency has one point per user count.
    let runs: Vec<RunReport> = [1, 2]
        .iter()
        .map(|&u| bench::run(&config(churn_bundle(), Load::Closed { users: u, spawn_rate: None }, 1, 250), &work).unwrap())
        .collect();
    let rep = report(runs.clone(), false);
    let svg = bench::plot::svg(&rep);
    let doc = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let hist = series(&doc, "latency-histogram", "rect");
    assert_eq!(hist.len(), 2);
    for ((_, bars), run) in hist.iter().zip(&runs) {
        assert!(!bars.is_empty());
        assert_eq!(bars.iter().map(|b| b.1).sum::<f64>() as u64, run.invocations, "bars hold every request");
    }
    let tput = series(&doc, "throughput-vs-concurrency", "circle");
    assert_eq!(tput.len(), 1, "one source, one batch size: one series");
    let xs: Vec<f64> = tput[0].1.iter().map(|p| p.0).collect();
    assert_eq!(xs, [1.0, 2.0]);
    for ((_, y), run) in tput[0].1.iter().zip(&runs) {
        assert!((y - run.invocations_per_min / 60.0).abs() <= 1e-6 * y.max(1.0));
    }
    assert!(doc.descendants().any(|n| n.has_tag_name("polyline")));

    // One run with users spawned over time: the ramp gives throughput at 1 and 2 users.
    let ramp = bench::run(&config(churn_bundle(), Load::Closed { users: 2, spawn_rate: Some(5.0) }, 1, 450), &work).unwrap();
    let svg = bench::plot::svg(&report(vec![ramp], false));
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let tput = series(&doc, "throughput-vs-concurrency", "circle");
    assert_eq!(tput[0].1.iter().map(|p| p.0).collect::<Vec<_>>(), [1.0, 2.0]);
    assert!(tput[0].1.iter().all(|p| p.1 > 0.0));
}

/// The `mlc` binary (built in the same profile as this test).
fn mlc() -> Command {
    mlc_tests::mlc_command()
}

#[test]
fn cli_sweep_with_cost_capacity_json_and_plot() {
    let dir = tempfile::tempdir().unwrap();
    let (json, svg) = (dir.path().join("b.json"), dir.path().join("b.svg"));
    let out = mlc()
        .arg("bench")
        .arg(churn_bundle())
        .arg("--input")
        .arg(fixture("churn/heldout.csv"))
        .args(["--route-column", "1", "--duration", "0.2", "--sweep", "threads=1,2", "batch=1,4", "--price-per-core-hour", "0.02"])
        .args(["--target-invocations-per-min", "100000", "--latency-slo-ms", "100", "--json"])
        .arg(&json)
        .arg("--plot")
        .arg(&svg)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("$/M records") && stdout.contains("capacity: at p99") && stdout.contains("measurement overhead"), "{stdout}");
    let report: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let schema = documented_schema();
    let mut errors = Vec::new();
    validate(&schema, &schema, &report, "$", &mut errors);
    assert!(errors.is_empty(), "{errors:#?}");
    let runs = report["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 4);
    // Per-core price: a 2-thread configuration costs twice a 1-thread one.
    assert_eq!(runs.iter().map(|r| r["price_per_hour"].as_f64().unwrap()).collect::<Vec<_>>(), [0.02, 0.02, 0.04, 0.04]);
    let cap = &report["capacity"];
    assert_eq!(cap["slo_met"], true);
    assert!(cap["min_instances"].as_u64().unwrap() <= cap["max_instances"].as_u64().unwrap());
    roxmltree::Document::parse(&std::fs::read_to_string(&svg).unwrap()).unwrap();

    // Errors name the problem.
    let out = mlc()
        .arg("bench")
        .arg(churn_bundle())
        .arg("--input")
        .arg(fixture("churn/heldout.csv"))
        .args(["--sweep", "cores=1"])
        .output()
        .unwrap();
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("unknown key `cores`"));
}
