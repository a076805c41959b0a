//! `mlc inspect`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Parser;
use mlc_format::manifest::{ModelBody, NetInput, TextStandardize};
use mlc_format::{SectionKind, NO_OWNER};
use mlc_host::LoadedArtifact;

/// Arguments of `mlc inspect`.
#[derive(Parser)]
pub struct Args {
    /// The artifact.
    artifact: PathBuf,
    /// Show only this model (default: all; a bundle lists every model).
    #[arg(long)]
    model: Option<String>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Runs `mlc inspect`.
pub fn run(args: Args) -> Result<()> {
    let loaded = LoadedArtifact::open(&args.artifact)?;
    let artifact = loaded.artifact()?;
    if let Some(name) = &args.model {
        // An unknown name is an error (with the closest name), not an empty listing.
        loaded.entry(Some(name))?;
    }
    let header = artifact.header();
    let prov = artifact.provenance()?;
    println!("artifact  {}", args.artifact.display());
    println!(
        "format    {}.{}, {} bytes, {} sections, {} model(s)",
        header.major, header.minor, header.file_len, header.section_count, header.model_count
    );
    println!("compiler  {} (target {}{}{})", prov.compiler, prov.target, if prov.options.is_empty() { "" } else { "; " }, prov.options);
    let shared: u64 = (0..artifact.section_count()).map(|i| artifact.section_entry(i)).filter(|e| e.owner == NO_OWNER).map(|e| e.len).sum();
    println!("shared    {shared} bytes (provenance, model table, names, index)");
    for entry in artifact.models() {
        if args.model.as_deref().is_some_and(|m| m != entry.name) {
            continue;
        }
        // Validates the model's sections as the runtime would.
        let model = loaded.model(Some(entry.name))?;
        let m = entry.manifest()?;
        println!();
        println!("model {} (#{})", entry.name, entry.index);
        println!("  source    {} ({}, {}), sha256 {}", m.source.file, m.source.framework, m.source.objective, hex(&m.source.sha256));
        match m.body {
            ModelBody::TreeEnsemble(t) => {
                print_features(&model, m.num_features);
                println!("  outputs   {} value(s): {:?} of {} margin(s)", m.num_outputs, t.link, t.num_groups);
                println!("  trees     {} trees, layout {:?}, numeric {:?}", t.num_trees, t.layout, t.numeric);
            }
            ModelBody::Linear(l) => {
                print_features(&model, m.num_features);
                println!("  outputs   {} value(s): {:?} of {} margin(s)", m.num_outputs, l.link, l.num_groups);
                println!("  linear    {} weights a margin, float32", m.num_features);
            }
            ModelBody::Network(n) => {
                println!("  inputs    {}", input_in_words(n.input, n.text));
                println!("  outputs   {} value(s)", m.num_outputs);
                println!("  network   {} layers, {} f32 of scratch", n.num_layers, n.scratch);
            }
        }
        println!("  sections");
        for i in entry.section_indices() {
            let e = artifact.section_entry(i);
            let kind = SectionKind::from_u32(e.kind).map_or_else(|| format!("kind {}", e.kind), |k| k.name().to_string());
            println!("    #{i:<4} {kind:<18} {:>9} bytes at {:#x}, crc32c {:08x}", e.len, e.offset, e.crc);
        }
        if !m.report.is_empty() {
            println!("  report    {}", m.report);
        }
    }
    Ok(())
}

/// The inputs of a model on features: their count, their names as a CSV header, and the names
/// a categorical feature's values may take.
fn print_features(model: &mlc_runtime::Model<'_>, num_features: u32) {
    println!("  inputs    {num_features} features (f32; empty/NaN = missing)");
    if let Some(names) = model.feature_names() {
        // As a CSV header, in column order: what `--header` expects (any order).
        let mut header = Vec::new();
        for (i, name) in names.iter().enumerate() {
            if i > 0 {
                header.push(b',');
            }
            mlc_host::records::filter::write_csv_field(&mut header, name.as_bytes());
        }
        println!("  names     {}", String::from_utf8_lossy(&header));
    }
    if let Some(categories) = model.feature_categories() {
        // What a CSV field may name instead of a code, feature by feature.
        for f in 0..categories.len() {
            let Some(c) = categories.of(f) else { continue };
            let feature = model.feature_names().and_then(|n| n.get(f)).map_or_else(|| format!("feature {f}"), str::to_string);
            let shown: Vec<&str> = c.iter().take(12).collect();
            let more = if c.len() > shown.len() { format!(", … ({} in all)", c.len()) } else { String::new() };
            println!("  category  {feature}: {}{more}", shown.join(", "));
        }
    }
}

/// A network's input as a user gives it: `400 token ids (or raw text: …)`, `16 floats`.
fn input_in_words(input: NetInput, text: Option<TextStandardize>) -> String {
    let values = match input {
        NetInput::TokenIds { length } => format!("{length} token ids"),
        NetInput::Sequence { length, channels } => format!("{length} × {channels} floats (a sequence, channels last)"),
        NetInput::Vector { features } => format!("{features} floats"),
    };
    let Some(text) = text else { return values };
    let standardize = match (text.lower(), text.strip_punctuation()) {
        (false, false) => "as written",
        (true, false) => "lowercased",
        (false, true) => "punctuation stripped",
        (true, true) => "lowercased, punctuation stripped",
    };
    format!("raw text, one per line (tokenized inside: {standardize}), or {values}")
}
