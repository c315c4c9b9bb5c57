enum E {
    #[api(transparent, status = 500)]
    A(Inner),
}
