//! The engine that answers requests, for every web framework alike: it
//! reads what it needs of a request (its `Accept`, `Content-Type`, method,
//! path and correlation id), refuses what cannot be answered (406, 415),
//! answers each error in the negotiated envelope with the request's
//! context, turns the framework's bare 404/405 and a panicking handler into
//! errors, and logs each answer once.
//!
//! The framework modules (`axum/`, `actix/`) only translate: their request
//! types into a [`Head`] and header lookups, `http` 1 responses back into
//! theirs.
//!
//! # How an error reaches the request
//!
//! A handler turns its error into a response through the framework's own
//! trait (`IntoResponse`, `ResponseError`), which takes the error alone.
//! So the response carries the error, as a value in its extensions
//! ([`Carried`]), and the layer's `finish` renders it once more with the
//! request it is answering ([`Answering::respond_carried`]): wherever the
//! response was made (the handler, a task it spawned, a service polled on
//! another thread) the answer is the same.
//!
//! # The crate's thread-locals, and why each is one
//!
//! No thread-local carries a request, its locale, its profile or its
//! settings. Two remain, each where std hands over nothing else:
//!
//! * `IN_DISPLAY` (`__private`): a recursion guard. A `Display` written by
//!   hand that writes the error's own detail would come back to itself
//!   forever; the slot holds which value is being written, for the length
//!   of that one write, and the title ends the loop.
//! * `IN_HANDLER` (here): std calls a panic hook with the panic alone, so
//!   the hook [`quiet_handler_panics`] installs learns from this flag,
//!   set for the length of a handler's poll, that the layer logs the panic
//!   itself.
//!
//! The app document's registry of error types (`openapi::app`) is one
//! process-wide value, the same on every thread.
//!
//! The gRPC layer (`tonic/`) takes the request's correlation id and
//! locale, the panic handling and the logging from here, and none of the
//! HTTP answers: built with `tonic` alone, those are unused.
#![cfg_attr(
    not(any(feature = "axum", feature = "actix-web")),
    allow(dead_code, unused_imports, unused_macros)
)]

pub(crate) mod answer;
pub(crate) mod config;
pub(crate) mod rejection;
pub(crate) mod request_id;

#[cfg(feature = "utoipa")]
pub(crate) use answer::answer;
pub(crate) use answer::{Asked, Fresh, REQUEST_ID, Written, answer_into};
pub(crate) use config::Config;

use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::task::Poll;

use http::StatusCode;
use http::header::HeaderValue;

#[cfg(feature = "axum")]
use crate::carried::Carried;
use crate::error::{ApiError, Envelope};
#[cfg(feature = "tonic")]
pub(crate) use rejection::ForeignError as Foreign;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub use rejection::Rejection;
use rejection::{ForeignError, Panicked, RouteError};

/// Declares a layer or middleware type (a struct holding the shared
/// [`Config`]) with its public constructors, the same for every framework.
macro_rules! layer_type {
    ($(#[$doc:meta])* $ty:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug)]
        pub struct $ty {
            config: ::std::sync::Arc<$crate::serve::Config>,
        }

        impl $ty {
            #[doc = concat!("A ", $what, " answering with `profile` (or just an envelope): in")]
            /// its envelope unless the request asks for another built-in
            /// one; 406 for what cannot be satisfied.
            ///
            /// ```
            /// # #[cfg(feature = "axum")]
            /// let layer = errcodes::axum::ErrorLayer::new(errcodes::Envelope::Drf);
            /// # #[cfg(feature = "actix-web")]
            /// let middleware = errcodes::actix::ErrorMiddleware::new(errcodes::Envelope::Drf);
            /// ```
            #[must_use]
            pub fn new(profile: impl Into<$crate::Profile>) -> $ty {
                $ty {
                    config: $crate::serve::Config::new(profile.into()),
                }
            }

            /// Negotiates with `negotiation` instead (which envelopes are
            /// offered, whether to refuse); its default envelope answers.
            ///
            /// ```
            /// use errcodes::negotiate::Negotiation;
            /// let offer = Negotiation::new(errcodes::Envelope::Problem).offering([]);
            /// # #[cfg(feature = "axum")]
            /// let layer = errcodes::axum::ErrorLayer::new(errcodes::Envelope::Problem).negotiation(offer.clone());
            /// # #[cfg(feature = "actix-web")]
            /// let middleware = errcodes::actix::ErrorMiddleware::new(errcodes::Envelope::Problem).negotiation(offer);
            /// ```
            #[must_use]
            pub fn negotiation(self, negotiation: $crate::negotiate::Negotiation) -> $ty {
                $ty {
                    config: self.config.negotiating(negotiation),
                }
            }

            /// Leaves error answers errcodes did not write (a framework's own
            /// rejection text, an inner service's bare or `text/plain` 4xx and
            /// 5xx) as they are, instead of answering them again in the
            /// envelope.
            ///
            /// ```
            /// # #[cfg(feature = "axum")]
            /// let layer = errcodes::axum::ErrorLayer::new(errcodes::Envelope::Problem).keep_foreign_errors();
            /// # #[cfg(feature = "actix-web")]
            /// let middleware = errcodes::actix::ErrorMiddleware::new(errcodes::Envelope::Problem).keep_foreign_errors();
            /// ```
            #[must_use]
            pub fn keep_foreign_errors(self) -> $ty {
                $ty {
                    config: self.config.keeping_foreign(),
                }
            }

            /// The app's OpenAPI document as this answers (feature
            /// `utoipa`): `build` (your `ApiDoc::openapi`) with each
            /// operation's error responses written by this layer's own
            /// answer function, under its profile (type base, pointer
            /// prefix) and in every media type it negotiates; its own
            /// answers (unknown route, method, 406, 415, unreadable body or
            /// parameters, panic) added to every operation; an error
            /// response declared by hand answered as the layer answers it
            /// again; schemas and the responses operations share registered
            /// once as components and referenced. See the `openapi` module.
            ///
            /// ```
            /// use errcodes::ApiError;
            /// use utoipa::OpenApi;
            ///
            /// #[derive(Debug, ApiError)]
            /// enum OrderError {
            ///     #[api(status = 404, code = "order_not_found", detail = "No order {id} exists.")]
            ///     NotFound { id: u64 },
            /// }
            ///
            /// #[utoipa::path(get, path = "/orders/{id}", params(("id" = u64, Path)), responses((status = 200, description = "The order"), OrderError))]
            /// async fn order() {}
            ///
            /// #[derive(OpenApi)]
            /// #[openapi(paths(order))]
            /// struct ApiDoc;
            ///
            /// let profile = errcodes::Profile::new(errcodes::Envelope::Problem).type_base("https://errors.example.com/");
            /// # #[cfg(feature = "axum")]
            /// let doc = errcodes::axum::ErrorLayer::new(profile).openapi(ApiDoc::openapi);
            /// # #[cfg(all(feature = "actix-web", not(feature = "axum")))]
            /// # let doc = errcodes::actix::ErrorMiddleware::new(profile).openapi(ApiDoc::openapi);
            /// let doc = serde_json::to_value(doc).unwrap();
            /// // Each error response is a component operations refer to.
            /// let reference = doc["paths"]["/orders/{id}"]["get"]["responses"]["404"]["$ref"].as_str().unwrap();
            /// assert_eq!(reference, "#/components/responses/404");
            /// let not_found = &doc["components"]["responses"]["404"]["content"];
            /// // The type's error and the layer's own unknown route, in every media type it negotiates.
            /// assert!(not_found["application/vnd.api+json"].is_object());
            /// let problem = &not_found["application/problem+json"];
            /// assert_eq!(problem["schema"]["$ref"], "#/components/schemas/problem.404");
            /// let value = &problem["examples"]["NotFound"]["value"];
            /// assert_eq!(value["type"], "https://errors.example.com/order_not_found");
            /// // Shown answering `/any/path`, so operations that answer alike share it.
            /// assert_eq!(value["instance"], "/any/path");
            /// assert_eq!(problem["examples"]["not_found"]["value"]["code"], "not_found");
            /// // Its schema: the envelope's, narrowed to the 404 and its codes.
            /// let codes = &doc["components"]["schemas"]["problem.404"]["properties"]["code"]["enum"];
            /// assert_eq!(codes, &serde_json::json!(["not_found", "order_not_found"]));
            /// ```
            #[cfg(feature = "utoipa")]
            #[must_use]
            pub fn openapi(
                &self,
                build: impl FnOnce() -> ::utoipa::openapi::OpenApi,
            ) -> ::utoipa::openapi::OpenApi {
                $crate::openapi::app::document(&self.config, build)
            }
        }
    };
}
pub(crate) use layer_type;

/// What the engine needs of a framework's request besides its headers: its
/// method and path, as the framework keeps them (no copy).
pub(crate) trait Head: 'static {
    fn method(&self) -> &str;
    fn path(&self) -> &str;
}

/// Declares the head of a framework's requests (`$head`, its method and
/// URI, shared rather than copied) to the engine.
macro_rules! head {
    ($head:ident, $method:ty, $uri:ty) => {
        #[derive(Debug)]
        pub(crate) struct $head {
            method: $method,
            uri: $uri,
        }

        impl $head {
            fn new(method: &$method, uri: &$uri) -> $head {
                $head {
                    method: method.clone(),
                    uri: uri.clone(),
                }
            }
        }

        impl $crate::serve::Head for $head {
            fn method(&self) -> &str {
                self.method.as_str()
            }
            fn path(&self) -> &str {
                self.uri.path()
            }
        }
    };
}
pub(crate) use head;

/// W3C Trace Context's header, whose trace id serves when no id is given.
const TRACEPARENT: &str = "traceparent";

/// A correlation id the request brought, kept without allocating when it
/// is as short as ids usually are (a trace id is 32 characters, a UUID 36).
#[derive(Clone, Debug)]
enum GivenId {
    Inline { bytes: [u8; 48], len: u8 },
    Heap(Box<str>),
}

impl GivenId {
    fn new(id: &str) -> GivenId {
        match u8::try_from(id.len()) {
            Ok(len) if id.len() <= 48 => {
                let mut bytes = [0; 48];
                bytes[..id.len()].copy_from_slice(id.as_bytes());
                GivenId::Inline { bytes, len }
            }
            _ => GivenId::Heap(id.into()),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // Copied from a `&str`, so always UTF-8.
            GivenId::Inline { bytes, len } => {
                core::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            GivenId::Heap(id) => id,
        }
    }
}

/// One request a layer or middleware is answering: the envelope chosen for
/// it, its head, and the correlation id it brought.
#[derive(Debug)]
pub(crate) struct Answering<H> {
    config: Arc<Config>,
    envelope: Envelope,
    head: H,
    given_id: Option<GivenId>,
    /// The profile's locale `Accept-Language` chose, by index.
    locale: Option<usize>,
}

/// A request begun: the handler may run, or the request is refused (406,
/// 415) with this response before any handler does.
pub(crate) struct Begun<H> {
    pub(crate) answering: Answering<H>,
    pub(crate) refused: Option<http::Response<Vec<u8>>>,
}

impl<H: Head> Answering<H> {
    /// The request prologue: negotiates the envelope from `Accept` (every
    /// `Accept` line, as one list), checks `Content-Type` (415 first, then
    /// 406), and picks the correlation id (a safe `x-request-id`, else the
    /// trace id of a valid `traceparent`). `header` gives every value of a
    /// request header, by its lower-case name.
    pub(crate) fn begin<'r, V: IntoIterator<Item = &'r [u8]>>(
        config: &Arc<Config>,
        head: H,
        header: impl Fn(&str) -> V,
    ) -> Begun<H> {
        let first = |name| header(name).into_iter().next();
        let negotiation = &config.negotiation;
        let accept = header_list(header("accept"));
        let chosen = negotiation.choose(accept.as_deref());
        let content_type = first("content-type").and_then(|v| core::str::from_utf8(v).ok());
        let refusal = negotiation
            .check_content_type(content_type)
            .err()
            .or(chosen.err());
        let answering = Answering::of(
            config,
            chosen.unwrap_or_else(|_| negotiation.default_envelope()),
            head,
            header,
        );
        let refused = refusal.map(|refusal| answering.respond(&refusal));
        Begun { answering, refused }
    }

    /// `err` answered to this request, and logged (feature `tracing`). An
    /// error always carries a correlation id: the request's, else a new
    /// one, in the body and in `x-request-id`.
    pub(crate) fn respond<E: ApiError + ?Sized>(&self, err: &E) -> http::Response<Vec<u8>> {
        self.respond_logging(err, true)
    }

    /// [`respond`](Self::respond), logging the answer only when `log`.
    fn respond_logging<E: ApiError + ?Sized>(&self, err: &E, log: bool) -> http::Response<Vec<u8>> {
        let (mut parts, ()) = http::Response::new(()).into_parts();
        let body = self.answer_into(&mut parts, Fresh::Yes, err, log);
        http::Response::from_parts(parts, body)
    }

    /// `err` answered into `parts`, logged when `log`; see [`answer_into`].
    fn answer_into<E: ApiError + ?Sized>(
        &self,
        parts: &mut http::response::Parts,
        fresh: Fresh,
        err: &E,
        log: bool,
    ) -> Vec<u8> {
        self.with_asked(err, log, |asked| {
            answer_into(parts, fresh, &self.config, asked, err)
        })
    }

    /// What this request asked for (with a correlation id: the request's,
    /// else a new one), handed to `answer`, after logging `err` when `log`.
    fn with_asked<T, E: ApiError + ?Sized>(
        &self,
        err: &E,
        log: bool,
        answer: impl FnOnce(&Asked<'_>) -> T,
    ) -> T {
        let generated;
        let request_id = if let Some(id) = &self.given_id {
            id.as_str()
        } else {
            generated = request_id::new_request_id();
            generated.as_str()
        };
        let (method, path) = (self.head.method(), self.head.path());
        if log {
            crate::log::answered(&err, method, path, request_id);
        }
        let locale = self
            .locale
            .and_then(|i| self.config.profile.locales_setting().get(i))
            .map(|tag| &**tag);
        answer(&Asked {
            envelope: self.envelope,
            path,
            request_id,
            locale,
        })
    }

    /// The answer to a handler that panicked (its `payload`): a 500 that
    /// says nothing of it; the log gets the panic's message.
    /// Under a storm of panics the log gets at most [`PANIC_LOGS`] of them a
    /// second; the others are answered all the same, and the next one
    /// logged says how many were left out.
    pub(crate) fn panicked(
        &self,
        payload: &(dyn core::any::Any + Send),
    ) -> http::Response<Vec<u8>> {
        match panic_log_admits() {
            Some(left_out) => self.respond(&Panicked::new(payload, left_out)),
            None => self.respond_logging(&Panicked::new(payload, 0), false),
        }
    }

    /// The answer in the envelope to an error response errcodes did not
    /// write (`status`, no [`Written`] mark): the framework's bare 404 or
    /// 405 (`bare`, with no body and no `Content-Type`) as a route error,
    /// keeping its `Allow`; any other 4xx or 5xx as a [`ForeignError`] of
    /// that status, whose text is never echoed. `None` for a success, and
    /// for what the layer was told to keep.
    pub(crate) fn foreign(
        &self,
        status: u16,
        bare: impl FnOnce() -> bool,
        allow: Option<&[u8]>,
        content_type: Option<&[u8]>,
    ) -> Option<http::Response<Vec<u8>>> {
        if status < 400 {
            return None;
        }
        let status = StatusCode::from_u16(status).ok()?;
        let mut response = if matches!(status.as_u16(), 404 | 405) && bare() {
            self.respond(&RouteError {
                status,
                method: self.head.method(),
            })
        } else if self.config.convert_foreign {
            self.respond(&ForeignError::new(status, content_type))
        } else {
            return None;
        };
        if let Some(allow) = allow.and_then(|a| HeaderValue::from_bytes(a).ok()) {
            response.headers_mut().insert(http::header::ALLOW, allow);
        }
        Some(response)
    }

    /// The error a response carries ([`Carried`]), answered to this request
    /// in that response's own head `parts` and body: its status,
    /// `Content-Type`, correlation id, `Vary` and language set; the error's
    /// own headers, the headers an inner middleware added and the
    /// extensions stay.
    #[cfg(feature = "axum")]
    pub(crate) fn respond_carried(&self, carried: &Carried, parts: &mut http::response::Parts) {
        self.with_asked(carried.error(), true, |asked| {
            carried.answer(parts, &self.config, asked);
        });
    }

    /// An RPC request's prologue (gRPC over tonic): no envelope to
    /// negotiate, only the correlation id (`x-request-id`, else the trace
    /// id of a `traceparent`) and the locale `accept-language` asks for, as
    /// [`begin`](Self::begin) reads them from HTTP headers.
    #[cfg(feature = "tonic")]
    pub(crate) fn for_rpc<'r, V: IntoIterator<Item = &'r [u8]>>(
        config: &Arc<Config>,
        head: H,
        header: impl Fn(&str) -> V,
    ) -> Answering<H> {
        Answering::of(config, config.negotiation.default_envelope(), head, header)
    }

    /// A request answering in `envelope`, with the correlation id (a safe
    /// `x-request-id`, else the trace id of a valid `traceparent`) and the
    /// profile's locale `accept-language` chose.
    fn of<'r, V: IntoIterator<Item = &'r [u8]>>(
        config: &Arc<Config>,
        envelope: Envelope,
        head: H,
        header: impl Fn(&str) -> V,
    ) -> Answering<H> {
        let first = |name| header(name).into_iter().next();
        let given_id = match first(REQUEST_ID.as_str()) {
            Some(id) if request_id::usable_request_id(id) => core::str::from_utf8(id).ok(),
            _ => first(TRACEPARENT).and_then(request_id::trace_id),
        };
        let locales = config.profile.locales_setting();
        let locale = if locales.is_empty() {
            None
        } else {
            let asked = header_list(header("accept-language"));
            crate::negotiate::choose_locale(asked.as_deref(), locales)
        };
        Answering {
            config: Arc::clone(config),
            envelope,
            head,
            given_id: given_id.map(GivenId::new),
            locale,
        }
    }

    /// `err` answered to this RPC request as a `google.rpc.Status` (with
    /// the request's correlation id, else a new one, which is returned
    /// too), and logged when `log`.
    #[cfg(feature = "tonic")]
    pub(crate) fn rpc_status<E: ApiError + ?Sized>(
        &self,
        err: &E,
        log: bool,
    ) -> (crate::rpc::Status, String) {
        self.with_asked(err, log, |asked| {
            let answered = crate::context::InContext::new(err)
                .path(asked.path)
                .request_id(asked.request_id)
                .profile(&self.config.profile);
            #[cfg(feature = "fluent")]
            let answered = match asked.locale {
                Some(locale) => answered.locale(locale),
                None => answered,
            };
            (
                crate::rpc::Status::of(&answered),
                asked.request_id.to_owned(),
            )
        })
    }

    /// The status of a handler that panicked (its `payload`), logged as
    /// [`panicked`](Self::panicked) logs.
    #[cfg(feature = "tonic")]
    pub(crate) fn rpc_panicked(
        &self,
        payload: &(dyn core::any::Any + Send),
    ) -> (crate::rpc::Status, String) {
        match panic_log_admits() {
            Some(left_out) => self.rpc_status(&Panicked::new(payload, left_out), true),
            None => self.rpc_status(&Panicked::new(payload, 0), false),
        }
    }

    /// Whether the layer answers a foreign 5xx again (it was not told to
    /// keep foreign errors).
    #[cfg(feature = "tonic")]
    pub(crate) fn converts_foreign(&self) -> bool {
        self.config.convert_foreign
    }

    /// The correlation id the request brought, to echo on a success.
    pub(crate) fn given_id(&self) -> Option<&str> {
        self.given_id.as_ref().map(GivenId::as_str)
    }
}

/// How many panics a second the log gets; see [`Answering::panicked`].
const PANIC_LOGS: u64 = 10;

/// Whether this panic may be logged: `Some(n)` with the number of panics
/// left out of the log since the last one logged, `None` when this second
/// already had [`PANIC_LOGS`].
fn panic_log_admits() -> Option<u64> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    static SECOND: AtomicU64 = AtomicU64::new(0);
    static LOGGED: AtomicU64 = AtomicU64::new(0);
    static LEFT_OUT: AtomicU64 = AtomicU64::new(0);
    let now = START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_secs();
    if SECOND.swap(now, Ordering::Relaxed) != now {
        LOGGED.store(0, Ordering::Relaxed);
    }
    if LOGGED.fetch_add(1, Ordering::Relaxed) < PANIC_LOGS {
        Some(LEFT_OUT.swap(0, Ordering::Relaxed))
    } else {
        LEFT_OUT.fetch_add(1, Ordering::Relaxed);
        None
    }
}

/// What a handler polled to the end gave.
pub(crate) enum Polled<T, H> {
    /// The handler's output.
    Ready(T, Answering<H>),
    /// The handler panicked, with this payload; answer with
    /// [`Answering::panicked`].
    Panicked(Answering<H>, Box<dyn core::any::Any + Send>),
}

thread_local! {
    /// Whether this thread is polling a handler a layer answers for, so
    /// that [`quiet_handler_panics`]'s hook can tell the panics errcodes
    /// logs itself.
    static IN_HANDLER: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

/// Leaves the panics of handlers an errcodes layer answers to errcodes
/// (feature `tracing`): the layer already logs each one once, at `error`,
/// with its message and the request's correlation id, and answers a 500.
/// The default hook would print each again on stderr, which under a storm
/// of panics is megabytes a second. Panics anywhere else still reach the
/// hook that was installed before (the default one prints them as usual).
///
/// Call it once, early in `main`; later calls do nothing.
///
/// ```
/// errcodes::quiet_handler_panics();
/// ```
#[cfg(feature = "tracing")]
pub fn quiet_handler_panics() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_HANDLER.with(core::cell::Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Polls a handler for the request in `kept`, catching a panic. While the
/// handler is pending the request stays in `kept`; once it is done, `kept`
/// is empty, and a future polled again stays pending.
pub(crate) fn poll_handler<H, T>(
    kept: &mut Option<Answering<H>>,
    poll: impl FnOnce() -> Poll<T>,
) -> Poll<Polled<T, H>> {
    if kept.is_none() {
        return Poll::Pending;
    }
    let was_in_handler = IN_HANDLER.with(|flag| flag.replace(true));
    let polled = catch_unwind(AssertUnwindSafe(poll));
    IN_HANDLER.with(|flag| flag.set(was_in_handler));
    match polled {
        Ok(Poll::Pending) => Poll::Pending,
        Ok(Poll::Ready(output)) => match kept.take() {
            Some(answering) => Poll::Ready(Polled::Ready(output, answering)),
            None => Poll::Pending,
        },
        Err(payload) => match kept.take() {
            Some(answering) => Poll::Ready(Polled::Panicked(answering, payload)),
            None => Poll::Pending,
        },
    }
}

/// The longest header list read (the `Accept` lines together); what is
/// past it is left out, so a huge header costs bounded time.
const MAX_LIST: usize = 8 * 1024;

/// A header's lines as one comma-separated list (RFC 9110 section 5.3), as
/// it is when there is one line of text; otherwise joined, each range that
/// is not text (a stray non-UTF-8 byte) left out on its own.
fn header_list<'r>(lines: impl IntoIterator<Item = &'r [u8]>) -> Option<Cow<'r, str>> {
    let mut lines = lines.into_iter();
    let first = lines.next()?;
    let second = lines.next();
    if second.is_none()
        && first.len() <= MAX_LIST
        && let Ok(text) = core::str::from_utf8(first)
    {
        return Some(Cow::Borrowed(text));
    }
    let mut list = String::new();
    for line in core::iter::once(first).chain(second).chain(lines) {
        for range in line.split(|b| *b == b',') {
            let Ok(range) = core::str::from_utf8(range) else {
                continue;
            };
            if range.trim().is_empty() || list.len() + range.len() >= MAX_LIST {
                continue;
            }
            if !list.is_empty() {
                list.push(',');
            }
            list.push_str(range);
        }
    }
    Some(Cow::Owned(list))
}
