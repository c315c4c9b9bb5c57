use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(transparent)]
    A(#[api(meta = "inner")] Inner),
}

#[derive(Debug, serde::Serialize, ApiError)]
#[api(status = 400, detail = "inner")]
struct Inner;

fn main() {}
