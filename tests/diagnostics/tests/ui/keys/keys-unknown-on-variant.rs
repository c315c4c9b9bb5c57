use errcodes::ApiError;

#[derive(Debug, ApiError)]
enum E {
    #[api(stauts = 404, detail = "x")]
    A,
}

fn main() {}
