//! `--plot FILE.svg`: the latency histogram and throughput against concurrency, drawn as plain
//! SVG (no dependencies). Each plotted series is a `<g class="series">` with an `id`, its
//! points as `data-x`/`data-y` attributes of its marks, so that tests (and tools) can read the
//! data back.
//!
//! Axes have round tick values (1, 2 or 5 × 10ⁿ); the latency axis ends at the largest p99.9
//! (the buckets beyond are kept as zero-width bars, and their requests noted under the panel);
//! each run's p50 and p99 (and the SLO of a capacity plan) are marked; throughput is in
//! records per second when the runs' batch sizes differ; legends sit under their panel.

use std::fmt::Write as _;

use super::report::{BenchReport, RunReport};

const W: f64 = 900.0;
/// Height without the legends (each legend line adds [`LEGEND_LINE`]).
const H: f64 = 364.0;
const LEGEND_LINE: f64 = 13.0;
const PANEL_W: f64 = 380.0;
const PANEL_H: f64 = 260.0;
const COLORS: [&str; 6] = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A series of throughput against concurrency: (users, invocations/s) points.
pub struct Series {
    /// The legend's label.
    pub name: String,
    /// (users, invocations/s), in order of users.
    pub points: Vec<(f64, f64)>,
}

/// Throughput against concurrency: one series per source and batch size when several user
/// counts were measured, else the ramp-up of each run (throughput at each number of users
/// started). Invocations per second, or records per second when batch sizes differ.
pub fn throughput_series(report: &BenchReport) -> Vec<Series> {
    let mut series: Vec<Series> = Vec::new();
    // Requests of different sizes are not comparable: count records then.
    let per = |r: &RunReport| if records_axis(report) { r.batch_size as f64 } else { 1.0 };
    let multi = {
        let mut users: Vec<usize> = report.runs.iter().map(|r| r.users).collect();
        users.sort();
        users.dedup();
        users.len() > 1
    };
    if multi {
        for r in &report.runs {
            let name = format!("{} batch={}", short(&r.source), r.batch_size);
            let point = (r.users as f64, r.invocations_per_min / 60.0 * per(r));
            match series.iter_mut().find(|s| s.name == name) {
                Some(s) => s.points.push(point),
                None => series.push(Series { name, points: vec![point] }),
            }
        }
        for s in &mut series {
            s.points.sort_by(|a, b| a.0.total_cmp(&b.0));
        }
    } else {
        for r in &report.runs {
            let points = ramp(r).into_iter().map(|(u, rate)| (u, rate * per(r))).collect();
            series.push(Series { name: r.label.clone(), points });
        }
    }
    series
}

/// Whether throughput is drawn in records per second: the runs' batch sizes differ.
fn records_axis(report: &BenchReport) -> bool {
    report.runs.windows(2).any(|w| w[0].batch_size != w[1].batch_size)
}

fn short(source: &str) -> String {
    std::path::Path::new(source).file_name().map_or(source.to_string(), |n| n.to_string_lossy().into_owned())
}

/// Mean throughput at each number of users started (the last, partial bucket dropped).
fn ramp(r: &RunReport) -> Vec<(f64, f64)> {
    let full = &r.timeline[..r.timeline.len().saturating_sub(1).max(1).min(r.timeline.len())];
    let mut by_users: Vec<(usize, f64, u32)> = Vec::new();
    for p in full {
        match by_users.iter_mut().find(|e| e.0 == p.users) {
            Some(e) => {
                e.1 += p.invocations_per_s;
                e.2 += 1;
            }
            None => by_users.push((p.users, p.invocations_per_s, 1)),
        }
    }
    by_users.sort_by_key(|e| e.0);
    by_users.into_iter().map(|(u, sum, n)| (u as f64, sum / f64::from(n))).collect()
}

/// Ticks of an axis: (position from 0 to 1 along it, label).
type Ticks = Vec<(f64, String)>;

/// Linear ticks at round values up to `max` (which the axis ends at).
fn linear_ticks(max: f64) -> Ticks {
    let step = nice_step(max);
    (0..).map(|i| f64::from(i) * step).take_while(|v| *v <= max * (1.0 + 1e-9)).map(|v| (v / max, fmt_tick(v))).collect()
}

#[allow(clippy::too_many_arguments)]
fn axes(out: &mut String, x0: f64, y0: f64, title: &str, xlabel: &str, ylabel: &str, xticks: &Ticks, yticks: &Ticks) {
    let _ = write!(
        out,
        r#"<text x="{:.1}" y="{:.1}" font-size="14" text-anchor="middle">{}</text><line x1="{x0}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="black"/><line x1="{x0}" y1="{y0}" x2="{x0}" y2="{:.1}" stroke="black"/><text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle">{}</text><text x="{:.1}" y="{:.1}" font-size="11" transform="rotate(-90 {:.1} {:.1})" text-anchor="middle">{}</text>"#,
        x0 + PANEL_W / 2.0,
        y0 - 12.0,
        esc(title),
        y0 + PANEL_H,
        x0 + PANEL_W,
        y0 + PANEL_H,
        y0 + PANEL_H,
        x0 + PANEL_W / 2.0,
        y0 + PANEL_H + 32.0,
        esc(xlabel),
        x0 - 46.0,
        y0 + PANEL_H / 2.0,
        x0 - 46.0,
        y0 + PANEL_H / 2.0,
        esc(ylabel)
    );
    for (f, label) in xticks {
        let x = x0 + f * PANEL_W;
        let _ = write!(
            out,
            r#"<line class="tick" x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="black"/><text x="{x:.1}" y="{:.1}" font-size="9" text-anchor="middle">{}</text>"#,
            y0 + PANEL_H,
            y0 + PANEL_H + 4.0,
            y0 + PANEL_H + 14.0,
            esc(label)
        );
    }
    for (f, label) in yticks {
        let y = y0 + PANEL_H - f * PANEL_H;
        let _ = write!(
            out,
            r#"<line class="tick" x1="{:.1}" y1="{y:.1}" x2="{x0}" y2="{y:.1}" stroke="black"/><text x="{:.1}" y="{:.1}" font-size="9" text-anchor="end">{}</text>"#,
            x0 - 4.0,
            x0 - 6.0,
            y + 3.0,
            esc(label)
        );
    }
}

/// A legend line under a panel: a colour swatch and the label.
fn legend(out: &mut String, x0: f64, line: usize, color: &str, label: &str) {
    let y = 40.0 + PANEL_H + 62.0 + LEGEND_LINE * line as f64;
    let _ = write!(
        out,
        r#"<rect x="{x0:.1}" y="{:.1}" width="10" height="10" fill="{color}"/><text x="{:.1}" y="{y:.1}" font-size="10">{}</text>"#,
        y - 9.0,
        x0 + 14.0,
        esc(label)
    );
}

/// A round step (1, 2 or 5 × 10ⁿ) that cuts `0..max` into about four ticks.
pub fn nice_step(max: f64) -> f64 {
    if !(max.is_finite() && max > 0.0) {
        return 1.0;
    }
    let raw = max / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let f = raw / magnitude;
    magnitude
        * if f <= 1.0 {
            1.0
        } else if f <= 2.0 {
            2.0
        } else if f <= 5.0 {
            5.0
        } else {
            10.0
        }
}

/// Round values of a log axis from `lo` to `hi` (both > 0): 1, 2, 5 × 10ⁿ within the range.
pub fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let mut ticks = Vec::new();
    let mut decade = 10f64.powf(lo.log10().floor());
    while decade <= hi * (1.0 + 1e-9) && ticks.len() < 40 {
        for m in [1.0, 2.0, 5.0] {
            let t = decade * m;
            if t >= lo * (1.0 - 1e-9) && t <= hi * (1.0 + 1e-9) {
                ticks.push(t);
            }
        }
        decade *= 10.0;
    }
    ticks
}

/// A round tick value, short: `0.005`, `0.2`, `5`, `400k`, `1.5M`.
pub fn fmt_tick(v: f64) -> String {
    let round = |x: f64| (x * 1e6).round() / 1e6;
    if v.abs() >= 1e6 {
        format!("{}M", round(v / 1e6))
    } else if v.abs() >= 1e3 {
        format!("{}k", round(v / 1e3))
    } else {
        format!("{}", round(v))
    }
}

/// The SVG document.
pub fn svg(report: &BenchReport) -> String {
    let mut out = String::new();
    let runs: Vec<&RunReport> = report.runs.iter().filter(|r| !r.histogram.is_empty()).take(COLORS.len()).collect();
    let series = throughput_series(report);
    let h = H + LEGEND_LINE * runs.len().max(series.len()) as f64;
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{h}" viewBox="0 0 {W} {h}" font-family="sans-serif"><rect width="{W}" height="{h}" fill="white"/>"#
    );

    // Left: latency histogram(s), log-spaced buckets drawn at equal widths.
    let (x0, y0) = (60.0, 40.0);
    let _ = write!(out, r#"<g id="latency-histogram">"#);
    let lo = runs.iter().map(|r| r.histogram[0].low_ms).fold(f64::INFINITY, f64::min);
    let last = runs.iter().map(|r| r.histogram.last().map_or(0.0, |b| b.high_ms)).fold(0.0, f64::max);
    // The axis ends at the largest p99.9 (or the last bucket, if nearer): outliers are noted.
    let p999 = runs.iter().map(|r| r.latency_ms.total.p999).fold(0.0, f64::max);
    let hi = if p999 > lo { last.min(p999 * 1.05) } else { last };
    let (llo, lhi) = if runs.is_empty() { (0.0, 1.0) } else { (lo.log10(), hi.log10().max(lo.log10() + 0.25)) };
    let share = |r: &RunReport, c: u64| c as f64 / r.invocations.max(1) as f64;
    let ymax_raw = runs.iter().flat_map(|r| r.histogram.iter().map(move |b| share(r, b.count))).fold(0.0, f64::max).max(1e-9) * 1.1;
    // A share is at most 1: the axis need not go beyond.
    let ymax = (nice_step(ymax_raw) * (ymax_raw / nice_step(ymax_raw)).ceil()).min(1.0);
    let xticks: Ticks = if runs.is_empty() {
        Vec::new()
    } else {
        log_ticks(10f64.powf(llo), 10f64.powf(lhi)).into_iter().map(|t| ((t.log10() - llo) / (lhi - llo), fmt_tick(t))).collect()
    };
    axes(&mut out, x0, y0, "Latency histogram", "total latency, ms (log scale)", "share of requests", &xticks, &linear_ticks(ymax));
    let xs = |ms: f64| x0 + ((ms.log10() - llo) / (lhi - llo)).clamp(0.0, 1.0) * PANEL_W;
    let mut outliers = 0;
    for (k, r) in runs.iter().enumerate() {
        let _ =
            write!(out, r#"<g class="series" id="histogram-{k}" data-name="{}" fill="{}" fill-opacity="0.55">"#, esc(&r.label), COLORS[k]);
        for b in &r.histogram {
            let (xa, xb) = (xs(b.low_ms), xs(b.high_ms));
            if b.low_ms >= hi {
                // Beyond the axis: kept as data, drawn with no width.
                outliers += b.count;
                let _ = write!(
                    out,
                    r#"<rect class="bar clipped" x="{xa:.2}" y="{:.2}" width="0" height="0" data-x="{}" data-y="{}"/>"#,
                    y0 + PANEL_H,
                    b.high_ms,
                    b.count
                );
                continue;
            }
            let h = share(r, b.count) / ymax * PANEL_H;
            let _ = write!(
                out,
                r#"<rect class="bar" x="{xa:.2}" y="{:.2}" width="{:.2}" height="{h:.2}" data-x="{}" data-y="{}"/>"#,
                y0 + PANEL_H - h,
                (xb - xa).max(0.5),
                b.high_ms,
                b.count
            );
        }
        out.push_str("</g>");
        // p50 and p99 of the run: dashed and dotted lines in its colour.
        for (name, at, dash) in [("p50", r.latency_ms.total.p50, "6,3"), ("p99", r.latency_ms.total.p99, "2,2")] {
            let x = xs(at);
            let _ = write!(
                out,
                r#"<line class="marker" data-name="{name}" data-x="{at}" x1="{x:.2}" y1="{y0}" x2="{x:.2}" y2="{:.1}" stroke="{}" stroke-dasharray="{dash}"/><text x="{:.1}" y="{:.1}" font-size="8" fill="{}">{name}</text>"#,
                y0 + PANEL_H,
                COLORS[k],
                x + 2.0,
                y0 + 10.0 + 9.0 * (2 * k + (name == "p99") as usize) as f64,
                COLORS[k]
            );
        }
        legend(
            &mut out,
            x0,
            k,
            COLORS[k],
            &format!("{} (p50 {}, p99 {})", r.label, super::report::ms(r.latency_ms.total.p50), super::report::ms(r.latency_ms.total.p99)),
        );
    }
    if let Some(slo) = report.capacity.as_ref().map(|c| c.target.latency_slo_ms).filter(|&s| s > 0.0) {
        // An SLO beyond every latency shown is marked at the axis' end with its value: all
        // requests met it (the axis is not stretched to it, which would squash the data).
        let (x, label) = if slo <= hi { (xs(slo), "SLO".to_string()) } else { (xs(hi), format!("SLO {} →", super::report::ms(slo))) };
        let _ = write!(
            out,
            r#"<line class="marker" data-name="slo" data-x="{slo}" x1="{x:.2}" y1="{y0}" x2="{x:.2}" y2="{:.1}" stroke="black" stroke-width="1.5"/><text x="{:.1}" y="{:.1}" font-size="9" text-anchor="end">{label}</text>"#,
            y0 + PANEL_H,
            x - 2.0,
            y0 + PANEL_H - 4.0
        );
    }
    if outliers > 0 {
        let _ = write!(
            out,
            r#"<text class="outliers" x="{:.1}" y="{:.1}" font-size="9" text-anchor="end">{outliers} request(s) beyond p99.9 not drawn (max {})</text>"#,
            x0 + PANEL_W,
            y0 + PANEL_H + 46.0,
            super::report::ms(last)
        );
    }
    out.push_str("</g>");

    // Right: throughput against concurrency.
    let (x0, y0) = (500.0, 40.0);
    let xmax_raw = series.iter().flat_map(|s| s.points.iter().map(|p| p.0)).fold(1.0, f64::max) + 1.0;
    let xmax = nice_step(xmax_raw).max(1.0).round() * (xmax_raw / nice_step(xmax_raw).max(1.0).round()).ceil();
    let ymax_raw = series.iter().flat_map(|s| s.points.iter().map(|p| p.1)).fold(0.0, f64::max).max(1e-9) * 1.1;
    let ymax = nice_step(ymax_raw) * (ymax_raw / nice_step(ymax_raw)).ceil();
    let unit = if records_axis(report) { "records per second" } else { "invocations per second" };
    let _ = write!(out, r#"<g id="throughput-vs-concurrency">"#);
    let xstep = nice_step(xmax).max(1.0).round();
    let xticks: Ticks = (0..).map(|i| f64::from(i) * xstep).take_while(|v| *v <= xmax).map(|v| (v / xmax, format!("{v:.0}"))).collect();
    axes(&mut out, x0, y0, "Throughput vs concurrency", "users (load threads)", unit, &xticks, &linear_ticks(ymax));
    for (k, s) in series.iter().enumerate() {
        let color = COLORS[k % COLORS.len()];
        let at = |p: &(f64, f64)| (x0 + p.0 / xmax * PANEL_W, y0 + PANEL_H - p.1 / ymax * PANEL_H);
        let pts: Vec<String> = s.points.iter().map(at).map(|(x, y)| format!("{x:.2},{y:.2}")).collect();
        let _ = write!(
            out,
            r#"<g class="series" id="throughput-{k}" data-name="{}"><polyline points="{}" fill="none" stroke="{color}" stroke-width="2"/>"#,
            esc(&s.name),
            pts.join(" ")
        );
        for p in &s.points {
            let (x, y) = at(p);
            let _ =
                write!(out, r#"<circle class="point" cx="{x:.2}" cy="{y:.2}" r="3.5" fill="{color}" data-x="{}" data-y="{}"/>"#, p.0, p.1);
        }
        out.push_str("</g>");
        legend(&mut out, x0, k, color, &s.name);
    }
    out.push_str("</g></svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_ticks() {
        assert_eq!(nice_step(100.0), 50.0);
        assert_eq!(nice_step(7.3), 2.0);
        assert_eq!(nice_step(0.037), 0.01);
        assert_eq!(log_ticks(0.003, 0.2), [0.005, 0.01, 0.02, 0.05, 0.1, 0.2]);
        let ticks = linear_ticks(0.4);
        assert_eq!(ticks.iter().map(|t| t.1.as_str()).collect::<Vec<_>>(), ["0", "0.1", "0.2", "0.3", "0.4"]);
        assert_eq!(fmt_tick(400000.0), "400k");
        assert_eq!(fmt_tick(0.005), "0.005");
    }
}
