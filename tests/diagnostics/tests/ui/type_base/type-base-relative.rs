use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(type_base = "/errors/")]
enum E {
    #[api(status = 404)]
    A,
}

fn main() {}
