#[api(envelope = "drf", envelope = "jsonapi", status = 400, status = 401)]
enum E { #[api(code = "a", code = "b", detail = "x", detail = "y", transparent, transparent)] A(#[api(source, source, meta, meta = "m")] std::io::Error) }
