//! A locale may lack a code when the type says `partial_locales`: it then
//! answers in the fallback's text.
use errcodes::ApiErrorExt as _;
use errcodes::{Envelope, InContext};

#[derive(Debug, errcodes::ApiError)]
#[api(locales = "ui-l10n-locales/missing-in-de", partial_locales)]
enum OrderError {
    #[api(status = 404, code = "order_not_found", detail = "No order {id}.")]
    NotFound { id: u64 },
}

fn main() {
    let body = InContext::new(&OrderError::NotFound { id: 7 }).locale("de").to_json_value(Envelope::Problem);
    assert_eq!(body["detail"], "No order 7.");
    assert_eq!(body["title"], "Not Found");
}
