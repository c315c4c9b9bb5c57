use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, title = "Order {id} not found")]
    Missing { id: u64 },
}

fn main() {}
