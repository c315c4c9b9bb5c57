use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(envelope = 5)]
enum E {
    #[api(status = 404, detail = "Not found.")]
    A,
}

fn main() {}
