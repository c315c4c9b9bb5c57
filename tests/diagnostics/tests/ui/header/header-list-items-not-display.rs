use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 405, detail = "x")]
    A {
        #[api(header = "Allow")]
        allow: Vec<Vec<u8>>,
    },
}

fn main() {}
