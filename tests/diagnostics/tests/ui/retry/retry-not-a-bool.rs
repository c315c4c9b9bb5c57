use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 503, retryable = "yes", detail = "Down.")]
    Down,
}

fn main() {}
