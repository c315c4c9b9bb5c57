enum E {
    #[api(status = 404)]
    NotFound,
    #[api(status = 410, code = "not_found")]
    Gone,
}
