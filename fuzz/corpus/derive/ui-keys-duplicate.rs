enum E {
    #[api(status = 404, status = 410)]
    A,
}
