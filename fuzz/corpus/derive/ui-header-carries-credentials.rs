enum E {
    #[api(status = 401, detail = "Session expired.")]
    Expired {
        #[api(header = "Set-Cookie")]
        clear: String,
    },
}
