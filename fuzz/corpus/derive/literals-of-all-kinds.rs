enum E { #[api(status = 404.0, code = b"x", title = 'x', detail = r#"raw "quoted""#, attr = 1, header = true, kind = br"x")] A }
