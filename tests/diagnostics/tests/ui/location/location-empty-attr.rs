use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 422, attr = "")]
    A,
}

fn main() {}
