use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(envelope = "xml")]
enum E {
    #[api(status = 404)]
    A,
}

fn main() {}
