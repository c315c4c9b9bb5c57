//! One code's clause of the contract: what a client sees of it, read from a
//! catalog entry (a derived type) or from an error value (the layers' own).

use std::collections::BTreeMap;

use crate::catalog::CatalogEntry;
use crate::error::ApiError;
use crate::location::Location;
use crate::visit::MetaValue;

/// What a client may rely on for one code: the lock file's entry.
///
/// ```
/// use errcodes::contract::Contract;
/// use errcodes::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 409, code = "stale", attr = "version", detail = "Stale.")]
/// struct Stale {
///     #[api(meta)]
///     current: u32,
/// }
///
/// let contract = Contract::of::<Stale>();
/// let clause = contract.clauses().next().unwrap();
/// assert_eq!((clause.status, clause.sent), (409, true));
/// assert_eq!(clause.location, Some(("attr".to_owned(), "version".to_owned())));
/// assert_eq!(clause.meta["current"], "integer");
/// assert_eq!(clause.retry, "never");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Clause {
    /// The code (for a withheld code, the name the server knows it by).
    pub code: String,
    /// Whether clients see the code.
    pub sent: bool,
    /// The HTTP status.
    pub status: u16,
    /// The declarations that give it: `Type::Variant`, or `Type` for a
    /// struct, sorted.
    pub declared_by: Vec<String>,
    /// The envelope the type answers in unless another is negotiated.
    pub envelope: String,
    /// That envelope's media type.
    pub media_type: String,
    /// Whether the layers may answer it in another envelope a request asks
    /// for (`false` for a type with `fixed_envelope`).
    pub negotiable: bool,
    /// The Problem Details `type` URI, when the code is sent under a type
    /// base.
    pub type_uri: Option<String>,
    /// The title.
    pub title: String,
    /// Where the error points (`attr`, `attr field`, `pointer`,
    /// `parameter`, `header`, `non_field`) and at what.
    pub location: Option<(String, String)>,
    /// Each meta member and its JSON type.
    pub meta: BTreeMap<String, String>,
    /// The response headers it sets, lower-case, sorted.
    pub headers: Vec<String>,
    /// Whether clients may retry: `never`, `retryable` or `throttled`.
    pub retry: String,
    /// The canonical RPC code gRPC and Connect clients see (`NOT_FOUND`),
    /// also AIP-193's `status`.
    pub rpc_code: String,
    /// The detail template (a derived type's) or text (errcodes' own).
    pub detail: Option<String>,
}

impl Clause {
    /// The clause of one variant of the type named `type_name`.
    pub(crate) fn of_entry(type_name: &str, entry: &CatalogEntry) -> Clause {
        let settings = entry.settings();
        let declared_by = if entry.variant() == type_name {
            type_name.to_owned()
        } else {
            format!("{type_name}::{}", entry.variant())
        };
        let mut headers: Vec<String> = entry
            .headers()
            .iter()
            .map(|h| h.to_ascii_lowercase())
            .collect();
        headers.sort();
        headers.dedup();
        Clause {
            code: entry.code().to_owned(),
            sent: entry.code_sent(),
            status: entry.status(),
            declared_by: vec![declared_by],
            envelope: settings.envelope.name().to_owned(),
            media_type: settings.envelope.media_type().to_owned(),
            negotiable: !settings.fixed_envelope,
            type_uri: entry.type_uri().map(str::to_owned),
            title: entry.title().to_owned(),
            location: entry
                .location()
                .map(|(kind, name)| (kind.to_owned(), name.to_owned())),
            meta: entry
                .meta()
                .iter()
                .zip(entry.meta_types())
                .map(|(name, kind)| ((*name).to_owned(), (*kind).to_owned()))
                .collect(),
            headers,
            retry: entry.retry().name().to_owned(),
            rpc_code: entry.rpc_code().name().to_owned(),
            detail: entry.detail().map(str::to_owned),
        }
    }

    /// The clause of an error value, declared by `by`: each meta member's
    /// JSON type read from the value it writes.
    #[cfg_attr(not(any(feature = "axum", feature = "actix-web")), allow(dead_code))]
    pub(crate) fn of_error(by: &str, err: &dyn ApiError) -> Clause {
        let settings = err.settings();
        let code = err.code().to_owned();
        let sent = !settings.redact_code;
        let mut meta = BTreeMap::new();
        err.visit_meta(&mut |name: &str, value: &dyn MetaValue| {
            let mut bytes = Vec::new();
            let kind = match value.write_json(&mut bytes) {
                Ok(()) => serde_json::from_slice(&bytes).map_or("any", |v| json_type(&v)),
                Err(_) => "any",
            };
            meta.insert(name.to_owned(), kind.to_owned());
        });
        let mut headers = Vec::new();
        err.visit_headers(&mut |name: &http::HeaderName, _: &dyn core::fmt::Display| {
            headers.push(name.as_str().to_owned());
        });
        headers.sort();
        headers.dedup();
        let location = err.location().map(|at| match at {
            Location::Field(name) => ("attr".to_owned(), name.to_owned()),
            Location::FieldPath(path) => ("attr".to_owned(), path.to_string()),
            Location::Pointer(pointer) => ("pointer".to_owned(), pointer.to_owned()),
            Location::Parameter(name) => ("parameter".to_owned(), name.to_owned()),
            Location::Header(name) => ("header".to_owned(), name.to_owned()),
            Location::NonField => ("non_field".to_owned(), String::new()),
        });
        let detail = (!settings.redact_detail)
            .then(|| crate::visit::fmt_fn(|f| err.fmt_detail(f)).to_string())
            .filter(|d| !d.is_empty());
        Clause {
            type_uri: settings
                .type_base
                .filter(|_| sent)
                .map(|base| format!("{base}{code}")),
            code,
            sent,
            status: err.status().as_u16(),
            declared_by: vec![by.to_owned()],
            envelope: settings.envelope.name().to_owned(),
            media_type: settings.envelope.media_type().to_owned(),
            negotiable: !settings.fixed_envelope,
            title: err.title().to_owned(),
            location,
            meta,
            headers,
            retry: settings.effective_retry(err.status()).name().to_owned(),
            rpc_code: crate::rpc::code::Code::answered(
                err.status(),
                settings.rpc_code,
                settings.kind,
            )
            .name()
            .to_owned(),
            detail,
        }
    }

    /// The clause as answered under an enclosing type's `settings` (a
    /// `transparent` variant's inner error): its envelope.
    #[cfg(all(feature = "utoipa", any(feature = "axum", feature = "actix-web")))]
    pub(crate) fn apply_outer(&mut self, outer: &crate::Settings<'static>) {
        outer.envelope.name().clone_into(&mut self.envelope);
        outer.envelope.media_type().clone_into(&mut self.media_type);
        self.negotiable = !outer.fixed_envelope;
    }

    /// Whether `other` says the same to clients (who declares it aside).
    pub(crate) fn same_facts(&self, other: &Clause) -> bool {
        Clause {
            declared_by: Vec::new(),
            ..self.clone()
        } == Clause {
            declared_by: Vec::new(),
            ..other.clone()
        }
    }
}

/// A JSON value's type, as the lock names it.
fn json_type(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "boolean",
        serde_json::Value::Number(n) if n.is_f64() => "number",
        serde_json::Value::Number(_) => "integer",
        serde_json::Value::String(_) => "string",
        serde_json::Value::Array(_) => "array",
        serde_json::Value::Object(_) => "object",
    }
}
