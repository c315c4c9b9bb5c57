enum E {
    #[api(status = 404, detail = DETAIL)]
    A,
}
