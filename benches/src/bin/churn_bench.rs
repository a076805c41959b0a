//! mlc's tree runtime vs TL2cgen-generated C on the churn models, one core, one process.
//!
//! ```text
//! cargo run --release -p mlc-benches --bin churn_bench -- [--reps N] [--min-rep-ms MS] [--json FILE]
//! ```
//!
//! First checks that every measured path gives the same outputs as TL2cgen (|Δ| ≤ 2e-6 on
//! margins and probabilities, identical decisions) on every row it times, and aborts if not.
//! Then times each scenario ([`Mode`]) for TL2cgen and for mlc with both tree layouts, and
//! prints the medians, minima and ratios. See `benches/README.md`.
//!
//! Every scenario runs once on the rows in file order, repeated pass after pass, and the main
//! ones also on the same rows in a new order each pass ([`churn::FRESH_ORDERS`] shuffles in turn): a
//! branchy engine's branch predictor learns a sequence of rows repeated hundreds of times,
//! which no endpoint sees.
//!
//! The per-state scenarios run on the states whose TL2cgen C is linked ([`Scope`]): the
//! committed three on a fresh clone, all 51 after `tools/gen_tl2cgen.py`. Both engines then get
//! the same states and the same rows, and the output names them.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hint::black_box;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use mlc_benches::churn::{self, Rows, FRESH_ORDERS, NUM_FEATURES as F};
use mlc_benches::machine::{source_revision, MachineInfo};
use mlc_benches::timing::{self, Case, Config, Timing};
use mlc_benches::tl2cgen::{self, Entry, Tl2cModel};
use mlc_compiler::{CompileOptions, ModelInput, ModelSource, Target};
use mlc_format::manifest::TreeLayout;
use mlc_format::AlignedBytes;
use mlc_format::Artifact;
use mlc_runtime::{Input, Model, Output, Scratch};
use serde_json::json;

type Result<T> = churn::Result<T>;

/// Largest accepted |mlc − TL2cgen| on a margin or a probability.
const TOLERANCE: f32 = 2e-6;

/// mlc tree layouts measured, each forced through `CompileOptions::layout`.
const LAYOUTS: [(TreeLayout, &str); 2] = [(TreeLayout::Complete, "mlc complete"), (TreeLayout::Linked, "mlc linked")];

/// A measured scenario: which model(s), how a row reaches its model, and in which order the
/// rows come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// All-states model, `predict` one row at a time.
    AllRows,
    /// All-states model, all rows in one batch (mlc `predict_batch`; TL2cgen loops).
    AllBatch,
    /// Per-state bundle, one row at a time, each row's model resolved beforehand.
    StatesResolved,
    /// Per-state bundle, one row at a time, `HashMap<&str, _>` lookup per row on both sides.
    StatesHashMap,
    /// Per-state bundle, one row at a time: mlc `artifact.find(state)` into preloaded models;
    /// TL2cgen `HashMap` lookup.
    StatesFind,
    /// Per-state bundle, one row at a time: mlc `Model::by_name` per row (index lookup,
    /// manifest decode, full validation); TL2cgen `HashMap` lookup.
    StatesByName,
    /// Per-state bundle, rows grouped by state beforehand, one batch per state: mlc
    /// `artifact.find` + `predict_batch`; TL2cgen `HashMap` lookup + loop.
    StatesBatch,
    /// [`Mode::AllRows`], the rows in a new order each pass.
    AllRowsFresh,
    /// [`Mode::AllBatch`], the rows in a new order each pass.
    AllBatchFresh,
    /// [`Mode::StatesFind`], the rows in a new order each pass.
    StatesFindFresh,
    /// [`Mode::StatesBatch`], the rows in a new order each pass (within each state's group).
    StatesBatchFresh,
}

impl Mode {
    const ALL: [Mode; 11] = [
        Mode::AllRows,
        Mode::AllBatch,
        Mode::StatesResolved,
        Mode::StatesHashMap,
        Mode::StatesFind,
        Mode::StatesByName,
        Mode::StatesBatch,
        Mode::AllRowsFresh,
        Mode::AllBatchFresh,
        Mode::StatesFindFresh,
        Mode::StatesBatchFresh,
    ];

    fn title(self) -> &'static str {
        match self {
            Mode::AllRows => "all-states, single row",
            Mode::AllBatch => "all-states, batch",
            Mode::StatesResolved => "per-state, single row, pre-resolved",
            Mode::StatesHashMap => "per-state, single row, HashMap both",
            Mode::StatesFind => "per-state, single row, mlc find / C HashMap",
            Mode::StatesByName => "per-state, single row, mlc by_name / C HashMap",
            Mode::StatesBatch => "per-state, batch per state",
            Mode::AllRowsFresh => "all-states, single row, new order each pass",
            Mode::AllBatchFresh => "all-states, batch, new order each pass",
            Mode::StatesFindFresh => "per-state, single row, mlc find / C HashMap, new order each pass",
            Mode::StatesBatchFresh => "per-state, batch per state, new order each pass",
        }
    }

    /// Whether the rows come in a new order each pass (else in file order, every pass).
    fn fresh(self) -> bool {
        matches!(self, Mode::AllRowsFresh | Mode::AllBatchFresh | Mode::StatesFindFresh | Mode::StatesBatchFresh)
    }

    /// The scenario's models and routing, whatever the order of the rows.
    fn routing(self) -> Mode {
        match self {
            Mode::AllRowsFresh => Mode::AllRows,
            Mode::AllBatchFresh => Mode::AllBatch,
            Mode::StatesFindFresh => Mode::StatesFind,
            Mode::StatesBatchFresh => Mode::StatesBatch,
            other => other,
        }
    }

    /// Whether the scenario runs on the rows grouped by state.
    fn grouped(self) -> bool {
        self.routing() == Mode::StatesBatch
    }

    /// Whether the scenario uses the all-states model (compared with XGBoost's outputs too).
    fn all_states(self) -> bool {
        matches!(self.routing(), Mode::AllRows | Mode::AllBatch)
    }
}

/// Command-line options.
struct Args {
    reps: usize,
    min_rep_ms: u64,
    json: Option<PathBuf>,
    /// Only the scenarios whose title contains this (all when `None`).
    only: Option<String>,
}

impl Args {
    fn parse() -> Result<Args> {
        let mut args = Args { reps: 31, min_rep_ms: 20, json: None, only: None };
        let mut it = std::env::args().skip(1);
        while let Some(flag) = it.next() {
            let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
            match flag.as_str() {
                "--reps" => args.reps = value()?.parse()?,
                "--min-rep-ms" => args.min_rep_ms = value()?.parse()?,
                "--json" => args.json = Some(PathBuf::from(value()?)),
                "--only" => args.only = Some(value()?),
                "-h" | "--help" => {
                    println!("usage: churn_bench [--reps N (31)] [--min-rep-ms MS (20)] [--json FILE] [--only TEXT (scenarios whose title contains TEXT)]");
                    std::process::exit(0);
                }
                other => return Err(format!("unknown argument `{other}` (try --help)").into()),
            }
        }
        if args.reps == 0 {
            return Err("--reps must be at least 1".into());
        }
        Ok(args)
    }
}

/// The states the per-state scenarios run on, on both sides: those whose TL2cgen C is linked.
struct Scope {
    /// Linked per-state TL2cgen models, sorted; mlc's bundle holds the same states.
    states: Vec<String>,
    /// Number of states with a churn model (`tests/fixtures/churn/models/states`).
    of: usize,
}

impl Scope {
    fn load() -> Result<Scope> {
        let all = churn::state_names()?;
        let states = tl2cgen::linked_states();
        if states.is_empty() {
            return Err("no per-state TL2cgen model linked (benches/peers/tl2cgen/states/ is empty)".into());
        }
        if let Some(s) = states.iter().find(|s| !all.contains(s)) {
            return Err(format!("TL2cgen model `{s}` has no churn model in tests/fixtures/churn/models/states").into());
        }
        Ok(Scope { states, of: all.len() })
    }

    /// "all 51 states" or "3 of 51 states".
    fn label(&self) -> String {
        if self.states.len() == self.of {
            format!("all {} states", self.of)
        } else {
            format!("{} of {} states", self.states.len(), self.of)
        }
    }

    /// The header's line on the per-state scenarios, which run on `rows` rows.
    fn describe(&self, rows: usize) -> String {
        let n = self.states.len();
        let models = format!("TL2cgen: {n} per-state models, mlc: one {n}-model bundle");
        if n == self.of {
            format!("per-state scenarios: {}, {rows} held-out rows; {models}", self.label())
        } else {
            format!(
                "per-state scenarios: {} ({}), their {rows} held-out rows; {models}; only these states' TL2cgen C is in the tree: \
                 for all {}, run `target/venv/bin/python tools/gen_tl2cgen.py` and rebuild",
                self.label(),
                self.states.join(" "),
                self.of
            )
        }
    }
}

/// The held-out rows in one order, in both engines' input formats: all of them (all-states
/// scenarios), and those of the [`Scope`]'s states as they come and grouped by state.
struct Layout {
    /// Held-out row index of each row of `rows` (file order: `0, 1, ...`).
    order: Vec<usize>,
    rows: Rows,
    entries: Vec<Entry>,
    /// The rows of the scope's states, in this order.
    state_rows: Rows,
    state_entries: Vec<Entry>,
    /// `state_rows` grouped by state (a stable sort: this order within each state).
    sorted: Rows,
    sorted_entries: Vec<Entry>,
    /// Row ranges of each state in `sorted`.
    groups: Vec<(String, Range<usize>)>,
    /// One group spanning all of `rows`, for the all-states batch.
    whole: Vec<(String, Range<usize>)>,
}

impl Layout {
    /// The held-out rows `held_out` in the order `order`.
    fn new(held_out: &Rows, order: Vec<usize>, scope: &Scope) -> Layout {
        let rows = held_out.pick(&order);
        let state_rows = rows.of_states(&scope.states);
        let (sorted, groups) = state_rows.grouped_by_state();
        Layout {
            order,
            entries: rows.entries(),
            state_entries: state_rows.entries(),
            sorted_entries: sorted.entries(),
            whole: vec![("all_states".to_string(), 0..rows.len())],
            rows,
            state_rows,
            sorted,
            groups,
        }
    }

    /// Rows and TL2cgen cells a scenario runs on.
    fn for_mode(&self, mode: Mode) -> (&Rows, &[Entry]) {
        if mode.all_states() {
            (&self.rows, &self.entries)
        } else if mode.grouped() {
            (&self.sorted, &self.sorted_entries)
        } else {
            (&self.state_rows, &self.state_entries)
        }
    }
}

/// The held-out rows in file order and in [`churn::FRESH_ORDERS`] shuffled orders.
struct Inputs {
    file: Layout,
    fresh: Vec<Layout>,
}

impl Inputs {
    fn load(scope: &Scope) -> Result<Inputs> {
        let rows = Rows::held_out()?;
        let fresh = churn::shuffled_orders(rows.len(), FRESH_ORDERS).into_iter().map(|o| Layout::new(&rows, o, scope)).collect();
        Ok(Inputs { file: Layout::new(&rows, (0..rows.len()).collect(), scope), fresh })
    }

    /// The rows of pass number `pass` of `mode`.
    fn layout(&self, mode: Mode, pass: usize) -> &Layout {
        if mode.fresh() {
            &self.fresh[pass % self.fresh.len()]
        } else {
            &self.file
        }
    }

    /// Rows per pass of `mode`.
    fn rows(&self, mode: Mode) -> usize {
        self.file.for_mode(mode).0.len()
    }
}

/// The TL2cgen side: the all-states model and the per-state models by name.
struct Peer {
    all: Tl2cModel,
    states: HashMap<&'static str, Tl2cModel>,
    /// The per-state models (the [`Scope`]), in state-name order.
    table: Vec<Tl2cModel>,
    /// Each file-order per-state row's position in `table`.
    resolved: Vec<usize>,
}

impl Peer {
    fn load(inputs: &Inputs) -> Result<Peer> {
        let all = tl2cgen::model("all_states").ok_or("TL2cgen all_states model not linked")?;
        let table: Vec<Tl2cModel> = tl2cgen::models().into_iter().filter(|m| m.name != "all_states").collect();
        let states = table.iter().map(|m| (m.name, *m)).collect();
        let resolved = resolve(&inputs.file.state_rows.states, |s| table.iter().position(|m| m.name == s))?;
        if all.num_features() != F {
            return Err(format!("TL2cgen all_states has {} features, expected {F}", all.num_features()).into());
        }
        Ok(Peer { all, states, table, resolved })
    }
}

/// Each state's model position, found once with `position` (the pre-resolved scenario).
fn resolve(states: &[String], position: impl Fn(&str) -> Option<usize>) -> Result<Vec<usize>> {
    states.iter().map(|s| position(s).ok_or_else(|| format!("no model for state {s}").into())).collect()
}

/// One mlc layout's compiled artifacts (owned, 64-byte aligned).
struct MlcBytes {
    label: &'static str,
    all: AlignedBytes,
    bundle: AlignedBytes,
}

impl MlcBytes {
    fn compile(layout: TreeLayout, label: &'static str, states: &[String]) -> Result<MlcBytes> {
        let bundle: Vec<&str> = states.iter().map(String::as_str).collect();
        Ok(MlcBytes { label, all: compile(&["all_states"], Some(layout))?, bundle: compile(&bundle, Some(layout))? })
    }
}

/// Compiles the named churn models into one host artifact.
fn compile(names: &[&str], layout: Option<TreeLayout>) -> Result<AlignedBytes> {
    let models: Vec<ModelInput> = names.iter().map(|n| ModelInput::new(*n, ModelSource::Path(churn::model_path(n)))).collect();
    let options = CompileOptions { target: Target::Host, fixed_point: None, layout, check_rows: None, ..Default::default() };
    Ok(AlignedBytes::copy_from(&mlc_compiler::compile_models(&models, &options)?.bytes))
}

/// The mlc side for one layout: models loaded from [`MlcBytes`].
struct Mlc<'a> {
    label: &'static str,
    all: Model<'a>,
    bundle: Artifact<'a>,
    /// Bundle models in artifact order (index = `bundle.find(name)`).
    states: Vec<Model<'a>>,
    by_name: HashMap<&'a str, Model<'a>>,
    /// Each file-order per-state row's position in `states`.
    resolved: Vec<usize>,
}

impl<'a> Mlc<'a> {
    fn load(bytes: &'a MlcBytes, inputs: &Inputs) -> Result<Mlc<'a>> {
        let all = Model::by_name(&Artifact::parse(&bytes.all)?, "all_states")?;
        let bundle = Artifact::parse(&bytes.bundle)?;
        let mut states = Vec::new();
        let mut by_name = HashMap::new();
        for entry in bundle.models() {
            let model = Model::load(&entry)?;
            states.push(model);
            by_name.insert(entry.name, model);
        }
        let resolved = resolve(&inputs.file.state_rows.states, |s| bundle.find(s).map(|i| i as usize))?;
        Ok(Mlc { label: bytes.label, all, bundle, states, by_name, resolved })
    }

    /// The bundle model called `state`, through the artifact's name index.
    #[inline]
    fn find(&self, state: &str) -> &Model<'a> {
        &self.states[self.bundle.find(state).expect("state in bundle") as usize]
    }
}

// ---------------------------------------------------------------------------------------
// One pass of each scenario. `MARGIN` picks raw margins (for verification) over predictions.

/// mlc, one row at a time: `route(i, state)` picks row `i`'s model.
#[inline(always)]
fn mlc_per_row<'a, M: Borrow<Model<'a>>, const MARGIN: bool>(rows: &Rows, route: impl Fn(usize, &str) -> M, out: &mut [f32]) {
    let it = rows.states.iter().zip(rows.features.chunks_exact(F)).zip(out.chunks_exact_mut(1));
    for (i, ((state, row), o)) in it.enumerate() {
        let model = route(i, state);
        let row = black_box(row);
        let output = if MARGIN { Output::Margins } else { Output::Prediction };
        model.borrow().run(Input::Rows(row), output, &mut Scratch::default(), o).expect("mlc predict");
    }
}

/// TL2cgen, one row at a time: `route(i, state)` picks row `i`'s model.
#[inline(always)]
fn tl2c_per_row<const MARGIN: bool>(states: &[String], entries: &[Entry], route: impl Fn(usize, &str) -> Tl2cModel, out: &mut [f32]) {
    for (i, ((state, row), o)) in states.iter().zip(entries.chunks_exact(F)).zip(out.iter_mut()).enumerate() {
        let model = route(i, state);
        let row = black_box(row);
        *o = if MARGIN { model.margin(row) } else { model.predict(row) };
    }
}

/// mlc, one batch call per group of rows: `route(state)` picks the group's model.
#[inline(always)]
fn mlc_grouped<'a, M: Borrow<Model<'a>>, const MARGIN: bool>(
    rows: &Rows,
    groups: &[(String, Range<usize>)],
    route: impl Fn(&str) -> M,
    out: &mut [f32],
) {
    for (state, r) in groups {
        let model = route(state);
        let x = black_box(&rows.features[r.start * F..r.end * F]);
        let o = &mut out[r.clone()];
        let output = if MARGIN { Output::Margins } else { Output::Prediction };
        model.borrow().run(Input::Rows(x), output, &mut Scratch::default(), o).expect("mlc batch");
    }
}

/// TL2cgen, a loop over each group of rows: `route(state)` picks the group's model.
#[inline(always)]
fn tl2c_grouped<const MARGIN: bool>(
    entries: &[Entry],
    groups: &[(String, Range<usize>)],
    route: impl Fn(&str) -> Tl2cModel,
    out: &mut [f32],
) {
    for (state, r) in groups {
        let model = route(state);
        let x = black_box(&entries[r.start * F..r.end * F]);
        for (row, o) in x.chunks_exact(F).zip(&mut out[r.clone()]) {
            *o = if MARGIN { model.margin(row) } else { model.predict(row) };
        }
    }
}

/// One pass of `mode` with mlc over `rows`, writing one value per row into `out`.
fn mlc_pass<const MARGIN: bool>(mode: Mode, m: &Mlc<'_>, rows: &Layout, out: &mut [f32]) {
    let (r, _) = rows.for_mode(mode);
    match mode.routing() {
        Mode::AllRows => mlc_per_row::<_, MARGIN>(r, |_, _| &m.all, out),
        Mode::AllBatch => mlc_grouped::<_, MARGIN>(r, &rows.whole, |_| &m.all, out),
        Mode::StatesResolved => mlc_per_row::<_, MARGIN>(r, |i, _| &m.states[m.resolved[i]], out),
        Mode::StatesHashMap => mlc_per_row::<_, MARGIN>(r, |_, s| &m.by_name[s], out),
        Mode::StatesFind => mlc_per_row::<_, MARGIN>(r, |_, s| m.find(s), out),
        Mode::StatesByName => mlc_per_row::<_, MARGIN>(r, |_, s| Model::by_name(&m.bundle, s).expect("state in bundle"), out),
        _ => mlc_grouped::<_, MARGIN>(r, &rows.groups, |s| m.find(s), out),
    }
}

/// One pass of `mode` with TL2cgen over `rows`, writing one value per row into `out`.
fn tl2c_pass<const MARGIN: bool>(mode: Mode, p: &Peer, rows: &Layout, out: &mut [f32]) {
    let (r, entries) = rows.for_mode(mode);
    let states = &r.states;
    match mode.routing() {
        Mode::AllRows => tl2c_per_row::<MARGIN>(states, entries, |_, _| p.all, out),
        Mode::AllBatch => tl2c_grouped::<MARGIN>(entries, &rows.whole, |_| p.all, out),
        Mode::StatesResolved => tl2c_per_row::<MARGIN>(states, entries, |i, _| p.table[p.resolved[i]], out),
        Mode::StatesHashMap | Mode::StatesFind | Mode::StatesByName => tl2c_per_row::<MARGIN>(states, entries, |_, s| p.states[s], out),
        _ => tl2c_grouped::<MARGIN>(entries, &rows.groups, |s| p.states[s], out),
    }
}

// ---------------------------------------------------------------------------------------
// Verification.

/// Margins and probabilities of every row.
#[derive(Default)]
struct Outputs {
    margins: Vec<f32>,
    probs: Vec<f32>,
}

impl Outputs {
    /// Appends `n` margins from `margins` and `n` probabilities from `probs`.
    fn collect(&mut self, n: usize, margins: impl FnOnce(&mut [f32]), probs: impl FnOnce(&mut [f32])) {
        let at = self.margins.len();
        self.margins.resize(at + n, f32::NAN);
        self.probs.resize(at + n, f32::NAN);
        margins(&mut self.margins[at..]);
        probs(&mut self.probs[at..]);
    }
}

/// How far one output set is from a reference.
#[derive(Debug, Clone)]
struct Agreement {
    what: String,
    rows: usize,
    max_margin_diff: f32,
    max_prob_diff: f32,
    decision_mismatches: usize,
}

impl Agreement {
    fn of(what: String, got: &Outputs, reference: &Outputs) -> Agreement {
        let max_diff = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(0.0f32, f32::max);
        let nan = got.margins.iter().chain(&got.probs).any(|v| v.is_nan());
        Agreement {
            what,
            rows: got.margins.len(),
            max_margin_diff: if nan { f32::NAN } else { max_diff(&got.margins, &reference.margins) },
            max_prob_diff: if nan { f32::NAN } else { max_diff(&got.probs, &reference.probs) },
            decision_mismatches: got.margins.iter().zip(&reference.margins).filter(|(a, b)| (**a > 0.0) != (**b > 0.0)).count(),
        }
    }

    fn to_json(&self) -> serde_json::Value {
        json!({
            "what": self.what,
            "rows": self.rows,
            "max_margin_diff": self.max_margin_diff,
            "max_prob_diff": self.max_prob_diff,
            "decision_mismatches": self.decision_mismatches,
            "ok": self.ok(),
        })
    }

    fn ok(&self) -> bool {
        // NaN compares false, so a NaN output fails too.
        self.max_margin_diff <= TOLERANCE && self.max_prob_diff <= TOLERANCE && self.decision_mismatches == 0
    }
}

/// Compares every mlc path with TL2cgen (and the all-states paths with XGBoost's outputs), on
/// every row order a scenario takes (one line for all the orders).
fn verify(inputs: &Inputs, peer: &Peer, mlcs: &[Mlc<'_>]) -> Result<Vec<Agreement>> {
    let expected = churn::expected_all_states()?;
    if expected.len() != inputs.file.rows.len() {
        return Err(format!("expected_all_states.csv has {} rows, heldout.csv {}", expected.len(), inputs.file.rows.len()).into());
    }
    let mut report = Vec::new();
    for mode in Mode::ALL {
        let n = inputs.rows(mode);
        let orders = if mode.fresh() { inputs.fresh.len() } else { 1 };
        let (mut tl2c, mut xgboost) = (Outputs::default(), Outputs::default());
        let mut got: Vec<Outputs> = mlcs.iter().map(|_| Outputs::default()).collect();
        for pass in 0..orders {
            let rows = inputs.layout(mode, pass);
            tl2c.collect(n, |o| tl2c_pass::<true>(mode, peer, rows, o), |o| tl2c_pass::<false>(mode, peer, rows, o));
            xgboost.margins.extend(rows.order.iter().map(|&i| expected[i].0));
            xgboost.probs.extend(rows.order.iter().map(|&i| expected[i].1));
            for (m, out) in mlcs.iter().zip(&mut got) {
                out.collect(n, |o| mlc_pass::<true>(mode, m, rows, o), |o| mlc_pass::<false>(mode, m, rows, o));
            }
        }
        let which = if mode.fresh() { format!("{} ({orders} orders)", mode.title()) } else { mode.title().to_string() };
        if mode.all_states() {
            report.push(Agreement::of(format!("TL2cgen vs XGBoost: {which}"), &tl2c, &xgboost));
        }
        for (m, out) in mlcs.iter().zip(&got) {
            report.push(Agreement::of(format!("{} vs TL2cgen: {which}", m.label), out, &tl2c));
            if mode.all_states() {
                report.push(Agreement::of(format!("{} vs XGBoost: {which}", m.label), out, &xgboost));
            }
        }
    }
    Ok(report)
}

// ---------------------------------------------------------------------------------------
// Measurement and report.

/// Timings of one scenario: TL2cgen first, then each mlc layout.
struct ScenarioResult {
    mode: Mode,
    /// The model(s) it ran: `all_states` or the [`Scope`]'s label.
    models: String,
    /// Rows per pass.
    rows: usize,
    timings: Vec<Timing>,
}

/// A timed case whose pass writes into its own output buffer, kept alive with `black_box`.
fn case<'a>(label: &str, rows: usize, mut pass: impl FnMut(&mut [f32]) + 'a) -> Case<'a> {
    let mut out = vec![0.0f32; rows];
    Case::new(label, rows, move || {
        pass(&mut out);
        black_box(&mut out);
    })
}

fn measure_all(inputs: &Inputs, scope: &Scope, peer: &Peer, mlcs: &[Mlc<'_>], config: Config, only: Option<&str>) -> Vec<ScenarioResult> {
    Mode::ALL
        .into_iter()
        .filter(|mode| only.is_none_or(|o| mode.title().contains(o)))
        .map(|mode| {
            let n = inputs.rows(mode);
            let models = if mode.all_states() { "all_states".to_string() } else { scope.label() };
            // Each case counts its own passes: every engine takes the orders in the same turn.
            let mut pass = 0;
            let mut cases = vec![case("TL2cgen", n, move |o| {
                tl2c_pass::<false>(mode, peer, inputs.layout(mode, pass), o);
                pass += 1;
            })];
            for m in mlcs {
                let mut pass = 0;
                cases.push(case(m.label, n, move |o| {
                    mlc_pass::<false>(mode, m, inputs.layout(mode, pass), o);
                    pass += 1;
                }));
            }
            eprintln!("measuring: {}", mode.title());
            ScenarioResult { mode, models, rows: n, timings: timing::measure(cases, config) }
        })
        .collect()
}

/// Everything printed before the tables: command, machine, toolchains, settings, states.
fn header_lines(args: &Args, machine: &MachineInfo, inputs: &Inputs, scope: &Scope, default_layout: &str) -> Vec<String> {
    vec![
        format!("command: {}", std::env::args().collect::<Vec<_>>().join(" ")),
        format!(
            "cpu: {} ({} logical CPUs; this process may run on CPUs {}, available_parallelism = {})",
            machine.cpu_model, machine.logical_cpus, machine.allowed_cpus, machine.available_parallelism
        ),
        format!("mlc source (git, at run time): {}", source_revision(Path::new(env!("CARGO_MANIFEST_DIR")))),
        format!("rustc: {} (profile {}, RUSTFLAGS \"{}\")", env!("BENCH_RUSTC"), env!("BENCH_PROFILE"), env!("BENCH_RUSTFLAGS")),
        format!("TL2cgen C: {}; flags: {}", env!("TL2C_CC"), env!("TL2C_CFLAGS")),
        format!("mlc: target host, float32; compiler's default layout for all_states: {default_layout}"),
        format!(
            "rows: {} held-out rows per pass (all-states), {} (per-state); {} reps per case, each >= {} ms; cases interleaved",
            inputs.file.rows.len(),
            inputs.file.state_rows.len(),
            args.reps,
            args.min_rep_ms
        ),
        scope.describe(inputs.file.state_rows.len()),
        format!("\"new order each pass\": {FRESH_ORDERS} shuffles of the same rows (fixed seed), taken in turn, pass after pass, by every engine"),
    ]
}

/// The markdown results table: models and rows, ns/row median (min), throughput and
/// TL2cgen/mlc ratios.
fn table(results: &[ScenarioResult]) -> String {
    let labels: Vec<&str> = results[0].timings.iter().map(|t| t.label.as_str()).collect();
    let mut s = String::from("| scenario | models (rows/pass) |");
    for l in &labels {
        s += &format!(" {l} ns/row, median (min) |");
    }
    for l in &labels[1..] {
        s += &format!(" TL2cgen / {} |", l.trim_start_matches("mlc "));
    }
    s += " M rows/s (median): ";
    s += &labels.join(" / ");
    s += " |\n|---|---|";
    s += &"---:|".repeat(2 * labels.len());
    s += "\n";
    for r in results {
        let tl2c = &r.timings[0];
        s += &format!("| {} | {} ({}) |", r.mode.title(), r.models, r.rows);
        for t in &r.timings {
            s += &format!(" {:.1} ({:.1}) |", t.median_ns(), t.min_ns());
        }
        for t in &r.timings[1..] {
            s += &format!(" {:.2}× |", tl2c.median_ns() / t.median_ns());
        }
        let rates: Vec<String> = r.timings.iter().map(|t| format!("{:.2}", t.items_per_sec() / 1e6)).collect();
        s += &format!(" {} |\n", rates.join(" / "));
    }
    s
}

fn to_json(header: &[String], scope: &Scope, checks: &[Agreement], results: &[ScenarioResult]) -> serde_json::Value {
    let scenarios: Vec<_> = results
        .iter()
        .map(|r| {
            let tl2c = r.timings[0].median_ns();
            let engines: Vec<_> = r
                .timings
                .iter()
                .map(|t| {
                    json!({
                        "engine": t.label,
                        "median_ns_per_row": t.median_ns(),
                        "min_ns_per_row": t.min_ns(),
                        "rows_per_s_median": t.items_per_sec(),
                        "tl2cgen_over_this": tl2c / t.median_ns(),
                        "passes_per_rep": t.passes_per_rep,
                        "ns_per_row_each_rep": t.ns_per_item,
                    })
                })
                .collect();
            json!({ "scenario": r.mode.title(), "mode": format!("{:?}", r.mode), "models": r.models, "rows": r.rows, "engines": engines })
        })
        .collect();
    let checks: Vec<_> = checks.iter().map(Agreement::to_json).collect();
    let per_state = json!({ "states": scope.states, "states_with_a_model": scope.of });
    json!({ "header": header, "per_state": per_state, "verification": checks, "scenarios": scenarios })
}

fn run() -> Result<bool> {
    let args = Args::parse()?;
    let machine = MachineInfo::read();
    let scope = Scope::load()?;
    let inputs = Inputs::load(&scope)?;
    let peer = Peer::load(&inputs)?;
    let default_layout = match Model::by_name(&Artifact::parse(&compile(&["all_states"], None)?)?, "all_states")? {
        Model::Trees(t) => format!("{:?}", t.info().layout),
        Model::Net(_) | Model::Linear(_) => "(not a tree model)".to_string(),
    };
    let bytes = LAYOUTS.iter().map(|&(l, label)| MlcBytes::compile(l, label, &scope.states)).collect::<Result<Vec<_>>>()?;
    let mlcs = bytes.iter().map(|b| Mlc::load(b, &inputs)).collect::<Result<Vec<_>>>()?;

    let header = header_lines(&args, &machine, &inputs, &scope, &default_layout);
    for line in &header {
        println!("{line}");
    }
    let checks = verify(&inputs, &peer, &mlcs)?;
    println!("\nverification (tolerance {TOLERANCE:e}, decision = margin > 0):");
    for c in &checks {
        let verdict = if c.ok() { "ok" } else { "FAIL" };
        println!(
            "  {verdict:4} {}: max |Δmargin| {:.2e}, max |Δprob| {:.2e}, {} decision mismatches / {} rows",
            c.what, c.max_margin_diff, c.max_prob_diff, c.decision_mismatches, c.rows
        );
    }
    if !checks.iter().all(Agreement::ok) {
        eprintln!("churn_bench: verification failed; not measuring");
        return Ok(false);
    }

    let config = Config { reps: args.reps, min_rep: Duration::from_millis(args.min_rep_ms) };
    let results = measure_all(&inputs, &scope, &peer, &mlcs, config, args.only.as_deref());
    println!("\n{}", table(&results));
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&to_json(&header, &scope, &checks, &results))?)?;
        println!("wrote {}", path.display());
    }
    Ok(true)
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("churn_bench: {e}");
            ExitCode::FAILURE
        }
    }
}
