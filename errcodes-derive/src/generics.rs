//! The bounds of a generic type's impls: each type parameter a variant's
//! detail, meta, headers or transparent inner error uses gets the bound that
//! use needs, and nothing else.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned, ToTokens};

use syn::spanned::Spanned;
use syn::Member;

use crate::ast::Input;
use crate::prop::{self, header_kind, HeaderKind};

/// The input's where predicates plus bounds on generic field types for each
/// use the generated code makes of them.
pub(crate) fn where_predicates(input: &Input) -> Vec<TokenStream> {
    let params: Vec<String> = input
        .generics
        .type_params()
        .map(|t| t.ident.to_string())
        .collect();
    let mut bounds: Vec<TokenStream> = Vec::new();
    let mut add = |ty: &syn::Type, bound: TokenStream| {
        if mentions_param(ty.to_token_stream(), &params) {
            let span = ty.span();
            bounds.push(quote_spanned!(span=> #ty: #bound));
        }
    };
    for variant in &input.variants {
        let field_of = |m: &Member| variant.fields.iter().find(|f| f.member == *m);
        for template in variant.detail.iter().chain(variant.instance.iter()) {
            for (member, trait_name) in &template.traits {
                if let Some(field) = field_of(member) {
                    let trait_ident = format_ident!("{}", trait_name);
                    add(field.ty, quote!(::core::fmt::#trait_ident));
                }
            }
        }
        for field in &variant.fields {
            if variant.attrs.transparent.is_some() {
                add(field.ty, quote!(::errcodes::ApiError));
            }
            if field.attrs.meta.is_some() {
                add(field.ty, quote!(::errcodes::__private::MetaField));
            }
            if field.attrs.header.is_some() {
                match header_kind(field.ty) {
                    HeaderKind::List => add(field.ty, quote!(::errcodes::__private::HeaderItems)),
                    HeaderKind::Display => {
                        add(field.ty, quote!(::errcodes::__private::HeaderField))
                    }
                    // Concrete std types: nothing generic to bound.
                    HeaderKind::DeltaSeconds | HeaderKind::HttpDate => {}
                }
            }
            if field.attrs.attr_flag.is_some() {
                add(field.ty, quote!(::errcodes::__private::AttrField));
            }
        }
    }
    if !params.is_empty()
        && input
            .variants
            .iter()
            .any(|variant| prop::uses_display(input, variant))
    {
        let ident = input.ident;
        let (_, ty_generics, _) = input.generics.split_for_impl();
        bounds.push(quote!(#ident #ty_generics: ::core::fmt::Display));
    }
    let existing = input
        .generics
        .where_clause
        .iter()
        .flat_map(|w| &w.predicates);
    existing
        .map(ToTokens::to_token_stream)
        .chain(bounds)
        .collect()
}

fn mentions_param(tokens: TokenStream, params: &[String]) -> bool {
    tokens.into_iter().any(|tt| match tt {
        proc_macro2::TokenTree::Ident(ident) => params.iter().any(|p| ident == p),
        proc_macro2::TokenTree::Group(group) => mentions_param(group.stream(), params),
        _ => false,
    })
}
