//! Capacity planning, as target-tracking autoscaling sizes a fleet: from the measured
//! configurations, the invocations per minute one instance (and one core) sustains with its
//! p99 latency within the SLO, and how many instances a target load needs.

use serde::Serialize;

/// What the deployment must serve.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CapacityTarget {
    /// Load to serve, invocations per minute.
    pub target_invocations_per_min: f64,
    /// p99 latency not to exceed, milliseconds.
    pub latency_slo_ms: f64,
    /// Share of the sustainable rate the autoscaler aims at (headroom for bursts), 0–1.
    pub target_utilization: f64,
}

/// The plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapacityPlan {
    /// The load and SLO planned for.
    #[serde(flatten)]
    pub target: CapacityTarget,
    /// Whether any configuration met the SLO (else the figures below are zero/null).
    pub slo_met: bool,
    /// The configuration with the highest invocations/min within the SLO.
    pub best_configuration: Option<String>,
    /// Its invocations per minute: what one instance (this machine, so configured) sustains.
    pub sustainable_per_instance_per_min: f64,
    /// Highest invocations/min per load thread (≈ core) among configurations within the SLO.
    pub sustainable_per_core_per_min: f64,
    /// Per-instance value for target tracking: sustainable × target utilization.
    pub tracking_target_per_instance_per_min: f64,
    /// Instances if each runs at its sustainable rate: ceil(target / sustainable).
    pub min_instances: Option<u64>,
    /// Instances at the tracking target: ceil(target / (sustainable × utilization)).
    pub max_instances: Option<u64>,
    /// Cores at the per-core rate: ceil(target / per core).
    pub cores_needed: Option<u64>,
}

/// What planning needs of one measured configuration (a run report's figures:
/// `RunReport::capacity_figures`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunFigures<'a> {
    /// The configuration's label.
    pub label: &'a str,
    /// Threads generating load.
    pub users: usize,
    /// Requests answered.
    pub invocations: u64,
    /// Requests that failed.
    pub errors: u64,
    /// Requests answered per minute.
    pub invocations_per_min: f64,
    /// p99 of the total latency, milliseconds.
    pub p99_ms: f64,
}

/// Plans for `target` from `runs` (only runs without errors count).
pub fn plan<'a>(runs: impl IntoIterator<Item = RunFigures<'a>>, target: CapacityTarget) -> CapacityPlan {
    let ok: Vec<RunFigures<'a>> =
        runs.into_iter().filter(|r| r.errors == 0 && r.invocations > 0 && r.p99_ms <= target.latency_slo_ms).collect();
    let best = ok.iter().max_by(|a, b| a.invocations_per_min.total_cmp(&b.invocations_per_min));
    let per_instance = best.map_or(0.0, |r| r.invocations_per_min);
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per_core = ok.iter().map(|r| r.invocations_per_min / r.users.min(cpus).max(1) as f64).fold(0.0, f64::max);
    let utilization = target.target_utilization.clamp(0.01, 1.0);
    let need = |rate: f64| (rate > 0.0).then(|| (target.target_invocations_per_min / rate).ceil().max(1.0) as u64);
    CapacityPlan {
        target,
        slo_met: best.is_some(),
        best_configuration: best.map(|r| r.label.to_string()),
        sustainable_per_instance_per_min: per_instance,
        sustainable_per_core_per_min: per_core,
        tracking_target_per_instance_per_min: per_instance * utilization,
        min_instances: need(per_instance),
        max_instances: need(per_instance * utilization),
        cores_needed: need(per_core),
    }
}

impl CapacityPlan {
    /// One line for the text report.
    pub fn text(&self) -> String {
        let t = &self.target;
        if !self.slo_met {
            return format!(
                "capacity: no configuration kept p99 within {} ms without errors: {} invocations/min cannot be planned from these runs",
                t.latency_slo_ms, t.target_invocations_per_min
            );
        }
        format!(
            "capacity: at p99 ≤ {} ms one instance ({}) sustains {:.0} invocations/min ({:.0} per core); for {:.0}/min: {} instances at full load, {} at the {:.0} % tracking target ({:.0}/min per instance), {} cores",
            t.latency_slo_ms,
            self.best_configuration.as_deref().unwrap_or("-"),
            self.sustainable_per_instance_per_min,
            self.sustainable_per_core_per_min,
            t.target_invocations_per_min,
            self.min_instances.unwrap_or(0),
            self.max_instances.unwrap_or(0),
            t.target_utilization * 100.0,
            self.tracking_target_per_instance_per_min,
            self.cores_needed.unwrap_or(0),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(label: &str, users: usize, per_min: f64, p99: f64, errors: u64) -> RunFigures<'_> {
        RunFigures { label, users, invocations: 1000, errors, invocations_per_min: per_min, p99_ms: p99 }
    }

    #[test]
    fn plans_from_the_fastest_configuration_within_the_slo() {
        let runs = [run("a", 1, 4000.0, 5.0, 0), run("b", 2, 7000.0, 8.0, 0), run("c", 2, 9000.0, 30.0, 0), run("d", 1, 9500.0, 1.0, 3)];
        let target = CapacityTarget { target_invocations_per_min: 20_000.0, latency_slo_ms: 10.0, target_utilization: 0.7 };
        let p = plan(runs, target);
        // c misses the SLO and d has errors: b is the best, a the best per core.
        assert_eq!(p.best_configuration.as_deref(), Some("b"));
        assert_eq!(p.sustainable_per_instance_per_min, 7000.0);
        assert_eq!(
            p.sustainable_per_core_per_min,
            if std::thread::available_parallelism().map_or(1, |n| n.get()) >= 2 { 4000.0 } else { 7000.0 }
        );
        assert_eq!((p.min_instances, p.max_instances), (Some(3), Some(5))); // 20000/7000 → 3; 20000/4900 → 5
        assert!((p.tracking_target_per_instance_per_min - 4900.0).abs() < 1e-9);
        assert!(p.text().contains("3 instances at full load, 5 at the 70 % tracking target"), "{}", p.text());
        let none = plan(runs, CapacityTarget { latency_slo_ms: 0.5, ..target });
        assert!(!none.slo_met && none.min_instances.is_none() && none.text().contains("cannot be planned"));
    }

    #[test]
    fn error_kinds_and_histogram_buckets() {
        use crate::bench::recorder::{buckets, error_kind, Recorder};
        assert_eq!(error_kind("unknown model `ZZ`"), "unknown-model");
        assert_eq!(error_kind("column 3: `abc` is not a number"), "bad-value");
        assert_eq!(error_kind("expected 19 fields (the model name and 18 features), found 3"), "field-count");
        assert_eq!(error_kind("malformed JSON at column 4: EOF"), "malformed-record");
        let start = std::time::Instant::now();
        let mut r = Recorder::new(start);
        for us in [1u64, 2, 3, 50, 50, 900] {
            let t = std::time::Duration::from_micros(us);
            r.record(start + t, t, t / 2, 1, &[]);
        }
        let b = buckets(&r.total);
        assert_eq!(b.iter().map(|b| b.count).sum::<u64>(), 6);
        assert!(b.windows(2).all(|w| (w[0].high_ms - w[1].low_ms).abs() < 1e-12));
        assert!(b[0].low_ms <= 0.001 && b.last().unwrap().high_ms >= 0.9);
    }
}
