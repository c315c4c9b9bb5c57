enum E {
    #[api(stauts = 404)]
    A,
}
