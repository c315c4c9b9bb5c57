//! An error as a value that travels: [`Carried`], the owned, shareable
//! error a response carries in its extensions to the layer that answers
//! it, and [`Snapshot`], the owned copy of a borrowed error that it falls
//! back to (and that a collection keeps for `push_ref`).
//!
//! A handler's error becomes a response through the framework's own trait
//! (`IntoResponse`, `ResponseError`), which cannot see the request. So the
//! response says what it answers: the default rendering in the error's own
//! envelope (what a client gets without a layer), and the error itself in
//! its extensions. A layer that knows the request takes the error out and
//! renders it once more, in the negotiated envelope and language, with the
//! request's context. Where the response was made (the handler, a spawned
//! task, a buffered service polled on another thread) no longer matters.

use std::fmt;
#[cfg(any(feature = "axum", feature = "actix-web"))]
use std::sync::Arc;

use http::{HeaderName, StatusCode};

use crate::error::{ApiError, ErrorList, Settings};
use crate::location::{Location, OwnedLocation};
use crate::redact::UnredactedDetail;
use crate::visit::fmt_fn;
use crate::visit::{HeaderVisitor, MetaValue, MetaVisitor};

/// An error, owned and shared, riding in a response's extensions: see the
/// module docs. `http`'s extensions want `Clone + Send + Sync + 'static`;
/// an `Arc` of a sendable error is all four. The response's body shares
/// it too, with the bytes it sends: the layer writes its answer there, so
/// the response keeps its body and nothing more is allocated.
#[cfg(any(feature = "axum", feature = "actix-web"))]
#[derive(Clone)]
pub(crate) struct Carried(Arc<dyn Carry>);

/// One allocation for the error and the bytes its response sends.
#[cfg(any(feature = "axum", feature = "actix-web"))]
struct Shared<E> {
    /// The body, once written: by the layer (its answer), else on first
    /// read (the error in its own envelope).
    body: std::sync::Mutex<Option<Vec<u8>>>,
    err: E,
}

/// [`Shared`] of any error.
#[cfg(any(feature = "axum", feature = "actix-web"))]
trait Carry: Send + Sync {
    fn error(&self) -> &(dyn ApiError + Send + Sync);
    fn body(&self) -> &std::sync::Mutex<Option<Vec<u8>>>;
    /// The error answered into `parts`, rendered for its own type (one
    /// virtual call, then every method of the error inlined, as when the
    /// handler's own type is rendered).
    #[cfg(feature = "axum")]
    fn answer(
        &self,
        parts: &mut http::response::Parts,
        config: &crate::serve::config::Config,
        asked: &crate::serve::answer::Asked<'_>,
    ) -> Vec<u8>;
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
impl<E: ApiError + Send + Sync> Carry for Shared<E> {
    fn error(&self) -> &(dyn ApiError + Send + Sync) {
        &self.err
    }
    fn body(&self) -> &std::sync::Mutex<Option<Vec<u8>>> {
        &self.body
    }
    #[cfg(feature = "axum")]
    fn answer(
        &self,
        parts: &mut http::response::Parts,
        config: &crate::serve::config::Config,
        asked: &crate::serve::answer::Asked<'_>,
    ) -> Vec<u8> {
        crate::serve::answer::answer_into(
            parts,
            crate::serve::answer::Fresh::No,
            config,
            asked,
            &self.err,
        )
    }
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
impl Carried {
    /// The error itself, moved in: no copy.
    pub(crate) fn owned<E: ApiError + Send + Sync + 'static>(err: E) -> Carried {
        Carried(Arc::new(Shared {
            body: std::sync::Mutex::new(None),
            err,
        }))
    }

    /// An owned copy of `err`, for an error that cannot travel as it is
    /// (borrowed, or not `Send`/`Sync`/`'static`).
    pub(crate) fn copied<E: ApiError + ?Sized>(err: &E) -> Carried {
        Carried::owned(Snapshot::of(err))
    }

    /// The error.
    pub(crate) fn error(&self) -> &(dyn ApiError + Send + Sync) {
        self.0.error()
    }

    /// The bytes the response sends: those written (the layer's answer),
    /// else `default`'s, written now; `None` once taken.
    #[cfg_attr(not(feature = "axum"), allow(dead_code))]
    pub(crate) fn with_body<T>(
        &self,
        default: impl FnOnce() -> Vec<u8>,
        read: impl FnOnce(&mut Option<Vec<u8>>) -> T,
    ) -> T {
        // A poisoned lock still holds bytes: a panic elsewhere cannot
        // make the body unreadable.
        let mut body = self
            .0
            .body()
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if body.is_none() {
            *body = Some(default());
        }
        read(&mut body)
    }

    /// The error answered to `asked` into its response's head `parts`,
    /// the answer made the bytes the response sends.
    #[cfg(feature = "axum")]
    pub(crate) fn answer(
        &self,
        parts: &mut http::response::Parts,
        config: &crate::serve::config::Config,
        asked: &crate::serve::answer::Asked<'_>,
    ) {
        let answer = self.0.answer(parts, config, asked);
        *self
            .0
            .body()
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(answer);
    }
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
impl fmt::Debug for Carried {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Carried")
            .field("status", &self.error().status())
            .field("code", &self.error().code())
            .finish_non_exhaustive()
    }
}

/// An owned copy of an error: everything a format, a layer, the log or the
/// localization reads of it, taken once. Texts are kept as the error wrote
/// them (the detail unredacted, so the log keeps it); the settings carry the
/// redaction, so a client reads only what the original would have shown.
pub(crate) struct Snapshot {
    status: StatusCode,
    code: String,
    title: String,
    /// Everything `fmt_detail` wrote.
    detail: String,
    instance: String,
    location: Option<OwnedLocation>,
    /// Each meta member's name and the JSON its value wrote, kept as bytes:
    /// never parsed again, so no depth or number precision is lost.
    meta: Vec<(String, RawJson)>,
    headers: Vec<(HeaderName, String)>,
    /// The chain of causes, as their texts: for the log.
    source: Option<Box<SourceText>>,
    /// The items of a collection, each a copy too.
    items: Option<Items>,
    /// The settings with their text owned; the borrowed members are the
    /// strings below.
    settings: Settings<'static>,
    texts: SettingTexts,
    #[cfg(feature = "fluent")]
    l10n: Localized,
}

/// A collection's items, and the locale and correlation id they answer
/// with.
struct Items {
    each: Vec<Box<dyn ApiError + Send + Sync>>,
    #[cfg(feature = "fluent")]
    locale: Option<String>,
    request_id: Option<String>,
}

/// The members of [`Settings`] that borrow, owned.
#[derive(Default)]
struct SettingTexts {
    type_base: Option<String>,
    pointer_prefix: Option<String>,
    domain: Option<String>,
    kind: Option<String>,
    jsonapi_source: Option<OwnedLocation>,
    non_field_key: Option<String>,
    /// The occurrence's correlation id and language.
    occurrence_id: Option<String>,
    language: Option<String>,
}

/// What localization reads of an error (feature `fluent`): its message,
/// owned.
#[cfg(feature = "fluent")]
struct Localized {
    /// The catalogs and message id, when the error has a message.
    message: Option<(&'static crate::l10n::Messages, String)>,
    args: Vec<(&'static str, crate::l10n::OwnedArg)>,
}

impl Snapshot {
    pub(crate) fn of<E: ApiError + ?Sized>(err: &E) -> Snapshot {
        let mut meta = Vec::new();
        err.visit_meta(&mut |name: &str, value: &dyn MetaValue| {
            let mut bytes = Vec::new();
            if value.write_json(&mut bytes).is_ok() {
                meta.push((name.to_owned(), RawJson(bytes)));
            }
        });
        let mut headers = Vec::new();
        err.visit_headers(&mut |name: &HeaderName, value: &dyn fmt::Display| {
            headers.push((name.clone(), display_lossy(value)));
        });
        let s = err.settings();
        let occurrence = err.occurrence();
        let owned = |text: Option<&str>| text.map(str::to_owned);
        let detail = display_lossy(&UnredactedDetail(err));
        Snapshot {
            status: err.status(),
            code: err.code().to_owned(),
            title: err.title().to_owned(),
            instance: display_lossy(&fmt_fn(|f| err.fmt_instance(f))),
            location: err.location().map(OwnedLocation::of),
            meta,
            headers,
            source: err.source_error().map(SourceText::chain),
            items: err.errors().map(|list| Items {
                each: list
                    .items
                    .iter()
                    .map(|item| Box::new(Snapshot::of(&**item)) as Box<dyn ApiError + Send + Sync>)
                    .collect(),
                #[cfg(feature = "fluent")]
                locale: owned(list.locale),
                request_id: owned(list.request_id),
            }),
            settings: Settings {
                type_base: None,
                pointer_prefix: None,
                domain: None,
                kind: None,
                jsonapi_source: None,
                non_field_key: None,
                ..s
            },
            texts: SettingTexts {
                type_base: owned(s.type_base),
                pointer_prefix: owned(s.pointer_prefix),
                domain: owned(s.domain),
                kind: owned(s.kind),
                jsonapi_source: s.jsonapi_source.map(OwnedLocation::of),
                non_field_key: owned(s.non_field_key),
                occurrence_id: owned(occurrence.id),
                language: owned(occurrence.language),
            },
            #[cfg(feature = "fluent")]
            l10n: Localized::of(err),
            detail,
        }
    }
}

#[cfg(feature = "fluent")]
impl Localized {
    fn of<E: ApiError + ?Sized>(err: &E) -> Localized {
        let Some(message) = err.message() else {
            return Localized {
                message: None,
                args: Vec::new(),
            };
        };
        let mut args = Vec::new();
        message.visit_args(&mut |name: &'static str, arg: crate::l10n::Arg<'_>| {
            args.push((name, crate::l10n::OwnedArg::of(arg)));
        });
        Localized {
            message: Some((message.catalogs(), message.id().to_owned())),
            args,
        }
    }
}

#[cfg(feature = "fluent")]
impl crate::l10n::MessageArgs for Localized {
    fn visit_args(&self, visitor: &mut dyn crate::l10n::ArgVisitor) {
        for (name, arg) in &self.args {
            visitor.visit(name, arg.as_arg());
        }
    }
}

/// `value.to_string()`, except that a `Display` impl that fails keeps what
/// it wrote instead of panicking.
fn display_lossy(value: &dyn fmt::Display) -> String {
    use fmt::Write as _;
    let mut text = String::new();
    let _ = write!(text, "{value}");
    text
}

impl ApiError for Snapshot {
    fn status(&self) -> StatusCode {
        self.status
    }
    fn code(&self) -> &str {
        &self.code
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail)
    }
    fn detail_str(&self) -> Option<&str> {
        Some(&self.detail)
    }
    fn fmt_instance(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.instance)
    }
    fn location(&self) -> Option<Location<'_>> {
        self.location.as_ref().map(OwnedLocation::as_location)
    }
    fn visit_meta(&self, visitor: &mut dyn MetaVisitor) {
        for (name, value) in &self.meta {
            visitor.visit(name, value);
        }
    }
    fn visit_headers(&self, visitor: &mut dyn HeaderVisitor) {
        for (name, value) in &self.headers {
            visitor.visit(name, value);
        }
    }
    fn source_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|s| s as &(dyn std::error::Error + 'static))
    }
    fn errors(&self) -> Option<ErrorList<'_>> {
        let items = self.items.as_ref()?;
        Some(ErrorList {
            whole: self,
            items: &items.each,
            #[cfg(feature = "fluent")]
            locale: items.locale.as_deref(),
            request_id: items.request_id.as_deref(),
            rules: None,
        })
    }
    fn settings(&self) -> Settings<'_> {
        let t = &self.texts;
        Settings {
            type_base: t.type_base.as_deref(),
            pointer_prefix: t.pointer_prefix.as_deref(),
            domain: t.domain.as_deref(),
            kind: t.kind.as_deref(),
            jsonapi_source: t.jsonapi_source.as_ref().map(OwnedLocation::as_location),
            non_field_key: t.non_field_key.as_deref(),
            ..self.settings
        }
    }
    fn occurrence(&self) -> crate::occurrence::Occurrence<'_> {
        let t = &self.texts;
        crate::occurrence::Occurrence::new(t.occurrence_id.as_deref(), t.language.as_deref())
    }
    #[cfg(feature = "fluent")]
    fn message(&self) -> Option<crate::l10n::Message<'_>> {
        let (catalogs, id) = self.l10n.message.as_ref()?;
        Some(crate::l10n::Message::new(catalogs, id, &self.l10n))
    }
}

/// JSON a meta value wrote, written again as it is.
struct RawJson(Vec<u8>);

impl MetaValue for RawJson {
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        out.extend_from_slice(&self.0);
        Ok(())
    }
}

/// A cause, kept as its text, and the causes behind it.
#[derive(Debug)]
struct SourceText {
    text: String,
    source: Option<Box<SourceText>>,
}

impl SourceText {
    /// The chain from `source` down, at most 64 deep (a cyclic `source()`
    /// must not loop forever); boxed, as the snapshot keeps it.
    #[allow(clippy::unnecessary_box_returns)]
    fn chain(source: &(dyn std::error::Error + 'static)) -> Box<SourceText> {
        let mut texts = Vec::new();
        let mut next = Some(source);
        while let Some(cause) = next.filter(|_| texts.len() < 64) {
            texts.push(display_lossy(cause));
            next = cause.source();
        }
        let mut chain: Option<Box<SourceText>> = None;
        for text in texts.into_iter().rev() {
            chain = Some(Box::new(SourceText {
                text,
                source: chain,
            }));
        }
        chain.unwrap_or_else(|| {
            Box::new(SourceText {
                text: String::new(),
                source: None,
            })
        })
    }
}

impl fmt::Display for SourceText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::error::Error for SourceText {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|s| s as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ext::ApiErrorExt as _;

    struct Chained(std::io::Error);
    impl ApiError for Chained {
        fn status(&self) -> StatusCode {
            StatusCode::BAD_GATEWAY
        }
        fn code(&self) -> &'static str {
            "upstream"
        }
        fn title(&self) -> &'static str {
            "Bad Gateway"
        }
        fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("db-1 refused")
        }
        fn source_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.0)
        }
        fn settings(&self) -> Settings<'_> {
            Settings::new().redact_detail(true)
        }
    }

    #[test]
    fn a_copy_keeps_the_causes_for_the_log_and_the_redaction_for_the_body() {
        let err = Chained(std::io::Error::other("connection reset"));
        let copy = Snapshot::of(&err);
        assert_eq!(copy.source_error().unwrap().to_string(), "connection reset");
        let envelope = crate::Envelope::Problem;
        assert_eq!(copy.render_to_vec(envelope), err.render_to_vec(envelope));
        assert!(!String::from_utf8_lossy(&copy.render_to_vec(envelope)).contains("db-1"));
    }

    #[cfg(any(feature = "axum", feature = "actix-web"))]
    #[test]
    // The borrow is the choice: `&Carry` finds the copy when the move does
    // not apply.
    #[allow(clippy::needless_borrow)]
    fn a_sendable_error_is_moved_in_and_anything_else_copied() {
        #[allow(unused_imports)]
        use crate::__private::{Carry, CarryCopy as _, CarryOwned as _};
        use std::sync::atomic::{AtomicUsize, Ordering};

        /// Counts how often its detail is written; `Send + Sync + 'static`
        /// unless the marker says otherwise.
        struct Counted<M>(&'static AtomicUsize, core::marker::PhantomData<M>);
        impl<M> ApiError for Counted<M> {
            fn status(&self) -> StatusCode {
                StatusCode::CONFLICT
            }
            fn code(&self) -> &'static str {
                "counted"
            }
            fn title(&self) -> &'static str {
                "Conflict"
            }
            fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fetch_add(1, Ordering::Relaxed);
                f.write_str("counted")
            }
        }
        type Unshared = Counted<core::cell::Cell<u8>>;
        static MOVED: AtomicUsize = AtomicUsize::new(0);
        static COPIED: AtomicUsize = AtomicUsize::new(0);

        // Moved: nothing is written until the error is rendered.
        let moved =
            (&Carry::<Counted<()>>::new()).how()(Counted(&MOVED, core::marker::PhantomData));
        assert_eq!(MOVED.load(Ordering::Relaxed), 0);
        assert_eq!(moved.0.error().code(), "counted");
        // Not `Sync` (a `Cell` marker): copied, its detail written then.
        let copied = (&Carry::<Unshared>::new()).how()(Counted(&COPIED, core::marker::PhantomData));
        assert!(COPIED.load(Ordering::Relaxed) >= 1);
        assert_eq!(copied.0.error().code(), "counted");
    }
}
