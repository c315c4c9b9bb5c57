//! `From<T>` for each `#[api(from)]` field: the variant holding it.
use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Input;

/// `impl From<Field> for Type` for each variant whose one field is
/// `#[api(from)]`, as thiserror's `#[from]` does.
pub(super) fn from_impls(input: &Input) -> TokenStream {
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    input
        .variants
        .iter()
        .filter_map(|variant| {
            let field = variant.fields.iter().find(|f| f.attrs.from.is_some())?;
            let ty = field.ty;
            let member = &field.member;
            let path = match variant.ident {
                Some(v) => quote!(Self::#v),
                None => quote!(Self),
            };
            Some(quote! {
                #[automatically_derived]
                impl #impl_generics ::core::convert::From<#ty> for #ident #ty_generics #where_clause {
                    fn from(source: #ty) -> Self {
                        #path { #member: source }
                    }
                }
            })
        })
        .collect()
}
