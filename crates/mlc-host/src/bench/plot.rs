//! `--plot FILE.svg`: the latency histogram and throughput against concurrency, drawn as plain
//! SVG (no dependencies). Each plotted series is a `<g class="series">` with an `id`, its
//! points as `data-x`/`data-y` attributes of its marks, so that tests (and tools) can read the
//! data back.

use std::fmt::Write as _;

use super::report::{BenchReport, RunReport};

const W: f64 = 900.0;
const H: f64 = 380.0;
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
/// started).
pub fn throughput_series(report: &BenchReport) -> Vec<Series> {
    let mut series: Vec<Series> = Vec::new();
    let multi = {
        let mut users: Vec<usize> = report.runs.iter().map(|r| r.users).collect();
        users.sort();
        users.dedup();
        users.len() > 1
    };
    if multi {
        for r in &report.runs {
            let name = format!("{} batch={}", short(&r.source), r.batch_size);
            let point = (r.users as f64, r.invocations_per_min / 60.0);
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
            series.push(Series { name: r.label.clone(), points: ramp(r) });
        }
    }
    series
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

#[allow(clippy::too_many_arguments)]
fn axes(out: &mut String, x0: f64, y0: f64, title: &str, xlabel: &str, ylabel: &str, xmax: f64, ymax: f64, xfmt: &dyn Fn(f64) -> String) {
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
        x0 - 42.0,
        y0 + PANEL_H / 2.0,
        x0 - 42.0,
        y0 + PANEL_H / 2.0,
        esc(ylabel)
    );
    for i in 0..=4 {
        let f = f64::from(i) / 4.0;
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" font-size="9" text-anchor="middle">{}</text><text x="{:.1}" y="{:.1}" font-size="9" text-anchor="end">{}</text>"#,
            x0 + f * PANEL_W,
            y0 + PANEL_H + 14.0,
            esc(&xfmt(f * xmax)),
            x0 - 4.0,
            y0 + PANEL_H - f * PANEL_H + 3.0,
            fmt_num(f * ymax)
        );
    }
}

fn fmt_num(x: f64) -> String {
    if x >= 1000.0 {
        format!("{:.0}", x)
    } else if x >= 10.0 {
        format!("{:.1}", x)
    } else {
        format!("{:.3}", x)
    }
}

/// The SVG document.
pub fn svg(report: &BenchReport) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif"><rect width="{W}" height="{H}" fill="white"/>"#
    );

    // Left: latency histogram(s), log-spaced buckets drawn at equal widths.
    let (x0, y0) = (60.0, 40.0);
    let _ = write!(out, r#"<g id="latency-histogram">"#);
    let runs: Vec<&RunReport> = report.runs.iter().filter(|r| !r.histogram.is_empty()).take(COLORS.len()).collect();
    let lo = runs.iter().map(|r| r.histogram[0].low_ms).fold(f64::INFINITY, f64::min);
    let hi = runs.iter().map(|r| r.histogram.last().unwrap().high_ms).fold(0.0, f64::max);
    let (llo, lhi) = if runs.is_empty() { (0.0, 1.0) } else { (lo.log10(), hi.log10().max(lo.log10() + 0.25)) };
    let share = |r: &RunReport, c: u64| c as f64 / r.invocations.max(1) as f64;
    let ymax = runs.iter().flat_map(|r| r.histogram.iter().map(move |b| share(r, b.count))).fold(0.0, f64::max).max(1e-9) * 1.1;
    axes(&mut out, x0, y0, "Latency histogram", "total latency, ms (log scale)", "share of requests", 1.0, ymax, &|f| {
        fmt_num(10f64.powf(llo + f * (lhi - llo)))
    });
    let xs = |ms: f64| x0 + (ms.log10() - llo) / (lhi - llo) * PANEL_W;
    for (k, r) in runs.iter().enumerate() {
        let _ =
            write!(out, r#"<g class="series" id="histogram-{k}" data-name="{}" fill="{}" fill-opacity="0.55">"#, esc(&r.label), COLORS[k]);
        for b in &r.histogram {
            let (xa, xb) = (xs(b.low_ms), xs(b.high_ms));
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
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" font-size="10" fill="{}">{}</text></g>"#,
            x0 + PANEL_W - 4.0,
            y0 + 12.0 + 12.0 * k as f64,
            COLORS[k],
            esc(&r.label)
        );
    }
    out.push_str("</g>");

    // Right: throughput against concurrency.
    let (x0, y0) = (500.0, 40.0);
    let series = throughput_series(report);
    let xmax = series.iter().flat_map(|s| s.points.iter().map(|p| p.0)).fold(1.0, f64::max) + 1.0;
    let ymax = series.iter().flat_map(|s| s.points.iter().map(|p| p.1)).fold(0.0, f64::max).max(1e-9) * 1.1;
    let _ = write!(out, r#"<g id="throughput-vs-concurrency">"#);
    axes(&mut out, x0, y0, "Throughput vs concurrency", "users (load threads)", "invocations per second", xmax, ymax, &|x| {
        format!("{x:.1}")
    });
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
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" font-size="10" fill="{color}">{}</text></g>"#,
            x0 + 8.0,
            y0 + 12.0 + 12.0 * k as f64,
            esc(&s.name)
        );
    }
    out.push_str("</g></svg>\n");
    out
}
