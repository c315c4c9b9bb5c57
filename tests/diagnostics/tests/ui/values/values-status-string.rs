use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = "abc")]
    A,
}

fn main() {}
