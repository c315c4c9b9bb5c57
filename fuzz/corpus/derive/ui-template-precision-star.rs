enum E {
    #[api(status = 400, detail = "ratio {ratio:.*}")]
    A { ratio: f64 },
}
