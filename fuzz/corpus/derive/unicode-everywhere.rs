#[api(type_base = "https://é.example/\u{0}/", domain = "\u{2028}")]
enum É { #[api(status = 400, code = "é", title = "\u{0}", detail = "\u{1f}{ü}", attr = "a\u{0}b", instance = "/é/{ü}")] Ü { ü: String } }
