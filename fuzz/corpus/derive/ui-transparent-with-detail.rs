enum E {
    #[api(transparent, detail = "x")]
    A(Inner),
}
