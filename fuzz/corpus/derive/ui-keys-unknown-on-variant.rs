enum E {
    #[api(stauts = 404, detail = "x")]
    A,
}
