use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(envelope = "rfc9457")]
enum E {
    #[api(status = 404)]
    A,
}

fn main() {}
