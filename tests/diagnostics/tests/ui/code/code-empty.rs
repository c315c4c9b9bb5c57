use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, code = "")]
    A,
}

fn main() {}
