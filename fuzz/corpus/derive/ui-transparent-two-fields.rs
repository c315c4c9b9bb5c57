enum E {
    #[api(transparent)]
    A(Inner, u32),
}
