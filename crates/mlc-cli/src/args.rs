//! What the commands share: the record options of `mlc predict` and `mlc transform`, and
//! option values (sizes, durations).

use std::time::Duration;

use mlc_host::transform::{ContentType, Routing};

/// A record format on the command line (`--content-type`): the MIME type, or its short name.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ContentTypeArg {
    /// CSV, one record a line.
    #[value(name = "text/csv", alias = "csv")]
    Csv,
    /// JSON Lines with `features` or `text` (and optionally `model`).
    #[value(name = "application/jsonlines", alias = "jsonl")]
    JsonLines,
    /// One text a line (a text model's input).
    #[value(name = "text/plain", alias = "text")]
    Text,
    /// LIBSVM: `LABEL INDEX:VALUE …`, 0-based, a feature without an entry missing.
    #[value(name = "text/libsvm", alias = "libsvm")]
    Libsvm,
}

impl From<ContentTypeArg> for ContentType {
    fn from(arg: ContentTypeArg) -> ContentType {
        match arg {
            ContentTypeArg::Csv => ContentType::Csv,
            ContentTypeArg::JsonLines => ContentType::JsonLines,
            ContentTypeArg::Text => ContentType::Text,
            ContentTypeArg::Libsvm => ContentType::Libsvm,
        }
    }
}

/// Which model reads each record and which CSV columns are not features: the options `mlc
/// predict` and `mlc transform` share (`#[command(flatten)]`).
#[derive(clap::Args)]
pub struct RecordArgs {
    /// The model of every record (needed for a bundle or a directory of several models; JSON
    /// Lines records with a `model` field go to that model).
    #[arg(long, conflicts_with = "route_column")]
    pub model: Option<String>,
    /// CSV: the 1-based column that names each record's model (not a feature).
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u32).range(1..))]
    pub route_column: Option<u32>,
    /// CSV: the first line (of each input) is a header, not a record: skipped, or, where the
    /// model has feature names, mapping the columns to features by name.
    #[arg(long)]
    pub header: bool,
    /// CSV: the 1-based column of each record's id (not a feature), written with its answer
    /// (`mlc predict`: `ID,VALUES`; `mlc transform`: `{"id": ID, ...}`, error objects too).
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u32).range(1..))]
    pub id_column: Option<u32>,
}

impl RecordArgs {
    /// How records find their model: by the route column, else `--model` (or, where that is
    /// absent, the record's own `model` field or the only model).
    pub fn routing(&self) -> Routing {
        match self.route_column {
            Some(k) => Routing::Column(k as usize),
            None => Routing::Model(self.model.clone()),
        }
    }

    /// The 1-based id column, if any.
    pub fn id_column(&self) -> Option<usize> {
        self.id_column.map(|k| k as usize)
    }
}

/// Parses `123`, `64K`, `512M`, `2G` (binary units) into bytes.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((i, _)) => text.split_at(i),
        None => (text, ""),
    };
    let shift = match unit.to_ascii_uppercase().trim_end_matches("IB").trim_end_matches('B') {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        "T" => 40,
        _ => return Err(format!("`{text}`: use bytes or a K, M, G or T suffix")),
    };
    let value: f64 = digits.trim().parse().map_err(|_| format!("`{text}` is not a size"))?;
    Ok((value * (1u64 << shift) as f64) as u64)
}

/// Parses a duration: `30` or `30s` (seconds, fractions allowed), `500ms`, `2m`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (digits, scale) = if let Some(ms) = text.strip_suffix("ms") {
        (ms, 1e-3)
    } else if let Some(s) = text.strip_suffix('s') {
        (s, 1.0)
    } else if let Some(m) = text.strip_suffix('m') {
        (m, 60.0)
    } else {
        (text, 1.0)
    };
    match digits.trim().parse::<f64>().ok().filter(|v| *v > 0.0).and_then(|v| Duration::try_from_secs_f64(v * scale).ok()) {
        Some(duration) => Ok(duration),
        None => Err(format!("`{text}` is not a duration (e.g. `30s`, `500ms`, `2m`)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_durations() {
        assert_eq!(parse_size("512M"), Ok(512 << 20));
        assert_eq!(parse_size("2GiB"), Ok(2 << 30));
        assert!(parse_size("12X").is_err());
        assert!(parse_duration("1e300").is_err(), "too long for a Duration: an error, not a panic");
        assert!(parse_duration("0").is_err());
        assert_eq!(parse_duration("30"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert!(parse_duration("0").is_err() && parse_duration("soon").is_err());
    }
}
