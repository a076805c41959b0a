//! Bad input gets a typed error naming the place — never a panic: artifacts truncated at every
//! byte, a flipped byte in every section, corrupted structure behind valid checksums, wrong
//! feature counts, unknown model names.

use mlc_compiler::Target;
use mlc_format::AlignedBytes;
use mlc_format::{Artifact, FormatError, SectionKind};
use mlc_runtime::{Input, LoadError, Model, PredictError, Scratch};
use mlc_tests::{compile, fixture, options, read_state_rows};
use proptest::prelude::*;

/// A two-model bundle of small per-state models (compiled once).
fn small_bundle() -> &'static AlignedBytes {
    static BUNDLE: std::sync::OnceLock<AlignedBytes> = std::sync::OnceLock::new();
    BUNDLE.get_or_init(|| {
        let specs: Vec<String> =
            ["AK", "VT"].iter().map(|s| format!("{s}={}", fixture(&format!("churn/models/states/{s}.json")).display())).collect();
        compile(&specs, &options(Target::Host, None))
    })
}

fn rows() -> Vec<Vec<f32>> {
    read_state_rows(&fixture("churn/edge.csv")).into_iter().map(|(_, r)| r).collect()
}

#[test]
fn truncation_at_every_byte_is_an_error() {
    let bytes = small_bundle();
    assert!(Artifact::parse(bytes).is_ok());
    for cut in 0..bytes.len() {
        let prefix = AlignedBytes::copy_from(&bytes[..cut]);
        let err = Artifact::parse(&prefix).expect_err("a truncated artifact must not validate");
        assert!(matches!(err, FormatError::Truncated { .. } | FormatError::BadMagic), "cut at {cut}: {err}");
        // The message says where.
        assert!(!err.to_string().is_empty());
    }
}

#[test]
fn a_flipped_byte_anywhere_is_caught_and_located() {
    let bytes = small_bundle();
    let artifact = Artifact::parse(bytes).unwrap();
    let table_end = 64 + artifact.section_count() as usize * 32;
    // Every byte of the header and the section table.
    for at in 0..table_end {
        let mut bad = bytes.as_slice().to_vec();
        bad[at] ^= 0x10;
        assert!(Artifact::parse(&AlignedBytes::copy_from(&bad)).is_err(), "flip at header/table byte {at} went unnoticed");
    }
    // Several bytes of every section: the error names that section.
    for s in 0..artifact.section_count() {
        let e = artifact.section_entry(s);
        for k in [0, e.len / 2, e.len.saturating_sub(1)] {
            if e.len == 0 {
                continue;
            }
            let mut bad = bytes.as_slice().to_vec();
            bad[(e.offset + k) as usize] ^= 0x01;
            let err = Artifact::parse(&AlignedBytes::copy_from(&bad)).unwrap_err();
            assert_eq!(err, FormatError::SectionChecksum { section: s, kind: SectionKind::from_u32(e.kind) }, "section {s} byte {k}");
            assert!(err.to_string().contains(&format!("section {s}")), "{err}");
        }
    }
}

#[test]
fn misaligned_and_foreign_bytes_are_rejected() {
    let bytes = small_bundle();
    let mut shifted = vec![0u8; bytes.len() + 1];
    shifted[1..].copy_from_slice(bytes);
    let shifted = AlignedBytes::copy_from(&shifted);
    assert!(matches!(Artifact::parse(&shifted[1..]), Err(FormatError::MisalignedBase { .. })));
    let json = AlignedBytes::copy_from(br#"{"learner": {}}"#);
    assert_eq!(Artifact::parse(&json).unwrap_err(), FormatError::BadMagic);
    let mut future = bytes.as_slice().to_vec();
    future[8] = 2; // major version 2
    assert!(matches!(Artifact::parse(&AlignedBytes::copy_from(&future)), Err(FormatError::UnsupportedVersion { major: 2, .. })));
}

#[test]
fn wrong_feature_counts_and_buffers_are_typed_errors() {
    let bytes = small_bundle();
    let artifact = Artifact::parse(bytes).unwrap();
    let model = Model::by_name(&artifact, "AK").unwrap();
    let row = &rows()[0];
    let mut out = [0f32];
    assert_eq!(
        model.predict(Input::Rows(&row[..17]), &mut Scratch::default(), &mut out),
        Err(PredictError::FeatureCount { expected: 18, got: 17 })
    );
    let mut long = row.clone();
    long.push(1.0);
    assert_eq!(
        model.predict(Input::Rows(&long), &mut Scratch::default(), &mut out),
        Err(PredictError::FeatureCount { expected: 18, got: 19 })
    );
    assert_eq!(model.predict(Input::Rows(row), &mut Scratch::default(), &mut []), Err(PredictError::OutputLen { expected: 1, got: 0 }));
    let flat: Vec<f32> = rows()[..3].iter().flatten().copied().collect();
    assert_eq!(
        model.predict(Input::Rows(&flat[..53]), &mut Scratch::default(), &mut [0.0; 3]),
        Err(PredictError::FeatureCount { expected: 18, got: 53 })
    );
    assert_eq!(
        model.predict(Input::Rows(&flat), &mut Scratch::default(), &mut [0.0; 2]),
        Err(PredictError::OutputLen { expected: 3, got: 2 })
    );
    assert!(PredictError::FeatureCount { expected: 18, got: 17 }.to_string().contains("18 features"));
}

#[test]
fn unknown_model_names_are_errors() {
    let bytes = small_bundle();
    let artifact = Artifact::parse(bytes).unwrap();
    assert_eq!(Model::by_name(&artifact, "ZZ").unwrap_err(), LoadError::UnknownModel);
    assert_eq!(Model::by_name(&artifact, "").unwrap_err(), LoadError::UnknownModel);
    let loaded = mlc_host::LoadedArtifact::from_bytes("bundle.mlc", bytes).unwrap();
    let err = loaded.model(Some("ZZ")).unwrap_err().to_string();
    assert!(err.contains("bundle.mlc") && err.contains("`ZZ`") && err.contains("AK"), "{err}");
    let err = loaded.model(None).unwrap_err().to_string();
    assert!(err.contains("--model"), "{err}");
}

/// Corrupts the bundle *behind* valid checksums: every structural rule of the format and the
/// loader must hold on its own. Whatever the bytes, validation and prediction never panic.
fn corrupt_and_run(base: &[u8], edits: &[(usize, u8)]) {
    let mut bytes = base.to_vec();
    for &(at, v) in edits {
        let at = at % bytes.len();
        bytes[at] = v;
    }
    let bytes = AlignedBytes::copy_from(&bytes);
    let Ok(artifact) = Artifact::parse_trusted(&bytes) else { return };
    for entry in artifact.models() {
        if let Ok(model) = Model::load(&entry) {
            // Values 0.5, 1.5, 2.5 …: below and above thresholds, and category codes.
            let row: Vec<f32> = (0..model.num_features()).map(|i| (i % 4) as f32 + 0.5).collect();
            let mut out = vec![0f32; model.num_outputs()];
            let _ = model.predict(Input::Rows(&row), &mut Scratch::default(), &mut out);
            let mut margins = vec![0f32; model.num_margins()];
            let _ = model.margins(Input::Rows(&row), &mut Scratch::default(), &mut margins);
            // 40 rows: whole 16-row blocks (the vector kernel where available) and a tail.
            let rows: Vec<f32> = (0..40).flat_map(|i| row.iter().map(move |x| x + i as f32 * 0.25)).collect();
            let mut batch = vec![0f32; 40 * model.num_outputs()];
            let _ = model.predict(Input::Rows(&rows), &mut Scratch::default(), &mut batch);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]
    #[test]
    fn corrupted_structure_never_panics(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6)) {
        corrupt_and_run(small_bundle(), &edits);
    }
}

#[test]
fn corrupted_tree_sections_never_panic_exhaustively() {
    // Every byte of every tree section of one model, set to a few hostile values.
    let specs = [format!("AK={}", fixture("churn/models/states/AK.json").display())];
    for layout in [mlc_format::manifest::TreeLayout::Complete, mlc_format::manifest::TreeLayout::Linked] {
        let mut opts = options(Target::Host, None);
        opts.layout = Some(layout);
        corrupt_every_section_byte(&compile(&specs, &opts));
    }
    // The categorical layout (format 1.8), and a linear model (format 1.10).
    for file in ["golden/v1.8/xgboost_categorical.x86-64.mlc", "golden/v1.10/xgboost_linear.x86-64.mlc"] {
        corrupt_every_section_byte(&AlignedBytes::copy_from(&std::fs::read(fixture(file)).unwrap()));
    }
}

/// A linear model's sections that disagree with its manifest (format 1.10: `linear-weights`
/// holds features × groups weights, `base-margin` one per group) are typed load errors naming
/// the model; a missing section is named too.
#[test]
fn corrupted_linear_models_are_load_errors() {
    const GOLDEN: &str = "golden/v1.10/xgboost_linear.x86-64.mlc";
    assert_eq!(load_first(&with_section(GOLDEN, SectionKind::LinearWeights, |_| {})), Ok(()));
    let cases: [(SectionKind, Edit, &str); 4] = [
        (
            SectionKind::LinearWeights,
            Box::new(|b: &mut Vec<u8>| b.truncate(b.len() - 4)),
            "linear-weights does not hold features × groups weights",
        ),
        (
            SectionKind::LinearWeights,
            Box::new(|b: &mut Vec<u8>| b.extend([0; 4])),
            "linear-weights does not hold features × groups weights",
        ),
        (SectionKind::LinearWeights, Box::new(|b: &mut Vec<u8>| b.truncate(2)), "section size is not a multiple of its record size"),
        (SectionKind::BaseMargin, Box::new(|b: &mut Vec<u8>| b.extend([0; 4])), "base margin count differs from the group count"),
    ];
    for (kind, edit, want) in cases {
        let got = load_first(&with_section(GOLDEN, kind, edit)).unwrap_err();
        assert!(got.contains(want), "{kind:?}: {got}");
    }
    let got = load_first(&rewritten(GOLDEN, |k, _| k != SectionKind::LinearWeights)).unwrap_err();
    assert!(got.contains("linear-weights"), "{got}");
}

/// Every byte of every section of the first model of `bytes`, set to a few hostile values in
/// turn ([`corrupt_and_run`]).
fn corrupt_every_section_byte(bytes: &AlignedBytes) {
    let artifact = Artifact::parse(bytes).unwrap();
    let entry = artifact.model(0).unwrap();
    for s in entry.section_indices() {
        let e = artifact.section_entry(s);
        for k in 0..e.len as usize {
            for v in [0x00, 0x01, 0x7F, 0x80, 0xFF] {
                corrupt_and_run(bytes, &[(e.offset as usize + k, v)]);
            }
        }
    }
}

/// A malformed category set (`tree-categories`, format 1.8) is a typed load error naming the
/// model, the tree and the problem.
#[test]
fn corrupted_category_sets_are_a_load_error() {
    const GOLDEN: &str = "golden/v1.8/xgboost_categorical.x86-64.mlc";
    assert_eq!(load_first(&with_section(GOLDEN, SectionKind::TreeCategories, |_| {})), Ok(()));
    let cases: [(Edit, &str); 4] = [
        (Box::new(|b: &mut Vec<u8>| b[3] |= 0x40), "a category set's header is malformed"),
        (Box::new(|b: &mut Vec<u8>| b[..4].copy_from_slice(&0u32.to_le_bytes())), "a category set's header is malformed"),
        (Box::new(|b: &mut Vec<u8>| b[..4].copy_from_slice(&1000u32.to_le_bytes())), "a category set ends beyond tree-categories"),
        (Box::new(|b: &mut Vec<u8>| b.clear()), "a categorical split's set starts beyond tree-categories"),
    ];
    for (edit, want) in cases {
        let got = load_first(&with_section(GOLDEN, SectionKind::TreeCategories, edit)).unwrap_err();
        assert!(got.starts_with("model 0, tree ") && got.ends_with(want), "{got}");
    }
    // The section on a model of the plain linked layout.
    let linked = rewritten("golden/v1.2/churn_states.cortex-m3.mlc", |_, _| true);
    let artifact = Artifact::parse(&linked).unwrap();
    let mut writer = mlc_format::writer::ArtifactWriter::new();
    for entry in artifact.models() {
        let mut sections: Vec<_> = entry
            .section_indices()
            .skip(1)
            .map(|i| (artifact.section_entry(i).known_kind().unwrap(), artifact.section_bytes(i).to_vec()))
            .collect();
        sections.push((SectionKind::TreeCategories, 1u32.to_le_bytes().into_iter().chain([0; 4]).collect()));
        writer.add_model(entry.name, &entry.manifest().unwrap(), sections).unwrap();
    }
    let bytes = AlignedBytes::copy_from(&writer.finish(&artifact.provenance().unwrap()).unwrap());
    let artifact = Artifact::parse(&bytes).unwrap();
    let err = Model::load(&artifact.model(1).unwrap()).map(|_| ()).unwrap_err().to_string();
    assert_eq!(err, "model 1: tree-categories only with the categorical layout");
}

/// The MCU sentiment model compiled four ways: float and int8 for a Cortex-M4 (embedding,
/// convolution, dense) and for a host (embedding folded into the convolution's tables).
fn network_artifacts() -> &'static [AlignedBytes; 4] {
    static NETS: std::sync::OnceLock<[AlignedBytes; 4]> = std::sync::OnceLock::new();
    NETS.get_or_init(|| {
        let spec = [format!("m={}", fixture("sentiment/imdb_cnn_mcu").display())];
        let build = |target, int8| compile(&spec, &options(target, Some(int8)));
        [build(Target::CortexM4, false), build(Target::CortexM4, true), build(Target::Host, false), build(Target::Host, true)]
    })
}

/// Loads a network behind valid checksums after `edits` and predicts: never a panic, and the
/// scratch it asks for is what the shapes need (no unbounded allocation on a crafted file).
fn corrupt_network_and_run(base: &AlignedBytes, edits: &[(usize, u8)]) {
    let mut bytes = base.as_slice().to_vec();
    for &(at, v) in edits {
        let at = at % bytes.len();
        bytes[at] = v;
    }
    let bytes = AlignedBytes::copy_from(&bytes);
    let Ok(artifact) = Artifact::parse_trusted(&bytes) else { return };
    let Some(entry) = artifact.model(0) else { return };
    let Ok(Model::Net(net)) = Model::load(&entry) else { return };
    assert!(net.scratch_len() <= bytes.len() * 64, "scratch {} for a {}-byte artifact", net.scratch_len(), bytes.len());
    let mut scratch = vec![0f32; net.scratch_len()];
    let mut out = vec![0f32; net.num_outputs()];
    let ids = vec![3u32; 400];
    let _ = net.predict_ids(&ids, &mut scratch, &mut out);
    if let Some(vocab) = net.vocab() {
        let mut token_scratch = vec![0u8; vocab.max_token_len()];
        let mut ids = vec![0u32; 400];
        let _ = net.predict_text(b"a Great movie, really!", &mut token_scratch, &mut ids, &mut scratch, &mut out);
    }
}

#[test]
fn corrupted_network_layers_never_panic() {
    for bytes in network_artifacts() {
        let artifact = Artifact::parse(bytes).unwrap();
        let entry = artifact.model(0).unwrap();
        // Every byte of the manifest and the layer records, set to hostile values.
        for s in entry.section_indices() {
            let e = artifact.section_entry(s);
            if !matches!(SectionKind::from_u32(e.kind), Some(SectionKind::Manifest | SectionKind::NetLayers)) {
                continue;
            }
            for k in 0..e.len as usize {
                for v in [0x00, 0x01, 0x7F, 0x80, 0xFF] {
                    corrupt_network_and_run(bytes, &[(e.offset as usize + k, v)]);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
    #[test]
    fn corrupted_network_artifacts_never_panic(which in 0usize..4, edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6)) {
        corrupt_network_and_run(&network_artifacts()[which], &edits);
    }
}

/// Found by `corrupted_network_artifacts_never_panic`: a bias byte of the int8 host build set to
/// 0x7F made an i32 accumulator overflow (a panic with overflow checks). Accumulators wrap now
/// (docs/format.md §9.9), as the spec says a crafted artifact computes.
#[test]
fn int8_accumulator_overflow_in_a_crafted_artifact_does_not_panic() {
    corrupt_network_and_run(&network_artifacts()[3], &[(2437629392989950383, 127)]);
}

/// The golden churn bundle `file` written again with each model's sections passed through
/// `edit`, which may change their bytes or drop them (returns `false`); checksums are
/// recomputed by the writer, so only the sections' own checks can object.
fn rewritten(file: &str, edit: impl Fn(SectionKind, &mut Vec<u8>) -> bool) -> AlignedBytes {
    let golden = AlignedBytes::copy_from(&std::fs::read(fixture(file)).unwrap());
    let artifact = Artifact::parse(&golden).unwrap();
    let mut writer = mlc_format::writer::ArtifactWriter::new();
    for entry in artifact.models() {
        let sections = entry
            .section_indices()
            .skip(1)
            .filter_map(|i| {
                let kind = artifact.section_entry(i).known_kind().unwrap();
                let mut bytes = artifact.section_bytes(i).to_vec();
                edit(kind, &mut bytes).then_some((kind, bytes))
            })
            .collect();
        writer.add_model(entry.name, &entry.manifest().unwrap(), sections).unwrap();
    }
    AlignedBytes::copy_from(&writer.finish(&artifact.provenance().unwrap()).unwrap())
}

/// The golden churn bundle `file` with each model's `kind` section changed by `edit`.
fn with_section(file: &str, kind: SectionKind, edit: impl Fn(&mut Vec<u8>)) -> AlignedBytes {
    rewritten(file, |k, bytes| {
        if k == kind {
            edit(bytes);
        }
        true
    })
}

/// The v1.2 churn bundle with each model's `feature-names` section changed by `edit`.
fn with_feature_names(edit: impl Fn(&mut Vec<u8>)) -> AlignedBytes {
    with_section("golden/v1.2/churn_states.x86-64.mlc", SectionKind::FeatureNames, edit)
}

/// A malformed bit index (`tree-bit-nodes`, format 1.4) is a typed load error naming the model
/// on every target, whether or not the CPU runs the bit kernel.
#[test]
fn corrupted_bit_index_is_a_load_error() {
    const GOLDEN: &str = "golden/v1.4/churn_states.x86-64.mlc";
    assert_eq!(load_first(&with_section(GOLDEN, SectionKind::TreeBitNodes, |_| {})), Ok(()));
    let cases: [(Edit, &str); 4] = [
        (Box::new(|b: &mut Vec<u8>| b[64] = 8), "model 0: tree-bit-nodes holds a byte index above 127 or a selector outside its lane"),
        (
            Box::new(|b: &mut Vec<u8>| b[127 + 128] = 0),
            "model 0: tree-bit-nodes holds a byte index above 127 or a selector outside its lane",
        ),
        (Box::new(|b: &mut Vec<u8>| b[3] = 128), "model 0: tree-bit-nodes holds a byte index above 127 or a selector outside its lane"),
        (Box::new(|b: &mut Vec<u8>| b.truncate(b.len() - 128)), "model 0: tree-bit-nodes holds a different number of trees"),
    ];
    for (edit, want) in cases {
        let got = load_first(&with_section(GOLDEN, SectionKind::TreeBitNodes, edit));
        assert_eq!(got, Err(want.to_string()));
    }
    // Without the rank index it is built on.
    let no_ranks = rewritten(GOLDEN, |k, _| !matches!(k, SectionKind::TreeRankChunks | SectionKind::TreeRankNodes));
    assert_eq!(load_first(&no_ranks), Err("model 0: tree-bit-nodes without a rank index".to_string()));
}

/// The first model of `bytes` loaded: `Ok`, or the load error's text.
fn load_first(bytes: &AlignedBytes) -> Result<(), String> {
    let artifact = Artifact::parse(bytes).unwrap();
    Model::load(&artifact.model(0).unwrap()).map(|_| ()).map_err(|e| e.to_string())
}

/// Model 2 of a churn bundle, `TX`, loaded: `Ok`, or the load error's text.
fn load_tx(bytes: &AlignedBytes) -> Result<(), String> {
    let artifact = Artifact::parse(bytes).unwrap();
    let entry = artifact.model(2).unwrap();
    assert_eq!(entry.name, "TX");
    Model::load(&entry).map(|_| ()).map_err(|e| e.to_string())
}

/// The section kinds of each model of the golden churn bundle `file` (AK, MT, TX).
fn section_kinds(file: &str) -> Vec<Vec<SectionKind>> {
    let golden = AlignedBytes::copy_from(&std::fs::read(fixture(file)).unwrap());
    let artifact = Artifact::parse(&golden).unwrap();
    let kinds: Vec<Vec<SectionKind>> =
        artifact.models().map(|m| m.section_indices().filter_map(|i| artifact.section_entry(i).known_kind()).collect()).collect();
    assert_eq!(kinds.len(), 3, "{file}: three models");
    kinds
}

/// A malformed dense-lane bit index (`tree-bit-lanes` with `tree-lane-nodes`, format 1.5) is a
/// typed load error naming the model and the problem, on every target, whether or not the CPU
/// runs the bit kernel.
#[test]
fn corrupted_bit_lanes_are_a_load_error() {
    const GOLDEN: &str = "golden/v1.5/churn_states.x86-64.mlc";
    // Every model has dense lanes (TX: 11 rank chunks, 4 records), none the 1.4 bit index.
    for kinds in section_kinds(GOLDEN) {
        assert!(kinds.contains(&SectionKind::TreeBitLanes) && kinds.contains(&SectionKind::TreeLaneNodes));
        assert!(!kinds.contains(&SectionKind::TreeBitNodes));
    }
    assert_eq!(load_tx(&with_section(GOLDEN, SectionKind::TreeBitLanes, |_| {})), Ok(()));
    let beyond = "model 2: tree-bit-lanes names a feature beyond the feature count";
    let lanes: [(Edit, &str); 4] = [
        (Box::new(|b: &mut Vec<u8>| b[3] = 18), beyond), // TX has 18 features
        (
            Box::new(|b: &mut Vec<u8>| {
                let last = b.len() - 80; // lane 15 of the last record: padding
                b[last + 15] = 255;
            }),
            beyond,
        ),
        (Box::new(|b: &mut Vec<u8>| b.resize(33 * 80, 0)), "model 2: tree-bit-lanes holds more than 32 records"),
        (Box::new(|b: &mut Vec<u8>| b.truncate(b.len() - 1)), "section 36: section size is not a multiple of its record size"),
    ];
    for (edit, want) in lanes {
        assert_eq!(load_tx(&with_section(GOLDEN, SectionKind::TreeBitLanes, edit)), Err(want.to_string()));
    }
    let nodes: [(Edit, &str); 2] = [
        (Box::new(|b: &mut Vec<u8>| b[64] = 8), "model 2: tree-lane-nodes holds a byte index above 127 or a selector outside its lane"),
        (Box::new(|b: &mut Vec<u8>| b.truncate(b.len() - 128)), "model 2: tree-lane-nodes holds a different number of trees"),
    ];
    for (edit, want) in nodes {
        assert_eq!(load_tx(&with_section(GOLDEN, SectionKind::TreeLaneNodes, edit)), Err(want.to_string()));
    }
    // One without the other, or without the rank index the lanes are built from.
    let together = "model 2: tree-bit-lanes and tree-lane-nodes must come together";
    for kind in [SectionKind::TreeBitLanes, SectionKind::TreeLaneNodes] {
        assert_eq!(load_tx(&rewritten(GOLDEN, |k, _| k != kind)), Err(together.to_string()), "without {}", kind.name());
    }
    let no_ranks =
        rewritten(GOLDEN, |k, _| !matches!(k, SectionKind::TreeRankChunks | SectionKind::TreeRankNodes | SectionKind::TreeBitNodes));
    assert_eq!(load_tx(&no_ranks), Err("model 2: tree-bit-lanes without a rank index".to_string()));
}

/// Malformed comparison-byte steps (`tree-lane-steps`, format 1.6) are a typed load error naming
/// the model and the problem, on every target, whether or not the CPU runs the AVX2 kernel: no
/// step beyond the 1024 comparison bytes reaches the kernel's loads. (Steps that name other
/// bytes in range load: like the other indexes, their agreement is not checked.)
#[test]
fn corrupted_lane_steps_are_a_load_error() {
    const GOLDEN: &str = "golden/v1.6/churn_states.x86-64.mlc";
    for (m, kinds) in section_kinds(GOLDEN).iter().enumerate() {
        assert!(kinds.contains(&SectionKind::TreeLaneSteps), "model {m} has steps");
    }
    assert_eq!(load_tx(&with_section(GOLDEN, SectionKind::TreeLaneSteps, |_| {})), Ok(()));
    let beyond = "model 2: tree-lane-steps names a byte beyond 1023";
    let steps: [(Edit, &str); 4] = [
        // Node 1's byte 1024 and 0xffff, the unused entry 63 of the last tree 1024.
        (Box::new(|b: &mut Vec<u8>| b[2..4].copy_from_slice(&1024u16.to_le_bytes())), beyond),
        (Box::new(|b: &mut Vec<u8>| b[2..4].copy_from_slice(&[0xff, 0xff])), beyond),
        (
            Box::new(|b: &mut Vec<u8>| {
                let n = b.len();
                b[n - 2..].copy_from_slice(&1024u16.to_le_bytes());
            }),
            beyond,
        ),
        (Box::new(|b: &mut Vec<u8>| b.truncate(b.len() - 128)), "model 2: tree-lane-steps holds a different number of trees"),
    ];
    for (edit, want) in steps {
        assert_eq!(load_tx(&with_section(GOLDEN, SectionKind::TreeLaneSteps, edit)), Err(want.to_string()));
    }
    // The highest byte in range loads.
    let highest = with_section(GOLDEN, SectionKind::TreeLaneSteps, |b| b[2..4].copy_from_slice(&1023u16.to_le_bytes()));
    assert_eq!(load_tx(&highest), Ok(()));
    // Without the dense bit index the steps repeat.
    let alone = rewritten(GOLDEN, |k, _| !matches!(k, SectionKind::TreeBitLanes | SectionKind::TreeLaneNodes));
    assert_eq!(load_tx(&alone), Err("model 2: tree-lane-steps without tree-lane-nodes".to_string()));
}

/// A change to a section's bytes.
type Edit = Box<dyn Fn(&mut Vec<u8>)>;

/// A malformed `feature-categories` section (format 1.9) is a typed load error naming the
/// section or the model, never a panic.
#[test]
fn corrupted_feature_categories_are_load_errors() {
    const GOLDEN: &str = "golden/v1.9/xgboost_categorical.x86-64.mlc";
    let load_second = |bytes: &AlignedBytes| {
        let artifact = Artifact::parse(bytes).unwrap();
        Model::load(&artifact.model(1).unwrap()).map(|_| ()).map_err(|e| e.to_string())
    };
    assert_eq!(load_second(&with_section(GOLDEN, SectionKind::FeatureCategories, |_| {})), Ok(()));
    let set_u32 = |at: usize, v: u32| move |b: &mut Vec<u8>| b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    let cases: [(Edit, &str); 5] = [
        (
            Box::new(|b: &mut Vec<u8>| *b = mlc_format::names::encode_categories(&[vec!["a"]])),
            "model 1: feature-categories describes a different number of features than the model has",
        ),
        (Box::new(set_u32(0, u32::MAX)), "feature categories: the count needs more starts than the section holds"),
        (Box::new(set_u32(4, 1)), "feature categories: the first start is not 0"),
        (Box::new(|b: &mut Vec<u8>| b.truncate(b.len() - 1)), "feature categories: the last offset is not the end of the names"),
        (Box::new(|b: &mut Vec<u8>| *b.last_mut().unwrap() = 0xFF), "feature categories: a name is not UTF-8"),
    ];
    for (edit, want) in cases {
        let got = load_second(&with_section(GOLDEN, SectionKind::FeatureCategories, edit));
        assert!(got.as_ref().is_err_and(|e| e.ends_with(want)), "{got:?}, want {want}");
    }
}

/// A malformed `feature-names` section (format 1.2) is a typed load error naming the section
/// or the model, never a panic; `mlc inspect` names the file, the model and the section.
#[test]
fn corrupted_feature_names_are_load_errors() {
    let untouched = with_feature_names(|_| {});
    assert_eq!(&untouched[..], &std::fs::read(fixture("golden/v1.2/churn_states.x86-64.mlc")).unwrap()[..], "rewritten as is");
    let set_u32 = |at: usize, v: u32| move |b: &mut Vec<u8>| b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    // The first model's feature-names is section 11 (after its manifest, tree sections and base margin).
    let cases: [(Edit, &str); 6] = [
        (
            Box::new(|b: &mut Vec<u8>| {
                let names: Vec<String> = mlc_format::names::FeatureNames::parse(b).unwrap().iter().map(str::to_string).collect();
                *b = mlc_format::names::encode(&names[..17]);
            }),
            "model 0: feature-names holds a different number of names than the model has features",
        ),
        (Box::new(set_u32(0, u32::MAX)), "section 11: feature names: the count needs more offsets than the section holds"),
        (Box::new(set_u32(4, 3)), "section 11: feature names: the first offset is not 0"),
        (Box::new(set_u32(8, 1000)), "section 11: feature names: offsets decrease or pass the end of the names"),
        (Box::new(|b: &mut Vec<u8>| b.truncate(b.len() - 1)), "section 11: feature names: the last offset is not the end of the names"),
        (Box::new(|b: &mut Vec<u8>| *b.last_mut().unwrap() = 0xFF), "section 11: feature names: a name is not UTF-8"),
    ];
    for (edit, want) in cases {
        let bytes = with_feature_names(edit);
        assert_eq!(load_first(&bytes), Err(want.to_string()));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad-names.mlc");
    std::fs::write(&path, &with_feature_names(|b| *b.last_mut().unwrap() = 0xFF)[..]).unwrap();
    let out = mlc_tests::mlc_command().arg("inspect").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("bad-names.mlc: model `AK`: section 11: feature names: a name is not UTF-8"), "{message}");
}
