enum E {
    #[api(transparent = true)]
    A(Inner),
}
