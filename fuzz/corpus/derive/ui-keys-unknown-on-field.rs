enum E {
    #[api(status = 409, detail = "x")]
    A {
        #[api(metta)]
        version: u32,
    },
}
