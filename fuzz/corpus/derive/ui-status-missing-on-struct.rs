#[api(detail = "x")]
struct E;
