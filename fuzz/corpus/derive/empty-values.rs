#[api(envelope = "", type_base = "", pointer_prefix = "", domain = "")]
enum E { #[api(status = 400, code = "", title = "", detail = "", attr = "", pointer = "", parameter = "", header = "", kind = "", instance = "")] A }
