enum E { #[api(status = 400, detail = "{a:#?} {a:x} {a:e} {a:+08.3} {a:^<5} {a:$>3} {a:.*} {a:1$} {a:w$}")] A { a: f64 } }
