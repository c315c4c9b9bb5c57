enum E {
    #[api(status = 404, code)]
    A,
}
