#[api(public)]
enum E { #[api(status = 500, public, detail = "{a} {b}")] A { #[api(public)] a: u8, #[api(public, public)] b: u8, #[api(public = "yes")] c: u8 } }
