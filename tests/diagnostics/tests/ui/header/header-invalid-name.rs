use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 429)]
    A {
        #[api(header = "Retry After")]
        seconds: u32,
    },
}

fn main() {}
