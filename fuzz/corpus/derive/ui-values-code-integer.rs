enum E {
    #[api(status = 404, code = 5)]
    A,
}
