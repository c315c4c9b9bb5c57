//! An owned copy of a borrowed error, taken when a `&dyn ApiError` joins a
//! collection.

use std::fmt;

use http::{HeaderName, StatusCode};

use crate::error::{ApiError, Detail, Instance};
use crate::location::{Location, OwnedLocation};
use crate::visit::{HeaderVisitor, MetaValue, MetaVisitor};

pub(crate) struct Snapshot {
    status: StatusCode,
    code: String,
    has_code: bool,
    title: String,
    detail: Option<String>,
    instance: Option<String>,
    location: Option<OwnedLocation>,
    /// The JSON:API source, when it differs from `location`.
    jsonapi_source: Option<OwnedLocation>,
    kind: Option<String>,
    type_base: Option<String>,
    domain: Option<String>,
    /// Each meta member's name and the JSON its value wrote, kept as bytes:
    /// never parsed again, so no depth or number precision is lost.
    meta: Vec<(String, RawJson)>,
    headers: Vec<(HeaderName, String)>,
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
        Snapshot {
            status: err.status(),
            code: err.code().to_owned(),
            has_code: err.has_code(),
            title: err.title().to_owned(),
            detail: err.has_detail().then(|| display_lossy(&Detail(err))),
            instance: err.has_instance().then(|| display_lossy(&Instance(err))),
            location: err.location().map(OwnedLocation::of),
            jsonapi_source: match (err.location(), err.jsonapi_source()) {
                (location, source) if location == source => None,
                (_, source) => source.map(OwnedLocation::of),
            },
            kind: err.kind().map(str::to_owned),
            type_base: err.type_base().map(str::to_owned),
            domain: err.domain().map(str::to_owned),
            meta,
            headers,
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
    fn has_detail(&self) -> bool {
        self.detail.is_some()
    }
    fn has_code(&self) -> bool {
        self.has_code
    }
    fn has_instance(&self) -> bool {
        self.instance.is_some()
    }
    fn fmt_instance(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.instance.as_deref().unwrap_or_default())
    }
    fn detail_str(&self) -> Option<&str> {
        self.detail.as_deref()
    }
    fn location(&self) -> Option<Location<'_>> {
        self.location.as_ref().map(OwnedLocation::as_location)
    }
    fn jsonapi_source(&self) -> Option<Location<'_>> {
        match &self.jsonapi_source {
            Some(source) => Some(source.as_location()),
            None => self.location(),
        }
    }
    fn kind(&self) -> Option<&str> {
        self.kind.as_deref()
    }
    fn type_base(&self) -> Option<&str> {
        self.type_base.as_deref()
    }
    fn domain(&self) -> Option<&str> {
        self.domain.as_deref()
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
}

/// JSON a meta value wrote, written again as it is.
struct RawJson(Vec<u8>);

impl MetaValue for RawJson {
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        out.extend_from_slice(&self.0);
        Ok(())
    }
}
