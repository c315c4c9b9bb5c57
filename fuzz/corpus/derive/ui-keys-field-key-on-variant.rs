enum E {
    #[api(status = 404, meta)]
    A,
}
