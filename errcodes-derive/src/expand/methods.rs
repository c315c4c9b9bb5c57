//! The optional methods of the `ApiError` impl: the detail text, the
//! instance, the location, meta members, headers, the source and the errors
//! of a collection, each a `match` with one constant arm per variant.
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::LitStr;

#[cfg(feature = "fluent")]
use super::l10n::fn_l10n;
use super::settings::fn_settings;
use super::{arm_title, explicit_source, match_self, member, method, Arm, Catalogs};
use crate::ast::{Field, Input};
use crate::fmt::{self, Template};
use crate::prop::{self, header_kind, HeaderKind};

/// `fmt_detail`: the template written straight into the formatter, the
/// type's `Display` text for a 4xx without one, nothing for a 5xx without
/// one (its text may not be shown).
pub(super) fn detail_body(arms: &[Arm]) -> TokenStream {
    if arms.is_empty() {
        return quote!(match *self {});
    }
    let each = arms.iter().map(|arm| {
        if let Some(delegated) =
            arm.delegate(|inner| quote!(::errcodes::ApiError::fmt_detail(#inner, __formatter)))
        {
            return delegated;
        }
        match arm.template {
            Some(template) => template_arm(arm, template),
            None if arm.status() < 500 => {
                let pat = arm.any();
                let span = arm.variant.span_node.span();
                let title = arm_title(arm);
                let display = quote_spanned!(span=> ::errcodes::__private::DisplayDetail::fmt_display_detail(self, #title, __formatter));
                quote!(#pat => #display,)
            }
            None => {
                let pat = arm.any();
                quote!(#pat => ::core::result::Result::Ok(()),)
            }
        }
    });
    quote!(match self { #(#each)* })
}

/// An arm writing `template` into `__formatter`: one `write_str` for plain
/// text, else `write!` over the bound fields.
fn template_arm(arm: &Arm, template: &Template) -> TokenStream {
    if let Some(text) = template.plain_text() {
        let pat = arm.any();
        return quote!(#pat => __formatter.write_str(#text),);
    }
    let pat = arm.bind(&template.used);
    let format = LitStr::new(&template.format, template.lit.span());
    quote!(#pat => ::core::write!(__formatter, #format),)
}

/// An arm writing an `instance` template: like [`template_arm`], each
/// field's text percent-encoded, so the result stays a URI reference
/// whatever the values hold.
fn instance_arm(arm: &Arm, template: &Template) -> TokenStream {
    if template.plain_text().is_some() {
        return template_arm(arm, template);
    }
    let pat = arm.bind(&template.used);
    let shadows = template
        .used
        .iter()
        .filter(|m| !template.counts.contains(m))
        .map(|m| {
            let local = fmt::local(m);
            quote!(let #local = &::errcodes::__private::UriEncoded(#local);)
        });
    let format = LitStr::new(&template.format, template.lit.span());
    quote!(#pat => { #(#shadows)* ::core::write!(__formatter, #format) })
}

/// The provided methods worth overriding for this input, one function
/// each; the trait's defaults serve the rest.
pub(super) fn optional_methods(
    input: &Input,
    arms: &[Arm],
    catalogs: Option<&Catalogs>,
) -> TokenStream {
    let any_transparent = arms.iter().any(|a| a.transparent_field().is_some());
    let mut out = TokenStream::new();
    #[cfg(feature = "fluent")]
    out.extend(fn_l10n(arms, any_transparent, catalogs));
    #[cfg(not(feature = "fluent"))]
    let _ = catalogs;
    out.extend(fn_detail_str(arms, any_transparent));
    out.extend(fn_instance(arms, any_transparent));
    out.extend(fn_location(arms, any_transparent));
    out.extend(fn_errors(arms, any_transparent));
    out.extend(fn_source_error(arms, any_transparent));
    out.extend(fn_visit_meta(arms, any_transparent));
    out.extend(fn_visit_headers(arms, any_transparent));
    out.extend(fn_settings(input, arms, any_transparent));
    out
}

/// `detail_str`: the literal of each `detail` without placeholders, so
/// renderers copy it directly.
fn fn_detail_str(arms: &[Arm], any_transparent: bool) -> TokenStream {
    let plain = |a: &Arm| a.template.and_then(Template::plain_text);
    if !any_transparent && !arms.iter().any(|a| plain(a).is_some()) {
        return TokenStream::new();
    }
    let p = quote!(::errcodes::__private);
    let body = method(
        arms,
        &quote!(::errcodes::ApiError::detail_str),
        |arm| match plain(arm) {
            Some(text) => quote!(#p::Some(#text)),
            None => quote!(#p::None),
        },
    );
    quote!(fn detail_str(&self) -> #p::Option<&str> { #body })
}

/// `fmt_instance`: each `instance` template, percent-encoding its values.
fn fn_instance(arms: &[Arm], any_transparent: bool) -> TokenStream {
    if !any_transparent && !arms.iter().any(|a| a.instance.is_some()) {
        return TokenStream::new();
    }
    let api = quote!(::errcodes::ApiError);
    let p = quote!(::errcodes::__private);
    let each = arms.iter().map(|arm| {
        if let Some(d) = arm.delegate(|inner| quote!(#api::fmt_instance(#inner, __formatter))) {
            return d;
        }
        match arm.instance {
            Some(template) => instance_arm(arm, template),
            None => {
                let pat = arm.any();
                quote!(#pat => ::core::result::Result::Ok(()),)
            }
        }
    });
    let body = match_self(arms, each);
    quote! {
        fn fmt_instance(&self, __formatter: &mut #p::Formatter<'_>) -> #p::FmtResult {
            #body
        }
    }
}

/// `location`: the member an error is about (`attr`, or an `#[api(attr)]`
/// field) comes first; an explicit `pointer` / `parameter` / `header` is the
/// location when there is no member (and the JSON:API source always, see
/// [`arm_settings`]).
fn fn_location(arms: &[Arm], any_transparent: bool) -> TokenStream {
    let located = |a: &Arm| member(a).is_some() || explicit_source(a).is_some();
    if !any_transparent && !arms.iter().any(located) {
        return TokenStream::new();
    }
    let api = quote!(::errcodes::ApiError);
    let p = quote!(::errcodes::__private);
    let each = arms.iter().map(|arm| {
        if let Some(d) = arm.delegate(|inner| quote!(#api::location(#inner))) {
            return d;
        }
        let (pat, value) = member(arm).unwrap_or_else(|| {
            let value =
                explicit_source(arm).map_or_else(|| quote!(#p::None), |v| quote!(#p::Some(#v)));
            (arm.any(), value)
        });
        quote!(#pat => #value,)
    });
    let body = match_self(arms, each);
    quote! {
        fn location(&self) -> #p::Option<#p::Location<'_>> {
            #body
        }
    }
}

/// `errors`: a transparent variant stands for what its inner error stands
/// for, so a wrapped collection (`ApiErrors`) keeps its many-error shape,
/// written under this type (whose settings then apply to it).
fn fn_errors(arms: &[Arm], any_transparent: bool) -> TokenStream {
    if !any_transparent {
        return TokenStream::new();
    }
    let api = quote!(::errcodes::ApiError);
    let p = quote!(::errcodes::__private);
    let each = arms.iter().map(|arm| {
        arm.delegate(|inner| quote!(#p::errors_under(#api::errors(#inner), self)))
            .unwrap_or_else(|| {
                let pat = arm.any();
                quote!(#pat => #p::None,)
            })
    });
    let body = match_self(arms, each);
    quote! {
        fn errors(&self) -> #p::Option<#p::ErrorList<'_>> { #body }
    }
}

/// `source_error`: the `#[api(source)]` (or `from`) field.
fn fn_source_error(arms: &[Arm], any_transparent: bool) -> TokenStream {
    let has_source = |a: &Arm| a.fields_with(|f| f.attrs.is_source()).next().is_some();
    if !any_transparent && !arms.iter().any(has_source) {
        return TokenStream::new();
    }
    let api = quote!(::errcodes::ApiError);
    let p = quote!(::errcodes::__private);
    let each = arms.iter().map(|arm| {
        if let Some(d) = arm.delegate(|inner| quote!(#api::source_error(#inner))) {
            return d;
        }
        if let Some(field) = arm.fields_with(|f| f.attrs.is_source()).next() {
            let pat = arm.bind([&field.member]);
            let local = fmt::local_at(&field.member, field.ty.span());
            // Method syntax derefs, so `Box<dyn Error + Send + Sync>`
            // (no `Error` itself) reaches the impl for `dyn Error`.
            let source = quote_spanned!(field.ty.span()=> {
                use ::errcodes::__private::AsDynError as _;
                (*#local).as_dyn_error()
            });
            return quote!(#pat => #p::Some(#source),);
        }
        let pat = arm.any();
        quote!(#pat => #p::None,)
    });
    let body = match_self(arms, each);
    quote! {
        fn source_error(&self) -> #p::Option<&(dyn ::std::error::Error + 'static)> {
            #body
        }
    }
}

/// `visit_meta`: each `#[api(meta)]` field under its member name.
fn fn_visit_meta(arms: &[Arm], any_transparent: bool) -> TokenStream {
    visit_method(
        arms,
        any_transparent,
        &quote!(visit_meta),
        &quote!(MetaVisitor),
        |f| f.attrs.meta.is_some(),
        |field, local| {
            let name = field.meta_name();
            // A `Duration` as whole seconds, the number `Retry-After` says.
            let value = if prop::is_std_duration(field.ty) {
                quote_spanned!(field.ty.span()=> &::errcodes::__private::MetaSeconds(#local))
            } else {
                quote_spanned!(field.ty.span()=> ::errcodes::__private::meta_value(#local))
            };
            quote!(__visitor.visit(#name, #value);)
        },
    )
}

/// `visit_headers`: each `#[api(header = "...")]` field, its value written
/// by its type (delta-seconds, HTTP-date, a list, or `Display`).
fn fn_visit_headers(arms: &[Arm], any_transparent: bool) -> TokenStream {
    let p = quote!(::errcodes::__private);
    visit_method(
        arms,
        any_transparent,
        &quote!(visit_headers),
        &quote!(HeaderVisitor),
        |f| f.attrs.header.is_some(),
        |field, local| {
            let name = field
                .attrs
                .header
                .as_ref()
                .map(|lit| lit.value().to_ascii_lowercase())
                .unwrap_or_default();
            let span = field.ty.span();
            let value = match header_kind(field.ty) {
                HeaderKind::Display => {
                    quote_spanned!(span=> ::errcodes::__private::header_value(#local))
                }
                HeaderKind::DeltaSeconds => {
                    quote_spanned!(span=> &::errcodes::__private::DeltaSeconds(#local))
                }
                HeaderKind::HttpDate => {
                    quote_spanned!(span=> &::errcodes::__private::HttpDate(#local))
                }
                HeaderKind::List => {
                    quote_spanned!(span=> &::errcodes::__private::HeaderList(#local))
                }
            };
            quote! {{
                static __NAME: #p::HeaderName = #p::HeaderName::from_static(#name);
                __visitor.visit(&__NAME, #value);
            }}
        },
    )
}

/// `visit_meta` / `visit_headers`: one call per marked field, delegation
/// for transparent variants, nothing for the rest.
fn visit_method(
    arms: &[Arm],
    any_transparent: bool,
    name: &TokenStream,
    visitor: &TokenStream,
    marked: impl Fn(&Field) -> bool + Copy,
    call: impl Fn(&Field, &proc_macro2::Ident) -> TokenStream,
) -> TokenStream {
    if !any_transparent && !arms.iter().any(|a| a.variant.fields.iter().any(marked)) {
        return TokenStream::new();
    }
    let p = quote!(::errcodes::__private);
    let each = arms.iter().map(|arm| {
        if let Some(d) =
            arm.delegate(|inner| quote!(::errcodes::ApiError::#name(#inner, __visitor)))
        {
            return d;
        }
        let fields: Vec<&Field> = arm.fields_with(marked).collect();
        let pat = arm.bind(fields.iter().map(|f| &f.member));
        let calls = fields
            .iter()
            .map(|f| call(f, &fmt::local_at(&f.member, f.ty.span())));
        quote!(#pat => { #(#calls)* })
    });
    let body = if arms.is_empty() {
        quote!(match *self {})
    } else {
        quote!(match self { #(#each)* })
    };
    quote! {
        fn #name(&self, __visitor: &mut dyn #p::#visitor) {
            #body
        }
    }
}
