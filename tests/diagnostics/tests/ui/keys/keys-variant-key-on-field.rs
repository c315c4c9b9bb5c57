use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(status = 404)]
    A {
        #[api(code = "id")]
        id: u32,
    },
}

fn main() {}
