use errcodes::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum E {
    #[error("read failed")]
    #[api(status = 500)]
    Read(#[from] #[api(from)] std::io::Error),
}

fn main() {}
