use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(envelope = "laravel")]
enum E {
    #[api(status = 422, fixed_envelope, detail = "The given data was invalid.")]
    Invalid,
}

fn main() {}
