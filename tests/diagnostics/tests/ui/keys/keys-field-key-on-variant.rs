use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, meta)]
    A,
}

fn main() {}
