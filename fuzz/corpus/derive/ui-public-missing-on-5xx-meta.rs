enum E {
    #[api(status = 503)]
    Unavailable {
        #[api(meta)]
        pool: String,
    },
}
