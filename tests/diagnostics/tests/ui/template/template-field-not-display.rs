use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, detail = "bad items: {0}")]
    Items(Vec<u32>),
}

fn main() {}
