use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, instance = "/orders list/{id}", detail = "Gone.")]
    A { id: u64 },
}

fn main() {}
