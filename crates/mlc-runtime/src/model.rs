//! One call for every model: [`Model::predict`] and [`Model::margins`] take any kind of input
//! ([`Input`]) and the caller's working memory ([`Scratch`]), so callers need not know whether a
//! model is a tree ensemble or a network. [`Model::input_kind`] says what a model takes.

use mlc_format::manifest::{ModelBody, NetInput};
use mlc_format::names::{FeatureCategories, FeatureNames};
use mlc_format::{Artifact, ModelEntry};

use crate::error::{LoadError, PredictError};
use crate::linear::LinearModel;
use crate::net::NetModel;
use crate::trees::TreeModel;

/// A loaded model of any kind, borrowing the artifact bytes.
#[derive(Debug, Clone, Copy)]
pub enum Model<'a> {
    /// A tree ensemble.
    Trees(TreeModel<'a>),
    /// A network.
    Net(NetModel<'a>),
    /// A linear model (format 1.10).
    Linear(LinearModel<'a>),
}

/// The input of one call: one record, or several back to back where the kind allows.
#[derive(Debug, Clone, Copy)]
pub enum Input<'x> {
    /// Float values, [`InputKind::values`] per record, records back to back: the feature rows
    /// of a tree ensemble (NaN = missing), or the inputs of a network that reads floats.
    Rows(&'x [f32]),
    /// Token ids, `length` per record, records back to back (a network that reads token ids).
    Ids(&'x [u32]),
    /// One raw text (UTF-8 bytes), tokenized by the model's own tokenizer (a text model).
    Text(&'x [u8]),
}

/// What a model takes: the one definition every consumer (record parsers, CLI, transform,
/// bench, serve, bindings) asks instead of matching on the kind of model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// `features` float values per record ([`Input::Rows`]): a tree ensemble's features, or a
    /// network's float input (a sequence `length × channels`, channels last, or a vector).
    Floats {
        /// Values per record.
        features: usize,
    },
    /// `length` token ids per record ([`Input::Ids`]), each below `vocab`; with `text`, also
    /// raw text ([`Input::Text`]).
    TokenIds {
        /// Ids per record.
        length: usize,
        /// Rows of the first layer's table: ids must be below it.
        vocab: usize,
        /// Whether the model has a tokenizer (a text model).
        text: bool,
    },
}

impl InputKind {
    /// Values (floats or token ids) of one record.
    pub fn values(self) -> usize {
        match self {
            InputKind::Floats { features } => features,
            InputKind::TokenIds { length, .. } => length,
        }
    }

    /// Whether the model takes raw text.
    pub fn takes_text(self) -> bool {
        matches!(self, InputKind::TokenIds { text: true, .. })
    }
}

/// Which values a call writes per record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Output {
    /// The model's prediction: the objective's output for a tree ensemble (e.g. a probability),
    /// the last layer's output for a network.
    #[default]
    Prediction,
    /// Raw margins before the link function (tree ensembles); a network's prediction.
    Margins,
}

/// Working memory of a call, lent by the caller (the runtime allocates nothing). Tree
/// ensembles need none; a network needs [`ScratchLen`] of it ([`Model::scratch_len`]).
#[derive(Debug, Default)]
pub struct Scratch<'s> {
    /// Activation buffers and accumulators of a network.
    pub values: &'s mut [f32],
    /// One token of raw text being looked up (a text model).
    pub token: &'s mut [u8],
    /// The token ids of raw text (a text model).
    pub ids: &'s mut [u32],
}

/// How much [`Scratch`] a model needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScratchLen {
    /// `f32` values of [`Scratch::values`].
    pub values: usize,
    /// Bytes of [`Scratch::token`]: the vocabulary's longest token.
    pub token: usize,
    /// Ids of [`Scratch::ids`]: the input length of a text model.
    pub ids: usize,
}

impl<'a> Model<'a> {
    /// Loads and validates model `entry` of an artifact.
    pub fn load(entry: &ModelEntry<'a>) -> Result<Model<'a>, LoadError> {
        let manifest = entry.manifest()?;
        match manifest.body {
            ModelBody::TreeEnsemble(info) => Ok(Model::Trees(TreeModel::load(entry, &manifest, info)?)),
            ModelBody::Network(info) => Ok(Model::Net(NetModel::load(entry, &manifest, info)?)),
            ModelBody::Linear(info) => Ok(Model::Linear(LinearModel::load(entry, &manifest, info)?)),
        }
    }

    /// What kind of model this is, in words: `tree ensemble`, `linear model` or `network`.
    pub fn kind(&self) -> &'static str {
        match self {
            Model::Trees(_) => "tree ensemble",
            Model::Linear(_) => "linear model",
            Model::Net(_) => "network",
        }
    }

    /// Whether the model's margins are values of their own, which its link turns into the
    /// predictions (tree ensembles and linear models); a network's margins are its outputs.
    pub fn has_margins(&self) -> bool {
        !matches!(self, Model::Net(_))
    }

    /// Loads the model called `name` from `artifact`.
    pub fn by_name(artifact: &Artifact<'a>, name: &str) -> Result<Model<'a>, LoadError> {
        let entry = artifact.model_by_name(name).ok_or(LoadError::UnknownModel)?;
        Model::load(&entry)
    }

    /// What the model takes.
    pub fn input_kind(&self) -> InputKind {
        match self {
            Model::Trees(t) => InputKind::Floats { features: t.num_features() },
            Model::Linear(l) => InputKind::Floats { features: l.num_features() },
            Model::Net(n) => match n.input() {
                NetInput::TokenIds { length } => {
                    InputKind::TokenIds { length: length as usize, vocab: n.vocab_size(), text: n.vocab().is_some() }
                }
                input => InputKind::Floats { features: input.values() as usize }, // ≤ 2^28, checked at load
            },
        }
    }

    /// The names of the input features, in feature order, where the artifact has them (a tree
    /// ensemble compiled from an XGBoost model trained with `feature_names`); `None` otherwise.
    /// Their count is the model's [`Model::num_features`] (checked at load).
    pub fn feature_names(&self) -> Option<FeatureNames<'a>> {
        match self {
            Model::Trees(t) => t.feature_names(),
            Model::Linear(l) => l.feature_names(),
            Model::Net(_) => None,
        }
    }

    /// The names of the categories of each categorical feature (code `c` is the `c`-th name),
    /// where the artifact has them (a tree ensemble compiled from an XGBoost 3.1+ model trained
    /// on a data frame with category columns); `None` otherwise. Their feature count is the
    /// model's [`Model::num_features`] (checked at load).
    pub fn feature_categories(&self) -> Option<FeatureCategories<'a>> {
        match self {
            Model::Trees(t) => t.feature_categories(),
            Model::Linear(_) | Model::Net(_) => None,
        }
    }

    /// Number of values one record takes (features, or token ids).
    pub fn num_features(&self) -> usize {
        self.input_kind().values()
    }

    /// Values written per record for `output`.
    pub fn width(&self, output: Output) -> usize {
        match (self, output) {
            (Model::Trees(t), Output::Prediction) => t.num_outputs(),
            (Model::Trees(t), Output::Margins) => t.num_groups(),
            (Model::Linear(l), Output::Prediction) => l.num_outputs(),
            (Model::Linear(l), Output::Margins) => l.num_groups(),
            (Model::Net(n), _) => n.num_outputs(),
        }
    }

    /// Number of values [`Model::predict`] writes per record.
    pub fn num_outputs(&self) -> usize {
        self.width(Output::Prediction)
    }

    /// Number of values [`Model::margins`] writes per record.
    pub fn num_margins(&self) -> usize {
        self.width(Output::Margins)
    }

    /// The [`Scratch`] a call needs.
    pub fn scratch_len(&self) -> ScratchLen {
        match self {
            Model::Trees(_) | Model::Linear(_) => ScratchLen::default(),
            Model::Net(n) => ScratchLen {
                values: n.scratch_len(),
                token: n.vocab().map_or(0, |v| v.max_token_len()),
                ids: if n.vocab().is_some() { n.input().values() as usize } else { 0 },
            },
        }
    }

    /// Predicts the records of `input` into `out` ([`Model::num_outputs`] values per record);
    /// returns the number of records. Rows and ids may hold several records back to back (tree
    /// rows go through the batched kernels); text is one record.
    pub fn predict(&self, input: Input<'_>, scratch: &mut Scratch<'_>, out: &mut [f32]) -> Result<usize, PredictError> {
        self.run(input, Output::Prediction, scratch, out)
    }

    /// Like [`Model::predict`], writing raw margins ([`Model::num_margins`] values per record).
    pub fn margins(&self, input: Input<'_>, scratch: &mut Scratch<'_>, out: &mut [f32]) -> Result<usize, PredictError> {
        self.run(input, Output::Margins, scratch, out)
    }

    /// [`Model::predict`] or [`Model::margins`], as `output` says.
    pub fn run(&self, input: Input<'_>, output: Output, scratch: &mut Scratch<'_>, out: &mut [f32]) -> Result<usize, PredictError> {
        match (self, input) {
            // One row goes through the single-shot walk (the lowest latency), more through the
            // batched kernels; both give the same values (docs/format.md §8).
            (Model::Trees(t), Input::Rows(rows)) => run_rows(t, rows, output, out),
            (Model::Linear(l), Input::Rows(rows)) => run_rows(l, rows, output, out),
            (Model::Trees(_) | Model::Linear(_), Input::Ids(_) | Input::Text(_)) => Err(PredictError::InputKind),
            (Model::Net(n), Input::Rows(rows)) => {
                let features = n.input().values() as usize;
                let n_records = records(rows.len(), features, out.len(), n.num_outputs())?;
                if n.input().is_token_ids() {
                    return Err(PredictError::InputKind);
                }
                for (x, y) in rows.chunks_exact(features).zip(out.chunks_exact_mut(n.num_outputs())) {
                    n.predict_floats(x, scratch.values, y)?;
                }
                Ok(n_records)
            }
            (Model::Net(n), Input::Ids(ids)) => {
                let length = n.input().values() as usize;
                let n_records = records(ids.len(), length, out.len(), n.num_outputs())?;
                n.predict_ids_batch(ids, scratch.values, out)?;
                Ok(n_records)
            }
            (Model::Net(n), Input::Text(text)) => {
                let ids = text_ids(n, scratch.ids)?;
                n.predict_text(text, scratch.token, ids, scratch.values, out)?;
                Ok(1)
            }
        }
    }

    /// Tokenizes raw text (a text model) into [`Scratch::ids`] and returns the ids: the
    /// [`Input::Ids`] record that [`Input::Text`] stands for. Hosts that time the network alone
    /// (`mlc bench`'s model latency) tokenize first; [`PredictError::InputKind`] for a model
    /// without a tokenizer.
    pub fn tokenize<'s>(&self, text: &[u8], scratch: &'s mut Scratch<'_>) -> Result<&'s [u32], PredictError> {
        let Model::Net(n) = self else { return Err(PredictError::InputKind) };
        let ids = text_ids(n, scratch.ids)?;
        n.tokenize(text, scratch.token, ids)?;
        Ok(ids)
    }
}

/// A model on rows of features — a tree ensemble, a linear model: single-shot and batched
/// calls, margins and predictions. Lets a caller that knows it holds such a model (firmware,
/// which links only the loaders it needs) treat both alike.
pub trait RowModel {
    /// Features per row.
    fn num_features(&self) -> usize;
    /// Margins per row.
    fn num_groups(&self) -> usize;
    /// Prediction values per row.
    fn num_outputs(&self) -> usize;
    /// Prediction of one row into `out` (length [`RowModel::num_outputs`]). No heap.
    fn predict(&self, row: &[f32], out: &mut [f32]) -> Result<(), PredictError>;
    /// Raw margins of one row into `out` (length [`RowModel::num_groups`]). No heap.
    fn margins(&self, row: &[f32], out: &mut [f32]) -> Result<(), PredictError>;
    /// Predictions of `rows.len() / num_features` rows into `out`; returns the row count.
    fn predict_batch(&self, rows: &[f32], out: &mut [f32]) -> Result<usize, PredictError>;
    /// Margins of `rows.len() / num_features` rows into `out`; returns the row count.
    fn margins_batch(&self, rows: &[f32], out: &mut [f32]) -> Result<usize, PredictError>;
}

/// Implements [`RowModel`] by the type's own methods of the same names.
macro_rules! row_model {
    ($t:ident) => {
        impl RowModel for $t<'_> {
            fn num_features(&self) -> usize {
                $t::num_features(self)
            }
            fn num_groups(&self) -> usize {
                $t::num_groups(self)
            }
            fn num_outputs(&self) -> usize {
                $t::num_outputs(self)
            }
            #[inline(always)]
            fn predict(&self, row: &[f32], out: &mut [f32]) -> Result<(), PredictError> {
                $t::predict(self, row, out)
            }
            fn margins(&self, row: &[f32], out: &mut [f32]) -> Result<(), PredictError> {
                $t::margins(self, row, out)
            }
            fn predict_batch(&self, rows: &[f32], out: &mut [f32]) -> Result<usize, PredictError> {
                $t::predict_batch(self, rows, out)
            }
            fn margins_batch(&self, rows: &[f32], out: &mut [f32]) -> Result<usize, PredictError> {
                $t::margins_batch(self, rows, out)
            }
        }
    };
}
row_model!(TreeModel);
row_model!(LinearModel);

/// [`Model::run`] on rows of features: one row goes through the single-shot path (the lowest
/// latency), more through the batched one; both give the same values.
#[inline(always)]
fn run_rows(m: &impl RowModel, rows: &[f32], output: Output, out: &mut [f32]) -> Result<usize, PredictError> {
    match (rows.len() == m.num_features(), output) {
        (true, Output::Prediction) => m.predict(rows, out).map(|()| 1),
        (true, Output::Margins) => m.margins(rows, out).map(|()| 1),
        (false, Output::Prediction) => m.predict_batch(rows, out),
        (false, Output::Margins) => m.margins_batch(rows, out),
    }
}

/// The part of `ids` (scratch) that holds the token ids of one text of network `n`.
fn text_ids<'s>(n: &NetModel<'_>, ids: &'s mut [u32]) -> Result<&'s mut [u32], PredictError> {
    let (length, got) = (n.input().values() as usize, ids.len());
    ids.get_mut(..length).ok_or(PredictError::ScratchLen { expected: length, got })
}

/// The number of records of `values` values given `per_record` each, with `outputs` values of
/// `width` each; an error if either is not a whole number of records or they differ.
pub(crate) fn records(values: usize, per_record: usize, outputs: usize, width: usize) -> Result<usize, PredictError> {
    if per_record == 0 || !values.is_multiple_of(per_record) {
        return Err(PredictError::FeatureCount { expected: per_record, got: values });
    }
    let n = values / per_record;
    if outputs != n * width {
        return Err(PredictError::OutputLen { expected: n * width, got: outputs });
    }
    Ok(n)
}

/// Whether `row` holds one record of `features` values and `out` has room for `width`.
pub(crate) fn check_one(row: &[f32], features: usize, out: &[f32], width: usize) -> Result<(), PredictError> {
    if row.len() != features {
        return Err(PredictError::FeatureCount { expected: features, got: row.len() });
    }
    if out.len() != width {
        return Err(PredictError::OutputLen { expected: width, got: out.len() });
    }
    Ok(())
}

/// Owned [`Scratch`] that grows to what each model needs (feature `alloc`): hosts keep one per
/// thread and lend it to every call.
#[cfg(feature = "alloc")]
#[derive(Debug, Default, Clone)]
pub struct ScratchBuf {
    values: alloc::vec::Vec<f32>,
    token: alloc::vec::Vec<u8>,
    ids: alloc::vec::Vec<u32>,
}

#[cfg(feature = "alloc")]
impl ScratchBuf {
    /// An empty buffer.
    pub fn new() -> ScratchBuf {
        ScratchBuf::default()
    }

    /// Scratch for a call of `model`, growing the buffers to its [`Model::scratch_len`].
    pub fn for_model(&mut self, model: &Model<'_>) -> Scratch<'_> {
        let len = model.scratch_len();
        grow(&mut self.values, len.values);
        grow(&mut self.token, len.token);
        grow(&mut self.ids, len.ids);
        Scratch { values: &mut self.values, token: &mut self.token, ids: &mut self.ids }
    }

    /// Bytes the buffers hold.
    pub fn capacity_bytes(&self) -> usize {
        4 * self.values.capacity() + self.token.capacity() + 4 * self.ids.capacity()
    }
}

#[cfg(feature = "alloc")]
fn grow<T: Default + Clone>(v: &mut alloc::vec::Vec<T>, len: usize) {
    if v.len() < len {
        v.resize(len, T::default());
    }
}
