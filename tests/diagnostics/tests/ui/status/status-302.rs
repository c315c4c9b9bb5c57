use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 302)]
    A,
}

fn main() {}
