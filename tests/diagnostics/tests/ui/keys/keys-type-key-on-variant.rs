use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, type_base = "https://errors.example.com/")]
    A,
}

fn main() {}
