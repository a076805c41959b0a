//! Golden artifacts (docs/format.md §11): artifacts written by a released format version,
//! committed under `tests/fixtures/golden/v<major>.<minor>/`.
//!
//! * Reading: the current reader validates every golden of its major version, of every minor
//!   version, loads every model and computes the committed outputs from it, bit for bit; it
//!   rejects goldens of another major version with `UnsupportedVersion`.
//! * Reproducing: compiling the sources of the current version's goldens with their recorded
//!   options gives their bytes exactly; a failure names the first differing byte and the section
//!   it falls in.
//!
//! `MLC_BLESS_GOLDEN=1 cargo test -p mlc-tests --test golden` rewrites the current version's
//! goldens and their committed outputs instead: a deliberate change of the bytes the compiler
//! writes, never done by default.

use std::path::PathBuf;
use std::sync::Once;

use mlc_compiler::{CompileOptions, Target};
use mlc_format::AlignedBytes;
use mlc_format::{Artifact, FormatError, SectionKind, FORMAT_MAJOR, FORMAT_MINOR, HEADER_LEN, NO_OWNER, SECTION_ENTRY_LEN};
use mlc_runtime::Input::{Rows, Text};
use mlc_runtime::{Model, Scratch, ScratchBuf};
use mlc_tests::{compile, fixture, keras_probabilities, read_csv, read_state_rows, review_calibration, reviews};

/// The environment variable that makes this test rewrite the current version's goldens.
const BLESS: &str = "MLC_BLESS_GOLDEN";

/// The churn states in the tree bundles: depth 1, 5 and 6 (on Cortex-M3 one complete and two
/// linked layouts).
const STATES: [&str; 3] = ["AK", "MT", "TX"];

/// The sentiment network of the int8 golden.
const NETWORK: &str = "imdb_cnn_mcu";
/// The XGBoost fixtures (model name, file under `tests/fixtures` without `.json`) of the links
/// format 1.7 added: `Hinge`, `ExpF64` and `SigmoidUnclamped` (a `binary:logistic` model saved
/// by XGBoost 1.5). Each folder holds `inputs.csv`, each model `<file>.expected.csv`.
const LINKS: &[(&str, &str)] = &[
    ("binary_hinge", "xgboost/3.2.0/binary_hinge"),
    ("survival_aft", "xgboost/3.2.0/survival_aft"),
    ("binary_logistic", "xgboost/1.5.2/binary_logistic"),
];
/// The XGBoost fixtures of format 1.8's categorical layout: partition splits with XGBoost 1.6's
/// out-of-range rule, one-hot splits with 3.2's.
const CATEGORICAL: &[(&str, &str)] =
    &[("partition_1_6", "xgboost_categorical/1.6.2/partition"), ("onehot_3_2", "xgboost_categorical/3.2.0/onehot")];

/// The XGBoost fixtures of format 1.10's linear models (`gblinear`), one output each, from
/// three versions.
const LINEAR: &[(&str, &str)] = &[
    ("logistic_3_2", "xgboost_linear/3.2.0/binary_logistic"),
    ("poisson_2_0", "xgboost_linear/2.0.3/count_poisson"),
    ("squared_error_1_0", "xgboost_linear/1.0.2/reg_squarederror"),
];

/// What a golden artifact is compiled from.
#[derive(Clone, Copy, Debug)]
enum Source {
    /// The per-state churn models of [`STATES`] (XGBoost JSON), as a bundle.
    ChurnStates,
    /// The [`NETWORK`] sentiment CNN, calibrated on the first 148 committed reviews.
    Sentiment,
    /// XGBoost JSON models (name, file stem: [`LINKS`], [`CATEGORICAL`], [`LINEAR`]), as a
    /// bundle.
    XGBoost(&'static [(&'static str, &'static str)]),
}

/// One committed golden artifact.
struct Golden {
    /// Its folder under `tests/fixtures/golden`: the format version that wrote it.
    version: &'static str,
    /// Its file name there.
    file: &'static str,
    source: Source,
    target: Target,
    /// Only read, no longer reproduced: the compiler now writes other bytes for its sources
    /// (a deliberate change, with a new golden beside it); its bytes stay what an older
    /// compiler wrote, and the reader must keep reading them.
    frozen: bool,
    /// Whether its outputs are committed beside it (`<file stem>.expected.csv`, written by the
    /// runtime when blessed), rather than being the framework's own (XGBoost's float32 margins
    /// and probabilities, which the runtime reproduces bit for bit).
    committed_outputs: bool,
}

/// Every golden. The writer declares the lowest format version an artifact needs (§11.1), so
/// each golden sits in the folder of the version its bytes declare, and every golden that is
/// not frozen is reproduced. When the compiler's bytes for a golden's sources change
/// deliberately, or the format version changes, keep the old entries (and files) with
/// `frozen: true` — they are still read (or, from another major version, rejected) — and add
/// entries for the new bytes and bless them (tests/fixtures/golden/README.md).
const GOLDENS: &[Golden] = &[
    Golden {
        version: "v1.0",
        file: "churn_states.x86-64.mlc",
        source: Source::ChurnStates,
        target: Target::X86_64,
        // Since format 1.2 the churn models' feature names are written too (section
        // `feature-names`): kept as a reading test of 1.0 bytes.
        frozen: true,
        committed_outputs: false,
    },
    Golden {
        version: "v1.0",
        file: "churn_states.cortex-m3.mlc",
        source: Source::ChurnStates,
        target: Target::CortexM3,
        frozen: true,
        committed_outputs: true,
    },
    Golden {
        version: "v1.0",
        file: "imdb_cnn_mcu.cortex-m4.mlc",
        source: Source::Sentiment,
        target: Target::CortexM4,
        frozen: false,
        committed_outputs: true,
    },
    Golden {
        version: "v1.2",
        file: "churn_states.x86-64.mlc",
        source: Source::ChurnStates,
        target: Target::X86_64,
        // Since format 1.3 the x86-64 churn models carry the rank index too (sections
        // `tree-rank-chunks`, `tree-rank-nodes`): kept as a reading test of 1.2 bytes.
        frozen: true,
        committed_outputs: false,
    },
    Golden {
        version: "v1.3",
        file: "churn_states.x86-64.mlc",
        source: Source::ChurnStates,
        target: Target::X86_64,
        // Since format 1.4 the x86-64 churn models carry the bit index too (section
        // `tree-bit-nodes`): kept as a reading test of 1.3 bytes.
        frozen: true,
        committed_outputs: false,
    },
    Golden {
        version: "v1.4",
        file: "churn_states.x86-64.mlc",
        source: Source::ChurnStates,
        target: Target::X86_64,
        // Since format 1.5 the x86-64 churn models whose thresholds pack into fewer dense
        // lanes than rank chunks carry the bit index over dense lanes (sections
        // `tree-bit-lanes`, `tree-lane-nodes`) instead: kept as a reading test of 1.4 bytes.
        frozen: true,
        committed_outputs: false,
    },
    Golden {
        version: "v1.5",
        file: "churn_states.x86-64.mlc",
        source: Source::ChurnStates,
        target: Target::X86_64,
        // Since format 1.6 every dense bit index comes with its comparison-byte steps (section
        // `tree-lane-steps`): kept as a reading test of 1.5 bytes.
        frozen: true,
        committed_outputs: false,
    },
    Golden {
        version: "v1.6",
        file: "churn_states.x86-64.mlc",
        source: Source::ChurnStates,
        target: Target::X86_64,
        frozen: false,
        committed_outputs: false,
    },
    Golden {
        version: "v1.7",
        file: "xgboost_links.x86-64.mlc",
        source: Source::XGBoost(LINKS),
        target: Target::X86_64,
        frozen: false,
        committed_outputs: false,
    },
    Golden {
        version: "v1.8",
        file: "xgboost_categorical.x86-64.mlc",
        source: Source::XGBoost(CATEGORICAL),
        target: Target::X86_64,
        // Since format 1.9 the 3.2 model's category names are written too (section
        // `feature-categories`): kept as a reading test of 1.8 bytes.
        frozen: true,
        committed_outputs: false,
    },
    Golden {
        version: "v1.9",
        file: "xgboost_categorical.x86-64.mlc",
        source: Source::XGBoost(CATEGORICAL),
        target: Target::X86_64,
        frozen: false,
        committed_outputs: false,
    },
    Golden {
        version: "v1.10",
        file: "xgboost_linear.x86-64.mlc",
        source: Source::XGBoost(LINEAR),
        target: Target::X86_64,
        frozen: false,
        committed_outputs: false,
    },
    Golden {
        version: "v1.2",
        file: "churn_states.cortex-m3.mlc",
        source: Source::ChurnStates,
        target: Target::CortexM3,
        frozen: false,
        committed_outputs: true,
    },
];

/// Whether compiling `g`'s sources today must give its bytes: not frozen, and of a version this
/// writer writes (its major version, a minor version it knows).
fn reproduced(g: &Golden) -> bool {
    !g.frozen && g.major() == FORMAT_MAJOR && g.minor() <= FORMAT_MINOR
}

fn blessing() -> bool {
    std::env::var_os(BLESS).is_some_and(|v| !v.is_empty() && v != "0")
}

impl Golden {
    fn path(&self) -> PathBuf {
        fixture(&format!("golden/{}/{}", self.version, self.file))
    }

    /// The major version of its folder.
    fn major(&self) -> u16 {
        self.version_part(0)
    }

    /// The minor version of its folder.
    fn minor(&self) -> u16 {
        self.version_part(1)
    }

    /// Part `i` of its folder's `v<major>.<minor>`.
    fn version_part(&self, i: usize) -> u16 {
        self.version[1..].split('.').nth(i).and_then(|m| m.parse().ok()).unwrap_or_else(|| panic!("folder {}", self.version))
    }

    fn expected_path(&self) -> PathBuf {
        self.path().with_extension("expected.csv")
    }

    /// The model names, in the artifact's order.
    fn names(&self) -> Vec<&'static str> {
        match self.source {
            Source::ChurnStates => STATES.to_vec(),
            Source::Sentiment => vec![NETWORK],
            Source::XGBoost(models) => models.iter().map(|(name, _)| *name).collect(),
        }
    }

    /// The `NAME=PATH` model arguments.
    fn specs(&self) -> Vec<String> {
        let path = |name: &str| match self.source {
            Source::ChurnStates => fixture(&format!("churn/models/states/{name}.json")),
            Source::Sentiment => fixture(&format!("sentiment/{name}")),
            Source::XGBoost(models) => {
                let (_, stem) = models.iter().find(|(n, _)| *n == name).unwrap();
                fixture(&format!("{stem}.json"))
            }
        };
        self.names().iter().map(|n| format!("{n}={}", path(n).display())).collect()
    }

    /// The options, with the command line `mlc compile` would record for them.
    fn options(&self) -> CompileOptions {
        let calibration = matches!(self.source, Source::Sentiment).then(review_calibration);
        let mut command_line = format!("--target {}", self.target);
        if let Some(c) = &calibration {
            command_line += &format!(" --calibration {}", c.source);
        }
        CompileOptions { target: self.target, calibration, command_line, ..Default::default() }
    }

    /// The committed bytes, aligned for the reader.
    fn committed(&self) -> AlignedBytes {
        let path = self.path();
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e} (bless with {BLESS}=1 to create it)", path.display()));
        AlignedBytes::copy_from(&bytes)
    }
}

/// One input a golden is checked on.
struct Case {
    /// What it is, for messages: `held-out row 12 (TX)`, `review 3`.
    what: String,
    /// The model to run.
    model: String,
    input: Input,
}

/// A tree ensemble's feature row, or a text model's raw text.
enum Input {
    Row(Vec<f32>),
    Text(Vec<u8>),
}

/// The inputs of `g`, with the framework's outputs for them (XGBoost's `margin,probability`;
/// Keras' float probability).
fn cases(g: &Golden) -> Vec<(Case, Vec<f32>)> {
    match g.source {
        Source::ChurnStates => {
            let mut cases = Vec::new();
            for (name, rows, expected) in [
                ("held-out", "churn/heldout.csv", "churn/expected_per_state.csv"),
                ("edge", "churn/edge.csv", "churn/expected_edge_per_state.csv"),
            ] {
                let rows = read_state_rows(&fixture(rows)).into_iter().zip(read_csv(&fixture(expected))).enumerate();
                for (i, ((state, row), want)) in rows.filter(|(_, ((s, _), _))| STATES.contains(&s.as_str())) {
                    cases.push((Case { what: format!("{name} row {} ({state})", i + 1), model: state, input: Input::Row(row) }, want));
                }
            }
            cases
        }
        Source::XGBoost(models) => {
            let mut cases = Vec::new();
            for (name, stem) in models {
                let stem = fixture(stem);
                let rows = read_csv(&stem.with_file_name("inputs.csv"));
                let expected = read_csv(&stem.with_extension("expected.csv"));
                for (i, (row, want)) in rows.iter().zip(expected).enumerate() {
                    cases.push((
                        Case { what: format!("{name} row {}", i + 1), model: name.to_string(), input: Input::Row(row.clone()) },
                        want,
                    ));
                }
            }
            cases
        }
        Source::Sentiment => reviews()
            .into_iter()
            .zip(keras_probabilities(NETWORK))
            .enumerate()
            .map(|(i, (text, p))| (Case { what: format!("review {}", i + 1), model: NETWORK.into(), input: Input::Text(text) }, vec![p]))
            .collect(),
    }
}

/// The runtime's outputs for `case` from `artifact`: `margin,probability` for a tree ensemble,
/// the probability for the network.
fn run(artifact: &Artifact<'_>, case: &Case) -> Vec<f32> {
    let model = Model::by_name(artifact, &case.model).unwrap_or_else(|e| panic!("{}: {e}", case.model));
    let mut buf = ScratchBuf::new();
    let mut scratch = buf.for_model(&model);
    match &case.input {
        Input::Row(row) => {
            let (mut margin, mut probability) = ([0f32], [0f32]);
            model.margins(Rows(row), &mut scratch, &mut margin).unwrap();
            model.predict(Rows(row), &mut scratch, &mut probability).unwrap();
            vec![margin[0], probability[0]]
        }
        Input::Text(text) => {
            let mut out = [0f32];
            model.predict(Text(text), &mut scratch, &mut out).unwrap_or_else(|e| panic!("{}: {e}", case.model));
            vec![out[0]]
        }
    }
}

/// Equal bits, up to the sign of zero (docs/format.md §11.4).
fn same(a: f32, b: f32) -> bool {
    a.to_bits() == b.to_bits() || (a == 0.0 && b == 0.0)
}

/// Compiles the sources of `g` (panics with the compiler's error).
fn compile_golden(g: &Golden) -> AlignedBytes {
    compile(&g.specs(), &g.options())
}

/// Under [`BLESS`], rewrites every golden of the current version and its committed outputs,
/// once per test run, before any test reads them.
fn bless_once() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if !blessing() {
            return;
        }
        for g in GOLDENS.iter().filter(|g| reproduced(g)) {
            let bytes = compile_golden(g);
            assert!(bytes[..] == compile_golden(g)[..], "{}: two compilations differ; the compiler is not reproducible", g.file);
            let path = g.path();
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &bytes[..]).unwrap();
            eprintln!("{BLESS}: wrote {} ({} bytes)", path.display(), bytes.len());
            if g.committed_outputs {
                let artifact = Artifact::parse(&bytes).unwrap();
                let lines: Vec<String> = cases(g)
                    .iter()
                    .map(|(case, _)| run(&artifact, case).iter().map(f32::to_string).collect::<Vec<_>>().join(",") + "\n")
                    .collect();
                std::fs::write(g.expected_path(), lines.concat()).unwrap();
                eprintln!("{BLESS}: wrote {} ({} rows)", g.expected_path().display(), lines.len());
            }
        }
    });
}

#[test]
fn current_reader_reads_every_golden() {
    bless_once();
    for g in GOLDENS {
        let bytes = g.committed();
        if g.major() != FORMAT_MAJOR {
            // §11.1: a reader implements one major version and reads nothing of another.
            let result = Artifact::parse(&bytes).map(|_| ());
            assert!(matches!(result, Err(FormatError::UnsupportedVersion { .. })), "{}: {result:?}", g.file);
            continue;
        }
        let artifact = Artifact::parse(&bytes).unwrap_or_else(|e| panic!("{}: {e:?}", g.path().display()));
        let header = artifact.header();
        assert_eq!(format!("v{}.{}", header.major, header.minor), g.version, "{}: header version", g.file);
        let provenance = artifact.provenance().unwrap();
        assert_eq!((provenance.target, provenance.options), (&*g.target.to_string(), &*g.options().command_line), "{}", g.file);
        let names: Vec<&str> = artifact.models().map(|m| m.name).collect();
        assert_eq!(names, g.names(), "{}: models", g.file);
        for entry in artifact.models() {
            let model = Model::load(&entry).unwrap_or_else(|e| panic!("{}: model {}: {e}", g.file, entry.name));
            // Feature names (format 1.2): the churn models' 18, in XGBoost's order, from 1.2 on;
            // the categorical models' (trained from a pandas frame) f0..f4.
            let names: Option<Vec<&str>> = model.feature_names().map(|n| n.iter().collect());
            match (g.source, header.minor >= 2) {
                (Source::ChurnStates, true) => {
                    let names = names.unwrap_or_else(|| panic!("{}: model {} has no feature names", g.file, entry.name));
                    assert_eq!((names.len(), names[0], names[17]), (18, "account_length", "number_customer_service_calls"), "{}", g.file);
                }
                (Source::XGBoost(CATEGORICAL), _) => assert_eq!(names, Some(vec!["f0", "f1", "f2", "f3", "f4"]), "{}", g.file),
                _ => assert_eq!(names, None, "{}: model {}: feature names before 1.2", g.file, entry.name),
            }
        }

        let cases = cases(g);
        let got: Vec<Vec<f32>> = cases.iter().map(|(case, _)| run(&artifact, case)).collect();
        let want = if g.committed_outputs { read_csv(&g.expected_path()) } else { cases.iter().map(|(_, w)| w.clone()).collect() };
        assert_eq!(got.len(), want.len(), "{}: rows in {}", g.file, g.expected_path().display());
        let wrong: Vec<String> = cases
            .iter()
            .zip(&got)
            .zip(&want)
            .filter(|((_, got), want)| got.len() != want.len() || !got.iter().zip(*want).all(|(a, b)| same(*a, *b)))
            .map(|(((case, _), got), want)| format!("{}: {got:?}, committed {want:?}", case.what))
            .collect();
        assert!(
            wrong.is_empty(),
            "{}: {} of {} outputs differ from the committed ones:\n  {}",
            g.file,
            wrong.len(),
            got.len(),
            wrong[..wrong.len().min(5)].join("\n  ")
        );
        check_batches(g, &artifact, &cases, &got);
        check_against_framework(g, &cases, &got);
        println!("{}: {} models load; {} outputs as committed", g.file, names.len(), got.len());
    }
}

/// Tree ensembles: each model's rows in one batch (16-row blocks through the bitvector index
/// where the CPU has AVX-512) give the margins and probabilities of single rows, `got`.
fn check_batches(g: &Golden, artifact: &Artifact<'_>, cases: &[(Case, Vec<f32>)], got: &[Vec<f32>]) {
    if !matches!(g.source, Source::ChurnStates) {
        return;
    }
    for state in STATES {
        let rows: Vec<(&[f32], &[f32])> = cases
            .iter()
            .zip(got)
            .filter_map(|((case, _), got)| match &case.input {
                Input::Row(row) if case.model == state => Some((row.as_slice(), got.as_slice())),
                _ => None,
            })
            .collect();
        let model = Model::by_name(artifact, state).unwrap();
        let flat: Vec<f32> = rows.iter().flat_map(|(row, _)| row.iter().copied()).collect();
        let (mut margins, mut probabilities) = (vec![0f32; rows.len()], vec![0f32; rows.len()]);
        model.margins(Rows(&flat), &mut Scratch::default(), &mut margins).unwrap();
        model.predict(Rows(&flat), &mut Scratch::default(), &mut probabilities).unwrap();
        for (i, (_, single)) in rows.iter().enumerate() {
            let batch = [margins[i], probabilities[i]];
            assert!(
                same(batch[0], single[0]) && same(batch[1], single[1]),
                "{}: {state} row {i}: batch {batch:?}, single {single:?}",
                g.file
            );
        }
    }
}

/// The committed outputs are those of the framework, within the arithmetic's error: a golden
/// blessed from a broken compiler does not pass.
fn check_against_framework(g: &Golden, cases: &[(Case, Vec<f32>)], got: &[Vec<f32>]) {
    let decisions = cases.iter().zip(got).filter(|((_, want), got)| (want[want.len() - 1] > 0.5) == (got[got.len() - 1] > 0.5)).count();
    let worst = cases.iter().zip(got).map(|((_, want), got)| (want[0] - got[0]).abs()).fold(0f32, f32::max);
    println!("{}: vs the framework: same decision on {decisions}/{}, max |Δ| {worst:e}", g.file, cases.len());
    match g.source {
        Source::ChurnStates => {
            // Float32 is exact (checked above against XGBoost itself); fixed point errs by at
            // most a few ulps of its Q27 leaves per tree.
            assert!(worst < 1e-5, "{}: margin error {worst} vs XGBoost", g.file);
            assert_eq!(decisions, cases.len(), "{}: decisions vs XGBoost", g.file);
        }
        // Its committed outputs are XGBoost's own (`committed_outputs: false`), already compared
        // bit for bit by the caller.
        Source::XGBoost(_) => {}
        Source::Sentiment => {
            assert!(decisions as f64 >= 0.99 * cases.len() as f64, "{}: {decisions}/{} decisions vs Keras", g.file, cases.len())
        }
    }
}

#[test]
fn compiling_the_sources_reproduces_the_current_goldens() {
    bless_once();
    let goldens: Vec<&Golden> = GOLDENS.iter().filter(|g| reproduced(g)).collect();
    assert!(!goldens.is_empty(), "no golden artifact to reproduce: add entries to GOLDENS and run with {BLESS}=1 (docs/format.md §11)");
    let mut failures = Vec::new();
    for g in goldens {
        let fresh = compile_golden(g);
        let committed = g.committed();
        if committed[..] == fresh[..] {
            println!("{}: compiling its sources reproduces its {} bytes", g.file, committed.len());
        } else {
            failures.push(difference_report(g, &committed, &fresh));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Why the committed and the freshly compiled bytes of `g` differ, and what to do about it.
fn difference_report(g: &Golden, committed: &[u8], fresh: &[u8]) -> String {
    let at = committed.iter().zip(fresh).position(|(a, b)| a != b).unwrap_or(committed.len().min(fresh.len()));
    let mut text = format!(
        "{}: compiling its sources gives different bytes: committed {} bytes, compiled {} bytes, first difference at byte {at} (0x{at:x}):\n  \
         committed: {}\n  compiled:  {}\n",
        g.path().display(),
        committed.len(),
        fresh.len(),
        locate(committed, at),
        locate(fresh, at),
    );
    if let (Ok(a), Ok(b)) = (Artifact::parse_trusted(committed), Artifact::parse_trusted(fresh)) {
        text += &format!("  sections that differ: {}\n", differing_sections(&a, &b));
    }
    text += &format!(
        "If this change is deliberate, regenerate with `{BLESS}=1 cargo test -p mlc-tests --test golden` and follow \
         docs/format.md §11 and tests/fixtures/golden/README.md: if old readers or old bytes break, bump the format \
         version and keep the old goldens."
    );
    text
}

/// The sections, by kind and owner, whose bytes differ between `committed` and `compiled` or
/// that only one of them has.
fn differing_sections(committed: &Artifact<'_>, compiled: &Artifact<'_>) -> String {
    let sections = |a: &Artifact<'_>| -> Vec<((u32, u32), u32)> {
        (0..a.section_count()).map(|i| ((a.section_entry(i).kind, a.section_entry(i).owner), i)).collect()
    };
    let (ours, theirs) = (sections(committed), sections(compiled));
    let find = |list: &[((u32, u32), u32)], key| list.iter().find(|(k, _)| *k == key).map(|(_, i)| *i);
    let mut differing = Vec::new();
    for &(key, i) in &ours {
        match find(&theirs, key) {
            None => differing.push(format!("{} (only committed)", section_name(committed, i))),
            Some(j) if committed.section_bytes(i) != compiled.section_bytes(j) => differing.push(section_name(committed, i)),
            Some(_) => {}
        }
    }
    differing.extend(
        theirs.iter().filter(|(k, _)| find(&ours, *k).is_none()).map(|(_, j)| format!("{} (only compiled)", section_name(compiled, *j))),
    );
    let count = differing.len();
    if count > 12 {
        differing.truncate(12);
        differing.push(format!("and {} more", count - 12));
    }
    format!("{count}: {}", differing.join(", "))
}

/// `#i kind of model `name``, or `#i kind (artifact-wide)`.
fn section_name(artifact: &Artifact<'_>, i: u32) -> String {
    let e = artifact.section_entry(i);
    let kind = SectionKind::from_u32(e.kind).map_or(format!("kind {}", e.kind), |k| k.name().to_string());
    let owner = match e.owner {
        NO_OWNER => "(artifact-wide)".to_string(),
        m => artifact.model(m).map_or(format!("of model #{m}"), |m| format!("of model `{}`", m.name)),
    };
    format!("#{i} {kind} {owner}")
}

/// Where byte `at` of an artifact lies: a header field, a section table entry's field, a
/// section (kind and owner model), or padding.
fn locate(bytes: &[u8], at: usize) -> String {
    const HEADER: [(usize, &str); 11] = [
        (0, "magic"),
        (8, "major"),
        (10, "minor"),
        (12, "header_len"),
        (16, "section_count"),
        (20, "model_count"),
        (24, "section_table_offset"),
        (32, "file_len"),
        (40, "flags"),
        (44, "table_crc"),
        (48, "reserved"),
    ];
    const ENTRY: [(usize, &str); 6] = [(0, "kind"), (4, "owner"), (8, "offset"), (16, "len"), (24, "crc"), (28, "reserved")];
    let field = |fields: &[(usize, &'static str)], at: usize| fields.iter().rev().find(|(start, _)| *start <= at).unwrap().1;
    if at >= bytes.len() {
        return format!("past the end ({} bytes)", bytes.len());
    }
    if at < HEADER_LEN {
        return format!("header field `{}`", field(&HEADER, at));
    }
    let artifact = match Artifact::parse_trusted(bytes) {
        Ok(a) => a,
        Err(e) => return format!("(does not parse: {e:?})"),
    };
    let table_end = HEADER_LEN + artifact.section_count() as usize * SECTION_ENTRY_LEN;
    if at < table_end {
        let i = ((at - HEADER_LEN) / SECTION_ENTRY_LEN) as u32;
        return format!(
            "section table entry of {}, field `{}`",
            section_name(&artifact, i),
            field(&ENTRY, (at - HEADER_LEN) % SECTION_ENTRY_LEN)
        );
    }
    let sections = artifact.section_count();
    for i in 0..sections {
        let e = artifact.section_entry(i);
        if (e.offset as usize..(e.offset + e.len) as usize).contains(&at) {
            return format!("section {}, byte {} of {}", section_name(&artifact, i), at - e.offset as usize, e.len);
        }
    }
    match (0..sections).find(|&i| artifact.section_entry(i).offset as usize > at) {
        Some(i) => format!("padding before section {}", section_name(&artifact, i)),
        None => "padding after the last section".to_string(),
    }
}
