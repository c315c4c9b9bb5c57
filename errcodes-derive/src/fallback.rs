//! What the derive emits when the input has mistakes: our messages, plus
//! stub impls so that uses of the type elsewhere raise no follow-on errors
//! ("the trait `ApiError` is not implemented", or a handler returning the
//! type that "is not a `Handler`"): `ApiError`, an empty `Catalog` and, for
//! a type without generics (whose bounds only a valid input tells), the
//! framework impls of the enabled features.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

pub fn expand(node: &DeriveInput, errors: &syn::Error) -> TokenStream {
    let compile_errors = errors.to_compile_error();
    if let syn::Data::Union(_) = node.data {
        return compile_errors;
    }
    let ident = &node.ident;
    let (impl_generics, ty_generics, where_clause) = node.generics.split_for_impl();
    let frameworks = node.generics.params.is_empty().then(|| {
        let displays = crate::ast::has_error_attr(node).then(|| quote!(display));
        let name = ident.to_string();
        quote! {
            #[automatically_derived]
            impl ::errcodes::Catalog for #ident {
                const CATALOG: &'static [::errcodes::CatalogEntry] = &[];
            }
            ::errcodes::__private::impl_axum! { {} {#ident} {} }
            ::errcodes::__private::impl_actix! { {} {#ident} {} {#displays} }
            #[automatically_derived]
            impl ::errcodes::__private::Examples for #ident {
                fn example(_: &str) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }
            }
            ::errcodes::__private::impl_utoipa! { {} {#ident} {} {#name} {} }
            ::errcodes::__private::impl_tonic! { {} {#ident} {} }
        }
    });
    quote! {
        #compile_errors
        #frameworks
        #[automatically_derived]
        impl #impl_generics ::errcodes::ApiError for #ident #ty_generics #where_clause {
            fn status(&self) -> ::errcodes::__private::StatusCode {
                ::core::unimplemented!()
            }
            fn code(&self) -> &str {
                ::core::unimplemented!()
            }
            fn title(&self) -> &str {
                ::core::unimplemented!()
            }
            fn fmt_detail(&self, _: &mut ::errcodes::__private::Formatter<'_>) -> ::errcodes::__private::FmtResult {
                ::core::unimplemented!()
            }
        }
    }
}
