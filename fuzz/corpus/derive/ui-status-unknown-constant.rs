enum E {
    #[api(status = StatusCode::NOT_FUOND)]
    A,
}
