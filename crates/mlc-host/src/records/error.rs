//! Why a record could not be read: one error type for every content type, whose messages name
//! the column (CSV), the feature (JSON Lines) or the token (LIBSVM); callers add the file and
//! the line.

use std::fmt;

/// What a model reads from a record's values, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Numbers (features of a tree ensemble, the float input of a network).
    Feature,
    /// Token ids.
    TokenId,
}

impl ValueKind {
    fn plural(self) -> &'static str {
        match self {
            ValueKind::Feature => "features",
            ValueKind::TokenId => "token ids",
        }
    }
}

/// Where a record's values are: how positions and counts are named in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// CSV fields: a position is a column of the line. `route`: the 1-based column that names
    /// the model, `id`: the record's id column (neither is a value).
    Csv {
        /// The route column, if any.
        route: Option<usize>,
        /// The id column, if any.
        id: Option<usize>,
    },
    /// A JSON Lines record's `features`: a position is a feature.
    Json,
}

impl Layout {
    /// The position of value `i` (0-based among the values).
    pub fn position(self, i: usize) -> Position {
        match self {
            Layout::Csv { route, id } => {
                // Step over the columns that are not values, in column order.
                let mut skipped = [route, id];
                skipped.sort();
                Position::Column(skipped.iter().flatten().fold(i + 1, |column, &k| column + (k <= column) as usize))
            }
            Layout::Json => Position::Feature(i + 1),
        }
    }
}

/// A value's place in its record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// 1-based column of a CSV line (the route column counted).
    Column(usize),
    /// 1-based feature of a JSON record.
    Feature(usize),
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Position::Column(n) => write!(f, "column {n}"),
            Position::Feature(n) => write!(f, "feature {n}"),
        }
    }
}

/// Why one record could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// An empty line (CSV, JSON Lines; text may be empty).
    EmptyLine,
    /// JSON Lines: not an object, or not valid JSON; the message names the column in the line.
    Json(String),
    /// JSON Lines: neither `features` nor `text`.
    NoInput,
    /// JSON Lines: both `features` and `text`.
    TextAndFeatures,
    /// CSV: the route column is beyond the line's fields.
    NoRouteColumn {
        /// The route column (1-based).
        column: usize,
        /// Fields in the line.
        fields: usize,
    },
    /// CSV: the id column is beyond the line's fields.
    NoIdColumn {
        /// The id column (1-based).
        column: usize,
        /// Fields in the line.
        fields: usize,
    },
    /// CSV: the route column is not UTF-8.
    ModelNameNotUtf8 {
        /// The route column (1-based).
        column: usize,
    },
    /// The record has the wrong number of values.
    Count {
        /// What the model reads.
        kind: ValueKind,
        /// Where the values are.
        layout: Layout,
        /// Values the model takes (the route column not counted).
        expected: usize,
        /// Values found (the route column not counted).
        found: usize,
    },
    /// A value that is not what the model reads (a number, or a token id).
    BadValue {
        /// What the model reads.
        kind: ValueKind,
        /// Where the value is.
        at: Position,
        /// The value's text (lossy UTF-8, shortened).
        text: String,
    },
    /// A categorical feature's value that is neither a number (a code) nor one of the model's
    /// category names (XGBoost: "a category not in the training set").
    UnknownCategory {
        /// Where the value is.
        at: Position,
        /// The value's text (lossy UTF-8, shortened).
        text: String,
        /// The feature's categories, the first few of them (`AK, CA, NY, …`).
        known: String,
    },
    /// A one-column CSV record that a text model cannot read as token ids: most likely raw
    /// text, which is `text/plain`.
    TextInCsv(Box<RecordError>),
    /// `text/libsvm`: a token that is not what its place asks for, or a feature index the model
    /// does not have or that is given twice.
    Libsvm {
        /// The token (1-based, the label being the first).
        token: usize,
        /// What is wrong with it.
        what: String,
    },
    /// `text/libsvm` for a model that takes token ids or text.
    LibsvmNotFeatures,
    /// Raw text for a model that takes no text.
    NotText {
        /// The kind of a model that takes features only (a tree ensemble, a linear model:
        /// [`mlc_runtime::Model::kind`]), which the message names.
        features_only: Option<&'static str>,
    },
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::EmptyLine => write!(f, "empty line"),
            RecordError::Json(message) => write!(f, "{message}"),
            RecordError::NoInput => write!(f, "no `features` or `text` field"),
            RecordError::TextAndFeatures => write!(f, "give `text` or `features`, not both"),
            RecordError::NoRouteColumn { column, fields } => {
                write!(f, "no column {column} (the model name): the line has {fields} fields")
            }
            RecordError::NoIdColumn { column, fields } => write!(f, "no column {column} (the id): the line has {fields} fields"),
            RecordError::ModelNameNotUtf8 { column } => write!(f, "column {column}: the model name is not UTF-8"),
            RecordError::Count { kind, layout, expected, found } => match (layout, kind) {
                (Layout::Csv { route: None, id: None }, ValueKind::Feature) => {
                    write!(f, "expected {expected} fields (the model's feature count), found {found}")
                }
                (Layout::Csv { route: None, id: None }, ValueKind::TokenId) => {
                    write!(f, "expected {expected} token ids, found {found}")
                }
                (Layout::Csv { route, id }, kind) => {
                    let extra = route.is_some() as usize + id.is_some() as usize;
                    let what = match (route, id) {
                        (Some(_), Some(_)) => "the model name, the id",
                        (Some(_), None) => "the model name",
                        _ => "the id",
                    };
                    write!(f, "expected {} fields ({what} and {expected} {}), found {}", expected + extra, kind.plural(), found + extra)
                }
                (Layout::Json, kind) => write!(f, "expected {expected} {}, found {found}", kind.plural()),
            },
            RecordError::BadValue { kind: ValueKind::Feature, at, text } => write!(f, "{at}: `{text}` is not a number"),
            RecordError::BadValue { kind: ValueKind::TokenId, at, text } => write!(f, "{at}: `{text}` is not a token id"),
            RecordError::UnknownCategory { at, text, known } => {
                write!(f, "{at}: `{text}` is neither a number nor a category the model knows ({known})")
            }
            RecordError::TextInCsv(error) => write!(
                f,
                "{error}; the model reads raw text: give one text per line as text/plain (--content-type text/plain, or a .txt file)"
            ),
            RecordError::Libsvm { token, what } => write!(f, "token {token}: {what}"),
            RecordError::LibsvmNotFeatures => write!(f, "a LIBSVM record holds features; the model takes token ids or text"),
            RecordError::NotText { features_only: Some(kind) } => write!(f, "the model is a {kind}: it takes features, not text"),
            RecordError::NotText { features_only: None } => {
                write!(f, "the model does not take this kind of input (text needs a text model)")
            }
        }
    }
}

impl std::error::Error for RecordError {}
