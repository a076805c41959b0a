//! Model management on the registry: Open Inference Protocol model metadata, readiness and the
//! repository extension (index, load, unload), and SageMaker's multi-model API (list, load,
//! describe, unload). Every call may load a model, so they run on the pool's workers.

use std::path::{Path, PathBuf};

use hyper::StatusCode;
use mlc_host::registry::ARTIFACT_EXTENSION;
use mlc_host::transform::predict::{failure, Failure};
use mlc_host::{HostError, ModelHandle, Registry};
use serde_json::json;

use crate::metrics::Metrics;
use crate::protocol::sagemaker::parse_load;
use crate::protocol::ApiError;
use crate::reply::Reply;
use crate::route::VERSION;
use crate::signature;

/// A management call.
#[derive(Debug)]
pub enum Manage {
    /// `GET /v2/models/{m}[/versions/{v}]`.
    Metadata(String, Option<String>),
    /// `GET /v2/models/{m}[/versions/{v}]/ready`.
    Ready(String, Option<String>),
    /// `POST /v2/repository/index`.
    Index,
    /// `POST /v2/repository/models/{m}/load`.
    Load(String),
    /// `POST /v2/repository/models/{m}/unload`.
    Unload(String),
    /// `GET /models[?max_results=N&next_page_token=T]`.
    List(Option<String>),
    /// `POST /models` with its body.
    LoadModel(Vec<u8>),
    /// `GET /models/{name}`.
    Describe(String),
    /// `DELETE /models/{name}`.
    Delete(String),
}

/// A registry's refusal of a model as an answer: 404 for a name it does not serve, 500 (naming
/// the file) for a model it cannot load.
pub fn host_error(error: HostError) -> ApiError {
    match (failure(&error), error) {
        (_, HostError::UnknownModel { model, .. }) => ApiError::not_found(format!("unknown model `{model}`")),
        (Failure::UnknownModel, e) => ApiError::not_found(e.to_string()),
        (_, e) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("the model cannot be loaded: {e}")),
    }
}

/// The model called `name` in its version `version` (every model has one version, `1`).
pub fn model(registry: &Registry, name: &str, version: Option<&str>) -> Result<ModelHandle, ApiError> {
    let handle = registry.get(name).map_err(host_error)?;
    match version {
        Some(v) if v != VERSION => Err(ApiError::not_found(format!("model `{name}` has no version `{v}` (its one version is {VERSION})"))),
        _ => Ok(handle),
    }
}

/// Runs a management call.
pub fn manage(registry: &Registry, metrics: &Metrics, call: Manage) -> Result<Reply, ApiError> {
    let body = |value: serde_json::Value| Reply::json(value.to_string().into_bytes());
    match call {
        Manage::Metadata(name, version) => {
            let handle = model(registry, &name, version.as_deref())?;
            let m = handle.model();
            Ok(body(json!({
                "name": name,
                "versions": [VERSION],
                "platform": "mlc",
                "inputs": signature::inputs(m),
                "outputs": signature::outputs(m),
            })))
        }
        Manage::Ready(name, version) => match model(registry, &name, version.as_deref()) {
            Ok(_) => Ok(Reply::empty(StatusCode::OK)),
            // Not ready is a 4xx in the protocol.
            Err(e) if e.status.is_server_error() => Err(ApiError::bad_request(e.message)),
            Err(e) => Err(e),
        },
        Manage::Index => {
            let index: Vec<serde_json::Value> = registry
                .model_names()
                .into_iter()
                .map(|name| {
                    let ready = registry.is_loaded(&name);
                    json!({"name": name, "version": VERSION, "state": if ready { "READY" } else { "UNAVAILABLE" },
                           "reason": if ready { "" } else { "not loaded (loaded on first use)" }})
                })
                .collect();
            Ok(body(serde_json::Value::Array(index)))
        }
        Manage::Load(name) => {
            registry.get(&name).map_err(host_error)?;
            Ok(Reply::empty(StatusCode::OK))
        }
        Manage::Unload(name) => {
            registry.file_of(&name).map_err(host_error)?;
            if registry.unload(&name) {
                metrics.unloaded(&name);
            }
            Ok(Reply::empty(StatusCode::OK))
        }
        Manage::List(query) => list(registry, query.as_deref()),
        Manage::LoadModel(request) => load(registry, &request),
        Manage::Describe(name) => {
            if !registry.is_loaded(&name) {
                return Err(ApiError::not_found(format!("model `{name}` is not loaded")));
            }
            Ok(body(describe(registry, &name)))
        }
        Manage::Delete(name) => {
            if !registry.is_loaded(&name) {
                return Err(ApiError::not_found(format!("model `{name}` is not loaded")));
            }
            registry.unload(&name);
            metrics.unloaded(&name);
            Ok(Reply::empty(StatusCode::OK))
        }
    }
}

/// `{"modelName": ..., "modelUrl": ...}`.
fn describe(registry: &Registry, name: &str) -> serde_json::Value {
    let url = registry.file_of(name).map(|p| p.display().to_string()).unwrap_or_default();
    json!({"modelName": name, "modelUrl": url})
}

/// The loaded models, `max_results` at a time from `next_page_token` (an offset).
fn list(registry: &Registry, query: Option<&str>) -> Result<Reply, ApiError> {
    let mut names = registry.loaded();
    names.sort();
    let (mut max, mut start) = (usize::MAX, 0);
    for (key, value) in query.unwrap_or_default().split('&').filter_map(|kv| kv.split_once('=')) {
        let number = || value.parse::<usize>().map_err(|_| ApiError::bad_request(format!("`{key}={value}`: not a number")));
        match key {
            "max_results" => max = number()?.max(1),
            "next_page_token" => start = number()?,
            _ => {}
        }
    }
    let page: Vec<serde_json::Value> = names.iter().skip(start).take(max).map(|n| describe(registry, n)).collect();
    let mut answer = json!({ "models": page });
    if start.saturating_add(max) < names.len() {
        answer["nextPageToken"] = json!((start + max).to_string());
    }
    Ok(Reply::json(answer.to_string().into_bytes()))
}

/// `POST /models`: loads `model_name` (from `url`, or the source's model of that name); 409 if
/// it is loaded, 507 if it is larger than the memory budget.
fn load(registry: &Registry, request: &[u8]) -> Result<Reply, ApiError> {
    let request = parse_load(request)?;
    let name = request.model_name.as_ref();
    if registry.is_loaded(name) {
        return Err(ApiError::new(StatusCode::CONFLICT, format!("model `{name}` is already loaded")));
    }
    let handle = match &request.url {
        None => registry.get(name).map_err(host_error)?,
        Some(url) => {
            let file = artifact_at(Path::new(url.as_ref()))?;
            // A bundle's model of the same name, or the file's only model.
            let inner = registry_inner(&file, name)?;
            registry.add(name, file, inner).map_err(|e| match host_error(e) {
                ApiError { status, message } if status == StatusCode::NOT_FOUND => ApiError::bad_request(message),
                e => e,
            })?
        }
    };
    if handle.bytes() > registry.budget() {
        let bytes = handle.bytes();
        drop(handle);
        registry.unload(name);
        return Err(ApiError::new(
            StatusCode::INSUFFICIENT_STORAGE,
            format!("model `{name}` needs {bytes} bytes, more than the memory budget of {}", registry.budget()),
        ));
    }
    Ok(Reply::empty(StatusCode::OK))
}

/// The model of the artifact `file` to serve as `name`: `name` if the file has a model of that
/// name, else its only model (`None`); an error for a bundle without `name`.
fn registry_inner(file: &Path, name: &str) -> Result<Option<String>, ApiError> {
    let artifact = mlc_host::LoadedArtifact::open(file).map_err(|e| ApiError::bad_request(e.to_string()))?;
    let view = artifact.artifact().map_err(|e| ApiError::bad_request(e.to_string()))?;
    match (view.model_by_name(name), view.model_count()) {
        (Some(_), _) => Ok(Some(name.to_string())),
        (None, 1) => Ok(None),
        (None, n) => Err(ApiError::bad_request(format!("{}: a bundle of {n} models, none named `{name}`", file.display()))),
    }
}

/// The artifact a load request's `url` names: the file, or the one `.mlc` file of a directory.
fn artifact_at(url: &Path) -> Result<PathBuf, ApiError> {
    let bad = |what: String| ApiError::bad_request(format!("url `{}`: {what}", url.display()));
    let meta = std::fs::metadata(url).map_err(|e| bad(e.to_string()))?;
    if !meta.is_dir() {
        return Ok(url.to_path_buf());
    }
    let mut found = Vec::new();
    for entry in std::fs::read_dir(url).map_err(|e| bad(e.to_string()))? {
        let path = entry.map_err(|e| bad(e.to_string()))?.path();
        if path.extension().is_some_and(|e| e == ARTIFACT_EXTENSION) && path.is_file() {
            found.push(path);
        }
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        n => Err(bad(format!("a directory must hold one .{ARTIFACT_EXTENSION} artifact, it holds {n}"))),
    }
}
