use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 401, detail = "Session expired.")]
    Expired {
        #[api(header = "Set-Cookie")]
        clear: String,
    },
}

fn main() {}
