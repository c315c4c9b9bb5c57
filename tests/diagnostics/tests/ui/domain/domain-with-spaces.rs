use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(envelope = "aip193", domain = "orders example")]
enum E {
    #[api(status = 404, detail = "Not found.")]
    A,
}

fn main() {}
