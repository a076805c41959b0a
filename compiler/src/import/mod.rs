//! Importers: framework files → mlc's intermediate representation.

pub mod archive;
pub mod joblib;
pub mod keras;
pub mod keras_file;
pub mod pickle;
pub mod ubjson;
pub mod xgboost;
pub mod xgboost_binary;
pub mod xgboost_pickle;
