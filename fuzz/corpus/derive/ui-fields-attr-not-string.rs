enum E {
    #[api(status = 422, detail = "x")]
    A(#[api(attr)] u32),
}
