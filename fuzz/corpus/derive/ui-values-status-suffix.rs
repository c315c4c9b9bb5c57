enum E {
    #[api(status = 404i32)]
    A,
}
