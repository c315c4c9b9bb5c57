enum E {
    #[api(status = 502, detail = "upstream failed: {0}")]
    Upstream(#[api(source)] std::io::Error),
}
