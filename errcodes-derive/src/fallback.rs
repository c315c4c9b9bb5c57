//! What the derive emits when the input has mistakes: our messages, plus a
//! stub impl so that uses of the type elsewhere raise no follow-on errors
//! ("the trait `ApiError` is not implemented").

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
    quote! {
        #compile_errors
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
