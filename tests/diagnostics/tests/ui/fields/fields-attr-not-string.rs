use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 422, detail = "x")]
    A(#[api(attr)] u32),
}

fn main() {}
