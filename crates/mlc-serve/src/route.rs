//! Routing: a request's method and path to what it asks for (a pure function; path segments
//! are percent-decoded, so a model of a directory's bundle, `NAME/MODEL`, is `NAME%2FMODEL`).

use std::borrow::Cow;

pub use hyper::Method;

/// What a request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route<'p> {
    /// `GET /ping` (SageMaker health check).
    Ping,
    /// `POST /invocations`, `POST /endpoints/{endpoint}/invocations` (`runtime_api`), or
    /// `POST /models/{name}/invoke` (`model` set).
    Invoke {
        /// The model the path names.
        model: Option<Cow<'p, str>>,
        /// The SageMaker runtime API's path (what `boto3`'s `invoke_endpoint` calls): errors
        /// are answered as that API answers them.
        runtime_api: bool,
    },
    /// `GET /execution-parameters` (SageMaker batch transform).
    ExecutionParameters,
    /// `GET /models`: the loaded models.
    ListModels,
    /// `POST /models`: load a model.
    LoadModel,
    /// `GET /models/{name}`.
    DescribeModel(Cow<'p, str>),
    /// `DELETE /models/{name}`.
    UnloadModel(Cow<'p, str>),
    /// `GET /v2/health/live`.
    Live,
    /// `GET /v2/health/ready`.
    Ready,
    /// `GET /v2`.
    ServerMetadata,
    /// `GET /v2/models/{m}[/versions/{v}]`.
    ModelMetadata(ModelPath<'p>),
    /// `GET /v2/models/{m}[/versions/{v}]/ready`.
    ModelReady(ModelPath<'p>),
    /// `POST /v2/models/{m}[/versions/{v}]/infer`.
    Infer(ModelPath<'p>),
    /// `POST /v2/repository/index`.
    RepositoryIndex,
    /// `POST /v2/repository/models/{m}/load`.
    RepositoryLoad(Cow<'p, str>),
    /// `POST /v2/repository/models/{m}/unload`.
    RepositoryUnload(Cow<'p, str>),
    /// `GET /metrics`.
    Metrics,
    /// A path this server has, with another method; the methods it takes.
    MethodNotAllowed(&'static str),
    /// No such path (or a path segment that is not UTF-8 once decoded).
    NotFound,
}

/// A model named in an Open Inference Protocol path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelPath<'p> {
    /// The model.
    pub model: Cow<'p, str>,
    /// The version, if the path gives one (`/versions/{v}`).
    pub version: Option<Cow<'p, str>>,
}

/// The version every model has.
pub const VERSION: &str = "1";

/// The route of `method` and `path` (the URI's path, without its query).
pub fn route<'p>(method: &Method, path: &'p str) -> Route<'p> {
    let Some(segments) = path.strip_prefix('/').map(|p| p.split('/').map(decode).collect::<Option<Vec<_>>>()) else {
        return Route::NotFound;
    };
    let Some(segments) = segments else { return Route::NotFound };
    let s: Vec<&str> = segments.iter().map(|s| s.as_ref()).collect();
    let get = *method == Method::GET;
    let post = *method == Method::POST;
    let one = |i: usize| segments[i].clone();
    let (route, allow): (Route<'p>, &'static str) = match s.as_slice() {
        ["ping"] => (Route::Ping, "GET"),
        ["invocations"] => (Route::Invoke { model: None, runtime_api: false }, "POST"),
        ["endpoints", _, "invocations"] => (Route::Invoke { model: None, runtime_api: true }, "POST"),
        ["execution-parameters"] => (Route::ExecutionParameters, "GET"),
        ["models"] if get => (Route::ListModels, "GET, POST"),
        ["models"] => (Route::LoadModel, "GET, POST"),
        ["models", _] if *method == Method::DELETE => (Route::UnloadModel(one(1)), "GET, DELETE"),
        ["models", _] => (Route::DescribeModel(one(1)), "GET, DELETE"),
        ["models", _, "invoke"] => (Route::Invoke { model: Some(one(1)), runtime_api: false }, "POST"),
        ["metrics"] => (Route::Metrics, "GET"),
        ["v2", "health", "live"] => (Route::Live, "GET"),
        ["v2", "health", "ready"] => (Route::Ready, "GET"),
        ["v2"] => (Route::ServerMetadata, "GET"),
        ["v2", "repository", "index"] => (Route::RepositoryIndex, "POST"),
        ["v2", "repository", "models", _, "load"] => (Route::RepositoryLoad(one(3)), "POST"),
        ["v2", "repository", "models", _, "unload"] => (Route::RepositoryUnload(one(3)), "POST"),
        ["v2", "models", _, rest @ ..] => {
            let (version, rest) = match rest {
                ["versions", _, rest @ ..] => (Some(one(4)), rest),
                rest => (None, rest),
            };
            let model = ModelPath { model: one(2), version };
            match rest {
                [] => (Route::ModelMetadata(model), "GET"),
                ["ready"] => (Route::ModelReady(model), "GET"),
                ["infer"] => (Route::Infer(model), "POST"),
                _ => return Route::NotFound,
            }
        }
        _ => return Route::NotFound,
    };
    let allowed = match route {
        Route::ListModels | Route::LoadModel => get || post,
        Route::DescribeModel(_) | Route::UnloadModel(_) => get || *method == Method::DELETE,
        _ if allow == "GET" => get,
        _ => post,
    };
    if allowed {
        route
    } else {
        Route::MethodNotAllowed(allow)
    }
}

/// A path segment, percent-decoded; `None` if it is not UTF-8 once decoded.
fn decode(segment: &str) -> Option<Cow<'_, str>> {
    if !segment.contains('%') {
        return Some(Cow::Borrowed(segment));
    }
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok().map(Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model<'a>(m: &'a str, v: Option<&'a str>) -> ModelPath<'a> {
        ModelPath { model: m.into(), version: v.map(Into::into) }
    }

    #[test]
    fn routes() {
        let (get, post, delete) = (Method::GET, Method::POST, Method::DELETE);
        assert_eq!(route(&get, "/ping"), Route::Ping);
        assert_eq!(route(&post, "/invocations"), Route::Invoke { model: None, runtime_api: false });
        assert_eq!(route(&post, "/endpoints/churn/invocations"), Route::Invoke { model: None, runtime_api: true });
        assert_eq!(route(&post, "/models/AK/invoke"), Route::Invoke { model: Some("AK".into()), runtime_api: false });
        assert_eq!(route(&get, "/models"), Route::ListModels);
        assert_eq!(route(&post, "/models"), Route::LoadModel);
        assert_eq!(route(&get, "/models/AK"), Route::DescribeModel("AK".into()));
        assert_eq!(route(&delete, "/models/AK"), Route::UnloadModel("AK".into()));
        assert_eq!(route(&get, "/v2/models/AK"), Route::ModelMetadata(model("AK", None)));
        assert_eq!(route(&get, "/v2/models/AK/versions/1/ready"), Route::ModelReady(model("AK", Some("1"))));
        assert_eq!(route(&post, "/v2/models/both%2FAK/infer"), Route::Infer(model("both/AK", None)));
        assert_eq!(route(&post, "/v2/repository/models/AK/unload"), Route::RepositoryUnload("AK".into()));
        assert_eq!(route(&post, "/v2/repository/index"), Route::RepositoryIndex);
        assert_eq!(route(&get, "/metrics"), Route::Metrics);
        assert_eq!(route(&get, "/v2"), Route::ServerMetadata);
        assert_eq!(route(&get, "/v2/health/live"), Route::Live);
    }

    #[test]
    fn wrong_methods_and_unknown_paths() {
        assert_eq!(route(&Method::GET, "/invocations"), Route::MethodNotAllowed("POST"));
        assert_eq!(route(&Method::POST, "/ping"), Route::MethodNotAllowed("GET"));
        assert_eq!(route(&Method::PUT, "/models"), Route::MethodNotAllowed("GET, POST"));
        assert_eq!(route(&Method::GET, "/v2/models/AK/infer"), Route::MethodNotAllowed("POST"));
        for path in ["/", "", "/v2/models", "/v2/models/AK/versions/1/explain", "/pingx", "/models/%ff", "/v2/models/AK/x/y"] {
            assert_eq!(route(&Method::GET, path), Route::NotFound, "{path}");
        }
        assert_eq!(decode("a%2Fb%zz%4"), Some("a/b%zz%4".into()));
    }
}
