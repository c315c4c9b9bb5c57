enum E {
    #[api(status = 422, attr = "")]
    A,
}
