#[api(envelop = "jsonapi")]
enum E {
    #[api(status = 404, detail = "x")]
    A,
}
