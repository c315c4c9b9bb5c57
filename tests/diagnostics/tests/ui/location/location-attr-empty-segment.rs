use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 422, attr = "items..sku", detail = "Bad.")]
    A,
}

fn main() {}
