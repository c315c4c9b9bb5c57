use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 500)]
    A(#[api(source)] std::io::Error, #[api(source)] std::fmt::Error),
}

fn main() {}
