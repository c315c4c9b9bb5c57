use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 500)]
    A(#[api(source, meta = "cause")] std::io::Error),
}

fn main() {}
