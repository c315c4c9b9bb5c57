enum E {
    #[api(status = 404, detail = "x", instance = "/orders/{order_id}")]
    Missing { id: u64 },
}
