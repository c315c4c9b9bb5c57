use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, detail = "order {id} not found")]
    Missing,
}

fn main() {}
