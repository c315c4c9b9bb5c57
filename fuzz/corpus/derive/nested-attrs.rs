enum E { #[api(status(404), detail = ("x"), meta::x = 1, api(status = 400))] A, #[api] B, #[api()] C, #[api(,)] D }
