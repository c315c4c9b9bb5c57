#[api(envelope = Mine::new(), envelope = &X, envelope = [1])]
enum E { #[api(status = 400)] A }
