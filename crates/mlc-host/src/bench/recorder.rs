//! Latency recording: one recorder per load-generator thread (no sharing while the run lasts),
//! merged at the end. Latencies are kept in HDR histograms (nanoseconds, 3 significant digits).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use serde::Serialize;

/// Width of a timeline bucket.
pub const TIMELINE_BUCKET: Duration = Duration::from_millis(100);

/// Highest latency recorded exactly (one hour); longer ones saturate.
const MAX_NS: u64 = 3_600_000_000_000;

fn histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, MAX_NS, 3).expect("valid bounds")
}

/// What one thread saw.
pub struct Recorder {
    /// Whole request: parse, route, predict, format (open loop: from the scheduled send time).
    pub total: Histogram<u64>,
    /// Time inside the runtime's predict calls.
    pub model: Histogram<u64>,
    /// `total - model`: parsing, tokenizing outside the runtime, routing, formatting, queueing.
    pub overhead: Histogram<u64>,
    /// Requests answered.
    pub invocations: u64,
    /// Requests with no bad record.
    pub successes: u64,
    /// Requests with at least one bad record.
    pub errors: u64,
    /// Records predicted (batch size × invocations).
    pub records: u64,
    /// Bad records by kind.
    pub error_kinds: BTreeMap<String, u64>,
    /// Invocations completed per [`TIMELINE_BUCKET`] since the run's start.
    pub timeline: Vec<u64>,
    /// A remote endpoint's own overhead (its `mlc-overhead-latency-us` header).
    pub server_overhead: Histogram<u64>,
    /// Of that, the time its request waited for a worker (`mlc-queue-latency-us`).
    pub server_queue: Histogram<u64>,
    /// Answers that gave the server's latency split in their headers.
    pub split_answers: u64,
    start: Instant,
}

impl Recorder {
    /// An empty recorder for a run that started at `start`.
    pub fn new(start: Instant) -> Recorder {
        Recorder {
            total: histogram(),
            model: histogram(),
            overhead: histogram(),
            invocations: 0,
            successes: 0,
            errors: 0,
            records: 0,
            error_kinds: BTreeMap::new(),
            timeline: Vec::new(),
            server_overhead: histogram(),
            server_queue: histogram(),
            split_answers: 0,
            start,
        }
    }

    /// Records one request that ended at `end`, took `total` and spent `model` in the model.
    #[inline]
    pub fn record(&mut self, end: Instant, total: Duration, model: Duration, records: u64, errors: &[String]) {
        let total_ns = (total.as_nanos() as u64).max(1);
        let model_ns = (model.as_nanos() as u64).min(total_ns);
        self.total.saturating_record(total_ns);
        self.model.saturating_record(model_ns.max(1));
        self.overhead.saturating_record((total_ns - model_ns).max(1));
        self.invocations += 1;
        self.records += records;
        if errors.is_empty() {
            self.successes += 1;
        } else {
            self.errors += 1;
            for message in errors {
                *self.error_kinds.entry(error_kind(message).to_string()).or_default() += 1;
            }
        }
        let bucket = (end.saturating_duration_since(self.start).as_nanos() / TIMELINE_BUCKET.as_nanos()) as usize;
        if bucket >= self.timeline.len() {
            self.timeline.resize(bucket + 1, 0);
        }
        self.timeline[bucket] += 1;
    }

    /// Records the latency split a remote endpoint gave for the request just recorded: its
    /// overhead and, of that, its queueing (its model time is [`Recorder::record`]'s `model`).
    #[inline]
    pub fn record_server(&mut self, overhead: Duration, queue: Duration) {
        self.server_overhead.saturating_record((overhead.as_nanos() as u64).max(1));
        self.server_queue.saturating_record((queue.as_nanos() as u64).max(1));
        self.split_answers += 1;
    }

    /// Adds `other`'s figures to these.
    pub fn merge(&mut self, other: &Recorder) {
        self.total.add(&other.total).expect("same bounds");
        self.model.add(&other.model).expect("same bounds");
        self.overhead.add(&other.overhead).expect("same bounds");
        self.server_overhead.add(&other.server_overhead).expect("same bounds");
        self.server_queue.add(&other.server_queue).expect("same bounds");
        self.split_answers += other.split_answers;
        self.invocations += other.invocations;
        self.successes += other.successes;
        self.errors += other.errors;
        self.records += other.records;
        for (kind, n) in &other.error_kinds {
            *self.error_kinds.entry(kind.clone()).or_default() += n;
        }
        if other.timeline.len() > self.timeline.len() {
            self.timeline.resize(other.timeline.len(), 0);
        }
        for (a, b) in self.timeline.iter_mut().zip(&other.timeline) {
            *a += b;
        }
    }
}

/// The kind of a bad record, from its message (the messages of `mlc transform`).
pub fn error_kind(message: &str) -> &'static str {
    if message.starts_with("unknown model") || message.starts_with("no model named") {
        "unknown-model"
    } else if message.contains("is not a number") || message.contains("is not a token id") {
        "bad-value"
    } else if message.starts_with("expected ") {
        "field-count"
    } else if message.starts_with("malformed JSON") || message.starts_with("no `features`") || message.starts_with("give `text`") {
        "malformed-record"
    } else if message == "empty line" {
        "empty-record"
    } else if message.contains("exceeds the mini-batch limit") {
        "oversize-record"
    } else if message.starts_with("the model") || message.contains("model does not take") {
        "wrong-input-kind"
    } else {
        "other"
    }
}

/// Latency percentiles of one histogram, milliseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Percentiles {
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
    /// 99th percentile.
    pub p99: f64,
    /// 99.9th percentile.
    pub p999: f64,
    /// Largest.
    pub max: f64,
    /// Mean.
    pub mean: f64,
}

impl Percentiles {
    /// The percentiles of `h` (ns) in ms; zeros when empty.
    pub fn of(h: &Histogram<u64>) -> Percentiles {
        if h.is_empty() {
            return Percentiles::default();
        }
        let ms = |ns: u64| ns as f64 / 1e6;
        // Values at a quantile are the highest equivalent value of their bucket: never below
        // the true quantile, and ordered p50 ≤ p90 ≤ p99 ≤ p99.9 ≤ max.
        Percentiles {
            p50: ms(h.value_at_quantile(0.50)),
            p90: ms(h.value_at_quantile(0.90)),
            p99: ms(h.value_at_quantile(0.99)),
            p999: ms(h.value_at_quantile(0.999)),
            max: ms(h.highest_equivalent(h.max())),
            mean: h.mean() / 1e6,
        }
    }
}

/// One bar of a latency histogram: requests with latency in `(low_ms, high_ms]`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bucket {
    /// Lower bound (exclusive), ms.
    pub low_ms: f64,
    /// Upper bound (inclusive), ms.
    pub high_ms: f64,
    /// Requests in it.
    pub count: u64,
}

/// The total-latency histogram in log-spaced buckets (10 per power of ten) from the smallest
/// to the largest value recorded.
pub fn buckets(h: &Histogram<u64>) -> Vec<Bucket> {
    if h.is_empty() {
        return Vec::new();
    }
    let (lo, hi) = (h.min().max(1) as f64, h.highest_equivalent(h.max()) as f64);
    let step = 10f64.powf(0.1);
    let mut edges = vec![10f64.powf((lo.log10() * 10.0).floor() / 10.0)];
    while edges.len() < 2 || *edges.last().unwrap() < hi {
        let next = edges.last().unwrap() * step;
        edges.push(next);
    }
    let mut out: Vec<Bucket> = edges.windows(2).map(|w| Bucket { low_ms: w[0] / 1e6, high_ms: w[1] / 1e6, count: 0 }).collect();
    for v in h.iter_recorded() {
        let x = v.value_iterated_to() as f64;
        let i = edges.partition_point(|&e| e < x).saturating_sub(1).min(out.len().saturating_sub(1));
        if let Some(b) = out.get_mut(i) {
            b.count += v.count_at_value();
        }
    }
    out
}
