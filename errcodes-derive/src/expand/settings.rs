//! `settings()`: the type's `#[api(...)]` settings as one constant, each
//! variant's own on top, a transparent variant's inner error's under them.
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{envelope_expr, explicit_source, match_self, member, Arm};
use crate::ast::Input;
use crate::prop;

/// The type's settings as a constant expression: `Settings::new()` and one
/// call per `#[api(...)]` setting on the type; empty when it sets none.
pub(super) fn type_settings(input: &Input) -> TokenStream {
    let p = quote!(::errcodes::__private);
    let a = &input.attrs;
    let mut calls = TokenStream::new();
    if let Some(envelope) = envelope_expr(input) {
        calls.extend(quote!(.envelope(#envelope)));
    }
    if a.fixed_envelope.is_some() {
        calls.extend(quote!(.fixed_envelope(true)));
    }
    if a.open_codes.is_some() {
        calls.extend(quote!(.open_codes(true)));
    }
    if let Some(lit) = &a.type_base {
        calls.extend(quote!(.type_base(#lit)));
    }
    if let Some(lit) = &a.pointer_prefix {
        calls.extend(quote!(.pointer_prefix(#lit)));
    }
    if let Some(lit) = &a.domain {
        calls.extend(quote!(.domain(#lit)));
    }
    if a.no_code.is_some() {
        calls.extend(quote!(.redact_code(true)));
    }
    if let Some(style) = a.problem_style {
        let style = format_ident!("{}", style.0);
        calls.extend(quote!(.problem_style(#p::ProblemStyle::#style)));
    }
    if let Some((_, retry)) = a.retry {
        let retry = format_ident!("{}", retry.0);
        calls.extend(quote!(.retry(#p::Retry::#retry)));
    }
    if let Some(code) = a.rpc_code {
        let number = code.0;
        calls.extend(quote!(.rpc_code(::errcodes::rpc::Code::ALL[#number])));
    }
    if calls.is_empty() {
        TokenStream::new()
    } else {
        quote!(#p::Settings::new() #calls)
    }
}

/// What a variant adds to the type's settings, as method calls: its
/// redaction (a 5xx's default code and missing detail are kept from
/// clients), `no_code`, `log`, `kind`, and the explicit JSON:API source of a
/// variant that also names a member.
pub(super) fn arm_settings(arm: &Arm) -> TokenStream {
    let p = quote!(::errcodes::__private);
    let v = &arm.variant.attrs;
    if arm.transparent_field().is_some() {
        return TokenStream::new();
    }
    let server = arm.status() >= 500;
    let mut calls = TokenStream::new();
    if !prop::code_sent(arm.input, arm.variant) {
        calls.extend(quote!(.redact_code(true)));
    }
    if server && arm.template.is_none() {
        calls.extend(quote!(.redact_detail(true)));
    }
    if let Some(level) = v.log {
        let level = format_ident!("{}", level.0);
        calls.extend(quote!(.log(#p::LogLevel::#level)));
    }
    if let Some(lit) = &v.kind {
        calls.extend(quote!(.kind(#lit)));
    }
    if let Some((_, retry)) = v.retry {
        let retry = format_ident!("{}", retry.0);
        calls.extend(quote!(.retry(#p::Retry::#retry)));
    }
    if let Some(code) = v.rpc_code {
        let number = code.0;
        calls.extend(quote!(.rpc_code(::errcodes::rpc::Code::ALL[#number])));
    }
    if member(arm).is_some() {
        if let Some(source) = explicit_source(arm) {
            calls.extend(quote!(.jsonapi_source(#source)));
        }
    }
    calls
}

/// `settings`: the type's settings as a constant, each variant's own on
/// top (a constant too), and a transparent variant's inner error's settings
/// under the type's.
pub(super) fn fn_settings(input: &Input, arms: &[Arm], any_transparent: bool) -> TokenStream {
    let p = quote!(::errcodes::__private);
    let base = type_settings(input);
    let per_arm: Vec<TokenStream> = arms.iter().map(arm_settings).collect();
    if base.is_empty() && !any_transparent && per_arm.iter().all(TokenStream::is_empty) {
        return TokenStream::new();
    }
    let base = if base.is_empty() {
        quote!(#p::Settings::new())
    } else {
        base
    };
    let each = arms.iter().zip(&per_arm).map(|(arm, calls)| {
        if let Some(d) = arm.delegate(|inner| {
            quote!(#p::transparent_settings(__TYPE, ::errcodes::ApiError::settings(#inner)))
        }) {
            return d;
        }
        let pat = arm.any();
        if calls.is_empty() {
            quote!(#pat => __TYPE,)
        } else {
            quote!(#pat => const { __TYPE #calls },)
        }
    });
    let body = match_self(arms, each);
    quote! {
        fn settings(&self) -> #p::Settings<'_> {
            const __TYPE: #p::Settings<'static> = #base;
            #body
        }
    }
}
