use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(type_base = "https://errors.example.com/problems")]
enum E {
    #[api(status = 404)]
    A,
}

fn main() {}
