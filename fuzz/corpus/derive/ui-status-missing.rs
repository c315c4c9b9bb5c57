enum E {
    #[api(detail = "x")]
    A,
}
