enum E {
    #[api(status = 400, kind = "validation error", detail = "x")]
    A,
}
