use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 409, detail = "x")]
    A {
        #[api(header = "Link")]
        target: std::path::PathBuf,
    },
}

fn main() {}
