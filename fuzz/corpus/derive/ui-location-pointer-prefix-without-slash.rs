#[api(pointer_prefix = "data")]
enum E {
    #[api(status = 400, attr = "id")]
    A,
}
