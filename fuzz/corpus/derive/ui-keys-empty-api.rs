#[api]
enum E {
    #[api(status = 404)]
    A,
}
