use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 415, detail = "x")]
    A {
        #[api(header = "Content-Type")]
        accepted: &'static str,
    },
}

fn main() {}
