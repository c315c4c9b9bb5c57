use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 409, detail = "x")]
    A(#[api(meta)] u32),
}

fn main() {}
