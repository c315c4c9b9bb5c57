enum E {
    #[api(status = 429, detail = "x")]
    A {
        #[api(header = "Retry-After")]
        seconds: Vec<u32>,
    },
}
