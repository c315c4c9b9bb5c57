enum E {
    #[api(api::status = 404)]
    A,
}
