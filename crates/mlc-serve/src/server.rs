//! The HTTP server: hyper 1 (HTTP/1.1, keep-alive and pipelining) on a tokio runtime whose few
//! I/O threads only move bytes; requests are parsed and predicted on the pool's workers
//! ([`crate::pool`]).
//!
//! Limits: a body over `max_body` is refused with 413 before it is read (by its
//! `Content-Length`) or as soon as it grows past it (chunked); headers must arrive within
//! `read_timeout` (hyper closes the connection; an idle keep-alive connection too), and then
//! the body within `read_timeout` (408); at most `max_concurrency` requests are admitted at once,
//! queued or running (more: 503 with `Retry-After: 1`, at once, without reading the body); a
//! request not answered within `request_timeout` gets 504. SIGTERM or Ctrl-C stops accepting,
//! lets the requests in flight finish (connections close after their current request) for up
//! to `shutdown_timeout`, and returns.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{HeaderMap, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use mlc_host::Registry;
use tokio::net::TcpListener;
use tokio::signal::unix::{signal, SignalKind};
use tokio::sync::oneshot;

use crate::config::Config;
use crate::metrics::{Metrics, Timings};
use crate::pool::{Admission, Job, Pool, Work};
use crate::protocol::{names, ApiError};
use crate::reply::Reply;
use crate::repository::Manage;
use crate::route::{route, Route};

/// Response header: time inside the model (the runtime's calls), microseconds with three
/// decimals (SageMaker's ModelLatency).
pub const MODEL_LATENCY_HEADER: &str = "mlc-model-latency-us";
/// Response header: the rest of the server's time for the request, from its headers to its
/// answer (reading the body, waiting for a worker, parsing, routing, tokenizing, formatting),
/// microseconds (SageMaker's OverheadLatency).
pub const OVERHEAD_LATENCY_HEADER: &str = "mlc-overhead-latency-us";
/// Response header: of the overhead, the time waiting for a worker, microseconds.
pub const QUEUE_LATENCY_HEADER: &str = "mlc-queue-latency-us";

/// Why a server could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {error}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The OS error.
        error: std::io::Error,
    },
    /// The runtime or the signal handlers could not be set up.
    #[error("cannot start the server: {0}")]
    Start(std::io::Error),
}

/// How a server stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped {
    /// Every request in flight was answered within the shutdown timeout.
    pub drained: bool,
}

/// What every connection shares.
struct State {
    registry: Arc<Registry>,
    metrics: Arc<Metrics>,
    admission: Arc<Admission>,
    jobs: crossbeam_channel::Sender<Job>,
    config: Config,
    draining: AtomicBool,
}

/// Serves `registry` as `config` says until SIGTERM or Ctrl-C; `bound` is told the address
/// it listens on (port 0 becomes a real port) before the first request is accepted.
pub fn serve(registry: Arc<Registry>, config: Config, bound: impl FnOnce(SocketAddr)) -> Result<Stopped, ServeError> {
    let default_model = registry.default_name().ok();
    let metrics = Arc::new(Metrics::default());
    let (jobs, queue) = crossbeam_channel::bounded(config.max_concurrency.max(1));
    let pool = Pool::start(registry.clone(), metrics.clone(), config.workers, queue, default_model);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(config.io_threads.max(1))
        .max_blocking_threads(2)
        .thread_name("mlc-serve-io")
        .enable_all()
        .build()
        .map_err(ServeError::Start)?;
    let admission = Admission::new(config.max_concurrency);
    let state = Arc::new(State { registry, metrics, admission, jobs, config, draining: AtomicBool::new(false) });
    let stopped = runtime.block_on(accept(state.clone(), bound));
    // Connections still open past the shutdown timeout are dropped with the runtime.
    runtime.shutdown_timeout(Duration::from_millis(100));
    // The last sender goes: the workers finish what is queued and end.
    drop(state);
    pool.join();
    stopped
}

/// Accepts connections until a signal, then drains them.
async fn accept(state: Arc<State>, bound: impl FnOnce(SocketAddr)) -> Result<Stopped, ServeError> {
    // Handlers first: a SIGTERM right after the address is printed must drain, not kill.
    let mut terminate = signal(SignalKind::terminate()).map_err(ServeError::Start)?;
    let mut interrupt = signal(SignalKind::interrupt()).map_err(ServeError::Start)?;
    let addr = state.config.listen;
    let listener = TcpListener::bind(addr).await.map_err(|error| ServeError::Bind { addr, error })?;
    bound(listener.local_addr().map_err(|error| ServeError::Bind { addr, error })?);
    let graceful = GracefulShutdown::new();
    let connections = Arc::new(tokio::sync::Semaphore::new(state.config.max_connections.max(1)));
    let mut builder = http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(state.config.read_timeout).keep_alive(true);
    loop {
        let accepted = tokio::select! {
            _ = terminate.recv() => break,
            _ = interrupt.recv() => break,
            accepted = async {
                let permit = connections.clone().acquire_owned().await;
                (permit, listener.accept().await)
            } => accepted,
        };
        let (Ok(permit), Ok((stream, _))) = accepted else {
            // Out of file descriptors, or a connection reset before it was accepted: go on.
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let _ = stream.set_nodelay(true);
        let for_service = state.clone();
        let service = service_fn(move |request| handle(for_service.clone(), request));
        let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    state.draining.store(true, Ordering::Release);
    drop(listener);
    let drained = tokio::time::timeout(state.config.shutdown_timeout, graceful.shutdown()).await.is_ok();
    Ok(Stopped { drained })
}

/// Answers one request.
async fn handle(state: Arc<State>, request: Request<Incoming>) -> Result<Response<Full<Bytes>>, Infallible> {
    let start = Instant::now();
    let (parts, body) = request.into_parts();
    let path = parts.uri.path();
    let owned = |s: &str| s.to_string();
    let mut timeout_model = None;
    let mut runtime_errors = false;
    let reply = match route(&parts.method, path) {
        Route::Ping | Route::Live => Reply::empty(StatusCode::OK),
        Route::Ready if state.draining.load(Ordering::Acquire) => Reply::empty(StatusCode::SERVICE_UNAVAILABLE),
        Route::Ready => Reply::empty(StatusCode::OK),
        Route::ServerMetadata => Reply::json(
            serde_json::json!({"name": "mlc", "version": env!("CARGO_PKG_VERSION"), "extensions": ["binary_tensor_data", "model_repository", "sagemaker"]})
                .to_string()
                .into_bytes(),
        ),
        Route::ExecutionParameters => Reply::json(
            serde_json::json!({"MaxConcurrentTransforms": state.config.workers, "BatchStrategy": "MULTI_RECORD",
                               "MaxPayloadInMB": (state.config.max_body >> 20).max(1)})
            .to_string()
            .into_bytes(),
        ),
        Route::Metrics => {
            let for_render = state.clone();
            let rendered = tokio::task::spawn_blocking(move || for_render.metrics.render(&for_render.registry, for_render.admission.in_flight())).await;
            match rendered {
                Ok(text) => Reply::new(StatusCode::OK, "text/plain; version=0.0.4", text.into_bytes()),
                Err(_) => Reply::error(&ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "the metrics could not be gathered")),
            }
        }
        Route::MethodNotAllowed(allow) => {
            let mut reply =
                Reply::error(&ApiError::new(StatusCode::METHOD_NOT_ALLOWED, format!("{} {path}: this path takes {allow}", parts.method)));
            reply.headers.push(("allow", allow));
            reply
        }
        Route::NotFound => Reply::error(&ApiError::not_found(format!("no route for {} {path} (docs/serve.md lists the routes)", parts.method))),
        Route::Infer(m) => {
            timeout_model = Some(m.model.to_string());
            match check_version(&m.model, m.version.as_deref()) {
                Err(e) => Reply::error(&e),
                Ok(()) => {
                    let model = m.model.into_owned();
                    dispatch(&state, start, parts.headers, Some(body), |headers, body| Work::Infer { model, headers, body }).await
                }
            }
        }
        Route::Invoke { model, runtime_api } => {
            runtime_errors = runtime_api;
            let model = model.map(|m| m.into_owned());
            let target = parts.headers.get(names::TARGET_MODEL).or_else(|| parts.headers.get(names::TARGET_MODEL_OLD));
            timeout_model = model.clone().or_else(|| target.and_then(|v| v.to_str().ok()).map(owned));
            dispatch(&state, start, parts.headers, Some(body), |headers, body| Work::Invoke { model, headers, body }).await
        }
        Route::LoadModel => dispatch(&state, start, parts.headers, Some(body), |_, body| Work::Manage(Manage::LoadModel(body))).await,
        route => {
            let call = match route {
                Route::ModelMetadata(m) => Manage::Metadata(owned(&m.model), m.version.map(|v| v.into_owned())),
                Route::ModelReady(m) => Manage::Ready(owned(&m.model), m.version.map(|v| v.into_owned())),
                Route::RepositoryIndex => Manage::Index,
                Route::RepositoryLoad(m) => Manage::Load(m.into_owned()),
                Route::RepositoryUnload(m) => Manage::Unload(m.into_owned()),
                Route::ListModels => Manage::List(parts.uri.query().map(owned)),
                Route::DescribeModel(m) => Manage::Describe(m.into_owned()),
                Route::UnloadModel(m) => Manage::Delete(m.into_owned()),
                _ => unreachable!("every other route is answered above"),
            };
            // A repository call may carry a (JSON) body, which is not needed: it is not read.
            dispatch(&state, start, parts.headers, None, |_, _| Work::Manage(call)).await
        }
    };
    if reply.status == StatusCode::GATEWAY_TIMEOUT {
        if let Some(model) = &timeout_model {
            // A timeout may come before the model ever ran (its counters then do not exist yet):
            // counted for every model the registry serves, and for no made-up name.
            if state.registry.serves(model) {
                state.metrics.request(model, reply.status, 0, &Timings { request: start.elapsed(), ..Timings::default() });
            }
        }
    }
    Ok(respond(&state, reply, start, runtime_errors))
}

/// Every model has one version, `1`.
fn check_version(model: &str, version: Option<&str>) -> Result<(), ApiError> {
    match version {
        Some(v) if v != crate::route::VERSION => {
            Err(ApiError::not_found(format!("model `{model}` has no version `{v}` (its one version is 1)")))
        }
        _ => Ok(()),
    }
}

/// Admits a request, reads its body (if `body`), hands `work` to the pool and waits for the
/// answer until the request's deadline.
async fn dispatch(
    state: &State,
    start: Instant,
    headers: HeaderMap,
    body: Option<Incoming>,
    work: impl FnOnce(HeaderMap, Vec<u8>) -> Work,
) -> Reply {
    let Some(permit) = state.admission.try_admit() else { return overloaded() };
    let deadline = start + state.config.request_timeout;
    let body = match body {
        None => Vec::new(),
        Some(body) => {
            let (read_by, limit) = if state.config.read_timeout <= state.config.request_timeout {
                (start + state.config.read_timeout, format!("--read-timeout ({:?})", state.config.read_timeout))
            } else {
                (deadline, format!("--request-timeout ({:?})", state.config.request_timeout))
            };
            match read_body(&headers, body, state.config.max_body, read_by, &limit).await {
                Ok(body) => body,
                Err(e) => return Reply::error(&e),
            }
        }
    };
    let (reply, answer) = oneshot::channel();
    let job = Job { work: work(headers, body), deadline, queued: Instant::now(), reply, permit };
    if state.jobs.try_send(job).is_err() {
        return overloaded();
    }
    match tokio::time::timeout_at(deadline.into(), answer).await {
        Ok(Ok(reply)) => reply,
        // The worker dropped it: its deadline had passed when its turn came.
        Ok(Err(_)) | Err(_) => Reply::error(&ApiError::new(
            StatusCode::GATEWAY_TIMEOUT,
            format!("no answer within --request-timeout ({:?})", state.config.request_timeout),
        )),
    }
}

/// 503 with `Retry-After`.
fn overloaded() -> Reply {
    let mut reply =
        Reply::error(&ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the server is at --max-concurrency requests: retry after a second"));
    reply.headers.push(("retry-after", "1"));
    reply
}

/// Reads a body of at most `limit` bytes by `deadline` (the option `timeout` names): 413 past
/// the limit (by its `Content-Length`, before reading, or as it arrives), 408 past the deadline.
async fn read_body(headers: &HeaderMap, mut body: Incoming, limit: usize, deadline: Instant, timeout: &str) -> Result<Vec<u8>, ApiError> {
    let too_large = |size: String| {
        ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, format!("the body is {size} bytes, more than --max-body-mb allows ({limit} bytes)"))
    };
    let declared = headers.get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok());
    if let Some(size) = declared.filter(|&size| size > limit as u64) {
        return Err(too_large(size.to_string()));
    }
    let read = async move {
        let mut data = Vec::with_capacity(declared.unwrap_or(0) as usize);
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|e| ApiError::bad_request(format!("cannot read the body: {e}")))?;
            if let Ok(chunk) = frame.into_data() {
                if data.len() + chunk.len() > limit {
                    return Err(too_large(format!("more than {}", data.len() + chunk.len())));
                }
                data.extend_from_slice(&chunk);
            }
        }
        Ok(data)
    };
    match tokio::time::timeout_at(deadline.into(), read).await {
        Ok(read) => read,
        Err(_) => Err(ApiError::new(StatusCode::REQUEST_TIMEOUT, format!("the body did not arrive within {timeout}"))),
    }
}

/// The HTTP response of `reply`, with the latency headers; counts it in the metrics. With
/// `runtime_errors`, an error is answered as the SageMaker runtime API answers it
/// ([`crate::reply::runtime_api_error`]; the per-model metrics count the container's status).
fn respond(state: &State, reply: Reply, start: Instant, runtime_errors: bool) -> Response<Full<Bytes>> {
    let timings = Timings { request: start.elapsed(), queue: reply.queue, model: reply.model_time };
    if let Some(model) = &reply.model {
        state.metrics.request(model, reply.status, reply.records, &timings);
    }
    let reply = if runtime_errors { crate::reply::runtime_api_error(reply) } else { reply };
    state.metrics.response(reply.status);
    let mut response = Response::new(Full::new(Bytes::from(reply.body)));
    *response.status_mut() = reply.status;
    let headers = response.headers_mut();
    if let Some(content_type) = reply.content_type {
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    }
    if let Some(len) = reply.inference_header {
        headers.insert(names::INFERENCE_HEADER_LENGTH, HeaderValue::from(len));
    }
    for (name, value) in reply.headers {
        headers.insert(name, HeaderValue::from_static(value));
    }
    let micros =
        |d: Duration| HeaderValue::from_str(&format!("{:.3}", d.as_nanos() as f64 / 1000.0)).unwrap_or(HeaderValue::from_static("0"));
    headers.insert(MODEL_LATENCY_HEADER, micros(timings.model));
    headers.insert(OVERHEAD_LATENCY_HEADER, micros(timings.overhead()));
    headers.insert(QUEUE_LATENCY_HEADER, micros(timings.queue));
    response
}
