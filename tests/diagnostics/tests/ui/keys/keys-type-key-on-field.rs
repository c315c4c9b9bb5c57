use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404)]
    A(#[api(envelope = "drf")] u32),
}

fn main() {}
