enum E {
    #[api(status = 401, header = "X-Api-Key:")]
    A,
}
