enum E {
    #[api(status = 99)]
    A,
}
