//! Code generation for typed decoding on the client (the `client` feature):
//! `errcodes::client::Decode` for the type, matching a received error to a
//! variant and rebuilding the variant's fields from what the body shows.
//!
//! The impl is generated only with this crate's `client` feature, which
//! errcodes' `client` turns on. A field is
//! rebuilt from, in order: its header, its place in the detail template, its
//! meta member, its `Default`. Which of these its type supports is decided
//! where the impl is compiled (autoref specialization in
//! `__private::rebuild`), so no bound is put on the user's types.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::Member;

use crate::ast::{self, Field, Input, Variant};
use crate::fmt::{self, Template};
use crate::prop::{self, header_kind, HeaderKind};

/// How a detail reads in one locale: literal text and the variables (by
/// Fluent name) it shows, one reading per variant of each select.
pub type Reading = Vec<Said>;

/// A piece of a [`Reading`]; readings come from catalogs only, so without
/// the `fluent` feature none is built.
#[derive(Clone, PartialEq, Eq)]
#[cfg_attr(not(feature = "fluent"), allow(dead_code))]
pub enum Said {
    Text(String),
    Var(String),
}

/// The `Decode` impl; nothing unless this crate's `client` feature is on
/// (errcodes' `client` turns it on).
pub fn impl_decode(
    input: &Input,
    envelope: Option<TokenStream>,
    impl_generics: &syn::ImplGenerics,
    ty_generics: &syn::TypeGenerics,
    predicates: &[TokenStream],
    readings: &dyn Fn(&Variant) -> Vec<Reading>,
) -> TokenStream {
    if !cfg!(feature = "client") {
        return TokenStream::new();
    }
    let ident = input.ident;
    let (tries, helpers) = impl_body(input, readings);
    let preferred = envelope
        .map(|envelope| quote!(fn preferred_envelope() -> ::errcodes::Envelope { #envelope }));
    // Written out directly: `errcodes::client` always exists, and passing
    // a large impl through a `macro_rules!` costs compile time. One small
    // function per variant: the compiler works through many small bodies
    // faster than through one large one.
    quote! {
        #[automatically_derived]
        impl #impl_generics #ident #ty_generics where #(#predicates,)* {
            #helpers
        }
        #[automatically_derived]
        impl #impl_generics ::errcodes::client::Decode for #ident #ty_generics where #(#predicates,)* {
            #preferred
            fn from_received(__received: &::errcodes::ReceivedError) -> ::core::option::Option<Self> {
                #tries
                ::core::option::Option::None
            }
        }
    }
}

/// The calls `from_received` makes, one per variant, and the hidden
/// inherent functions they call.
fn impl_body(
    input: &Input,
    readings: &dyn Fn(&Variant) -> Vec<Reading>,
) -> (TokenStream, TokenStream) {
    let mut tries = TokenStream::new();
    let mut helpers = TokenStream::new();
    for (i, variant) in input.variants.iter().enumerate() {
        let block = variant_block(input, variant, variant.detail.as_ref(), &readings(variant));
        if block.is_empty() {
            continue;
        }
        let name = format_ident!("__errcodes_decode_{}", i);
        tries.extend(quote! {
            if let ::core::option::Option::Some(__decoded) = Self::#name(__received) {
                return ::core::option::Option::Some(__decoded);
            }
        });
        helpers.extend(quote! {
            #[doc(hidden)]
            #[allow(unused_imports, unused_variables, unused_labels, unreachable_code, clippy::needless_return)]
            fn #name(__received: &::errcodes::ReceivedError) -> ::core::option::Option<Self> {
                use ::errcodes::__private::rebuild::*;
                #block
                ::core::option::Option::None
            }
        });
    }
    (tries, helpers)
}

/// The path that builds the variant: `Self::V` or `Self`.
fn path(variant: &Variant) -> TokenStream {
    match variant.ident {
        Some(ident) => quote!(Self::#ident),
        None => quote!(Self),
    }
}

/// One labeled block: returns the variant when `__received` is it.
fn variant_block(
    input: &Input,
    variant: &Variant,
    template: Option<&Template>,
    readings: &[Reading],
) -> TokenStream {
    let path = path(variant);
    if variant.attrs.transparent.is_some() {
        if let Some(field) = variant.fields.first() {
            let ty = field.ty;
            let member = &field.member;
            return quote! {
                if let ::core::option::Option::Some(__inner) =
                    (&&Rebuild::<#ty>::new()).decode_inner(__received)
                {
                    return ::core::option::Option::Some(#path { #member: __inner });
                }
            };
        }
    }
    if variant.fields.iter().any(|field| borrows(field.ty)) {
        // A borrowed value cannot be rebuilt from a body that is gone when
        // decoding returns (and a default, `""` for `&str`, would stand in
        // for a value the body did not give): the variant stays unknown.
        return TokenStream::new();
    }
    let status = prop::effective_status(input, variant);
    // The canonical code the variant answers with (its `rpc_code`, the
    // type's, a `kind` that names one, else its status's), for answers that
    // came by an RPC shape: worked out here, once.
    let status_check = status.map(|status| {
        let declared = variant
            .attrs
            .rpc_code
            .or(input.attrs.rpc_code)
            .map(|code| code.0)
            .or_else(|| {
                let kind = variant.attrs.kind.as_ref()?.value();
                errcodes_rules::RPC_CODES
                    .iter()
                    .position(|name| *name == kind)
                    .filter(|n| *n > 0)
            })
            .unwrap_or(errcodes_rules::rpc_code_for_status(status));
        quote! {
            if !status_is(__received, #status, ::errcodes::rpc::Code::ALL[#declared]) {
                break '__variant;
            }
        }
    });
    let public_code = variant.attrs.code.is_some() || status.is_some_and(|s| s < 500);
    let code_check = if public_code {
        let code = prop::effective_code(input, variant);
        quote! {
            if __received.code().is_some() && !__received.is_code(#code) { break '__variant; }
        }
    } else {
        quote!(if __received.code().is_some() {
            break '__variant;
        })
    };
    let (captures, template_check) = match template.and_then(pieces) {
        Some(pieces) => {
            let each = pieces.iter().map(|piece| match piece {
                Piece::Text(text) => quote!(Piece::Text(#text)),
                Piece::Hole(_) => quote!(Piece::Hole),
            });
            let holes: Vec<&Member> = pieces
                .iter()
                .filter_map(|piece| match piece {
                    Piece::Hole(member) => Some(member),
                    Piece::Text(_) => None,
                })
                .collect();
            let count = holes.len();
            let readings = readings
                .iter()
                .filter_map(|reading| read_back(reading, &holes));
            (
                // The detail, else the one entry's (ShipStream puts a
                // member's detail there, beside a title that may be
                // localized).
                quote! {
                    let __pieces: &[Piece] = &[#(#each),*];
                    let __readings: &[(&[Piece], &[usize])] = &[#(#readings),*];
                    let __captures = __received
                        .detail()
                        .and_then(|__detail| captures_any(__detail, __pieces, __readings, #count))
                        .or_else(|| match __received.entries() {
                            [__only] => __only
                                .detail()
                                .and_then(|__detail| captures_any(__detail, __pieces, __readings, #count)),
                            _ => ::core::option::Option::None,
                        });
                },
                // Without a code to go by, the detail must read as the template.
                quote! {
                    if __received.code().is_none() && __captures.is_none() {
                        break '__variant;
                    }
                },
            )
        }
        None => (
            quote!(let __captures: ::core::option::Option<::std::vec::Vec<::core::option::Option<&str>>> = ::core::option::Option::None;),
            quote!(),
        ),
    };
    let holes: Vec<Member> = template
        .and_then(pieces)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Hole(member) => Some(member),
            Piece::Text(_) => None,
        })
        .collect();
    let fields = variant
        .fields
        .iter()
        .map(|field| rebuild_field(field, &holes));
    let members = variant.fields.iter().map(|field| {
        let member = &field.member;
        let local = format_ident!("__rebuilt_{}", ast::member_name(member));
        quote!(#member: #local)
    });
    quote! {
        '__variant: {
            #status_check
            #code_check
            #captures
            #template_check
            #(#fields)*
            return ::core::option::Option::Some(#path { #(#members),* });
        }
    }
}

/// A reading as `(&[Piece], &[hole index])`, each of its variables the
/// declared template's hole of that field; `None` when it shows a variable
/// the template does not (the catalog check forbids it) or shows nothing
/// to read back.
fn read_back(reading: &Reading, holes: &[&Member]) -> Option<TokenStream> {
    let mut pieces = Vec::new();
    let mut slots = Vec::new();
    for said in reading {
        match said {
            Said::Text(text) => pieces.push(quote!(Piece::Text(#text))),
            Said::Var(name) => {
                let slot = holes
                    .iter()
                    .position(|member| fluent_name(member) == *name)?;
                pieces.push(quote!(Piece::Hole));
                slots.push(slot);
            }
        }
    }
    (!pieces.is_empty()).then(|| quote!((&[#(#pieces),*], &[#(#slots),*])))
}

/// A field's name as a Fluent variable: its name, `arg0` for field `0`.
pub fn fluent_name(member: &Member) -> String {
    match member {
        Member::Named(_) => ast::member_name(member),
        Member::Unnamed(index) => format!("arg{}", index.index),
    }
}

/// `let __rebuilt_x: T = ...;` from the field's sources, or a break out of
/// the variant's block.
fn rebuild_field(field: &Field, holes: &[Member]) -> TokenStream {
    let ty = field.ty;
    let member = &field.member;
    let local = format_ident!("__rebuilt_{}", ast::member_name(member));
    // Each source, tried in turn: `if let` steps out of one labeled block,
    // no closures (they cost the user's compile time, per field).
    let some = quote!(::core::option::Option::Some);
    let mut sources: Vec<TokenStream> = Vec::new();
    if let Some(name) = &field.attrs.header {
        let name = name.value();
        let parse = match header_kind(ty) {
            HeaderKind::DeltaSeconds => Some(quote!(delta_seconds(&__text))),
            HeaderKind::HttpDate => Some(quote!(http_date(&__text))),
            HeaderKind::Display => Some(quote!((&&Rebuild::<#ty>::new()).parse_text(&__text))),
            HeaderKind::List => None,
        };
        if let Some(parse) = parse {
            sources.push(quote! {
                if let #some(__text) = header_text(__received, #name) {
                    if let #some(__value) = #parse { break '__field __value; }
                }
            });
        }
    }
    if let Some(index) = holes.iter().position(|m| m == member) {
        sources.push(quote! {
            if let #some(__text) = __captures.as_ref().and_then(|__c| __c.get(#index).copied().flatten()) {
                if let #some(__value) = (&&Rebuild::<#ty>::new()).parse_text(__text) { break '__field __value; }
            }
        });
    }
    if field.attrs.attr_flag.is_some() {
        sources.push(quote! {
            if let #some(__text) = location(__received) {
                if let #some(__value) = (&&Rebuild::<#ty>::new()).parse_text(&__text) { break '__field __value; }
            }
        });
    }
    if field.attrs.meta.is_some() {
        let name = field.meta_name();
        sources.push(quote! {
            if let #some(__json) = __received.meta(#name) {
                if let #some(__value) = (&&&&Rebuild::<#ty>::new()).parse_json(__json) { break '__field __value; }
            }
        });
    }
    quote! {
        let #local: #ty = '__field: {
            #(#sources)*
            match (&&Rebuild::<#ty>::new()).or_default() {
                #some(__value) => __value,
                ::core::option::Option::None => break '__variant,
            }
        };
    }
}

/// Whether `ty` borrows: a reference, or any lifetime in it.
fn borrows(ty: &syn::Type) -> bool {
    fn any(tokens: TokenStream) -> bool {
        tokens.into_iter().any(|tt| match tt {
            proc_macro2::TokenTree::Punct(p) => p.as_char() == '&' || p.as_char() == '\'',
            proc_macro2::TokenTree::Group(g) => any(g.stream()),
            _ => false,
        })
    }
    any(quote!(#ty))
}

/// A piece of a detail template: literal text, or a field written with
/// `Display` and no spec (the only placeholders read back).
enum Piece {
    Text(String),
    Hole(Member),
}

/// The template as pieces, or `None` when a placeholder has a spec (width,
/// `Debug`, ...) whose text cannot be read back reliably.
fn pieces(template: &Template) -> Option<Vec<Piece>> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = template.format.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '{' => {
                let inner: String = chars.by_ref().take_while(|&c| c != '}').collect();
                if inner.contains(':') {
                    return None;
                }
                let member = template
                    .used
                    .iter()
                    .find(|m| fmt::local(m) == inner.as_str())?
                    .clone();
                if !text.is_empty() {
                    pieces.push(Piece::Text(core::mem::take(&mut text)));
                }
                pieces.push(Piece::Hole(member));
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Some(pieces)
}
