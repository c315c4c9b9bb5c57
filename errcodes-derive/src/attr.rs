//! Typed `#[api(...)]` attributes, parsed with `parse_nested_meta`.
//!
//! Every attribute of one item (type, variant or field) is read into one
//! [`Attrs`]. A key that is unknown, misplaced, repeated or given the wrong
//! kind of value is reported to the [`Ctxt`] and skipped, and parsing goes on,
//! so one compile shows every mistake.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::parse::ParseStream;
use syn::{LitStr, Token};

use crate::ctxt::{self, Ctxt};
use crate::status;
use crate::symbol::{self, Place};

/// A status code with the tokens it was written as (for spans).
pub struct Status {
    pub code: u16,
    pub tokens: TokenStream,
}

/// The value of `envelope`: a built-in's name, or the path of a value
/// whose type implements `errcodes::Format`.
pub enum EnvelopeAttr {
    Name(LitStr),
    Path(syn::Path),
}

/// `log = "..."`: how loudly the layers log a variant, as the name of the
/// `errcodes::LogLevel` variant it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogLevel(pub &'static str);

impl LogLevel {
    /// The levels as written, and the `LogLevel` variant each names.
    const ALL: [(&'static str, &'static str); 6] = [
        ("off", "Off"),
        ("trace", "Trace"),
        ("debug", "Debug"),
        ("info", "Info"),
        ("warn", "Warn"),
        ("error", "Error"),
    ];

    /// The level `lit` names; `None` after reporting a name that is none.
    fn parse(cx: &Ctxt, lit: &LitStr) -> Option<LogLevel> {
        let value = lit.value();
        if let Some((_, variant)) = Self::ALL.iter().find(|(name, _)| *name == value) {
            return Some(LogLevel(variant));
        }
        let hint = match symbol::closest(
            &value.to_ascii_lowercase(),
            Self::ALL.iter().map(|(n, _)| *n),
        ) {
            Some(good) => format!("did you mean `{good}`?"),
            None => "expected one of `off`, `trace`, `debug`, `info`, `warn`, `error`".to_owned(),
        };
        cx.error_spanned_by(lit, format!("unknown log level `{value}`; {hint}"));
        None
    }
}

/// `retryable`, `retryable = false` or `throttled`: whether a client may
/// send the same request again, as the name of the `errcodes::Retry`
/// variant it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retry(pub &'static str);

/// `problem_style = "..."`: the shape of Problem Details documents, as the
/// name of the `errcodes::ProblemStyle` variant it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProblemStyle(pub &'static str);

impl ProblemStyle {
    /// The style `lit` names; `None` after reporting a name that is none.
    fn parse(cx: &Ctxt, lit: &LitStr) -> Option<ProblemStyle> {
        match lit.value().as_str() {
            "rfc9457" => Some(ProblemStyle("Rfc9457")),
            "title_detail" => Some(ProblemStyle("TitleDetail")),
            value => {
                cx.error_spanned_by(
                    lit,
                    format!(
                        "unknown problem_style `{value}`; expected `rfc9457` or `title_detail`"
                    ),
                );
                None
            }
        }
    }
}

/// `rpc_code = "FAILED_PRECONDITION"`: the canonical RPC code, as its
/// number (an index into `errcodes::rpc::Code::ALL`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RpcCode(pub usize);

impl RpcCode {
    /// The code `lit` names (its `code.proto` name or Connect's, in any
    /// case); `None` after reporting a name that is none, or `OK`.
    fn parse(cx: &Ctxt, lit: &LitStr) -> Option<RpcCode> {
        let value = lit.value();
        let upper = value.to_ascii_uppercase();
        let upper = if upper == "CANCELED" {
            "CANCELLED".to_owned()
        } else {
            upper
        };
        match errcodes_rules::RPC_CODES
            .iter()
            .position(|name| *name == upper)
        {
            Some(0) => {
                cx.error_spanned_by(
                    lit,
                    "`OK` is not an error's code; name the canonical code clients should see, such as `\"FAILED_PRECONDITION\"`",
                );
                None
            }
            Some(number) => Some(RpcCode(number)),
            None => {
                let hint = match symbol::closest(&upper, errcodes_rules::RPC_CODES.iter().copied())
                {
                    Some(good) => format!("did you mean `{good}`?"),
                    None => format!(
                        "expected one of the canonical codes of google/rpc/code.proto: {}",
                        errcodes_rules::RPC_CODES[1..].join(", ")
                    ),
                };
                cx.error_spanned_by(lit, format!("unknown rpc_code `{value}`; {hint}"));
                None
            }
        }
    }
}

/// A key written without a value, remembered by its span.
pub type Flag = Option<Span>;

/// Every `#[api(...)]` key one item may carry. Which keys are accepted depends
/// on the place; the others stay `None`.
#[derive(Default)]
pub struct Attrs {
    // On the type.
    pub envelope: Option<EnvelopeAttr>,
    pub type_base: Option<LitStr>,
    pub domain: Option<LitStr>,
    pub pointer_prefix: Option<LitStr>,
    /// The type always answers in its own envelope, whatever `Accept` asks.
    pub fixed_envelope: Flag,
    /// Documents give the type's codes as open strings, not an `enum`.
    pub open_codes: Flag,
    /// The shape of Problem Details documents: `rfc9457` or `title_detail`.
    pub problem_style: Option<ProblemStyle>,
    /// The folder of Fluent catalogs, one subfolder per locale.
    pub locales: Option<LitStr>,
    /// The locale every code must have a message in (default `en`).
    pub fallback_locale: Option<LitStr>,
    /// A code missing from a locale other than the fallback answers in the
    /// fallback's text instead of failing the build.
    pub partial_locales: Flag,
    // On the type (a default) or on a variant.
    pub status: Option<Status>,
    /// No code is sent to clients (the type's, or one variant's).
    pub no_code: Flag,
    /// Whether clients may retry (the type's default, or one variant's),
    /// where it was written.
    pub retry: Option<(Span, Retry)>,
    /// The canonical RPC code (the type's default, or one variant's).
    pub rpc_code: Option<RpcCode>,
    // On a variant.
    pub code: Option<LitStr>,
    pub title: Option<LitStr>,
    pub detail: Option<LitStr>,
    pub instance: Option<LitStr>,
    pub attr_name: Option<LitStr>,
    pub pointer: Option<LitStr>,
    pub parameter: Option<LitStr>,
    pub kind: Option<LitStr>,
    pub log: Option<LogLevel>,
    pub transparent: Flag,
    // On a variant: the JSON:API `source.header`; on a field: a response header.
    pub header: Option<LitStr>,
    // On a field.
    pub attr_flag: Flag,
    pub meta: Option<(Span, Option<LitStr>)>,
    pub source: Flag,
    /// The field's value may be shown in the body of a 5xx.
    pub public: Flag,
    /// The value documents show for the field: `example = 42`,
    /// `example = "bob@example.com"`.
    pub example: Option<syn::Lit>,
    /// `From<FieldType>` for the type: the field is the cause (a source).
    pub from: Flag,
    /// Whether any of these attributes was reported as wrong; later checks
    /// that would only repeat the mistake in other words skip such items.
    pub had_errors: bool,
}

impl Attrs {
    /// Whether the field is the cause: `source`, or `from`, which implies it.
    pub fn is_source(&self) -> bool {
        self.source.is_some() || self.from.is_some()
    }

    /// Parses every `#[api(...)]` among `attrs`, for an item standing at
    /// `places` (a struct is both a type and a variant).
    pub fn parse(cx: &Ctxt, attrs: &[syn::Attribute], places: &[Place]) -> Attrs {
        let errors_before = cx.count();
        let mut out = Attrs::default();
        let mut seen: Vec<(String, Span)> = Vec::new();
        for attr in attrs.iter().filter(|a| a.path().is_ident("api")) {
            if let syn::Meta::Path(_) = attr.meta {
                cx.error_spanned_by(
                    attr,
                    "empty `#[api]`; write the keys inside it, e.g. `#[api(status = 404)]`",
                );
                continue;
            }
            let result = attr.parse_nested_meta(|meta| {
                let Some(ident) = meta.path.get_ident() else {
                    cx.error_spanned_by(
                        &meta.path,
                        format!(
                            "unknown api attribute `{}`; keys are single words such as `status`",
                            meta.path.to_token_stream().to_string().replace(' ', "")
                        ),
                    );
                    return skip_value(meta.input);
                };
                let key = ident.to_string();
                let key = key.trim_start_matches("r#");
                if !check_place(cx, ident, key, places) {
                    return skip_value(meta.input);
                }
                if let Some((_, first)) = seen.iter().find(|(k, _)| k == key) {
                    cx.error_spanned_by(
                        ident,
                        format!(
                            "duplicate api attribute `{key}`: it is already set{}; remove one of them",
                            ctxt::on_line(*first)
                        ),
                    );
                    return skip_value(meta.input);
                }
                seen.push((key.to_owned(), ident.span()));
                let field = places == [Place::Field];
                out.set(cx, ident, key, field, meta.input)
            });
            if let Err(err) = result {
                cx.syn_error(err);
            }
        }
        out.had_errors = cx.count() > errors_before;
        out
    }

    /// Stores one key's value, checking that it is the right kind of value.
    fn set(
        &mut self,
        cx: &Ctxt,
        ident: &syn::Ident,
        key: &str,
        on_field: bool,
        input: ParseStream,
    ) -> syn::Result<()> {
        match key {
            // status = 404 | status = StatusCode::NOT_FOUND
            symbol::STATUS => {
                if let Some(value) = value_of(cx, ident, key, "404", input)? {
                    self.status = parse_status(cx, value);
                }
            }
            // envelope = "jsonapi" | envelope = path::to::MY_FORMAT
            symbol::ENVELOPE => {
                if let Some(tokens) = value_of(cx, ident, key, "\"problem\"", input)? {
                    self.envelope = parse_envelope(cx, tokens);
                }
            }
            // fixed_envelope
            symbol::FIXED_ENVELOPE => self.fixed_envelope = flag(cx, ident, key, input)?,
            // open_codes
            symbol::OPEN_CODES => self.open_codes = flag(cx, ident, key, input)?,
            // retryable | retryable = false | throttled
            symbol::RETRYABLE | symbol::THROTTLED => {
                let retry = if key == symbol::THROTTLED {
                    flag(cx, ident, key, input)?.map(|_| Retry("Throttled"))
                } else if input.peek(Token![=]) {
                    match value_of(cx, ident, key, "false", input)? {
                        Some(tokens) => match syn::parse2::<syn::LitBool>(tokens.clone()) {
                            Ok(b) if b.value => Some(Retry("Retryable")),
                            Ok(_) => Some(Retry("Never")),
                            Err(_) => {
                                cx.error_spanned_by(
                                    tokens,
                                    format!("`{key}` is a flag or takes `true` or `false`: `#[api({key})]`, `#[api({key} = false)]`"),
                                );
                                None
                            }
                        },
                        None => None,
                    }
                } else {
                    flag(cx, ident, key, input)?.map(|_| Retry("Retryable"))
                };
                if let Some(retry) = retry {
                    if let Some((first, _)) = self.retry {
                        cx.error_spanned_by(
                            ident,
                            format!(
                                "`retryable` and `throttled` both say whether clients retry (it is already said{}); keep one: `throttled` is retryable after the answer's delay",
                                ctxt::on_line(first)
                            ),
                        );
                    } else {
                        self.retry = Some((ident.span(), retry));
                    }
                }
            }
            // no_code
            symbol::NO_CODE => self.no_code = flag(cx, ident, key, input)?,
            // partial_locales
            symbol::PARTIAL_LOCALES => self.partial_locales = flag(cx, ident, key, input)?,
            // transparent
            symbol::TRANSPARENT => self.transparent = flag(cx, ident, key, input)?,
            // source
            symbol::SOURCE => self.source = flag(cx, ident, key, input)?,
            // public
            symbol::PUBLIC => self.public = flag(cx, ident, key, input)?,
            // from (implies source)
            symbol::FROM => self.from = flag(cx, ident, key, input)?,
            // meta | meta = "name"
            symbol::META => {
                if input.peek(Token![=]) {
                    if let Some(name) = string_of(cx, ident, key, "\"retry_after\"", input)? {
                        self.meta = Some((ident.span(), Some(name)));
                    }
                } else {
                    self.meta = Some((ident.span(), None));
                }
            }
            // example = 42 | example = "text" | example = true
            symbol::EXAMPLE => {
                if let Some(tokens) = value_of(cx, ident, key, "42", input)? {
                    match syn::parse2::<syn::Lit>(tokens.clone()) {
                        Ok(lit @ (syn::Lit::Str(_) | syn::Lit::Int(_) | syn::Lit::Float(_) | syn::Lit::Bool(_))) => {
                            self.example = Some(lit);
                        }
                        _ => cx.error_spanned_by(
                            tokens,
                            "`example` takes a literal of the field's type: `example = 42`, `example = \"bob\"`, `example = true`",
                        ),
                    }
                }
            }
            // On a field: attr (the field's value names the request member).
            symbol::ATTR if on_field => self.attr_flag = flag(cx, ident, key, input)?,
            // Every other key takes a string: key = "..."
            _ => {
                let example = match key {
                    symbol::DOMAIN => "\"orders.example.com\"",
                    symbol::TYPE_BASE => "\"https://errors.example.com/\"",
                    symbol::POINTER_PREFIX => "\"/data/attributes\"",
                    symbol::CODE => "\"not_found\"",
                    symbol::TITLE => "\"Order not found\"",
                    symbol::DETAIL => "\"order {id} not found\"",
                    symbol::INSTANCE => "\"/orders/{id}\"",
                    symbol::ATTR => "\"email\"",
                    symbol::POINTER => "\"/data/attributes/email\"",
                    symbol::PARAMETER => "\"page\"",
                    symbol::HEADER => "\"Retry-After\"",
                    symbol::LOG => "\"warn\"",
                    symbol::PROBLEM_STYLE => "\"title_detail\"",
                    symbol::LOCALES => "\"locales\"",
                    symbol::FALLBACK_LOCALE => "\"en\"",
                    symbol::RPC_CODE => "\"FAILED_PRECONDITION\"",
                    _ => "\"validation_error\"",
                };
                let Some(lit) = string_of(cx, ident, key, example, input)? else {
                    return Ok(());
                };
                // Values that name one of a few things are read as such
                // here, so expansion never looks them up again.
                match key {
                    symbol::LOG => {
                        self.log = LogLevel::parse(cx, &lit);
                        return Ok(());
                    }
                    symbol::PROBLEM_STYLE => {
                        self.problem_style = ProblemStyle::parse(cx, &lit);
                        return Ok(());
                    }
                    symbol::RPC_CODE => {
                        self.rpc_code = RpcCode::parse(cx, &lit);
                        return Ok(());
                    }
                    _ => {}
                }
                let slot = match key {
                    symbol::DOMAIN => &mut self.domain,
                    symbol::TYPE_BASE => &mut self.type_base,
                    symbol::POINTER_PREFIX => &mut self.pointer_prefix,
                    symbol::CODE => &mut self.code,
                    symbol::TITLE => &mut self.title,
                    symbol::DETAIL => &mut self.detail,
                    symbol::INSTANCE => &mut self.instance,
                    symbol::ATTR => &mut self.attr_name,
                    symbol::POINTER => &mut self.pointer,
                    symbol::PARAMETER => &mut self.parameter,
                    symbol::HEADER => &mut self.header,
                    symbol::LOCALES => &mut self.locales,
                    symbol::FALLBACK_LOCALE => &mut self.fallback_locale,
                    _ => &mut self.kind,
                };
                *slot = Some(lit);
            }
        }
        Ok(())
    }
}

/// Reports an unknown key or a key written at the wrong place.
fn check_place(cx: &Ctxt, ident: &syn::Ident, key: &str, places: &[Place]) -> bool {
    let Some(allowed) = symbol::places_of(key) else {
        let message = match symbol::suggest(key, places) {
            Some(good) => format!("unknown api attribute `{key}`; did you mean `{good}`?"),
            None => format!("unknown api attribute `{key}`; {}", expected_keys(places)),
        };
        cx.error_spanned_by(ident, message);
        return false;
    };
    if allowed.iter().any(|p| places.contains(p)) {
        return true;
    }
    let here = match places {
        [Place::Field] => "a field",
        [Place::Variant] => "a variant",
        _ => "the type",
    };
    let message = match allowed {
        [Place::Field] => {
            format!("`{key}` goes on a field, not on {here}: `#[api({key})] name: Type`")
        }
        [Place::Type] => format!("`{key}` goes on the type, not on {here}"),
        [Place::Variant] | [Place::Variant, Place::Field] => {
            format!("`{key}` goes on a variant, not on {here}")
        }
        _ => format!("`{key}` goes on a variant or on the type, not on {here}"),
    };
    cx.error_spanned_by(ident, message);
    false
}

fn expected_keys(places: &[Place]) -> String {
    let keys: Vec<String> = symbol::KEYS
        .iter()
        .filter(|(_, p)| p.iter().any(|x| places.contains(x)))
        .map(|(k, _)| format!("`{k}`"))
        .collect();
    format!("expected one of {}", keys.join(", "))
}

/// Consumes whatever follows a key up to the next `,`, so that parsing can
/// go on with the next key after an error.
fn skip_value(input: ParseStream) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<proc_macro2::TokenTree>()?;
    }
    Ok(())
}

/// A key that takes no value.
fn flag(cx: &Ctxt, ident: &syn::Ident, key: &str, input: ParseStream) -> syn::Result<Flag> {
    if input.is_empty() || input.peek(Token![,]) {
        return Ok(Some(ident.span()));
    }
    let start = input.span();
    skip_value(input)?;
    cx.error_at(
        start,
        format!("`{key}` takes no value; write `#[api({key})]`"),
    );
    Ok(None)
}

/// The tokens after `key =`, or `None` (reported) when there is no value.
fn value_of(
    cx: &Ctxt,
    ident: &syn::Ident,
    key: &str,
    example: &str,
    input: ParseStream,
) -> syn::Result<Option<TokenStream>> {
    if !input.peek(Token![=]) {
        let at = if input.is_empty() || input.peek(Token![,]) {
            ident.span()
        } else {
            input.span()
        };
        skip_value(input)?;
        cx.error_at(
            at,
            format!("`{key}` needs a value; write `{key} = {example}`"),
        );
        return Ok(None);
    }
    input.parse::<Token![=]>()?;
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        tokens.extend(std::iter::once(input.parse::<proc_macro2::TokenTree>()?));
    }
    if tokens.is_empty() {
        cx.error_spanned_by(
            ident,
            format!("`{key}` needs a value; write `{key} = {example}`"),
        );
        return Ok(None);
    }
    Ok(Some(tokens))
}

/// A `key = "string"` value.
fn string_of(
    cx: &Ctxt,
    ident: &syn::Ident,
    key: &str,
    example: &str,
    input: ParseStream,
) -> syn::Result<Option<LitStr>> {
    let Some(tokens) = value_of(cx, ident, key, example, input)? else {
        return Ok(None);
    };
    if let Ok(lit) = syn::parse2::<LitStr>(tokens.clone()) {
        return Ok(Some(lit));
    }
    cx.error_spanned_by(
        &tokens,
        format!(
            "`{key}` takes a string literal, found `{}`; write `{key} = {example}`",
            tokens
        ),
    );
    Ok(None)
}

/// `"name"` or a path to a format value.
fn parse_envelope(cx: &Ctxt, tokens: TokenStream) -> Option<EnvelopeAttr> {
    if let Ok(lit) = syn::parse2::<LitStr>(tokens.clone()) {
        return Some(EnvelopeAttr::Name(lit));
    }
    if let Ok(path) = syn::parse2::<syn::Path>(tokens.clone()) {
        return Some(EnvelopeAttr::Path(path));
    }
    cx.error_spanned_by(
        &tokens,
        format!(
            "`envelope` takes a built-in name such as `\"jsonapi\"` or the path of a format value such as `MyFormat`, found `{tokens}`"
        ),
    );
    None
}

/// `404` or a path ending in an `http::StatusCode` constant name.
fn parse_status(cx: &Ctxt, tokens: TokenStream) -> Option<Status> {
    if let Ok(lit) = syn::parse2::<syn::LitInt>(tokens.clone()) {
        if let Ok(code) = lit.base10_parse::<u16>() {
            if lit.suffix().is_empty() || lit.suffix() == "u16" {
                return Some(Status { code, tokens });
            }
        }
        cx.error_spanned_by(
            &lit,
            format!("`{lit}` is not an HTTP status code; use a number from 400 to 599"),
        );
        return None;
    }
    if let Ok(path) = syn::parse2::<syn::Path>(tokens.clone()) {
        let last = path.segments.last().map(|s| s.ident.to_string());
        if let Some((code, _, _)) = last.as_deref().and_then(status::by_name) {
            return Some(Status { code, tokens });
        }
        let name = last.unwrap_or_default();
        let hint = status::by_name(&name.to_ascii_uppercase())
            .map(|(_, n, _)| format!("; did you mean `StatusCode::{n}`?"))
            .or_else(|| {
                crate::symbol::closest(
                    &name.to_ascii_uppercase(),
                    status::STATUSES.iter().map(|(_, n, _)| *n),
                )
                .map(|n| format!("; did you mean `StatusCode::{n}`?"))
            })
            .unwrap_or_else(|| {
                "; use a number such as `404` or a constant such as `StatusCode::NOT_FOUND`"
                    .to_owned()
            });
        cx.error_spanned_by(
            &path,
            format!("`{name}` is not an `http::StatusCode` constant{hint}"),
        );
        return None;
    }
    cx.error_spanned_by(
        &tokens,
        format!(
            "`status` takes a number such as `404` or a constant such as `StatusCode::NOT_FOUND`, found `{}`",
            tokens
        ),
    );
    None
}

/// A status spans the tokens it was written as.
impl ToTokens for Status {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend(self.tokens.clone());
    }
}
