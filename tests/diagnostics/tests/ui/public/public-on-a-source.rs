use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 500)]
    Io(#[api(source, public)] std::io::Error),
}

fn main() {}
