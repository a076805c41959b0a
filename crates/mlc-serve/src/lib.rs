//! `mlc serve`: the real-time and multi-model HTTP endpoint (docs/serve.md).
//!
//! One process serves the models of a [`Registry`](mlc_host::Registry) (an artifact, a bundle,
//! or a directory of artifacts: loaded on first use, evicted beyond a memory budget) over two
//! protocols on one port:
//!
//! * the **Open Inference Protocol v2** (KServe, Triton, MLServer) REST API, with Triton's
//!   binary tensor extension and the model repository extension;
//! * **SageMaker**'s inference container contract: `/ping`, `/invocations` (CSV, JSON, JSON
//!   Lines; several records a request; `X-Amzn-SageMaker-Target-Model` chooses the model), the
//!   multi-model management API, and the runtime path that `boto3`'s `invoke_endpoint` calls.
//!
//! Records are read by `mlc_host::records` and predicted by `mlc transform`'s worker, so a
//! request body is read exactly as a batch file is; answers use the same number formatting.
//!
//! Modules: [`server`] (hyper 1 on tokio: connections, limits, timeouts, draining), [`route`]
//! (method and path to a route), [`protocol`] (pure request parsers, fuzzed), [`pool`]
//! (prediction threads behind a bounded admission), [`executor`] (a worker's requests),
//! [`signature`] (the tensors a model takes and gives), [`repository`] (metadata and model
//! management), [`metrics`] (Prometheus text), [`reply`] (answers), [`config`].

pub mod config;
pub mod executor;
pub mod metrics;
pub mod pool;
pub mod protocol;
pub mod reply;
pub mod repository;
pub mod route;
pub mod server;
pub mod signature;

pub use config::Config;
pub use server::{serve, ServeError, Stopped, MODEL_LATENCY_HEADER, OVERHEAD_LATENCY_HEADER, QUEUE_LATENCY_HEADER};
