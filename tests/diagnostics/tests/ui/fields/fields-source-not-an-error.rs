use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 500)]
    Io(#[api(source)] String),
}

fn main() {}
