use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 503, detail = "Down.")]
struct Down;

#[derive(Debug, ApiError)]
enum E {
    #[api(transparent, retryable = false)]
    Down(Down),
}

fn main() {}
