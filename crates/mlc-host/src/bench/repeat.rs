//! `mlc bench --repeat N`: the same configuration measured N times, summarised by the median
//! and the spread (smallest to largest) of each figure, so that a difference between two
//! configurations can be told from run-to-run noise; capacity is planned from the slowest
//! repeat, so the plan holds for every run seen.

use std::fmt::Write;

use serde::Serialize;

use super::capacity::RunFigures;
use super::report::{ms, RunReport};

/// Median and spread of one figure over the repeats.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Spread {
    /// The median (the mean of the two middle values for an even count).
    pub median: f64,
    /// The smallest value.
    pub min: f64,
    /// The largest value.
    pub max: f64,
}

impl Spread {
    /// The spread of `values` (not empty; NaNs sort last).
    pub fn of(values: &[f64]) -> Spread {
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        let n = v.len();
        let median = if n == 0 {
            0.0
        } else if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        };
        Spread { median, min: v.first().copied().unwrap_or(0.0), max: v.last().copied().unwrap_or(0.0) }
    }

    /// The spread as a share of the median: (max − min) / median.
    pub fn relative(&self) -> f64 {
        if self.median == 0.0 {
            0.0
        } else {
            (self.max - self.min) / self.median
        }
    }
}

/// One configuration's figures over its repeats.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Repeated {
    /// The configuration's label.
    pub label: String,
    /// Runs measured.
    pub repeats: usize,
    /// Records per second.
    pub records_per_s: Spread,
    /// Invocations per minute.
    pub invocations_per_min: Spread,
    /// Total latency p50, ms.
    pub p50_ms: Spread,
    /// Total latency p99, ms.
    pub p99_ms: Spread,
    /// Model latency p50, ms.
    pub model_p50_ms: Spread,
}

impl Repeated {
    /// The figures of `runs`, repeats of one configuration (not empty).
    pub fn of(runs: &[RunReport]) -> Repeated {
        let spread = |f: &dyn Fn(&RunReport) -> f64| Spread::of(&runs.iter().map(f).collect::<Vec<_>>());
        Repeated {
            label: runs.first().map_or(String::new(), |r| r.label.clone()),
            repeats: runs.len(),
            records_per_s: spread(&|r| r.records_per_s),
            invocations_per_min: spread(&|r| r.invocations_per_min),
            p50_ms: spread(&|r| r.latency_ms.total.p50),
            p99_ms: spread(&|r| r.latency_ms.total.p99),
            model_p50_ms: spread(&|r| r.latency_ms.model.p50),
        }
    }

    /// What capacity planning reads: the slowest repeat's throughput and the worst p99, so the
    /// plan holds for every run seen. `runs` are this configuration's repeats.
    pub fn worst_case<'a>(&self, runs: &'a [RunReport]) -> Option<RunFigures<'a>> {
        let first = runs.first()?;
        Some(RunFigures {
            label: &first.label,
            users: first.users,
            invocations: runs.iter().map(|r| r.invocations).min().unwrap_or(0),
            errors: runs.iter().map(|r| r.errors).sum(),
            invocations_per_min: self.invocations_per_min.min,
            p99_ms: self.p99_ms.max,
        })
    }
}

/// The table of every configuration's median and spread.
pub fn table(rows: &[Repeated]) -> String {
    let mut out = String::new();
    let n = rows.first().map_or(0, |r| r.repeats);
    let _ = writeln!(out, "over {n} repeats: median [smallest – largest], spread = (largest − smallest) / median");
    let count = |s: &Spread| format!("{:.0} [{:.0} – {:.0}] ±{:.0} %", s.median, s.min, s.max, s.relative() * 50.0);
    let time = |s: &Spread| format!("{} [{} – {}] ±{:.0} %", ms(s.median), ms(s.min), ms(s.max), s.relative() * 50.0);
    for r in rows {
        let _ = writeln!(out, "{}", r.label);
        let _ = writeln!(out, "  records/s   {}", count(&r.records_per_s));
        let _ = writeln!(out, "  inv/min     {}", count(&r.invocations_per_min));
        let _ = writeln!(out, "  p50         {}", time(&r.p50_ms));
        let _ = writeln!(out, "  p99         {}", time(&r.p99_ms));
        let _ = writeln!(out, "  model p50   {}", time(&r.model_p50_ms));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_spreads() {
        let s = Spread::of(&[3.0, 1.0, 2.0]);
        assert_eq!((s.median, s.min, s.max), (2.0, 1.0, 3.0));
        assert_eq!(s.relative(), 1.0);
        assert_eq!(Spread::of(&[4.0, 1.0, 2.0, 3.0]).median, 2.5);
        assert_eq!(Spread::of(&[5.0]).relative(), 0.0);
    }
}
