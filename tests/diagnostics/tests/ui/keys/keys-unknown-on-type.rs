use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(envelop = "jsonapi")]
enum E {
    #[api(status = 404, detail = "x")]
    A,
}

fn main() {}
