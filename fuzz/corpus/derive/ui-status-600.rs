enum E {
    #[api(status = 600)]
    A,
}
