enum E { #[api(status = 99999999999999999999999)] A, #[api(status = -1)] B, #[api(status = 4_0_4)] C, #[api(status = 0x194)] D }
