enum E { #[api(status = 400, detail = "{{{{}}}} { } {:} {0:} {a:>w$.p$} {{a}} {")] A { a: u8, w: usize, p: usize } }
