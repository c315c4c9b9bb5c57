enum E {
    #[api(status = 404)]
    A(#[api(envelope = "drf")] u32),
}
