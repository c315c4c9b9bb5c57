use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = std::u16::MAX)]
    A,
}

fn main() {}
