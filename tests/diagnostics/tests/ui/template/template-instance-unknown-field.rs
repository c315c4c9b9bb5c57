use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404, detail = "x", instance = "/orders/{order_id}")]
    Missing { id: u64 },
}

fn main() {}
