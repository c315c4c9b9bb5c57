use errcodes::ApiError;

const DETAIL: &str = "x";

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, detail = DETAIL)]
    A,
}

fn main() {}
