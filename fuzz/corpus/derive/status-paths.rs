enum E { #[api(status = a::b::c::NOT_FOUND)] A, #[api(status = StatusCode::)] B, #[api(status = <T as X>::NOT_FOUND)] C, #[api(status = ::StatusCode::GONE)] D }
