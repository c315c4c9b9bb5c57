enum E {
    #[api(status = StatusCode::OK)]
    A,
}
