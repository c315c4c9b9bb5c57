use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 503)]
    Unavailable {
        #[api(meta)]
        pool: String,
    },
}

fn main() {}
