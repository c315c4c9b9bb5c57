//! The compatibility rules: every difference between a lock and today's
//! declaration, classified as a client sees it.

use std::collections::BTreeMap;

use serde_json::Value;

use super::Accept;
use super::clause::Clause;

/// How a change reaches clients; ordered from the most severe.
///
/// ```
/// use errcodes::contract::Kind;
///
/// assert!(Kind::Breaking < Kind::Additive && Kind::Additive < Kind::Cosmetic);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A client that relies on the lock may stop working.
    Breaking,
    /// Something new; what clients relied on still holds.
    Additive,
    /// Texts and names no client can match on.
    Cosmetic,
}

/// A compatibility rule, with its reason ([`Rule::reason`]); each change
/// is judged by one.
///
/// ```
/// use errcodes::contract::{Kind, Rule};
///
/// assert_eq!(Rule::StatusChanged.kind(), Kind::Breaking);
/// assert_eq!(Rule::CodeAdded.kind(), Kind::Additive);
/// assert_eq!(Rule::DetailChanged.kind(), Kind::Cosmetic);
/// assert_eq!(Rule::StatusChanged.name(), "status-changed");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// A sent code is gone: removed, or renamed (a rename is a removal and
    /// an addition to a client).
    CodeRemoved,
    /// A code clients saw is no longer sent.
    CodeWithheld,
    /// The status changed.
    StatusChanged,
    /// A client error became a server error.
    ClientErrorBecameServerError,
    /// A meta member is gone.
    MetaRemoved,
    /// A meta member's JSON type changed.
    MetaTypeChanged,
    /// A response header is gone.
    HeaderRemoved,
    /// Where the error points changed.
    LocationChanged,
    /// The type URI changed.
    TypeUriChanged,
    /// The envelope, its media type or whether it is negotiated changed.
    EnvelopeChanged,
    /// A retryable code is no longer retryable.
    RetryWithdrawn,
    /// The canonical RPC code changed (gRPC's status, Connect's `code`,
    /// AIP-193's `status`).
    RpcCodeChanged,
    /// A new code.
    CodeAdded,
    /// A withheld code is now sent.
    CodeNowSent,
    /// A new meta member.
    MetaAdded,
    /// A new response header.
    HeaderAdded,
    /// A code became retryable, or its kind of retry changed.
    RetryGranted,
    /// A meta member's type narrowed: it can no longer be null, or a type
    /// the lock did not know became a known one.
    MetaTypeNarrowed,
    /// The envelope stays; other envelopes may now be negotiated too.
    NowNegotiable,
    /// The title changed.
    TitleChanged,
    /// The detail text or template changed.
    DetailChanged,
    /// Another variant or type declares the code.
    DeclarationMoved,
    /// A code clients never saw was removed or added.
    WithheldChanged,
}

impl Rule {
    /// How a change under this rule reaches clients.
    #[must_use]
    pub fn kind(self) -> Kind {
        match self {
            Rule::CodeRemoved
            | Rule::CodeWithheld
            | Rule::StatusChanged
            | Rule::ClientErrorBecameServerError
            | Rule::MetaRemoved
            | Rule::MetaTypeChanged
            | Rule::HeaderRemoved
            | Rule::LocationChanged
            | Rule::TypeUriChanged
            | Rule::EnvelopeChanged
            | Rule::RetryWithdrawn
            | Rule::RpcCodeChanged => Kind::Breaking,
            Rule::CodeAdded
            | Rule::CodeNowSent
            | Rule::MetaAdded
            | Rule::HeaderAdded
            | Rule::RetryGranted
            | Rule::MetaTypeNarrowed
            | Rule::NowNegotiable => Kind::Additive,
            Rule::TitleChanged
            | Rule::DetailChanged
            | Rule::DeclarationMoved
            | Rule::WithheldChanged => Kind::Cosmetic,
        }
    }

    /// The rule's name, as messages and acknowledgements write it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Rule::CodeRemoved => "code-removed",
            Rule::CodeWithheld => "code-withheld",
            Rule::StatusChanged => "status-changed",
            Rule::ClientErrorBecameServerError => "4xx-became-5xx",
            Rule::MetaRemoved => "meta-removed",
            Rule::MetaTypeChanged => "meta-type-changed",
            Rule::HeaderRemoved => "header-removed",
            Rule::LocationChanged => "location-changed",
            Rule::TypeUriChanged => "type-uri-changed",
            Rule::EnvelopeChanged => "envelope-changed",
            Rule::RetryWithdrawn => "retry-withdrawn",
            Rule::RpcCodeChanged => "rpc-code-changed",
            Rule::CodeAdded => "code-added",
            Rule::CodeNowSent => "code-now-sent",
            Rule::MetaAdded => "meta-added",
            Rule::HeaderAdded => "header-added",
            Rule::RetryGranted => "retry-granted",
            Rule::MetaTypeNarrowed => "meta-type-narrowed",
            Rule::NowNegotiable => "now-negotiable",
            Rule::TitleChanged => "title-changed",
            Rule::DetailChanged => "detail-changed",
            Rule::DeclarationMoved => "declaration-moved",
            Rule::WithheldChanged => "withheld-changed",
        }
    }

    /// Why the rule judges so, for the failure message.
    #[must_use]
    pub fn reason(self) -> &'static str {
        match self {
            Rule::CodeRemoved => "clients that match on this code no longer recognize the error",
            Rule::CodeWithheld => "clients that match on this code now see a generic error",
            Rule::StatusChanged => "clients branch on the status before they read the body",
            Rule::ClientErrorBecameServerError => {
                "clients treat a 5xx as the server's fault: they stop showing the user what to fix, and may retry or alert"
            }
            Rule::MetaRemoved => "clients that read this member get nothing",
            Rule::MetaTypeChanged => "clients that parse this member as the old type fail",
            Rule::HeaderRemoved => "clients that read this header get nothing",
            Rule::LocationChanged => "clients map the error to a form field or parameter by it",
            Rule::TypeUriChanged => "clients and links identify the problem type by its URI",
            Rule::EnvelopeChanged => "clients parse the body by its envelope and media type",
            Rule::RetryWithdrawn => {
                "clients that retry it now repeat a request that will not succeed"
            }
            Rule::CodeAdded => "a new code: clients handle unknown codes by their status",
            Rule::CodeNowSent => "clients that saw a generic error now also see a code",
            Rule::MetaAdded => "a new member: clients ignore members they do not know",
            Rule::HeaderAdded => "a new header: clients ignore headers they do not know",
            Rule::RetryGranted => "clients may now retry where they stopped before",
            Rule::RpcCodeChanged => {
                "gRPC and Connect clients branch on the canonical code before they read the details"
            }
            Rule::MetaTypeNarrowed => {
                "every value the member takes now, it could take before: clients read it as they did"
            }
            Rule::NowNegotiable => {
                "a client that asks for nothing gets the same envelope; one that asks may get another"
            }
            Rule::TitleChanged => "titles are for people, not for matching",
            Rule::DetailChanged => "details are for people, not for matching",
            Rule::DeclarationMoved => "clients never see which variant declares a code",
            Rule::WithheldChanged => "clients never saw this code",
        }
    }
}

/// One difference between the lock and today's declaration.
///
/// ```
/// use errcodes::contract::{Contract, Rule};
/// use errcodes::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 409, code = "stale", detail = "Stale.")]
/// struct Before {
///     #[api(meta)]
///     version: u32,
/// }
/// #[derive(Debug, ApiError)]
/// #[api(status = 409, code = "stale", detail = "Stale.")]
/// struct After;
///
/// let changes = Contract::of::<After>().compare(&Contract::of::<Before>().to_lock()).unwrap();
/// let removed = changes.iter().find(|c| c.rule == Rule::MetaRemoved).unwrap();
/// assert_eq!(removed.field.as_deref(), Some("meta.version"));
/// assert!(removed.to_string().contains("`stale`"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Change {
    /// The rule that judges it.
    pub rule: Rule,
    /// The code it is about.
    pub code: String,
    /// Who declares the code (today's declaration, else the lock's).
    pub declared_by: String,
    /// The member of the clause that changed (`status`, `meta.version`, ...),
    /// when one did.
    pub field: Option<String>,
    /// What the lock says, when it says anything.
    pub before: Option<String>,
    /// What the declaration says now, when it says anything.
    pub after: Option<String>,
}

impl Change {
    /// How the change reaches clients.
    #[must_use]
    pub fn kind(&self) -> Kind {
        self.rule.kind()
    }

    /// The entry the lock's `acknowledged` list keeps for it.
    pub(crate) fn acknowledgement(&self, reason: Option<&str>) -> Value {
        let mut members: Vec<(&str, Value)> = vec![
            ("rule", Value::from(self.rule.name())),
            ("code", Value::from(self.code.clone())),
            ("declared_by", Value::from(self.declared_by.clone())),
            ("change", Value::from(self.summary())),
        ];
        if let Some(reason) = reason {
            members.push(("reason", Value::from(reason)));
        }
        let sorted: BTreeMap<&str, Value> = members.into_iter().collect();
        Value::Object(sorted.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    }

    /// `status: 404 -> 410`, `meta.version removed`, ...
    fn summary(&self) -> String {
        let field = self.field.as_deref().unwrap_or("code");
        match (&self.before, &self.after) {
            (Some(before), Some(after)) => format!("{field}: {before} -> {after}"),
            (Some(before), None) => format!("{field} removed (was {before})"),
            (None, Some(after)) => format!("{field} added ({after})"),
            (None, None) => field.to_owned(),
        }
    }
}

impl core::fmt::Display for Change {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let kind = match self.kind() {
            Kind::Breaking => "breaking",
            Kind::Additive => "additive",
            Kind::Cosmetic => "cosmetic",
        };
        write!(
            f,
            "{kind}: {} `{}`: {} [{}: {}]",
            self.declared_by,
            self.code,
            self.summary(),
            self.rule.name(),
            self.rule.reason()
        )
    }
}

/// Every change from `locked` to `now`, breaking first, then by code.
pub(crate) fn changes(
    locked: &BTreeMap<String, Clause>,
    now: &BTreeMap<String, Clause>,
) -> Vec<Change> {
    let mut out = Vec::new();
    for (key, old) in locked {
        if let Some(new) = now.get(key) {
            clause_changes(old, new, &mut out);
        } else {
            let rule = if old.sent {
                Rule::CodeRemoved
            } else {
                Rule::WithheldChanged
            };
            out.push(change(rule, old, None, Some(describe(old)), None));
        }
    }
    for (key, new) in now {
        if !locked.contains_key(key) {
            let rule = if new.sent {
                Rule::CodeAdded
            } else {
                Rule::WithheldChanged
            };
            out.push(change(rule, new, None, None, Some(describe(new))));
        }
    }
    out.sort_by(|a, b| (a.kind(), &a.code, a.rule).cmp(&(b.kind(), &b.code, b.rule)));
    out
}

/// `404, sent` or `500, withheld`: a clause in a few words.
fn describe(c: &Clause) -> String {
    format!("{}, {}", c.status, if c.sent { "sent" } else { "withheld" })
}

fn change(
    rule: Rule,
    clause: &Clause,
    field: Option<&str>,
    before: Option<String>,
    after: Option<String>,
) -> Change {
    Change {
        rule,
        code: clause.code.clone(),
        declared_by: clause.declared_by.join(", "),
        field: field.map(str::to_owned),
        before,
        after,
    }
}

/// Receives one change of a clause: its rule, field, before and after.
type Push<'a> = dyn FnMut(Rule, &str, Option<String>, Option<String>) + 'a;

fn clause_changes(old: &Clause, new: &Clause, out: &mut Vec<Change>) {
    let mut push = |rule, field: &str, before: Option<String>, after: Option<String>| {
        out.push(change(rule, new, Some(field), before, after));
    };
    // A code no client ever saw: only its status reaches them.
    let visible = old.sent || new.sent;
    status_and_sending(old, new, &mut push);
    if visible {
        shape(old, new, &mut push);
        members(old, new, &mut push);
        behaviour_and_texts(old, new, &mut push);
    }
    if old.declared_by != new.declared_by {
        push(
            Rule::DeclarationMoved,
            "declared_by",
            Some(old.declared_by.join(", ")),
            Some(new.declared_by.join(", ")),
        );
    }
}

/// The status, and whether the code is sent.
fn status_and_sending(old: &Clause, new: &Clause, push: &mut Push<'_>) {
    if old.status != new.status {
        let rule = if old.status < 500 && new.status >= 500 {
            Rule::ClientErrorBecameServerError
        } else {
            Rule::StatusChanged
        };
        push(
            rule,
            "status",
            Some(old.status.to_string()),
            Some(new.status.to_string()),
        );
    }
    match (old.sent, new.sent) {
        (true, false) => push(
            Rule::CodeWithheld,
            "sent",
            Some("true".into()),
            Some("false".into()),
        ),
        (false, true) => push(
            Rule::CodeNowSent,
            "sent",
            Some("false".into()),
            Some("true".into()),
        ),
        _ => {}
    }
}

/// The envelope, the type URI and the location: how a client reads it.
fn shape(old: &Clause, new: &Clause, push: &mut Push<'_>) {
    let same_envelope = (&old.envelope, &old.media_type) == (&new.envelope, &new.media_type);
    if same_envelope && !old.negotiable && new.negotiable {
        push(
            Rule::NowNegotiable,
            "negotiable",
            Some("false".into()),
            Some("true".into()),
        );
    } else if !same_envelope || old.negotiable != new.negotiable {
        let show = |c: &Clause| {
            format!(
                "{} ({}{})",
                c.envelope,
                c.media_type,
                if c.negotiable {
                    ", negotiable"
                } else {
                    ", fixed"
                }
            )
        };
        push(
            Rule::EnvelopeChanged,
            "envelope",
            Some(show(old)),
            Some(show(new)),
        );
    }
    if old.type_uri != new.type_uri && new.sent && old.sent {
        push(
            Rule::TypeUriChanged,
            "type",
            old.type_uri.clone(),
            new.type_uri.clone(),
        );
    }
    if old.location != new.location {
        let show = |l: &Option<(String, String)>| l.as_ref().map(|(k, n)| format!("{k} `{n}`"));
        push(
            Rule::LocationChanged,
            "location",
            show(&old.location),
            show(&new.location),
        );
    }
}

/// Meta members and headers, one by one.
fn members(old: &Clause, new: &Clause, push: &mut Push<'_>) {
    for (name, kind) in &old.meta {
        let field = format!("meta.{name}");
        match new.meta.get(name) {
            None => push(Rule::MetaRemoved, &field, Some(kind.clone()), None),
            Some(now) if now != kind => {
                // Narrower than before: `T or null` to `T`, unknown to known.
                let narrowed = kind.strip_suffix(" or null") == Some(now.as_str())
                    || (kind == "any" && now != "any");
                let rule = if narrowed {
                    Rule::MetaTypeNarrowed
                } else {
                    Rule::MetaTypeChanged
                };
                push(rule, &field, Some(kind.clone()), Some(now.clone()));
            }
            Some(_) => {}
        }
    }
    for (name, kind) in &new.meta {
        if !old.meta.contains_key(name) {
            push(
                Rule::MetaAdded,
                &format!("meta.{name}"),
                None,
                Some(kind.clone()),
            );
        }
    }
    for header in &old.headers {
        if !new.headers.contains(header) {
            push(
                Rule::HeaderRemoved,
                &format!("headers.{header}"),
                Some(header.clone()),
                None,
            );
        }
    }
    for header in &new.headers {
        if !old.headers.contains(header) {
            push(
                Rule::HeaderAdded,
                &format!("headers.{header}"),
                None,
                Some(header.clone()),
            );
        }
    }
}

/// Retry semantics, the RPC code, the title and the detail.
fn behaviour_and_texts(old: &Clause, new: &Clause, push: &mut Push<'_>) {
    if !old.rpc_code.is_empty() && old.rpc_code != new.rpc_code {
        push(
            Rule::RpcCodeChanged,
            "rpc_code",
            Some(old.rpc_code.clone()),
            Some(new.rpc_code.clone()),
        );
    }
    if old.retry != new.retry {
        let rule = if old.retry != "never" && new.retry == "never" {
            Rule::RetryWithdrawn
        } else {
            Rule::RetryGranted
        };
        push(
            rule,
            "retry",
            Some(old.retry.clone()),
            Some(new.retry.clone()),
        );
    }
    if old.title != new.title {
        push(
            Rule::TitleChanged,
            "title",
            Some(old.title.clone()),
            Some(new.title.clone()),
        );
    }
    if old.detail != new.detail {
        push(
            Rule::DetailChanged,
            "detail",
            old.detail.clone(),
            new.detail.clone(),
        );
    }
}

/// The failure message: every change, breaking first, and how to accept
/// what may be accepted.
pub(crate) fn report(path: &str, changes: &[Change], accept: &Accept) -> String {
    use core::fmt::Write as _;
    let breaking = changes
        .iter()
        .filter(|c| c.kind() == Kind::Breaking)
        .count();
    let mut out = format!(
        "the error contract differs from {path}: {} change{}, {breaking} breaking\n",
        changes.len(),
        if changes.len() == 1 { "" } else { "s" },
    );
    for change in changes {
        let _ = writeln!(out, "  {change}");
    }
    if breaking > 0 {
        let _ = write!(
            out,
            "A breaking change breaks clients that rely on the lock. If it is meant, accept it with \
             `ERRCODES_CONTRACT=break cargo test` (add `ERRCODES_CONTRACT_REASON=\"...\"` to say why): \
             the lock records each one under `acknowledged`."
        );
        if *accept == Accept::Compatible {
            out.push_str(" `ERRCODES_CONTRACT=update` accepts additive and cosmetic changes only.");
        }
    } else {
        out.push_str(
            "No change breaks a client: accept them with `ERRCODES_CONTRACT=update cargo test` and commit the lock.",
        );
    }
    out
}
