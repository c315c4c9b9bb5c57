use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 409, detail = "user {email already exists")]
    Duplicate { email: String },
}

fn main() {}
