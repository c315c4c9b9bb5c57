use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(locales = "ui-l10n-locales/parse")]
enum OrderError {
    #[api(status = 404, code = "order_not_found", detail = "No order {id}.")]
    NotFound { id: u64 },
}

fn main() {}
