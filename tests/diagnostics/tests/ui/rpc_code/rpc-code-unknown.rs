use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 422, rpc_code = "FAILED_PRECONDITON", detail = "Sold out.")]
    SoldOut,
    #[api(status = 404, rpc_code = "OK", detail = "Gone.")]
    Gone,
    #[api(status = 400, rpc_code = "teapot", detail = "Short and stout.")]
    Teapot,
}

fn main() {}
