use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 500)]
    Read(#[api(from)] std::io::Error),
    #[api(status = 503)]
    Write(#[api(from)] std::io::Error),
}

fn main() {}
