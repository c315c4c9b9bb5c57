enum E {
    #[api(status = 404, code = "orders/missing")]
    A,
}
