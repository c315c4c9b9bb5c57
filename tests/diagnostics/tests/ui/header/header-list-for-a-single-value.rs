use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 429, detail = "x")]
    A {
        #[api(header = "Retry-After")]
        seconds: Vec<u32>,
    },
}

fn main() {}
