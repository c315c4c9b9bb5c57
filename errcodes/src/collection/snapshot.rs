//! An owned copy of a borrowed error, taken when a `&dyn ApiError` joins a
//! collection.

use std::fmt;

use http::{HeaderName, StatusCode};

use crate::error::ApiError;
use crate::error::Settings;
use crate::location::{Location, OwnedLocation};
use crate::redact::UnredactedDetail;
use crate::visit::fmt_fn;
use crate::visit::{HeaderVisitor, MetaValue, MetaVisitor};

pub(crate) struct Snapshot {
    status: StatusCode,
    code: String,
    title: String,
    /// The detail, `None` when redacted (then never kept).
    detail: Option<String>,
    instance: String,
    location: Option<OwnedLocation>,
    /// Each meta member's name and the JSON its value wrote, kept as bytes:
    /// never parsed again, so no depth or number precision is lost.
    meta: Vec<(String, RawJson)>,
    headers: Vec<(HeaderName, String)>,
    /// The settings with their text owned; `jsonapi_source`,
    /// `occurrence_id` and `non_field_key` are the strings below.
    settings: Settings<'static>,
    type_base: Option<String>,
    pointer_prefix: Option<String>,
    domain: Option<String>,
    kind: Option<String>,
    jsonapi_source: Option<OwnedLocation>,
    occurrence_id: Option<String>,
    non_field_key: String,
}

impl Snapshot {
    pub(crate) fn of(err: &dyn ApiError) -> Snapshot {
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
        let owned = |text: Option<&str>| text.map(str::to_owned);
        Snapshot {
            status: err.status(),
            code: err.code().to_owned(),
            title: err.title().to_owned(),
            detail: (!s.redact_detail).then(|| display_lossy(&UnredactedDetail(err))),
            instance: display_lossy(&fmt_fn(|f| err.fmt_instance(f))),
            location: err.location().map(OwnedLocation::of),
            meta,
            headers,
            settings: Settings {
                type_base: None,
                pointer_prefix: None,
                domain: None,
                kind: None,
                jsonapi_source: None,
                occurrence_id: None,
                non_field_key: "",
                locale: None,
                ..s
            },
            type_base: owned(s.type_base),
            pointer_prefix: owned(s.pointer_prefix),
            domain: owned(s.domain),
            kind: owned(s.kind),
            jsonapi_source: s.jsonapi_source.map(OwnedLocation::of),
            occurrence_id: owned(s.occurrence_id),
            non_field_key: s.non_field_key.to_owned(),
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
        f.write_str(self.detail.as_deref().unwrap_or_default())
    }
    fn detail_str(&self) -> Option<&str> {
        self.detail.as_deref()
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
    fn settings(&self) -> Settings<'_> {
        Settings {
            type_base: self.type_base.as_deref(),
            pointer_prefix: self.pointer_prefix.as_deref(),
            domain: self.domain.as_deref(),
            kind: self.kind.as_deref(),
            jsonapi_source: self.jsonapi_source.as_ref().map(OwnedLocation::as_location),
            occurrence_id: self.occurrence_id.as_deref(),
            non_field_key: &self.non_field_key,
            ..self.settings
        }
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
