use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 429, retryable, throttled, detail = "Slow down.")]
    Throttled,
}

fn main() {}
