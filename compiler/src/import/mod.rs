//! Importers: framework files → mlc's intermediate representation.

pub mod ubjson;
pub mod keras;
pub mod xgboost;
