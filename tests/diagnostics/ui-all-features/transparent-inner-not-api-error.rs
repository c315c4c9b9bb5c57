use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(transparent)]
    A(std::io::Error),
}

fn main() {}
