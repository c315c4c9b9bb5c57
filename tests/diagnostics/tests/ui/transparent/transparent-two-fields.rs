use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(transparent)]
    A(Inner, u32),
}

#[derive(Debug, ApiError)]
#[api(status = 400, detail = "inner")]
struct Inner;

fn main() {}
