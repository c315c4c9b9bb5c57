enum E {
    #[api(status = 302)]
    A,
}
