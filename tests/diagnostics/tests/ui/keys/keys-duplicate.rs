use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, status = 410)]
    A,
}

fn main() {}
