enum E {
    #[api(status = 200)]
    A,
}
