//! Shared pieces of mlc's benchmark harnesses: the TL2cgen peer models linked in by `build.rs`,
//! the churn fixtures, a timing loop and machine information.
//!
//! Binaries: `churn_bench` (mlc vs TL2cgen on the churn models; see `benches/README.md`) and
//! `sentiment_bench` (mlc's single-review latency on the sentiment CNNs).

pub mod churn;
pub mod machine;
pub mod timing;
pub mod tl2cgen;
