enum E { #[api(transparent)] A(E2, E3), #[api(transparent)] B {}, #[api(transparent, status = 400)] C(X), #[api(transparent)] D(#[api(meta)] X) }
