enum E {
    #[api(transparent)]
    A(#[api(meta = "inner")] Inner),
}
