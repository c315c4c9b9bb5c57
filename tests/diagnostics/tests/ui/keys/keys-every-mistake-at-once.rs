use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(envelope = "jsnoapi")]
enum E {
    #[api(stauts = 404)]
    A,
    #[api(status = 200, code = "b c")]
    B,
    #[api(status = 400, detail = "{missing}")]
    C { present: u8 },
}

fn main() {}
