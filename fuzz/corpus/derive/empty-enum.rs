#[api(envelope = "aip193", domain = "x.example")]
enum Never {}
