enum E {
    #[api(status = "abc")]
    A,
}
