//! `impl Catalog`: each variant as data (status, code, title, type URI,
//! location, meta, headers, settings), decided at compile time.
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::LitStr;

use super::settings::{arm_settings, type_settings};
use super::{Arm, Catalogs};
use crate::ast::{self, Input};
use crate::{prop, status};

/// `impl Catalog`: each variant as data, decided here, at compile time.
pub(super) fn catalog_impl(
    input: &Input,
    arms: &[Arm],
    catalogs: Option<&Catalogs>,
) -> TokenStream {
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let p = quote!(::errcodes::__private);
    let base = type_settings(input);
    let entries = arms.iter().map(|arm| {
        let v = &arm.variant.attrs;
        let variant = prop::variant_name(arm.input, arm.variant);
        if let Some(field) = arm.transparent_field() {
            let inner = prop::type_text(field.ty);
            return quote!(#p::transparent_entry(#variant, #inner));
        }
        let status = arm.status();
        let code = prop::effective_code(arm.input, arm.variant);
        let code_sent = prop::code_sent(input, arm.variant);
        let title = v
            .title
            .as_ref()
            .map_or_else(|| status::default_title(status).to_owned(), LitStr::value);
        // Each fact the variant declares wraps the entry in one call.
        let mut calls: Vec<(&str, TokenStream)> = Vec::new();
        if let Some(base) = input.attrs.type_base.as_ref().filter(|_| code_sent) {
            let uri = format!("{}{code}", base.value());
            calls.push(("entry_type_uri", quote!(#uri)));
        }
        if let Some(lit) = &v.detail {
            calls.push(("entry_detail", quote!(#lit)));
        }
        if let Some(lit) = &v.instance {
            calls.push(("entry_instance", quote!(#lit)));
        }
        let runtime_attr = arm
            .fields_with(|f| f.attrs.attr_flag.is_some())
            .next()
            .map(|f| ("attr field", ast::member_name(&f.member)));
        let location = [
            ("attr", &v.attr_name),
            ("pointer", &v.pointer),
            ("parameter", &v.parameter),
            ("header", &v.header),
        ]
        .into_iter()
        .find_map(|(kind, lit)| lit.as_ref().map(|lit| (kind, lit.value())))
        .or(runtime_attr);
        if let Some((kind, value)) = location {
            calls.push(("entry_location", quote!(#kind, #value)));
        }
        if let Some(lit) = &v.kind {
            calls.push(("entry_kind", quote!(#lit)));
        }
        let headers: Vec<String> = arm
            .fields_with(|f| f.attrs.header.is_some())
            .filter_map(|f| f.attrs.header.as_ref().map(LitStr::value))
            .collect();
        let meta: Vec<String> = arm
            .fields_with(|f| f.attrs.meta.is_some())
            .map(|f| f.meta_name())
            .collect();
        let meta_types: Vec<String> = arm
            .fields_with(|f| f.attrs.meta.is_some())
            .map(|f| prop::json_type(f.ty))
            .collect();
        if !headers.is_empty() || !meta.is_empty() {
            calls.push((
                "entry_fields",
                quote!(&[#(#headers),*], &[#(#meta),*], &[#(#meta_types),*]),
            ));
        }
        let own = arm_settings(arm);
        if !base.is_empty() || !own.is_empty() {
            let base = if base.is_empty() {
                quote!(#p::Settings::new())
            } else {
                base.clone()
            };
            calls.push(("entry_settings", quote!(#base #own)));
        }
        calls.into_iter().fold(
            quote!(#p::entry(#variant, #status, #code, #title)),
            |entry, (name, args)| {
                let name = format_ident!("{}", name);
                if args.is_empty() {
                    quote!(#p::#name(#entry))
                } else {
                    quote!(#p::#name(#entry, #args))
                }
            },
        )
    });
    let settings =
        (!base.is_empty()).then(|| quote!(const SETTINGS: #p::Settings<'static> = #base;));
    #[cfg(feature = "fluent")]
    let messages = catalogs.map(|catalogs| {
        let declared = super::l10n::messages_static(catalogs);
        quote!(const MESSAGES: #p::Option<&'static #p::Messages> = { #declared #p::Some(&__MESSAGES) };)
    });
    #[cfg(not(feature = "fluent"))]
    let messages: Option<TokenStream> = catalogs.map(|never| match *never {});
    quote! {
        #[automatically_derived]
        impl #impl_generics #p::Catalog for #ident #ty_generics #where_clause {
            const CATALOG: &'static [#p::CatalogEntry] = &[#(#entries),*];
            #settings
            #messages
        }
    }
}

/// `impl Examples`: each variant one of whose fields declares an `example`
/// (and every field one), built from them, so documents render it as the
/// wire would. The construction checks each value against its field's
/// type: a string literal goes through `From<&str>`, others stand as they
/// are.
pub(super) fn impl_examples(input: &Input, arms: &[Arm]) -> TokenStream {
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let p = quote!(::errcodes::__private);
    let each = arms.iter().filter_map(|arm| {
        if arm.transparent_field().is_some()
            || arm.variant.fields.is_empty()
            || arm.variant.fields.iter().any(|f| f.attrs.example.is_none())
        {
            return None;
        }
        let path = arm.path();
        let variant = prop::variant_name(arm.input, arm.variant);
        let inits = arm.variant.fields.iter().map(|f| {
            let member = &f.member;
            let value = match &f.attrs.example {
                Some(syn::Lit::Str(lit)) => {
                    quote_spanned!(lit.span()=> ::core::convert::From::from(#lit))
                }
                Some(lit) => quote!(#lit),
                None => quote!(::core::unreachable!()),
            };
            quote!(#member: #value)
        });
        Some(quote!(#variant => #p::Some(#path { #(#inits),* }),))
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics #p::Examples for #ident #ty_generics #where_clause {
            fn example(variant: &str) -> #p::Option<Self> {
                match variant {
                    #(#each)*
                    _ => #p::None,
                }
            }
        }
    }
}
