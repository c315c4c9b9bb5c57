use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 409, detail = "x")]
    A {
        #[api(meta)]
        r#type: String,
    },
}

fn main() {}
