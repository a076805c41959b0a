//! The one timing loop: cases are calibrated, then measured in interleaved repetitions.
//!
//! A *case* is a closure doing one *pass* over `items` items (rows). Each case first gets a
//! number of passes per repetition, doubled until one repetition takes at least
//! [`Config::min_rep`]; then every repetition times each case once, round robin, starting
//! from a different case each time, so slow drift (frequency, a noisy neighbour) spreads
//! evenly over the cases instead of landing on one.

use std::time::{Duration, Instant};

/// How long and how often to measure.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    /// Repetitions per case (the median and minimum are taken over these).
    pub reps: usize,
    /// Shortest acceptable repetition.
    pub min_rep: Duration,
}

/// A named closure doing one pass over `items` items.
pub struct Case<'a> {
    label: String,
    items: usize,
    pass: Box<dyn FnMut() + 'a>,
}

impl<'a> Case<'a> {
    /// A case whose `pass` processes `items` items per call.
    pub fn new(label: impl Into<String>, items: usize, pass: impl FnMut() + 'a) -> Case<'a> {
        Case { label: label.into(), items, pass: Box::new(pass) }
    }
}

/// Measured times of one case.
#[derive(Debug, Clone)]
pub struct Timing {
    /// The case's label.
    pub label: String,
    /// Passes per repetition found by calibration.
    pub passes_per_rep: usize,
    /// Nanoseconds per item of each repetition, in measurement order.
    pub ns_per_item: Vec<f64>,
}

impl Timing {
    /// Median nanoseconds per item.
    pub fn median_ns(&self) -> f64 {
        let mut v = self.ns_per_item.clone();
        v.sort_by(f64::total_cmp);
        match v.len() {
            0 => f64::NAN,
            n if n % 2 == 1 => v[n / 2],
            n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
        }
    }

    /// Fastest repetition's nanoseconds per item.
    pub fn min_ns(&self) -> f64 {
        self.ns_per_item.iter().copied().fold(f64::INFINITY, f64::min)
    }

    /// Items per second at the median.
    pub fn items_per_sec(&self) -> f64 {
        1e9 / self.median_ns()
    }
}

/// Calibrates and measures `cases` together; returns their timings in the same order.
pub fn measure(cases: Vec<Case<'_>>, config: Config) -> Vec<Timing> {
    let mut cases: Vec<(Case<'_>, usize)> = cases
        .into_iter()
        .map(|mut c| {
            let passes = calibrate(&mut c, config.min_rep);
            (c, passes)
        })
        .collect();
    let mut samples = vec![Vec::with_capacity(config.reps); cases.len()];
    for rep in 0..config.reps {
        for k in 0..cases.len() {
            let i = (rep + k) % cases.len();
            let (case, passes) = &mut cases[i];
            let elapsed = run_passes(case, *passes);
            samples[i].push(elapsed.as_secs_f64() * 1e9 / (*passes * case.items) as f64);
        }
    }
    cases
        .into_iter()
        .zip(samples)
        .map(|((case, passes), ns_per_item)| Timing { label: case.label, passes_per_rep: passes, ns_per_item })
        .collect()
}

/// Passes per repetition: doubled from 1 (after one warm-up pass) until a repetition takes
/// at least `min_rep`.
fn calibrate(case: &mut Case<'_>, min_rep: Duration) -> usize {
    run_passes(case, 1);
    let mut passes = 1;
    while run_passes(case, passes) < min_rep {
        passes *= 2;
    }
    passes
}

fn run_passes(case: &mut Case<'_>, passes: usize) -> Duration {
    let start = Instant::now();
    for _ in 0..passes {
        (case.pass)();
    }
    start.elapsed()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_min_per_item() {
        let t = Timing { label: "x".into(), passes_per_rep: 1, ns_per_item: vec![3.0, 1.0, 2.0, 10.0] };
        assert_eq!(t.median_ns(), 2.5);
        assert_eq!(t.min_ns(), 1.0);
    }

    #[test]
    fn every_case_gets_every_rep() {
        let mut calls = [0usize; 2];
        let (a, b) = calls.split_at_mut(1);
        let cases = vec![
            Case::new("a", 10, || a[0] += 1),
            Case::new("b", 10, || {
                b[0] += 1;
                std::thread::sleep(Duration::from_micros(200));
            }),
        ];
        let t = measure(cases, Config { reps: 3, min_rep: Duration::from_millis(1) });
        assert_eq!(t.len(), 2);
        assert!(t.iter().all(|t| t.ns_per_item.len() == 3));
        assert!(t[1].min_ns() >= 20_000.0, "a pass sleeps 200 µs for 10 items");
        assert!(calls[0] > 3 && calls[1] > 3);
    }
}
