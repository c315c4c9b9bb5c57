//! The `#[derive(ApiError)]` macro of [errcodes](https://docs.rs/errcodes).
//!
//! Use it through the `errcodes` crate, which re-exports it and holds the
//! documentation of every `#[api(...)]` attribute.
//!
//! Data flows one way: tokens -> `syn::DeriveInput` -> `ast` (the borrowed
//! model, with typed attributes from `attr`) -> `valid` (every rule checked,
//! every mistake collected in a `ctxt::Ctxt`) -> `expand`. When anything is
//! wrong, `fallback` emits our messages plus a stub impl, so the user sees no
//! cascade of follow-on errors.

mod ast;
mod attr;
mod ctxt;
mod decode;
mod expand;
mod fallback;
mod fmt;
mod generics;
#[cfg(feature = "fluent")]
mod l10n;
mod prop;
mod status;
mod symbol;
mod valid;

#[cfg(test)]
#[path = "../../fuzz/src/derive_case.rs"]
mod derive_case;
#[cfg(test)]
mod fuzz_replay;

use proc_macro::TokenStream;

/// Derives `errcodes::ApiError`; see the `errcodes` crate for the attributes.
#[proc_macro_derive(ApiError, attributes(api))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input).into()
}
