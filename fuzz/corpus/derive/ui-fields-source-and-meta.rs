enum E {
    #[api(status = 500)]
    A(#[api(source, meta = "cause")] std::io::Error),
}
