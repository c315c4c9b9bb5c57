use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, detail = "{1} not found")]
    Missing(u64),
}

fn main() {}
