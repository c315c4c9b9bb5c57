enum E {
    #[api(status = 404, frobnicate = "x")]
    A,
}
