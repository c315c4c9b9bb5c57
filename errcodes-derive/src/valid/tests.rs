//! Parsing and validation run in process on `parse_quote!` inputs: each case
//! asserts the exact messages and how many there are.

use syn::parse_quote;

use crate::ast::Input;
use crate::ctxt::Ctxt;

/// Every message the derive reports for `input`, in order.
fn messages(input: &syn::DeriveInput) -> Vec<String> {
    let cx = Ctxt::new();
    if let Some(parsed) = Input::from_syn(&cx, input) {
        super::check(&cx, &parsed);
    }
    match cx.check() {
        Ok(()) => Vec::new(),
        Err(err) => err.into_iter().map(|e| e.to_string()).collect(),
    }
}

/// The corpus the runtime's tests read too (`tests/tests/test_rules.rs`):
/// every value gets the verdict written beside it, here at compile time.
#[test]
fn the_shared_corpus_gets_the_same_verdicts() {
    let mut checked = 0;
    for (kind, accepted, value) in errcodes_rules::corpus::cases() {
        let source = match kind {
            "code" => format!("#[api(status = 404, code = {value:?})] struct E;"),
            "type_base" => format!("#[api(type_base = {value:?}, status = 404)] struct E;"),
            "pointer" => format!("#[api(pointer_prefix = {value:?}, status = 404)] struct E;"),
            "header" => {
                format!("#[api(status = 429)] struct E {{ #[api(header = {value:?})] h: u32 }}")
            }
            other => panic!("unknown kind `{other}` in the corpus"),
        };
        let input: syn::DeriveInput = syn::parse_str(&source).unwrap();
        assert_eq!(
            messages(&input).is_empty(),
            accepted,
            "{kind} `{value}`: {:?}",
            messages(&input)
        );
        checked += 1;
    }
    assert!(checked >= 30, "the corpus shrank to {checked} values");
}

#[test]
fn a_correct_enum_has_no_errors() {
    let input = parse_quote! {
        #[api(envelope = "jsonapi", type_base = "https://errors.example.com/", status = 400)]
        enum E {
            #[api(code = "required", attr = "name", detail = "This field is required.")]
            Missing,
            #[api(status = 409, detail = "user {email} exists ({0:?})")]
            Duplicate { email: String, #[api(meta)] version: u32 },
            #[api(status = StatusCode::TOO_MANY_REQUESTS)]
            Limited(#[api(header = "Retry-After")] u32),
            #[api(transparent)]
            Inner(Other),
            #[api(status = 404, code = "missing")]
            AlsoMissing,
            #[api(status = 404, code = "missing")]
            MissingAgain,
        }
    };
    // `{0:?}` on a named variant is the one mistake here.
    assert_eq!(
        messages(&input),
        ["positional placeholder `{0}` in `Duplicate`, which has named fields; use a field name, e.g. `{email}`"]
    );
}

#[test]
fn every_mistake_is_reported_in_one_pass() {
    let input = parse_quote! {
        #[api(envelope = "jsnoapi", type_base = "errors")]
        enum E {
            #[api(stauts = 404)]
            A,
            #[api(status = 200, code = "b c", title = "T {x}")]
            B { x: u8 },
            #[api(status = 400, detail = "{missing}", pointer = "/a", parameter = "p")]
            C { present: u8 },
            #[api(status = 400)]
            D(#[api(meta)] u8, #[api(source)] u8, #[api(source)] u8),
        }
    };
    let got = messages(&input);
    // `parse_quote!` spans carry no positions, so this is the order the
    // stages find the mistakes in (templates with the model, then the
    // rules); in a real compile, `Ctxt::check` sorts them by position.
    assert_eq!(
        got,
        [
            "unknown api attribute `stauts`; did you mean `status`?",
            "`{missing}` names no field of `C`; `C` has `present`",
            "unknown envelope `jsnoapi`; did you mean `jsonapi`?",
            "`type_base` must be an absolute URI such as `https://errors.example.com/`, found `errors`",
            "status 200 is not an error status; ApiError statuses are 4xx or 5xx",
            "`code` may use only letters, digits, `_`, `.` and `-`, found ' ' in `b c`",
            "`title` is the same for every occurrence and takes no placeholders; move the `{...}` into `detail`",
            "`parameter` conflicts with `pointer`; an error has one JSON:API source, so keep one of them",
            "a tuple field has no name to use in `meta`; write `#[api(meta = \"name\")]`",
            "only one field can be `#[api(source)]`; keep the direct cause",
        ]
    );
}

#[test]
fn misplaced_and_repeated_keys() {
    let input = parse_quote! {
        #[api(code = "x", meta)]
        enum E {
            #[api(status = 404, status = 410, envelope = "drf")]
            A(#[api(status = 400, attr)] String),
        }
    };
    assert_eq!(
        messages(&input),
        [
            "`code` goes on a variant, not on the type",
            "`meta` goes on a field, not on the type: `#[api(meta)] name: Type`",
            // One error per mistake, naming the first place in its text.
            "duplicate api attribute `status`: it is already set on line 1; remove one of them",
            "`envelope` goes on the type, not on a variant",
            "`status` goes on a variant or on the type, not on a field",
        ]
    );
}

#[test]
fn values_of_the_wrong_kind() {
    let input = parse_quote! {
        enum E {
            #[api(status = "abc", code = 5, transparent = true, detail)]
            A { #[api(meta = 1)] m: u8 },
        }
    };
    assert_eq!(
        messages(&input),
        [
            "`status` takes a number such as `404` or a constant such as `StatusCode::NOT_FOUND`, found `\"abc\"`",
            "`code` takes a string literal, found `5`; write `code = \"not_found\"`",
            "`transparent` takes no value; write `#[api(transparent)]`",
            "`detail` needs a value; write `detail = \"order {id} not found\"`",
            "`meta` takes a string literal, found `1`; write `meta = \"retry_after\"`",
        ]
    );
}

#[test]
fn statuses() {
    let cases: [(syn::DeriveInput, &str); 6] = [
        (parse_quote!(#[api(status = 302)] struct S;), "status 302 is not an error status; ApiError statuses are 4xx or 5xx"),
        (parse_quote!(#[api(status = 99)] struct S;), "`99` is not an HTTP status code; use a number from 400 to 599"),
        (parse_quote!(#[api(status = 600)] struct S;), "`600` is not an HTTP status code; use a number from 400 to 599"),
        (parse_quote!(#[api(status = StatusCode::NOT_FUOND)] struct S;), "`NOT_FUOND` is not an `http::StatusCode` constant; did you mean `StatusCode::NOT_FOUND`?"),
        (parse_quote!(#[api(status = StatusCode::OK)] struct S;), "status 200 is not an error status; ApiError statuses are 4xx or 5xx"),
        (parse_quote!(#[api(detail = "x")] struct S;), "`S` needs a status; add `#[api(status = 400)]`"),
    ];
    for (input, want) in cases {
        assert_eq!(messages(&input), [want]);
    }
}

#[test]
fn codes_with_two_statuses() {
    let input = parse_quote! {
        enum E {
            #[api(status = 404)]
            NotFound,
            #[api(status = 404, code = "not_found")]
            Missing,
            #[api(status = 410, code = "not_found")]
            Gone,
        }
    };
    assert_eq!(
        messages(&input),
        ["code `not_found` has status 410 here but 404 on `NotFound`; one code must always mean one status"]
    );
}

#[test]
fn templates() {
    let cases: [(syn::DeriveInput, &str); 5] = [
        (parse_quote!(enum E { #[api(status = 400, detail = "a {b")] V { b: u8 } }), "unclosed `{` in `a {b`; close it with `}`, or write `{{` for a literal brace"),
        (parse_quote!(enum E { #[api(status = 400, detail = "a } b")] V }), "unmatched `}` in `a } b`; write `}}` for a literal brace"),
        (parse_quote!(enum E { #[api(status = 400, detail = "{}")] V(u8) }), "`{}` does not say which field to show; name it, e.g. `{0}`"),
        (parse_quote!(enum E { #[api(status = 400, detail = "{2}")] V(u8) }), "`{2}` names no field of `V`; did you mean `{0}`?"),
        (parse_quote!(enum E { #[api(status = 502, detail = "{0}")] V(#[api(source)] Io) }), "`{0}` is the `#[api(source)]` error, which is never shown to clients; describe the problem without it"),
    ];
    for (input, want) in cases {
        assert_eq!(messages(&input), [want]);
    }
}

#[test]
fn transparent_stands_alone() {
    let input = parse_quote! {
        enum E {
            #[api(transparent, status = 500, code = "x")]
            A(Inner, u8),
        }
    };
    assert_eq!(
        messages(&input),
        [
            "`transparent` needs exactly one field, the inner error, but `A` has 2",
            "`transparent` takes everything from the inner error, so it cannot be combined with `status`",
            "`transparent` takes everything from the inner error, so it cannot be combined with `code`",
        ]
    );
}

#[test]
fn unions_and_empty_enums() {
    let union: syn::DeriveInput = parse_quote!(union U { a: u8 });
    assert_eq!(
        messages(&union),
        ["ApiError cannot be derived for a union; use an enum or a struct"]
    );
    let empty: syn::DeriveInput = parse_quote!(
        enum Never {}
    );
    assert!(messages(&empty).is_empty());
}
