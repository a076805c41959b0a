//! Metrics: per-model request counters and durations (Triton's `nv_inference_*` names), the
//! SageMaker model/overhead split, the registry's loads and evictions, and the server's
//! responses, written as Prometheus text (`GET /metrics`, [`Metrics::render`]).
//!
//! Durations are cumulative microseconds (counters, as Triton's): divide by the request count
//! for a mean, or take differences between two scrapes.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use hyper::StatusCode;
use mlc_host::Registry;

/// Counters of one model.
#[derive(Default)]
pub struct ModelMetrics {
    success: AtomicU64,
    /// Failures: a bad request, the model unusable (5xx), past the deadline.
    failure: [AtomicU64; 3],
    /// Records predicted.
    inferences: AtomicU64,
    /// Requests that ran the model (its calls are batched per request).
    executions: AtomicU64,
    request_ns: AtomicU64,
    queue_ns: AtomicU64,
    compute_ns: AtomicU64,
    unloads: AtomicU64,
}

/// The `reason` label of each failure counter.
const FAILURE_REASONS: [&str; 3] = ["bad_request", "model_unavailable", "timeout"];

/// Status codes counted one by one in `mlc_http_responses_total` (others count as `other`).
const CODES: [u16; 15] = [200, 400, 404, 405, 406, 408, 409, 413, 415, 424, 500, 503, 504, 507, 0];

/// A metric family: its name, its help text, and its value for one model's figures `T`.
type Family<'a, T> = (&'a str, &'a str, &'a dyn Fn(&T) -> u64);

/// The timings of one request.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    /// From its headers to its answer, ready to be written.
    pub request: Duration,
    /// Waiting for a worker.
    pub queue: Duration,
    /// Inside the runtime's calls.
    pub model: Duration,
}

impl Timings {
    /// Everything but the model: parsing, queueing, routing, tokenizing, formatting.
    pub fn overhead(&self) -> Duration {
        self.request.saturating_sub(self.model)
    }
}

/// The server's metrics.
#[derive(Default)]
pub struct Metrics {
    models: Mutex<HashMap<String, Arc<ModelMetrics>>>,
    responses: [AtomicU64; CODES.len()],
    rejected: AtomicU64,
}

fn add(counter: &AtomicU64, value: u64) {
    counter.fetch_add(value, Ordering::Relaxed);
}

impl Metrics {
    /// The counters of model `name` (created on first use: only names the registry resolved).
    pub fn model(&self, name: &str) -> Arc<ModelMetrics> {
        let mut models = self.models.lock().unwrap_or_else(PoisonError::into_inner);
        match models.get(name) {
            Some(m) => m.clone(),
            None => models.entry(name.to_string()).or_default().clone(),
        }
    }

    /// Counts a response of `status`.
    pub fn response(&self, status: StatusCode) {
        let i = CODES.iter().position(|&c| c == status.as_u16()).unwrap_or(CODES.len() - 1);
        add(&self.responses[i], 1);
        if status == StatusCode::SERVICE_UNAVAILABLE {
            add(&self.rejected, 1);
        }
    }

    /// Counts an inference request of model `name` that ended with `status`, with `records`
    /// predicted.
    pub fn request(&self, name: &str, status: StatusCode, records: u64, timings: &Timings) {
        let m = self.model(name);
        if status.is_success() {
            add(&m.success, 1);
            add(&m.inferences, records);
            add(&m.executions, (records > 0) as u64);
        } else {
            let reason = match status {
                StatusCode::GATEWAY_TIMEOUT => 2,
                s if s.is_server_error() => 1,
                _ => 0,
            };
            add(&m.failure[reason], 1);
        }
        add(&m.request_ns, timings.request.as_nanos() as u64);
        add(&m.queue_ns, timings.queue.as_nanos() as u64);
        add(&m.compute_ns, timings.model.as_nanos() as u64);
    }

    /// Counts an unload of model `name` (the management APIs).
    pub fn unloaded(&self, name: &str) {
        add(&self.model(name).unloads, 1);
    }

    /// The metrics as Prometheus text; `in_flight` is the number of requests admitted now.
    pub fn render(&self, registry: &Registry, in_flight: usize) -> String {
        let mut out = String::new();
        let models: Vec<(String, Arc<ModelMetrics>)> = {
            let mut all: Vec<_> =
                self.models.lock().unwrap_or_else(PoisonError::into_inner).iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            all.sort_by(|a, b| a.0.cmp(&b.0));
            all
        };
        let us = |ns: &AtomicU64| ns.load(Ordering::Relaxed) / 1000;
        let per_model: [Family<ModelMetrics>; 9] = [
            ("nv_inference_request_success", "Successful inference requests", &|m| m.success.load(Ordering::Relaxed)),
            ("nv_inference_count", "Records predicted", &|m| m.inferences.load(Ordering::Relaxed)),
            ("nv_inference_exec_count", "Requests that ran the model (one batched run per request)", &|m| {
                m.executions.load(Ordering::Relaxed)
            }),
            ("nv_inference_request_duration_us", "Cumulative request duration, from its headers to its answer, microseconds", &|m| {
                us(&m.request_ns)
            }),
            ("nv_inference_queue_duration_us", "Cumulative time waiting for a worker, microseconds", &|m| us(&m.queue_ns)),
            ("nv_inference_compute_infer_duration_us", "Cumulative time inside the model, microseconds", &|m| us(&m.compute_ns)),
            ("mlc_model_latency_us", "SageMaker's ModelLatency: cumulative time inside the model, microseconds", &|m| us(&m.compute_ns)),
            (
                "mlc_overhead_latency_us",
                "SageMaker's OverheadLatency: cumulative request time outside the model (parsing, queueing, formatting), microseconds",
                &|m| (m.request_ns.load(Ordering::Relaxed).saturating_sub(m.compute_ns.load(Ordering::Relaxed))) / 1000,
            ),
            ("mlc_model_unloads_total", "Unloads asked for through the management APIs", &|m| m.unloads.load(Ordering::Relaxed)),
        ];
        for (name, help, value) in per_model {
            header(&mut out, name, help, "counter");
            for (model, m) in &models {
                let _ = writeln!(out, "{name}{{model=\"{}\",version=\"1\"}} {}", escape(model), value(m));
            }
        }
        header(&mut out, "nv_inference_request_failure", "Failed inference requests, by reason", "counter");
        for (model, m) in &models {
            for (reason, counter) in FAILURE_REASONS.iter().zip(&m.failure) {
                let _ = writeln!(
                    out,
                    "nv_inference_request_failure{{model=\"{}\",version=\"1\",reason=\"{reason}\"}} {}",
                    escape(model),
                    counter.load(Ordering::Relaxed)
                );
            }
        }
        let stats = registry.stats();
        let registry_metrics: [Family<mlc_host::ModelStats>; 5] = [
            ("mlc_model_loads_total", "Cold loads (first use, and each use after an eviction or unload)", &|s| s.loads),
            ("mlc_model_load_duration_us", "Cumulative cold-load time (map, validate, load), microseconds", &|s| s.cold_load_ns / 1000),
            ("mlc_model_load_duration_max_us", "Longest cold load, microseconds", &|s| s.cold_load_max_ns / 1000),
            ("mlc_model_evictions_total", "Evictions to stay within --memory-budget", &|s| s.evictions),
            ("mlc_model_cache_hits_total", "Requests answered by a loaded model (SageMaker's ModelCacheHit)", &|s| s.warm_hits),
        ];
        for (name, help, value) in registry_metrics {
            header(&mut out, name, help, if name.ends_with("max_us") { "gauge" } else { "counter" });
            for s in &stats {
                let _ = writeln!(out, "{name}{{model=\"{}\"}} {}", escape(&s.name), value(s));
            }
        }
        let gauges: [(&str, &str, u64); 4] = [
            ("mlc_models_loaded", "Models loaded now (SageMaker's LoadedModelCount)", registry.loaded().len() as u64),
            ("mlc_memory_mapped_bytes", "Bytes of the loaded models' sections", registry.memory_used()),
            ("mlc_memory_budget_bytes", "--memory-budget (0: no limit)", if registry.budget() == u64::MAX { 0 } else { registry.budget() }),
            ("mlc_requests_in_flight", "Requests admitted now (queued or running)", in_flight as u64),
        ];
        for (name, help, value) in gauges {
            header(&mut out, name, help, "gauge");
            let _ = writeln!(out, "{name} {value}");
        }
        header(&mut out, "mlc_requests_rejected_total", "Requests refused with 503 (over --max-concurrency)", "counter");
        let _ = writeln!(out, "mlc_requests_rejected_total {}", self.rejected.load(Ordering::Relaxed));
        header(&mut out, "mlc_http_responses_total", "Responses by status code", "counter");
        for (i, code) in CODES.iter().enumerate() {
            let count = self.responses[i].load(Ordering::Relaxed);
            match code {
                0 if i == CODES.len() - 1 => {
                    let _ = writeln!(out, "mlc_http_responses_total{{code=\"other\"}} {count}");
                }
                0 => {}
                code => {
                    let _ = writeln!(out, "mlc_http_responses_total{{code=\"{code}\"}} {count}");
                }
            }
        }
        out
    }
}

fn header(out: &mut String, name: &str, help: &str, kind: &str) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
}

/// A label value escaped as Prometheus' text format requires.
fn escape(value: &str) -> Cow<'_, str> {
    if value.contains(['\\', '"', '\n']) {
        Cow::Owned(value.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n"))
    } else {
        Cow::Borrowed(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_and_text() {
        let metrics = Metrics::default();
        let t = Timings { request: Duration::from_micros(30), queue: Duration::from_micros(5), model: Duration::from_micros(10) };
        assert_eq!(t.overhead(), Duration::from_micros(20));
        metrics.request("AK", StatusCode::OK, 3, &t);
        metrics.request("AK", StatusCode::BAD_REQUEST, 0, &t);
        metrics.request("A\"K", StatusCode::GATEWAY_TIMEOUT, 0, &t);
        metrics.response(StatusCode::OK);
        metrics.response(StatusCode::SERVICE_UNAVAILABLE);
        metrics.response(StatusCode::IM_A_TEAPOT);
        let dir = std::env::temp_dir().join(format!("mlc-serve-metrics-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let registry = Registry::open(&dir, u64::MAX).unwrap();
        let text = metrics.render(&registry, 2);
        for line in [
            "nv_inference_request_success{model=\"AK\",version=\"1\"} 1",
            "nv_inference_count{model=\"AK\",version=\"1\"} 3",
            "nv_inference_request_duration_us{model=\"AK\",version=\"1\"} 60",
            "mlc_overhead_latency_us{model=\"AK\",version=\"1\"} 40",
            "nv_inference_request_failure{model=\"AK\",version=\"1\",reason=\"bad_request\"} 1",
            "nv_inference_request_failure{model=\"A\\\"K\",version=\"1\",reason=\"timeout\"} 1",
            "mlc_requests_in_flight 2",
            "mlc_requests_rejected_total 1",
            "mlc_http_responses_total{code=\"200\"} 1",
            "mlc_http_responses_total{code=\"other\"} 1",
            "mlc_memory_budget_bytes 0",
        ] {
            assert!(text.lines().any(|l| l == line), "{line} not in\n{text}");
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
}
