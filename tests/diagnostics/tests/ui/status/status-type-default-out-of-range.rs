use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 204)]
enum E {
    #[api(detail = "x")]
    A,
}

fn main() {}
