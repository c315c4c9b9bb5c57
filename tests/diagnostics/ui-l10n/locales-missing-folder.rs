use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(locales = "no-such-folder")]
enum OrderError {
    #[api(status = 404, code = "order_not_found", detail = "No order {id}.")]
    NotFound { id: u64 },
}

fn main() {}
