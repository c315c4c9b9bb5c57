enum E {
    #[api(status = 404, instance = "/orders list/{id}", detail = "Gone.")]
    A { id: u64 },
}
