enum E {
    #[api(status = 400, pointer = "data/id")]
    A,
}
