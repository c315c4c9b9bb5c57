#[api(envelope = crate::formats::Mine)]
enum E { #[api(status = 400, detail = "x")] A }
