#[api(status = 422, r#type = "x")]
struct r#Match { #[api(meta)] r#type: u8, #[api(attr)] r#ref: String }
