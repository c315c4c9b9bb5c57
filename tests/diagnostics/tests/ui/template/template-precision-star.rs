use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 400, detail = "ratio {ratio:.*}")]
    A { ratio: f64 },
}

fn main() {}
