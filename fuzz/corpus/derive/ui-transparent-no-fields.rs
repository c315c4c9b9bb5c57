enum E {
    #[api(transparent)]
    A,
}
