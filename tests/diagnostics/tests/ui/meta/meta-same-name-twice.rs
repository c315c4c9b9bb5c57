use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 409, detail = "Conflict.")]
    Conflict {
        #[api(meta = "x")]
        m: u32,
        #[api(meta)]
        x: u32,
    },
}

fn main() {}
