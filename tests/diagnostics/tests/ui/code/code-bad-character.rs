use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, code = "orders/missing")]
    A,
}

fn main() {}
