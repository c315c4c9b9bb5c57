#[api(envelope = Terse)]
enum E {
    #[api(status = 404, detail = "Not found.")]
    A,
}
