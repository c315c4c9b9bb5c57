use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 500)]
    Io(#[api(from)] std::io::Error, u32),
}

fn main() {}
