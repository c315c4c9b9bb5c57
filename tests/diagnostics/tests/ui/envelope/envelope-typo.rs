use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(envelope = "jsonap")]
enum E {
    #[api(status = 404)]
    A,
}

fn main() {}
