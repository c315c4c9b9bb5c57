use errcodes::ApiError;

#[derive(Debug, ApiError)]
#[api(envelope = "laravel", fixed_envelope = true)]
enum E {
    #[api(status = 422, detail = "The given data was invalid.")]
    Invalid,
}

fn main() {}
