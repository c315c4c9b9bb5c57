#[api(envelope = "aip193", domain = "d.example", type_base = "urn:x:", pointer_prefix = "/data", status = 451, code = "c", title = "t", detail = "d", attr = "a.b", kind = "ABORTED", instance = "/i")]
struct S;
