//! One derive fuzz case: text parsed as a `#[derive(ApiError)]` input and
//! expanded. Panics when the derive panics, or when what it emits is not
//! Rust items (our errors are `compile_error!` plus a stub, both items).
//! Shared by the `derive` fuzz target and the derive crate's corpus replay
//! test, which pass in the derive's entry function.

use proc_macro2::TokenStream;

/// Expands `data` (read as lossy UTF-8) with `derive`, if it parses as a
/// derive input at all.
pub fn check(data: &[u8], derive: impl Fn(&syn::DeriveInput) -> TokenStream) {
    let text = String::from_utf8_lossy(data);
    let Ok(tokens) = text.parse::<TokenStream>() else {
        return;
    };
    let Ok(input) = syn::parse2::<syn::DeriveInput>(tokens) else {
        return;
    };
    let output = derive(&input);
    if let Err(e) = syn::parse2::<syn::File>(output.clone()) {
        panic!("the derive emitted something that is not items ({e}): {output}");
    }
}
