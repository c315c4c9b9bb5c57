use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 429, detail = "Slow down.")]
    Throttled {
        #[api(header = "Retry-After")]
        seconds: u32,
        #[api(header = "retry-after")]
        again: u32,
    },
}

fn main() {}
