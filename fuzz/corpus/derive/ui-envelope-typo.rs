#[api(envelope = "jsonap")]
enum E {
    #[api(status = 404)]
    A,
}
