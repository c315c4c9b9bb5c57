//! The errors a framework produces on its own, answered alike by every
//! integration: a rejected request ([`Rejection`]), an unknown route or
//! method, a panicking handler.

use core::fmt;

use http::StatusCode;

use crate::error::{ApiError, Settings};

/// A router's own 404 and 405, as errors.
pub(crate) struct RouteError<'a> {
    pub(crate) status: StatusCode,
    pub(crate) method: &'a str,
}

#[cfg(feature = "fluent")]
impl crate::l10n::MessageArgs for RouteError<'_> {
    fn visit_args(&self, visitor: &mut dyn crate::l10n::ArgVisitor) {
        visitor.visit("method", crate::l10n::Arg::Text(&self.method));
    }
}

impl ApiError for RouteError<'_> {
    #[cfg(feature = "fluent")]
    fn message(&self) -> Option<crate::l10n::Message<'_>> {
        Some(crate::l10n::Message::new(
            &crate::l10n::OWN,
            self.code(),
            self,
        ))
    }
    fn status(&self) -> StatusCode {
        self.status
    }
    fn code(&self) -> &'static str {
        if self.status == StatusCode::METHOD_NOT_ALLOWED {
            "method_not_allowed"
        } else {
            "not_found"
        }
    }
    fn title(&self) -> &'static str {
        self.status.canonical_reason().unwrap_or("Not Found")
    }
    /// drf's texts: `Not found.` and `Method "PATCH" not allowed.`
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.status == StatusCode::METHOD_NOT_ALLOWED {
            write!(f, "Method \"{}\" not allowed.", self.method)
        } else {
            f.write_str("Not found.")
        }
    }
}

/// An error answer errcodes did not write (a framework's own rejection
/// text, an inner service's bare or `text/plain` 4xx or 5xx), answered
/// again in the envelope: its status, the status's reason phrase as title
/// and code (`payload_too_large`), a generic detail, never the framework's
/// text. A 5xx sends no code and the generic server text.
pub(crate) struct ForeignError {
    status: StatusCode,
    code: String,
    /// The canonical RPC code it had, when it came as a gRPC status.
    #[cfg_attr(not(feature = "tonic"), allow(dead_code))]
    rpc_code: Option<crate::rpc::code::Code>,
    /// What the framework answered with, for the log.
    answered: Answered,
}

/// What a framework answered with, as the log's source for a
/// [`ForeignError`].
#[derive(Debug)]
struct Answered(Option<String>);

impl fmt::Display for Answered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(content_type) => write!(
                f,
                "the framework answered on its own, with a {content_type} body"
            ),
            None => f.write_str("the framework answered on its own, with no Content-Type"),
        }
    }
}

impl std::error::Error for Answered {}

impl ForeignError {
    pub(crate) fn new(status: StatusCode, content_type: Option<&[u8]>) -> ForeignError {
        let reason = status
            .canonical_reason()
            .unwrap_or(if status.is_server_error() {
                "Server Error"
            } else {
                "Client Error"
            });
        ForeignError {
            status,
            code: crate::case::snake_words(reason),
            rpc_code: None,
            answered: Answered(
                content_type.map(|bytes| String::from_utf8_lossy(bytes).into_owned()),
            ),
        }
    }
}

#[cfg(feature = "fluent")]
impl crate::l10n::MessageArgs for ForeignError {
    fn visit_args(&self, visitor: &mut dyn crate::l10n::ArgVisitor) {
        visitor.visit("method", crate::l10n::Arg::Text(&"none"));
        visitor.visit("expected", crate::l10n::Arg::Text(&"foreign"));
    }
}

impl ApiError for ForeignError {
    #[cfg(feature = "fluent")]
    fn message(&self) -> Option<crate::l10n::Message<'_>> {
        Some(crate::l10n::Message::new(
            &crate::l10n::OWN,
            self.code(),
            self,
        ))
    }
    fn status(&self) -> StatusCode {
        self.status
    }
    fn code(&self) -> &str {
        &self.code
    }
    fn title(&self) -> &str {
        self.status.canonical_reason().unwrap_or("Error")
    }
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.detail())
    }
    fn detail_str(&self) -> Option<&str> {
        Some(self.detail())
    }
    fn source_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.answered)
    }
    fn settings(&self) -> Settings<'_> {
        let server = self.status.is_server_error();
        let settings = Settings::new().redact_code(server).redact_detail(server);
        match self.rpc_code {
            Some(code) => settings.rpc_code(code),
            None => settings,
        }
    }
}

impl ForeignError {
    /// A gRPC status errcodes did not write, with `code`: answered again
    /// under the status `code.proto` gives it, keeping its code.
    #[cfg(feature = "tonic")]
    pub(crate) fn rpc(code: crate::rpc::code::Code) -> ForeignError {
        ForeignError {
            rpc_code: Some(code),
            ..ForeignError::new(code.http_status(), None)
        }
    }

    /// The generic text of a 4xx: what was wrong is the framework's to say,
    /// and it is not repeated.
    fn detail(&self) -> &'static str {
        match self.status.as_u16() {
            404 => "Not found.",
            405 => "The method is not allowed here.",
            413 => "The request body is too large.",
            415 => "The request's Content-Type is not supported.",
            _ => "The request could not be processed.",
        }
    }
}

/// A handler that panicked: a 500 with no code and the generic detail.
/// The panic's message is its source, so it reaches the log (feature
/// `tracing`) and never the body.
pub(crate) struct Panicked {
    message: PanicMessage,
}

/// The text a panic was raised with, as an error, and how many panics
/// before it were left out of the log.
#[derive(Debug)]
pub(crate) struct PanicMessage {
    text: Option<String>,
    left_out: u64,
}

impl fmt::Display for PanicMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.text {
            Some(text) => write!(f, "the handler panicked: {text}")?,
            None => f.write_str("the handler panicked")?,
        }
        if self.left_out > 0 {
            write!(
                f,
                " ({} more panics since the last one logged were not)",
                self.left_out
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for PanicMessage {}

impl Panicked {
    /// The panic whose payload is `payload` (a `&str` or `String` message,
    /// as `panic!` makes; any other payload has none), after `left_out`
    /// panics that were not logged.
    pub(crate) fn new(payload: &(dyn core::any::Any + Send), left_out: u64) -> Panicked {
        let text = payload
            .downcast_ref::<&str>()
            .map(|text| (*text).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned());
        Panicked {
            message: PanicMessage { text, left_out },
        }
    }
}

impl ApiError for Panicked {
    fn status(&self) -> StatusCode {
        StatusCode::INTERNAL_SERVER_ERROR
    }
    fn code(&self) -> &'static str {
        "panic"
    }
    fn title(&self) -> &'static str {
        "Internal Server Error"
    }
    fn fmt_detail(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
    fn source_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.message)
    }
    fn settings(&self) -> Settings<'_> {
        Settings::new().redact_code(true).redact_detail(true)
    }
}

/// A request the framework could not extract (a body that is not JSON, a
/// query string or path parameter of the wrong type, a form of the wrong
/// content type), as an error: a stable code per kind, a 4xx status, and a
/// detail that says what was wrong and, for JSON, where (line and column),
/// never the parser's words about the input itself.
///
/// Both integrations answer the same request the same way:
///
/// | code | status | when |
/// |---|---|---|
/// | `malformed_json` | 400 | the body is not JSON |
/// | `invalid_body` | 422 | JSON without the expected members and types |
/// | `unsupported_media_type` | 415 | the wrong `Content-Type` |
/// | `invalid_path` | 400 | a path parameter of the wrong type |
/// | `invalid_query` | 400 | a query string of the wrong shape |
/// | `invalid_form` | 400 or 422 | a form of the wrong shape |
/// | `body_too_large` | 413 | a body over the limit |
/// | `unreadable_body` | 400 | a body cut off or badly encoded |
///
/// A route whose extractor asks for parameters the route does not have is
/// the server's mistake: a 500 that says nothing of it.
///
/// ```
/// # #[cfg(feature = "axum")] {
/// use errcodes::axum::Rejection;
/// use errcodes::ApiError;
///
/// let rejection = Rejection::from(axum::extract::rejection::JsonRejection::MissingJsonContentType(Default::default()));
/// assert_eq!(rejection.status(), 415);
/// assert_eq!(rejection.code(), "unsupported_media_type");
/// # }
/// ```
#[derive(Debug)]
pub struct Rejection {
    status: StatusCode,
    code: &'static str,
    what: &'static str,
    /// Line and column of a JSON error.
    position: Option<(usize, usize)>,
    /// The body member a JSON error is about, as a dotted path.
    member: Option<String>,
    /// The parser's own message, for the log only: it may quote the input.
    parser: Option<ParserMessage>,
    /// The query or path parameter whose value did not parse (its name,
    /// never its value).
    parameter: Option<String>,
}

/// What the parser said about a rejected body: the rejection's source, so
/// it reaches the log, never the response.
#[derive(Debug)]
pub(crate) struct ParserMessage(String);

impl fmt::Display for ParserMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParserMessage {}

impl Rejection {
    pub(crate) fn new(status: StatusCode, code: &'static str, what: &'static str) -> Rejection {
        Rejection {
            status,
            code,
            what,
            position: None,
            member: None,
            parser: None,
            parameter: None,
        }
    }

    /// The same rejection naming the `parameter` whose value did not parse,
    /// when its name is a plain identifier (at most 64 letters, digits,
    /// `_`, `-` or `.`): a name the client did not make up is all it says.
    pub(crate) fn naming(self, parameter: Option<&str>) -> Rejection {
        let plain = |name: &&str| {
            (1..=64).contains(&name.len())
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        };
        Rejection {
            parameter: parameter.filter(plain).map(str::to_owned),
            ..self
        }
    }

    /// The parameter a query (`from`) or path rejection names, from the
    /// message serde's path tracking gives (`from: invalid digit ...`).
    pub(crate) fn parameter_of(message: &str) -> Option<String> {
        // axum writes its own words first: `Failed to deserialize query
        // string: page: invalid digit found in string`.
        member_of(message).or_else(|| member_of(message.split_once(": ")?.1))
    }

    /// A body that is not JSON at all, `at` a line and column.
    pub(crate) fn malformed_json(at: Option<(usize, usize)>) -> Rejection {
        Rejection {
            position: at,
            ..Rejection::new(
                StatusCode::BAD_REQUEST,
                "malformed_json",
                "The request body is not valid JSON.",
            )
        }
    }

    /// JSON, but not the members and types the handler takes.
    pub(crate) fn invalid_body(at: Option<(usize, usize)>) -> Rejection {
        Rejection {
            position: at,
            ..Rejection::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_body",
                "The request body does not have the expected members and types.",
            )
        }
    }

    /// A body `serde_json` refused: malformed (400) or of the wrong shape
    /// (422), with its position and nothing else of its message.
    #[cfg_attr(not(feature = "actix-web"), allow(dead_code))]
    pub(crate) fn from_json_error(err: &serde_json::Error) -> Rejection {
        let at = (err.line() > 0).then(|| (err.line(), err.column()));
        if err.is_data() {
            // serde_json names no path; a missing member it does name.
            Rejection::invalid_body(at).about(&err.to_string())
        } else {
            Rejection::malformed_json(at)
        }
    }

    /// The same rejection about the member `message` (serde's, with
    /// `serde_path_to_error`'s `path: ` before it, as axum writes it)
    /// names, with the message kept for the log.
    pub(crate) fn about(self, message: &str) -> Rejection {
        Rejection {
            member: member_of(message),
            parser: Some(ParserMessage(message.to_owned())),
            ..self
        }
    }

    /// `serde_json`'s position, read from the end of its message
    /// (`... at line 1 column 7`), and nothing else of it.
    #[cfg_attr(not(feature = "axum"), allow(dead_code))]
    pub(crate) fn json_position(message: &str) -> Option<(usize, usize)> {
        message.rsplit_once(" at line ").and_then(|(_, rest)| {
            let (line, column) = rest.split_once(" column ")?;
            Some((line.trim().parse().ok()?, column.trim().parse().ok()?))
        })
    }

    /// A request whose `Content-Type` is not `expected`.
    pub(crate) fn unsupported_media_type(expected: &'static str) -> Rejection {
        Rejection::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            expected,
        )
    }

    /// JSON bodies: `Content-Type: application/json` expected.
    pub(crate) const EXPECTED_JSON: &'static str =
        "Expected a request with Content-Type: application/json.";

    /// Forms: `Content-Type: application/x-www-form-urlencoded` expected.
    pub(crate) const EXPECTED_FORM: &'static str =
        "Expected a request with Content-Type: application/x-www-form-urlencoded.";

    /// A path parameter of the wrong type.
    pub(crate) fn invalid_path() -> Rejection {
        Rejection::new(
            StatusCode::BAD_REQUEST,
            "invalid_path",
            "A path parameter is not valid.",
        )
    }

    /// A query string of the wrong shape.
    pub(crate) fn invalid_query() -> Rejection {
        Rejection::new(
            StatusCode::BAD_REQUEST,
            "invalid_query",
            "The query string is not valid.",
        )
    }

    /// A form of the wrong shape.
    pub(crate) fn invalid_form(status: StatusCode) -> Rejection {
        Rejection::new(status, "invalid_form", "The form is not valid.")
    }

    /// A route without the parameters its extractor asks for: the server's
    /// mistake, answered as a 500 that says nothing of it.
    #[cfg_attr(not(feature = "axum"), allow(dead_code))]
    pub(crate) fn path_params_missing() -> Rejection {
        Rejection::new(StatusCode::INTERNAL_SERVER_ERROR, "path_params_missing", "")
    }

    /// A body that could not be read: too large, or cut off.
    pub(crate) fn body(status: StatusCode) -> Rejection {
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            Rejection::new(status, "body_too_large", "The request body is too large.")
        } else if status.is_server_error() {
            Rejection::new(status, "unreadable_body", "")
        } else {
            Rejection::new(
                status,
                "unreadable_body",
                "The request body could not be read.",
            )
        }
    }
}

/// What an operation takes, as far as the layer's own answers go.
#[allow(clippy::struct_excessive_bools)]
pub(crate) struct Takes<'a> {
    /// A method this operation's path does not serve, for the 405.
    pub(crate) other_method: &'a str,
    pub(crate) json_body: bool,
    pub(crate) form_body: bool,
    pub(crate) path_params: bool,
    pub(crate) query_params: bool,
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
/// Every answer the layer and errcodes' extractors give on their own to a
/// request for an operation that `takes` this, as the very errors they
/// answer with: an unknown route, a method not served, a panic, 406 and
/// 415 from negotiation (as `negotiation` refuses), and the extractors'
/// rejections of a body, a path or a query that does not read.
pub(crate) fn own_answers<'a>(
    negotiation: &crate::negotiate::Negotiation,
    takes: &Takes<'a>,
) -> Vec<Box<dyn ApiError + 'a>> {
    use crate::negotiate::Refusal;
    let mut answers: Vec<Box<dyn ApiError + 'a>> = vec![
        Box::new(RouteError {
            status: StatusCode::NOT_FOUND,
            method: takes.other_method,
        }),
        Box::new(RouteError {
            status: StatusCode::METHOD_NOT_ALLOWED,
            method: takes.other_method,
        }),
        Box::new(Panicked::new(&"a handler's panic", 0)),
    ];
    if negotiation.refuses() {
        answers.push(Box::new(Refusal::NotAcceptable));
    }
    if negotiation
        .offered()
        .contains(&crate::error::Envelope::JsonApi)
    {
        answers.push(Box::new(Refusal::UnsupportedMediaType));
    }
    let at = Some((1, 2));
    if takes.json_body {
        answers.push(Box::new(Rejection::malformed_json(at)));
        answers.push(Box::new(
            Rejection::invalid_body(at).about("missing field `name` at line 1 column 2"),
        ));
        answers.push(Box::new(Rejection::unsupported_media_type(
            Rejection::EXPECTED_JSON,
        )));
    }
    if takes.form_body {
        answers.push(Box::new(Rejection::invalid_form(
            StatusCode::UNPROCESSABLE_ENTITY,
        )));
        answers.push(Box::new(Rejection::unsupported_media_type(
            Rejection::EXPECTED_FORM,
        )));
    }
    if takes.json_body || takes.form_body {
        answers.push(Box::new(Rejection::body(StatusCode::PAYLOAD_TOO_LARGE)));
    }
    if takes.path_params {
        answers.push(Box::new(Rejection::invalid_path()));
    }
    if takes.query_params {
        answers.push(Box::new(Rejection::invalid_query()));
    }
    answers
}

/// The body member a serde message is about, as a dotted path:
/// `items[0].sku: invalid type: ...` is about `items.0.sku`, and a missing
/// or unknown field is the field below that path (``items[0]: missing field
/// `sku` `` is about `items.0.sku`). A path never holds a space, which tells
/// it from the message's own words (`invalid type: ...`).
fn member_of(message: &str) -> Option<String> {
    let (path, rest) = match message.split_once(": ") {
        Some((head, rest)) if !head.contains(' ') && !head.is_empty() => (Some(head), rest),
        _ => (None, message),
    };
    let dotted = |path: &str| {
        path.replace('[', ".")
            .replace(']', "")
            .trim_matches('.')
            .to_owned()
    };
    let field = ["missing field `", "unknown field `"]
        .iter()
        .find_map(|prefix| rest.strip_prefix(prefix))
        .and_then(|rest| rest.split_once('`'))
        .map(|(name, _)| name);
    let member = match (path.map(dotted).filter(|p| !p.is_empty()), field) {
        (Some(path), Some(field)) => format!("{path}.{field}"),
        (Some(path), None) => path,
        (None, Some(field)) => field.to_owned(),
        (None, None) => return None,
    };
    Some(member)
}

#[cfg(feature = "fluent")]
impl crate::l10n::MessageArgs for Rejection {
    fn visit_args(&self, visitor: &mut dyn crate::l10n::ArgVisitor) {
        use crate::l10n::Arg;
        let expected: &'static str = match self.what {
            Rejection::EXPECTED_JSON => "json",
            Rejection::EXPECTED_FORM => "form",
            _ => "other",
        };
        visitor.visit("expected", Arg::Text(&expected));
        if let Some(parameter) = &self.parameter {
            visitor.visit("parameter", Arg::Text(parameter));
        }
        match &self.position {
            Some((line, column)) => {
                visitor.visit("at", Arg::Text(&"yes"));
                visitor.visit("line", Arg::Text(line));
                visitor.visit("column", Arg::Text(column));
            }
            None => visitor.visit("at", Arg::Text(&"no")),
        }
    }
}

impl ApiError for Rejection {
    #[cfg(feature = "fluent")]
    fn message(&self) -> Option<crate::l10n::Message<'_>> {
        let id = match (&self.parameter, self.code) {
            (Some(_), "invalid_query") => "invalid_query_parameter",
            (Some(_), "invalid_path") => "invalid_path_parameter",
            _ => self.code,
        };
        Some(crate::l10n::Message::new(&crate::l10n::OWN, id, self))
    }
    fn status(&self) -> StatusCode {
        self.status
    }
    fn location(&self) -> Option<crate::location::Location<'_>> {
        match (&self.parameter, self.code) {
            (Some(name), "invalid_query") => Some(crate::location::Location::Parameter(name)),
            _ => self.member.as_deref().map(crate::location::Location::Field),
        }
    }
    fn source_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.parser
            .as_ref()
            .map(|message| message as &(dyn std::error::Error + 'static))
    }
    fn code(&self) -> &str {
        self.code
    }
    fn title(&self) -> &str {
        self.status.canonical_reason().unwrap_or("Bad Request")
    }
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(parameter) = &self.parameter {
            let which = if self.code == "invalid_query" {
                "query"
            } else {
                "path"
            };
            return write!(f, "The {which} parameter `{parameter}` is not valid.");
        }
        match self.position {
            Some((line, column)) => {
                let what = self.what.trim_end_matches('.');
                write!(f, "{what} (line {line}, column {column}).")
            }
            None => f.write_str(self.what),
        }
    }
    fn detail_str(&self) -> Option<&str> {
        (self.position.is_none() && self.parameter.is_none()).then_some(self.what)
    }
    fn settings(&self) -> Settings<'_> {
        let server = self.status.is_server_error();
        Settings::new().redact_code(server).redact_detail(server)
    }
}

impl fmt::Display for Rejection {
    /// The detail a client may read.
    ///
    /// ```
    /// # #[cfg(feature = "axum")] {
    /// use errcodes::axum::Rejection;
    /// let rejection = Rejection::from(axum::extract::rejection::JsonRejection::MissingJsonContentType(Default::default()));
    /// assert_eq!(rejection.to_string(), "Expected a request with Content-Type: application/json.");
    /// # }
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::redact::Detail::new(self).fmt(f)
    }
}

impl std::error::Error for Rejection {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_positions_are_read_from_the_end_of_the_message() {
        assert_eq!(
            Rejection::json_position("EOF while parsing a value at line 1 column 10"),
            Some((1, 10))
        );
        assert_eq!(Rejection::json_position("no position"), None);
    }

    #[test]
    fn the_member_is_read_from_serde_path_to_error_s_path() {
        assert_eq!(
            member_of("sku: invalid type: integer `5`, expected a string at line 1 column 9")
                .as_deref(),
            Some("sku")
        );
        assert_eq!(
            member_of("items[0].sku: invalid type: null, expected a string at line 1 column 20")
                .as_deref(),
            Some("items.0.sku")
        );
        assert_eq!(
            member_of("missing field `name` at line 1 column 12").as_deref(),
            Some("name")
        );
        assert_eq!(
            member_of("items[1]: missing field `sku` at line 1 column 30").as_deref(),
            Some("items.1.sku")
        );
        assert_eq!(
            member_of("invalid type: integer `5`, expected a map at line 1 column 1"),
            None
        );
    }
}
