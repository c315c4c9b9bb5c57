use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(envelope = "aip193")]
enum E {
    #[api(status = 404, domain = "orders.example.com", detail = "Not found.")]
    A,
}

fn main() {}
