use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 409, detail = "user {emial} already exists")]
    Duplicate { email: String },
}

fn main() {}
