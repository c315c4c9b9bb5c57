use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 409, detail = "x")]
    A {
        #[api(meta = "status")]
        state: String,
    },
}

fn main() {}
