//! Everything localization generates (feature `fluent`): the type's
//! catalogs read and checked, `message` and `impl MessageArgs`, and the
//! readings a client decodes localized details with. Reading and checking
//! the catalogs themselves is `crate::l10n`'s.
#[cfg(feature = "fluent")]
use proc_macro2::TokenStream;
#[cfg(feature = "fluent")]
use quote::quote;
#[cfg(feature = "fluent")]
use syn::Member;

#[cfg(feature = "fluent")]
use super::{match_self, Arm};
use crate::ast::{Input, Variant};
use crate::ctxt::Ctxt;
use crate::decode;
#[cfg(feature = "fluent")]
use crate::{fmt, prop};

/// The type's message catalogs (`locales = "..."`), read and checked.
#[cfg(feature = "fluent")]
pub(super) fn catalogs(cx: &Ctxt, input: &Input) -> Option<Catalogs> {
    let lit = input.attrs.locales.as_ref()?;
    let catalogs = crate::l10n::load(cx, input, lit)?;
    crate::l10n::check(cx, input, &catalogs, lit);
    Some(catalogs)
}

/// Without the `fluent` feature a type cannot declare catalogs.
#[cfg(not(feature = "fluent"))]
pub(super) fn catalogs(cx: &Ctxt, input: &Input) -> Option<Catalogs> {
    if let Some(lit) = &input.attrs.locales {
        cx.error_spanned_by(
            lit,
            "`locales` needs errcodes' `fluent` feature: `errcodes = { version = \"0.1\", features = [\"fluent\"] }`",
        );
    }
    None
}

/// How a variant's detail reads in each locale of the type's catalogs.
#[cfg(feature = "fluent")]
pub(super) fn readings(
    input: &Input,
    catalogs: Option<&Catalogs>,
    variant: &Variant,
) -> Vec<decode::Reading> {
    catalogs.map_or_else(Vec::new, |c| {
        c.readings(&prop::effective_code(input, variant))
    })
}

#[cfg(not(feature = "fluent"))]
pub(super) fn readings(_: &Input, _: Option<&Catalogs>, _: &Variant) -> Vec<decode::Reading> {
    Vec::new()
}

#[cfg(feature = "fluent")]
pub(super) use crate::l10n::Catalogs;

/// The `static` holding the type's catalogs, each file embedded with
/// `include_str!` (so a changed catalog rebuilds the crate).
#[cfg(feature = "fluent")]
pub(super) fn messages_static(catalogs: &Catalogs) -> TokenStream {
    let p = quote!(::errcodes::__private);
    let fallback = &catalogs.fallback;
    let sources = catalogs.locales.iter().flat_map(|locale| {
        let tag = &locale.tag;
        locale.files.iter().map(move |file| {
            let path = file.to_string_lossy().into_owned();
            quote!((#tag, ::core::include_str!(#path)))
        })
    });
    quote! {
        static __MESSAGES: #p::Messages = #p::Messages::new(#fallback, &[#(#sources),*]);
    }
}

/// Without the `fluent` feature there are no catalogs.
#[cfg(not(feature = "fluent"))]
pub(super) enum Catalogs {}

/// `message`: the type's catalogs keyed by the variant's code, with the
/// type itself as the arguments (see [`impl_message_args`]); a transparent
/// variant's inner error's message, whole.
#[cfg(feature = "fluent")]
pub(super) fn fn_l10n(
    arms: &[Arm],
    any_transparent: bool,
    catalogs: Option<&Catalogs>,
) -> TokenStream {
    if catalogs.is_none() && !any_transparent {
        return TokenStream::new();
    }
    let p = quote!(::errcodes::__private);
    let each = arms.iter().map(|arm| {
        if let Some(d) = arm.delegate(|inner| quote!(::errcodes::ApiError::message(#inner))) {
            return d;
        }
        let pat = arm.any();
        if catalogs.is_some() {
            quote!(#pat => #p::message(<Self as #p::Catalog>::MESSAGES, ::errcodes::ApiError::code(self), self),)
        } else {
            quote!(#pat => #p::None,)
        }
    });
    let body = match_self(arms, each);
    quote! {
        fn message(&self) -> #p::Option<#p::Message<'_>> {
            #body
        }
    }
}

/// `impl MessageArgs` for a type with catalogs: each field a variant's
/// `detail` template reads, a number as a number so plural rules apply.
#[cfg(feature = "fluent")]
pub(super) fn impl_message_args(
    arms: &[Arm],
    catalogs: Option<&Catalogs>,
    header: &TokenStream,
) -> TokenStream {
    if catalogs.is_none() {
        return TokenStream::new();
    }
    let p = quote!(::errcodes::__private);
    let each = arms.iter().map(|arm| {
        let used: Vec<&Member> = if arm.transparent_field().is_some() {
            Vec::new()
        } else {
            arm.template
                .map(|t| t.used.iter().collect())
                .unwrap_or_default()
        };
        let pat = arm.bind(used.iter().copied());
        let calls = used.iter().map(|member| {
            let name = crate::l10n::variable(member);
            let local = fmt::local(member);
            quote!(__visitor.visit(#name, (&&&#p::ArgOf(#local)).arg());)
        });
        quote!(#pat => { #(#calls)* })
    });
    let body = match_self(arms, each);
    quote! {
        #[automatically_derived]
        #header {
            fn visit_args(&self, __visitor: &mut dyn #p::ArgVisitor) {
                #[allow(unused_imports)]
                use #p::{ArgByDisplay as _, ArgByNumber as _};
                #body
            }
        }
    }
}
