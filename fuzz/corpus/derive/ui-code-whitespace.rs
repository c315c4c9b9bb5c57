enum E {
    #[api(status = 404, code = "not found")]
    A,
}
