use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(transparent, status = 500)]
    A(Inner),
}

#[derive(Debug, ApiError)]
#[api(status = 400, detail = "inner")]
struct Inner;

fn main() {}
