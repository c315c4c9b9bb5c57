enum E {
    #[api(status = 409, detail = "x")]
    A {
        #[api(meta = 1)]
        version: u32,
    },
}
