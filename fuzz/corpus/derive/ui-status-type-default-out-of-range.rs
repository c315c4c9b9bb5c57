#[api(status = 204)]
enum E {
    #[api(detail = "x")]
    A,
}
