//! Code generation: the `ApiError` impl, with every status, code, title and
//! content decision made here, at compile time, as constants in match arms.
//! This module runs the pipeline (parse, validate, expand) and writes the
//! impl's required methods; each of its files writes one part:
//!
//! | file | what it generates |
//! |---|---|
//! | `methods.rs` | the optional methods: detail text, instance, location, meta, headers, source, errors |
//! | `settings.rs` | `settings()`: the type's and each variant's `Settings` as constants |
//! | `catalog.rs` | `impl Catalog`: each variant as data |
//! | `from.rs` | `From` impls of `#[api(from)]` fields |
//! | `l10n.rs` | everything of localization: catalogs, message arguments, readings |
//!
//! The bounds of generic types are `crate::generics`'.

mod catalog;
mod from;
mod l10n;
mod methods;
mod settings;

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DeriveInput, Member};

use crate::ast::{Field, Input, Variant};
use crate::attr::EnvelopeAttr;
use crate::ctxt::Ctxt;
use crate::fmt::{self, Template};
use crate::generics::where_predicates;
use crate::prop;
use crate::{decode, fallback, status, valid};
use catalog::catalog_impl;
use from::from_impls;
use l10n::{catalogs, readings, Catalogs};
use methods::{detail_body, optional_methods};

/// The derive: parse, validate, expand; or our errors plus a stub.
pub fn derive(node: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let input = Input::from_syn(&cx, node);
    if let Some(input) = &input {
        valid::check(&cx, input);
    }
    let catalogs = input.as_ref().and_then(|input| catalogs(&cx, input));
    match (cx.check(), input) {
        (Ok(()), Some(input)) => impl_api_error(&input, catalogs.as_ref()),
        (Err(errors), _) => fallback::expand(node, &errors),
        // `from_syn` returns `None` only after reporting an error.
        (Ok(()), None) => fallback::expand(node, &syn::Error::new_spanned(node, "invalid input")),
    }
}

/// One variant (or the struct) with what the impl needs of it.
pub(crate) struct Arm<'i, 'a> {
    pub(crate) input: &'i Input<'a>,
    pub(crate) variant: &'i Variant<'a>,
    pub(crate) template: Option<&'i Template>,
    pub(crate) instance: Option<&'i Template>,
}

impl Arm<'_, '_> {
    pub(crate) fn path(&self) -> TokenStream {
        match self.variant.ident {
            Some(ident) => quote!(Self::#ident),
            None => quote!(Self),
        }
    }

    /// `Self::V { .. }`: matches without binding anything.
    pub(crate) fn any(&self) -> TokenStream {
        let path = self.path();
        quote!(#path { .. })
    }

    /// `Self::V { name: __f_name, 0: __f_0, .. }`: binds just `members`.
    pub(crate) fn bind<'m>(&self, members: impl IntoIterator<Item = &'m Member>) -> TokenStream {
        let path = self.path();
        let binds = members.into_iter().map(|m| {
            let local = fmt::local(m);
            quote!(#m: #local)
        });
        quote!(#path { #(#binds,)* .. })
    }

    pub(crate) fn transparent_field(&self) -> Option<&Field<'_>> {
        self.variant
            .attrs
            .transparent
            .and(self.variant.fields.first())
    }

    pub(crate) fn status(&self) -> u16 {
        prop::effective_status(self.input, self.variant).unwrap_or(500)
    }

    /// An arm delegating to the transparent inner error, or `None`; `call`
    /// builds the arm's expression from the inner error's expression.
    pub(crate) fn delegate(
        &self,
        call: impl Fn(&TokenStream) -> TokenStream,
    ) -> Option<TokenStream> {
        let field = self.transparent_field()?;
        let pat = self.bind([&field.member]);
        let local = fmt::local_at(&field.member, field.ty.span());
        let inner = quote_spanned!(field.ty.span()=> ::errcodes::__private::transparent(#local));
        let body = call(&inner);
        Some(quote!(#pat => #body,))
    }

    /// Field-level items of the variant with a given attribute.
    pub(crate) fn fields_with<'s>(
        &'s self,
        pick: impl Fn(&Field) -> bool + 's,
    ) -> impl Iterator<Item = &'s Field<'s>> + 's {
        self.variant.fields.iter().filter(move |f| pick(f))
    }
}

fn impl_api_error(input: &Input, catalogs: Option<&Catalogs>) -> TokenStream {
    let arms: Vec<Arm> = input
        .variants
        .iter()
        .map(|variant| Arm {
            input,
            variant,
            template: variant.detail.as_ref(),
            instance: variant.instance.as_ref(),
        })
        .collect();
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let predicates = where_predicates(input);

    let api = quote!(::errcodes::ApiError);
    let status = method(&arms, &quote!(#api::status), |arm| {
        let written = arm
            .variant
            .attrs
            .status
            .as_ref()
            .or(arm.input.attrs.status.as_ref());
        let code = arm.status();
        match written {
            // Every decision (4xx or 5xx, title, redaction) was made from the
            // constant's name, so its value is checked to be that status at
            // compile time: a constant named `NOT_FOUND` that is 500 is an
            // error at the path, never a 500 rendered as a 404.
            Some(status) if syn::parse2::<syn::Path>(status.tokens.clone()).is_ok() => {
                // An anonymous const item, because `cargo check` evaluates
                // those (an inline `const { }` only at code generation).
                let path = &status.tokens;
                let check = quote_spanned!(path.span()=> const _: () = ::errcodes::__private::check_named_status(#path, #code););
                let status = status_expr(code);
                quote!({ #check #status })
            }
            _ => status_expr(code),
        }
    });
    let code = method(&arms, &quote!(#api::code), |arm| {
        let code = prop::effective_code(arm.input, arm.variant);
        quote!(#code)
    });
    let title = method(&arms, &quote!(#api::title), |arm| {
        let title = arm_title(arm);
        quote!(#title)
    });
    let detail = detail_body(&arms);
    let optional = optional_methods(input, &arms, catalogs);

    let schema_name = ident.to_string();
    // With thiserror's Display, actix's own trait; without, a conversion.
    let displays = input.has_error_attr.then(|| quote!(display));
    let inner_types = arms
        .iter()
        .filter_map(|arm| arm.transparent_field().map(|field| field.ty));
    let decode = decode::impl_decode(
        input,
        envelope_expr(input),
        &impl_generics,
        &ty_generics,
        &predicates,
        &|variant| readings(input, catalogs, variant),
    );
    let from_impls = from_impls(input);
    let catalog = catalog_impl(input, &arms, catalogs);
    let examples = catalog::impl_examples(input, &arms);
    #[cfg(feature = "fluent")]
    let message_args = l10n::impl_message_args(
        &arms,
        catalogs,
        &quote!(impl #impl_generics ::errcodes::__private::MessageArgs for #ident #ty_generics where #(#predicates,)*),
    );
    #[cfg(not(feature = "fluent"))]
    let message_args = TokenStream::new();

    quote! {
        #from_impls
        #catalog
        #examples
        #message_args
        ::errcodes::__private::impl_axum! {
            {#impl_generics} {#ident #ty_generics} {#(#predicates,)*}
        }
        ::errcodes::__private::impl_actix! {
            {#impl_generics} {#ident #ty_generics} {#(#predicates,)*} {#displays}
        }
        ::errcodes::__private::impl_utoipa! {
            {#impl_generics} {#ident #ty_generics} {#(#predicates,)*} {#schema_name} {#(#inner_types),*}
        }
        ::errcodes::__private::impl_tonic! {
            {#impl_generics} {#ident #ty_generics} {#(#predicates,)*}
        }
        #decode
        #[automatically_derived]
        #[allow(clippy::match_same_arms, clippy::too_many_lines, unreachable_code)]
        impl #impl_generics #api for #ident #ty_generics where #(#predicates,)* {
            fn status(&self) -> ::errcodes::__private::StatusCode {
                #status
            }
            fn code(&self) -> &str {
                #code
            }
            fn title(&self) -> &str {
                #title
            }
            fn fmt_detail(
                &self,
                __formatter: &mut ::errcodes::__private::Formatter<'_>,
            ) -> ::errcodes::__private::FmtResult {
                #detail
            }
            #optional
        }
    }
}

/// A status as an expression: the `http` crate's named constant (a path,
/// cheaper to compile than evaluating a `const` block per variant), or the
/// status built in a `const` block for a code it does not name.
pub(super) fn status_expr(code: u16) -> TokenStream {
    match status::by_code(code) {
        Some((_, name, _)) => {
            let name = format_ident!("{}", name);
            quote!(::errcodes::__private::StatusCode::#name)
        }
        None => quote!(const { ::errcodes::__private::status(#code) }),
    }
}

/// `match self { ... }` with one constant arm per variant and a delegating
/// arm per transparent variant. An empty enum matches on `*self`.
pub(super) fn method(
    arms: &[Arm],
    delegate: &TokenStream,
    constant: impl Fn(&Arm) -> TokenStream,
) -> TokenStream {
    if arms.is_empty() {
        return quote!(match *self {});
    }
    let each = arms.iter().map(|arm| {
        arm.delegate(|inner| quote!(#delegate(#inner)))
            .unwrap_or_else(|| {
                let pat = arm.any();
                let value = constant(arm);
                quote!(#pat => #value,)
            })
    });
    quote!(match self { #(#each)* })
}

/// `match self { ... }`, or `match *self {}` for an empty enum.
pub(super) fn match_self(arms: &[Arm], each: impl Iterator<Item = TokenStream>) -> TokenStream {
    if arms.is_empty() {
        quote!(match *self {})
    } else {
        quote!(match self { #(#each)* })
    }
}

/// The type's envelope, as a constant expression, if it declares one.
pub(super) fn envelope_expr(input: &Input) -> Option<TokenStream> {
    let p = quote!(::errcodes::__private);
    match &input.attrs.envelope {
        Some(EnvelopeAttr::Name(lit)) => {
            let constant = match lit.value().as_str() {
                "jsonapi" => quote!(JsonApi),
                "laravel" => quote!(Laravel),
                "drf" => quote!(Drf),
                "shipstream" => quote!(ShipStream),
                "aip193" => quote!(Aip193),
                "connect" => quote!(Connect),
                _ => quote!(Problem),
            };
            Some(quote!(#p::Envelope::#constant))
        }
        Some(EnvelopeAttr::Path(path)) => {
            // Spanned at the path, so a value that is not a `Format` (or not
            // a constant) is reported there.
            let envelope = quote_spanned!(path.span()=> #p::custom_envelope(&#path));
            Some(quote!(const { #envelope }))
        }
        None => None,
    }
}

/// The variant's title: its own, else its status's reason phrase.
pub(super) fn arm_title(arm: &Arm) -> String {
    match &arm.variant.attrs.title {
        Some(lit) => lit.value(),
        None => status::default_title(arm.status()).to_owned(),
    }
}

/// The request member a variant is about, as `(pattern, Some(location))`:
/// its `attr`, or its `#[api(attr)]` field.
pub(super) fn member(arm: &Arm) -> Option<(TokenStream, TokenStream)> {
    let p = quote!(::errcodes::__private);
    if let Some(lit) = &arm.variant.attrs.attr_name {
        return Some((arm.any(), quote!(#p::Some(#p::Location::Field(#lit)))));
    }
    let field = arm.fields_with(|f| f.attrs.attr_flag.is_some()).next()?;
    let pat = arm.bind([&field.member]);
    let local = fmt::local_at(&field.member, field.ty.span());
    let name = quote_spanned!(field.ty.span()=> ::errcodes::__private::attr_name(#local));
    Some((pat, quote!(#p::Some(#p::Location::Field(#name)))))
}

/// A variant's explicit JSON:API source, `pointer`, `parameter` or `header`,
/// as a `Location` expression.
pub(super) fn explicit_source(arm: &Arm) -> Option<TokenStream> {
    let p = quote!(::errcodes::__private);
    let v = &arm.variant.attrs;
    [
        (&v.pointer, quote!(Pointer)),
        (&v.parameter, quote!(Parameter)),
        (&v.header, quote!(Header)),
    ]
    .into_iter()
    .find_map(|(lit, kind)| lit.as_ref().map(|lit| quote!(#p::Location::#kind(#lit))))
}
