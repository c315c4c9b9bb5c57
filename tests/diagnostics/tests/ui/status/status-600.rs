use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 600)]
    A,
}

fn main() {}
