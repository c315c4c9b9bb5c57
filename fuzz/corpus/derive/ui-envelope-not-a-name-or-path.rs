#[api(envelope = 5)]
enum E {
    #[api(status = 404, detail = "Not found.")]
    A,
}
